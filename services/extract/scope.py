"""Time scopes a figure applies to, normalised: '2023', '2023-07', '2024-01/2024-05',
'2025-01/' (since the beginning of 2025), '2024-spring'. Found in the characters, then
attached to a figure through the parse (`scope_for`)."""

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from services.extract.numbers import parse_words

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19|20)\d{2}"
_MY = rf"(?:(?:mid-|early |late )?{_MONTH}\s+(?:of\s+)?{_YEAR}|{_YEAR})"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

PATTERNS = [
    (
        "between",
        rf"\b(?:between|from)\s+(?P<a>{_MY})\s*(?:and|to|until|through|-|–)\s*-?\s*"
        rf"(?P<b>{_MY})",
    ),
    (
        "first_n",
        rf"\b(?:in\s+|during\s+|over\s+)?the\s+first\s+(?P<n>{_COUNT})\s+months\s+of\s+"
        rf"(?P<y>{_YEAR})",
    ),
    ("by_end", rf"\bby\s+the\s+end\s+of\s+(?P<a>{_MY})"),
    ("since", rf"\bsince\s+(?:the\s+(?:beginning|start)\s+of\s+)?(?P<a>{_MY})"),
    ("season", rf"\b(?:in\s+(?:the\s+)?)?(?P<s>{_SEASON})\s+(?:of\s+)?(?P<y>{_YEAR})"),
    (
        "month_year",
        rf"\b(?:in|during|throughout|for|by)\s+(?P<a>(?:mid-|early |late )?{_MONTH}\s+"
        rf"(?:of\s+)?{_YEAR})",
    ),
    (
        "year",
        rf"\b(?:in|during|throughout|for|over)\s+(?:the\s+year\s+)?(?P<a>{_YEAR})\b"
        rf"(?!\s*[-–/]\d)",
    ),
    ("last_year", r"\b(?:(?:in|during|over|of)\s+)?(?P<which>last|this|the past|next)\s+year\b"),
    (
        "part",
        rf"\b(?:in\s+|during\s+|over\s+)?the\s+(?P<part>first|second|third|fourth|last)"
        rf"\s+(?P<unit>half|quarter)\s+of\s+(?P<y>{_YEAR})",
    ),
    ("quarter", rf"\b(?:in\s+)?(?P<q>Q[1-4])\s+(?P<y>{_YEAR})"),
]
_COMPILED = [(kind, re.compile(p, re.IGNORECASE)) for kind, p in PATTERNS]


@dataclass(frozen=True)
class Scope:
    start: int
    end: int
    value: str


def month_year(text: str) -> str:
    """'June 2023' → '2023-06'; '2023' → '2023'."""
    year = re.search(_YEAR, text).group(0)
    month = re.match(r"(?:mid-|early |late )?([a-z]+)", text.lower())
    if month and not month.group(1).isdigit():
        number = next((n for name, n in MONTHS.items() if name.startswith(month.group(1)[:3])), None)
        if number:
            return f"{year}-{number:02d}"
    return year


def normalise(kind: str, m: re.Match, published_year: int | None) -> str | None:
    if kind == "between":
        return f"{month_year(m.group('a'))}/{month_year(m.group('b'))}"
    if kind == "first_n":
        n = int(m.group("n")) if m.group("n").isdigit() else parse_words(m.group("n"))
        return f"{m.group('y')}-01/{m.group('y')}-{n:02d}"
    if kind == "by_end":
        return f"/{month_year(m.group('a'))}"
    if kind == "since":
        start = month_year(m.group("a"))
        return f"{start if '-' in start else start + '-01'}/"
    if kind == "season":
        season = "autumn" if m.group("s").lower() == "fall" else m.group("s").lower()
        return f"{m.group('y')}-{season}"
    if kind == "last_year":
        if published_year is None:
            return None
        shift = {"this": 0, "next": 1}.get(m.group("which").lower(), -1)
        return str(published_year + shift)
    if kind in ("part", "quarter"):
        return part_of_year(m)
    return month_year(m.group("a"))


PARTS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": -1}


def part_of_year(m: re.Match) -> str:
    """'the first half of 2026' → '2026-01/2026-06'; 'Q3 2025' → '2025-07/2025-09'."""
    groups = m.groupdict()
    if groups.get("q"):
        index, months = int(groups["q"][1]) - 1, 3
    else:
        months = 6 if groups["unit"].lower() == "half" else 3
        index = PARTS[groups["part"].lower()] % (12 // months)
    first = index * months + 1
    return f"{m.group('y')}-{first:02d}/{m.group('y')}-{first + months - 1:02d}"


def find_scopes(text: str, published_year: int | None = None) -> list[Scope]:
    """Every time scope in `text`, longest first where two overlap."""
    found: list[Scope] = []
    for kind, pattern in _COMPILED:
        for m in pattern.finditer(text):
            if any(s.start <= m.start() < s.end or m.start() <= s.start < m.end() for s in found):
                continue
            value = normalise(kind, m, published_year)
            if value:
                found.append(Scope(m.start(), m.end(), value))
    return sorted(found, key=lambda s: s.start)


BASELINE = re.compile(r"\b(?:as|than|compared (?:with|to)|versus|vs\.?|from)\s*$", re.IGNORECASE)


def is_baseline(text: str, start: int) -> bool:
    """'twice as many as in spring 2024', 'up from 54% in 2023': a comparison's baseline."""
    return bool(BASELINE.search(text[max(0, start - 20) : start]))


def clause_of(token: Token, anchor: Token) -> set[int]:
    """Token indices a time scope may hang on: the figure's ancestors up to a coordinated
    clause, the counted phrase, the verb's own phrases ('through a center between June 2023
    and May 2024') and what leads its clause ('In 2021, a quake killed ...')."""
    allowed = {t.i for t in anchor.subtree} | {token.i}
    verb = None
    for ancestor in token.ancestors:
        allowed.add(ancestor.i)
        if verb is None and ancestor.pos_ in ("VERB", "AUX"):
            verb = ancestor
        if ancestor.dep_ == "conj" and ancestor.pos_ in ("VERB", "AUX"):
            break
    if verb is None:
        return allowed
    verbs = [verb, *verb.conjuncts]
    phrases = [c for v in verbs for c in v.children if c.dep_ == "prep"]
    leading = [c for c in verb.children if c.i < verb.i and c.dep_ not in ("nsubj", "nsubjpass")]
    return (
        allowed
        | {v.i for v in verbs}
        | {t.i for c in phrases for t in [c, *c.children]}
        | {t.i for c in leading for t in c.subtree}
    )


def scope_for(
    token: Token,
    anchor: Token,
    span: tuple[int, int],
    scopes: list[Scope],
    others: list[int],
    sent: Span,
) -> str | None:
    """The nearest scope after the figure (not past another figure), else the nearest before."""
    allowed = clause_of(token, anchor)
    inside = [s for s in scopes if sent.start_char <= s.start < sent.end_char]
    text, offset = sent.text, sent.start_char
    attached = [
        s for s in inside if _head_of(sent.doc, s) in allowed and not is_baseline(text, s.start - offset)
    ]
    after = [s for s in attached if s.start >= span[1] and not any(span[1] <= o < s.start for o in others)]
    before = [s for s in attached if s.end <= span[0]]
    return after[0].value if after else before[-1].value if before else None


def _head_of(doc: Doc, scope: Scope) -> int:
    span = doc.char_span(scope.start, scope.end, alignment_mode="expand")
    return span.root.head.i if span is not None else -1
