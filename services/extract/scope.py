"""Time scopes a figure applies to, normalised: '2023', '2023-07', '2024-01/2024-05',
'2025-01/' (since the beginning of 2025), '2024-spring'. Characters only, no spaCy;
`scope_attachment.py` decides which scope belongs to which figure."""

import re
from dataclasses import dataclass

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
MONTH_WORD = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19|20)\d{2}"
_MY = rf"(?:(?:mid-|early |late )?{MONTH_WORD}\s+(?:of\s+)?{_YEAR}|{_YEAR})"
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
    (
        "since",
        rf"\bsince\s+(?:the\s+(?:beginning|start)\s+of\s+|the\s+\w+\s+(?:began|started|erupted)"
        rf"\s+in\s+)?(?P<a>{_MY})",
    ),
    ("season", rf"\b(?:in\s+(?:the\s+)?)?(?P<s>{_SEASON})\s+(?:of\s+)?(?P<y>{_YEAR})"),
    (
        "month_year",
        rf"\b(?:in|during|throughout|for|by)\s+(?P<a>(?:mid-|early |late )?{MONTH_WORD}\s+"
        rf"(?:of\s+)?{_YEAR})",
    ),
    (
        "year",
        rf"\b(?:in|during|throughout|for|over|the\s+whole\s+of|all\s+of)\s+(?:the\s+year\s+)?(?P<a>{_YEAR})\b"
        rf"(?!\s*[-–/]\d)",
    ),
    ("last_year", r"\b(?:(?:in|during|over|of)\s+)?(?P<which>last|this|the past|next)\s+year\b"),
    ("last_month", r"\b(?:(?:in|during|over|of)\s+)?(?P<which>last|this|the past)\s+month\b"),
    # a count of one day ('19 deaths in a single day', '106 admitted in the 24 hours to 8am'):
    # the day of the report
    ("day", r"\b(?:in|over|during|within)\s+(?:the\s+(?:past\s+|last\s+|previous\s+)?24\s+hours|"
            r"a\s+(?:single\s+)?day|one\s+day)\b"),
    (
        "part",
        rf"\b(?:in\s+|during\s+|over\s+)?the\s+(?P<part>first|second|third|fourth|last)"
        rf"\s+(?P<unit>half|quarter)\s+of\s+(?P<y>{_YEAR})",
    ),
    ("quarter", rf"\b(?:in\s+)?(?P<q>Q[1-4])\s+(?P<y>{_YEAR})"),
]
_COMPILED = [(kind, re.compile(p, re.IGNORECASE)) for kind, p in PATTERNS]
# 'in December' (no year): the last such month up to the publication date. Capitalised only.
# A sentence-opening 'In April, officials said ...' dates the saying, not a period of the
# count: `scope_attachment` leaves a scope on a speech verb to what the speaker says.
_BARE_MONTH = "|".join(m.capitalize() for m in MONTHS)
_COMPILED.append(
    ("month", re.compile(rf"\b(?:[Ii]n|[Dd]uring|[Tt]hroughout|[Ff]or)\s+(?P<a>{_BARE_MONTH})\b"
                         rf"(?!\s*\d)(?!,\s*{_YEAR}\b)"))
)


def one_day(year: int, month: int, day: int) -> str:
    """The scope of a count of one day."""
    return f"{year}-{month:02d}-{day:02d}"


def is_one_day(scope: str | None) -> bool:
    """A scope of one day ('2024-09-15'), the form `normalise` gives a count of one day."""
    return scope is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", scope) is not None


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


def normalise(
    kind: str, m: re.Match, published_year: int | None, published_month: int = 12,
    published_day: int | None = None,
) -> str | None:
    if kind == "month":
        month = MONTHS[m.group("a").lower()]
        if published_year is None:
            return None
        return f"{published_year - (month > published_month)}-{month:02d}"
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
    if kind == "last_month":
        if published_year is None:
            return None
        shift = 0 if m.group("which").lower() == "this" else 1
        year, month = divmod(published_year * 12 + published_month - 1 - shift, 12)
        return f"{year}-{month + 1:02d}"
    if kind == "day":
        if published_year is None or published_day is None:
            return None
        return one_day(published_year, published_month, published_day)
    if kind in ("part", "quarter"):
        return part_of_year(m)
    bound = "/" if m.group(0).lower().startswith("by") else ""  # 'by March 2026': an end
    return bound + month_year(m.group("a"))


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


def find_scopes(
    text: str, published_year: int | None = None, published_month: int = 12, published_day: int | None = None
) -> list[Scope]:
    """Every time scope in `text`, longest first where two overlap."""
    found: list[Scope] = []
    for kind, pattern in _COMPILED:
        for m in pattern.finditer(text):
            if any(s.start <= m.start() < s.end or m.start() <= s.start < m.end() for s in found):
                continue
            value = normalise(kind, m, published_year, published_month, published_day)
            if value:
                found.append(Scope(m.start(), m.end(), value))
    return sorted(found, key=lambda s: s.start)
