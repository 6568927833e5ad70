"""Page furniture in plain-text articles, found line by line with general rules: the one
rule set every stage uses (extract blanks it, dedupe leaves it out of what it compares).

`clean_text` blanks furniture lines with spaces so character offsets stay those of the
article text. HTML becomes text first (`services.text.markup.text_from_html`).
"""

import re


class Caseless:
    """A case-insensitive rule searched quickly. Python's re tries every alternative of a
    re.IGNORECASE pattern at every position; an ASCII line lower-cased and searched without
    it gives the same match 3-4 times faster (a match of the lower-cased line: same places).
    Any other line is searched with re.IGNORECASE. The pattern spells letters lower-case."""

    def __init__(self, pattern: str) -> None:
        if re.search(r"(?<!\\)[A-Z]", pattern):
            raise ValueError(f"furniture: caseless pattern with an upper-case letter: {pattern}")
        self.folded, self.lowered = re.compile(pattern, re.IGNORECASE), re.compile(pattern)

    def search(self, line: str) -> re.Match[str] | None:
        if line.isascii():
            return self.lowered.search(line.lower())
        return self.folded.search(line)


# Site marks: never part of a news sentence.
MARK = Caseless(
    r"(^advertisement|^sponsored|privacy policy|terms of (use|service)|all rights reserved|^copyright|©"
    r"|skip to (main )?content|(site|website|page) uses cookies|click here|image caption"
    r"|\bsign in\b|trust project|indicates required|originally (published|appeared)"
    r"|^this (story|article) (was|has been|is) (\w+ )?(published|syndicated|republished|produced)"
    r"|^\(?(additional )?(reporting|writing|editing) by)",
)
# Appeals to the reader: a line counts only when it addresses the reader (see `is_appeal`).
APPEAL = Caseless(
    r"\b(subscribe|newsletter|become a member|our members|(reach|join) \d[\d,.]* (members|readers)"
    r"|donate (now|today)|make a donation|paywall|support (our|us|independent)"
    r"|sign up (today|now|for (our|the) (newsletter|briefing))|ad[- ]free|cookies?|log ?in\b"
    r"|your (account|settings)|trust principles|our standards|follow us|share (this|on (facebook|x|"
    r"twitter|whatsapp))|independent journalism|unlimited access"
    r"|for (just|only) [$€£]\d)",
)
READER = re.compile(r"\b(you|your|us|our|we)\b", re.IGNORECASE)
IMPERATIVE = re.compile(
    r"(^|[.!?]\s+)(get|join|support|subscribe|sign|donate|become|help|stand|register|unlock|try"
    r"|start|click|accept|manage|log|follow|share|read|make)\b",
    re.IGNORECASE,
)
# '..., regulators said.' / 'according to the ministry': a sentence that attributes is prose.
ATTRIBUTION = Caseless(
    r"\b(said|says|told|tells|according to|reported|reports|announced|estimated|estimates"
    r"|stated|added|wrote|confirmed|citing|noted|claimed)\b",
)
APPEAL_MAX_WORDS = 60
PHOTO_CREDIT_WORDS = Caseless(
    r"(getty images|\bafp\b|\bap photo\b|reuters/|/reuters|\bepa\b|shutterstock|"
    r"wikimedia commons|photo (by|via|credit|:)|image (credit|:|via)|\bphoto \d+ of \d+)",
)
# 'NEMENOV/Getty Images', '(Photo/Agency via X)' at the end of a line; slow on long lines, so
# tried only on lines holding a slash
CREDIT_TAIL = re.compile(
    r"[A-Z]{2,}[A-Z ]*/[A-Z][\w ]+\)?\s*$|\(\w[\w .]*/\w[\w .]*(via [\w ]+)?\)\s*$",
    re.IGNORECASE,
)


def is_photo_credit(line: str) -> bool:
    return bool(PHOTO_CREDIT_WORDS.search(line)) or ("/" in line and bool(CREDIT_TAIL.search(line)))

COUNTER = Caseless(
    r"^\W*(\d[\d,.]*\s*(views?|comments?|shares?|likes?|min(ute)?s? read|read)?\W*)+$"
    r"|^\W*(comments?|views?|shares?|likes?)\W*\(?\d[\d,.]*\)?\W*$"
    r"|read time|min read|\bminutes? read\b|^\W*(updated|published|posted)\b",
)
BYLINE = re.compile(
    r"^\s*(by|di|von|par|por|written by)\s+[A-Z][\w.'-]*(\s+[A-Z][\w.'-]*){0,4}"
    r"\b",
    re.IGNORECASE,
)
DATELINE = re.compile(
    r"^\W*((mon|tue|wed|thu|fri|sat|sun)\w*,?\s*)?((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov"
    r"|dec)\w*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}\s+(jan|feb|mar|apr|"
    r"may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d{4})[\s\d:,apm.]*(\b(utc|gmt|[a-z]{1,3}t))?\W*$",
    re.IGNORECASE,
)
TAIL_SECTION = re.compile(
    r"^\s*(news feed|more news|editors'? picks|most (read|popular|viewed)|related( (articles|"
    r"stories|news|coverage))?|recommended( for you)?|trending( now)?|sources|comments?|"
    r"latest( news)?|you may also like|read next|popular)\s*:?\s*$",
    re.IGNORECASE,
)
# 'Correction: An earlier version of this story said ...': the publisher stating a change to
# the story; part of the story wherever the page put it, even below a "Most read" list.
# CHANGE_NOTE reads a line of the page, CHANGE_NOTE_WORDS a normalised sentence (words only).
CHANGE_LABEL = r"(correction|clarification|update|updated|editor\W?s note)"
CHANGE_NOTE = re.compile(rf"^\W*{CHANGE_LABEL}\s*[:(,—–-]", re.IGNORECASE)
CHANGE_NOTE_WORDS = re.compile(rf"^{CHANGE_LABEL}\b")
READ_MORE = re.compile(r"^\s*(read more\b|read also\b|see also\b|also read\b|related:|more on\b)", re.I)
NAV = re.compile(
    r"^\s*(home|menu|search|translate|follow|share|close|next|previous)\s*$",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")


# 'World › Asia', 'World · Politics · Business', "Today's paper · 36 pages": short fragments
# between separators, never a sentence
BREADCRUMB = re.compile(r"^\s*[\w .'’&-]{1,30}(\s+[|›»>/·•]\s+[\w .'’&-]{1,30}){1,6}\s*$")


WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,\s+[A-Z][a-z]{2,8}\.? \d{1,2} \((Reuters|AP|AFP)\)\W*$")
# "LODI, Italy — At least ...": the place a story was filed from, not part of its first sentence
PLACE_DATELINE = re.compile(
    r"^[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*)? [—–] "
)
# The place a story was filed from, as wires and papers write it: 'SANTO DOMINGO, Dominican
# Republic (AP) —', 'DHAKA, July 20 (bdnews24.com) -', 'Mecca (AFP) –', 'Santo Domingo.-',
# 'BANGKOK:', 'Kanazawa, Ishikawa Pref., Feb. 1 (Jiji Press)--'.
FILED_FROM = re.compile(
    r"^\s*(?P<place>[A-Z][\w'’.-]*(?:[ /][A-Z][\w'’.-]*){0,3}(?:, ?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})*?)"
    r"(?:,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\w*\.? \d{1,2})?"
    r"\s*(?:\([^()]{2,40}\))?(?:\s*[—–]|\s+-{1,2}|-{2}|\.-|:)(?=\s|[A-Z])"
)


def dateline_end(line: str) -> int:
    """Where a body line's leading dateline ends ('VIÑA DEL MAR, Chile (AP) — ' of the line),
    0 without one."""
    match = FILED_FROM.match(line)
    return match.end() if match else 0


def dateline_places(line: str) -> list[str]:
    """The place names of a body line's leading dateline, widest last: 'SANTO DOMINGO,
    Dominican Republic (AP) — ...' → ['SANTO DOMINGO', 'Dominican Republic']; [] without one."""
    match = FILED_FROM.match(line)
    if not match:
        return []
    return [name.strip(" .") for name in re.split(r",|/", match.group("place")) if name.strip(" .")]


NUMBERED = re.compile(r"^\d{1,2}(?:[.)]\s+|\s+\d)")


def numbered_heading(line: str) -> bool:
    """'1. Ten things to know about the 2026 budget': an item of a numbered link list."""
    return bool(NUMBERED.match(line)) and is_heading(line)


NEWS_LABEL = re.compile(r"^\s*(last|latest|more|top|breaking) news\b", re.IGNORECASE)
# 'Maria Keller has covered Asia for 12 years.', 'John Roe is a senior reporter at ...'
AUTHOR_BIO = re.compile(
    r"^[A-Z][\w'-]+ [A-Z][\w'-]+ (has (covered|reported on|written about|worked)"
    r"|is (a|an|the) ([\w-]+ ){0,3}(reporter|correspondent|editor|writer|journalist|columnist))\b"
)


def is_furniture(line: str) -> bool:
    """One line that is never article prose: appeals, credits, counters, bylines, nav."""
    stripped = line.strip()
    if not stripped or is_attributed_sentence(stripped):
        return False
    words = len(stripped.split())
    appeal = is_appeal(stripped) and words <= APPEAL_MAX_WORDS
    byline = BYLINE.match(stripped) and words <= 12 and not SENTENCE_END.search(stripped)
    label = NEWS_LABEL.match(stripped) and is_heading(stripped)
    patterns = (MARK, COUNTER, NAV, BREADCRUMB, WIRE_DATELINE, DATELINE, AUTHOR_BIO)
    return bool(appeal or byline or label or numbered_heading(stripped)) or any(
        p.search(stripped) for p in patterns
    ) or is_photo_credit(stripped) or all_parts_furniture(stripped)


SEPARATOR = re.compile(r"\s+[|·•]\s+")


def all_parts_furniture(line: str) -> bool:
    """'Jul 17, 2024 1:45 pm | 142 comments', 'By Ana Ruiz · 5 min read': pieces of page chrome
    run into one line between separators."""
    parts = SEPARATOR.split(line)
    return len(parts) > 1 and all(is_furniture(part) for part in parts)


def is_appeal(line: str) -> bool:
    """'Help us reach 20,000 members', 'Subscribe today': an appeal word in a line that speaks
    to the reader (you, us, an imperative), not 'About 5 million people subscribe to it'."""
    return bool(APPEAL.search(line)) and bool(READER.search(line) or IMPERATIVE.search(line))


def is_attributed_sentence(line: str) -> bool:
    """'The EU fined Google 150 million euros over cookies, regulators said.': a full sentence
    that names who says it is reported prose, whatever words it contains."""
    words = line.split()
    full = len(words) >= 6 and line[0].isupper() and SENTENCE_END.search(line) is not None
    return full and ATTRIBUTION.search(line) is not None and not is_photo_credit(line)


def is_teaser(line: str) -> bool:
    return line.rstrip().endswith(("…", "...")) and len(line.split()) > 8


def is_heading(line: str) -> bool:
    """A short line without sentence punctuation: a headline, label or nav item."""
    words = line.split()
    return 0 < len(words) <= 14 and not SENTENCE_END.search(line)


def keep_mask(lines: list[str], candidates: list[bool] | None = None) -> list[bool]:
    """True for each line that belongs to the article prose (or its headline). Only the
    `candidates` lines (all by default) are judged; the others are left out unjudged."""
    judged = candidates or [True] * len(lines)
    keep = [c and not is_furniture(line) for line, c in zip(lines, judged, strict=True)]
    in_read_more = False
    for i, line in enumerate(lines):
        if TAIL_SECTION.match(line) and i > len(lines) // 3:
            return keep[:i] + [False] + change_notes(lines[i + 1 :], keep[i + 1 :])
        if READ_MORE.match(line):
            keep[i], in_read_more = False, True
        elif in_read_more and is_heading(line):
            keep[i] = False
        elif line.strip():
            in_read_more = False
        if is_teaser(line):
            keep[i] = False
            _drop_heading_before(lines, keep, i)
    return keep


def change_notes(lines: list[str], keep: list[bool]) -> list[bool]:
    """True for the publisher's change notes among the lines of a page's tail."""
    return [k and is_change_note(line) for line, k in zip(lines, keep, strict=True)]


def is_change_note(line: str) -> bool:
    """A correction, clarification or update note: a sentence starting with its label."""
    return bool(CHANGE_NOTE.match(line)) and SENTENCE_END.search(line) is not None


def _drop_heading_before(lines: list[str], keep: list[bool], i: int) -> None:
    j = i - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    if j >= 0 and is_heading(lines[j]):
        keep[j] = False


def clean_text(text: str) -> str:
    """The article text with furniture lines blanked (same length, same offsets)."""
    lines = text.split("\n")
    mask = keep_mask(lines)
    kept = (undated(line) if k else " " * len(line) for line, k in zip(lines, mask, strict=True))
    return "\n".join(kept)


def undated(line: str) -> str:
    """The line with a leading place dateline blanked (same length)."""
    match = PLACE_DATELINE.match(line)
    return " " * match.end() + line[match.end() :] if match else line
