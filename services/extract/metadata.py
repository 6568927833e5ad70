"""Title, outlet and publication time of a plain-text article, where the text shows them."""

import calendar
import re
from datetime import UTC, datetime, timedelta

import dateparser

from services.extract.scope import MONTH_WORD
from services.text.furniture import NAV, WIRE_DATELINE, dateline_places, is_furniture

HEADER_LINES = 12
PROSE_WORDS = 12  # a line this long is a paragraph, not a headline or a label
OUTLET_PATTERNS = [
    re.compile(r"^[A-Z][A-Z .'-]+,\s+[A-Z][a-z]{2,8}\.? \d{1,2} \((?P<o>Reuters|AP|AFP)\)"),
    re.compile(
        r"(?P<o>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}) (?:has|have) (?:contacted|reached "
        r"out to) .{3,80} for comment"
    ),
    re.compile(r"\bobtained by (?:the )?(?P<o>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})"),
    re.compile(r"(?:©|copyright)\s*(?:\d{4}\s+)?(?P<o>[A-Z][\w.&' -]{1,40}?)[.,]", re.IGNORECASE),
]
# Where a header line holds a date (dateparser's own search also takes '2 min read' for one);
# dateparser then reads what was found, time zone included.
_TIME = (
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?"
    r"(?:\s*(?P<tz>(?:UTC|GMT)\s?[+-]\s?\d{1,2}(?::?\d{2})?|[A-Z]{2,5}\b|[+-]\d{2}:?\d{2}))?)?"
)
DATE_PATTERNS = [
    re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"),
    re.compile(rf"\b[A-Z][a-z]{{2,8}}\.? \d{{1,2}},? \d{{4}}{_TIME}"),
    re.compile(rf"\b\d{{1,2}} [A-Z][a-z]{{2,8}}\.? \d{{4}}{_TIME}"),
    re.compile(rf"\b(?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})[/.]\d{{4}}\b{_TIME}"),
]
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]\d{4}\b")
_MONTH_FIRST = re.compile(r"\b[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\b")
_DAY_FIRST = re.compile(r"\b\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}\b")
# North American zones: an outlet that writes them writes month-first dates. The generic
# 'ET'/'PT' follow daylight saving, which dateparser's fixed-offset table does not.
NORTH_AMERICAN = re.compile(r"\d[:.]\d\d\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:E|C|M|P)[SD]?T\b")
GENERIC_ZONES = {
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles",
}  # fmt: skip
SETTINGS = {"RETURN_AS_TIMEZONE_AWARE": True, "TO_TIMEZONE": "UTC", "PREFER_DATES_FROM": "past"}


def infer_metadata(text: str, reference: datetime | None = None) -> dict:
    """{'title', 'outlet', 'published', 'published_ambiguous', 'filed_from'} from the first lines and
    self-references; None if unseen. `reference` (when the article was received) settles a
    '03/04/2025' the text itself leaves open."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    published, ambiguous = infer_published(lines[:HEADER_LINES], date_order(text), reference)
    return {
        "title": infer_title(lines),
        "outlet": infer_outlet(lines),
        "published": published,
        "published_ambiguous": ambiguous,
        "filed_from": filed_from(lines),
    }


def filed_from(lines: list[str]) -> list[str]:
    """The dateline's place names, read off the first paragraph of prose (a headline is not
    one: 'Dengue: record 19 deaths ...')."""
    for line in lines[:HEADER_LINES]:
        prose = len(line.split()) >= PROSE_WORDS and line[-1] in ".!?\"”'’"
        if prose or WIRE_DATELINE.match(line):  # 'BRATISLAVA, Oct 6 (Reuters) -' on its own line
            return dateline_places(line)
    return []


def infer_title(lines: list[str]) -> str | None:
    for line in lines[:HEADER_LINES]:
        words = line.split()
        if is_furniture(line) or NAV.search(line) or len(words) < 4 or len(words) > 25:
            continue
        if not line.endswith(".") or line.endswith("..."):
            return line
    return None


def infer_outlet(lines: list[str]) -> str | None:
    for pattern in OUTLET_PATTERNS:
        for line in lines:
            m = pattern.search(line)
            if m:
                return m.group("o").strip()
    return None


def infer_published(
    lines: list[str], order: str | None, reference: datetime | None = None
) -> tuple[datetime | None, bool]:
    """The first date in a short header line, in UTC, and whether its day/month order was a guess."""
    for line in lines:
        if len(line.split()) > 14:
            continue
        for pattern in DATE_PATTERNS:
            for m in pattern.finditer(line):
                found = read_date(m, order, reference)
                if found[0] is not None:
                    return found
    return None, False


def read_date(m: re.Match, order: str | None, reference: datetime | None) -> tuple[datetime | None, bool]:
    groups = m.groupdict()
    if not groups.get("a") or order is not None or int(groups["a"]) > 12 or int(groups["b"]) > 12:
        return parse_time(m, order or ("MDY" if int(groups.get("b") or 0) > 12 else "DMY")), False
    readings = [r for r in (parse_time(m, "DMY"), parse_time(m, "MDY")) if r is not None]
    if len(set(readings)) < 2 or reference is None:
        return (readings[0] if readings else None), len(set(readings)) > 1
    past = [r for r in readings if r <= reference + timedelta(days=1)]
    return (max(past) if past else min(readings)), True


def parse_time(m: re.Match, order: str) -> datetime | None:
    """dateparser on the matched text: the zone written in it honoured, else UTC; a zone it does
    not know (a capitalised word after the time) is dropped."""
    text, zone = m.group(0), m.groupdict().get("tz")
    settings = {**SETTINGS, "DATE_ORDER": order, "TIMEZONE": GENERIC_ZONES.get(zone or "", "UTC")}
    if zone in GENERIC_ZONES:
        text = text[: m.start("tz") - m.start()]
    found = dateparser.parse(text, languages=["en"], settings=settings)
    if found is None and zone:
        found = dateparser.parse(text[: m.start("tz") - m.start()], languages=["en"], settings=settings)
    return found.astimezone(UTC) if found else None


def date_order(text: str) -> str | None:
    """'MDY' or 'DMY' as the article itself writes dates, None when nothing in it tells:
    a numeric date with a part above 12, else its month-name style, else its time zones."""
    for a, b in _NUMERIC.findall(text):
        if int(a) > 12 >= int(b):
            return "DMY"
        if int(b) > 12 >= int(a):
            return "MDY"
    month_first, day_first = len(_MONTH_FIRST.findall(text)), len(_DAY_FIRST.findall(text))
    if month_first != day_first:
        return "MDY" if month_first > day_first else "DMY"
    return "MDY" if NORTH_AMERICAN.search(text) else None


# Words that make a time phrase name a day ('on Saturday night', 'a week ago', 'yesterday',
# 'on Sept. 4'), not a period ('in 2023', 'in May', 'in the week to Sunday') or an hour of the
# day of publication. Month words are the scope reader's.
WEEKDAYS = [day.lower() for day in calendar.day_name]
_DATED = re.compile(rf"\b{MONTH_WORD}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{MONTH_WORD}", re.IGNORECASE)
_DAY = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)}|yesterday|ago|last night)\b|{_DATED.pattern}", re.IGNORECASE)
_PERIOD = re.compile(r"\b(?:weeks?|days|hours|months?|years?)\b(?!\s+ago)", re.IGNORECASE)
# How far east of UTC an outlet may be: its day of publication may be the UTC stamp's next day.
ZONE_SPREAD = timedelta(hours=14)


def days_before(phrase: str, published: datetime | None) -> int | None:
    """How many days before the article's publication a time phrase puts what its clause says:
    'On Saturday night' in a Monday article 2, 'a week ago' 7, 'yesterday' 1, 'on March 4' the
    days since; 0 for the day of publication itself; None when the phrase names no day, names a
    period ('in the week to Sunday'), or a day the time stamp cannot place (a weekday that is
    today east of UTC or a week ago). Days are counted on the UTC stamp's calendar, so that two
    phrases of one article compare."""
    if published is None or not _DAY.search(phrase) or _PERIOD.search(phrase):
        return None
    stamp = published.astimezone(UTC)
    named = [day for day in WEEKDAYS if re.search(rf"\b{day}\b", phrase, re.IGNORECASE)]
    if len(named) == 1 and not _DATED.search(phrase):
        # a weekday named in news is of the article's own week (dateparser takes a weekday of
        # today for last week's)
        day = WEEKDAYS.index(named[0])
        last = re.search(rf"\blast\s+{named[0]}\b", phrase, re.IGNORECASE) is not None
        if day != stamp.weekday() and (stamp + ZONE_SPREAD).weekday() == day and not last:
            return None
        return (stamp.weekday() - day) % 7 or (7 if last else 0)
    base = stamp.replace(tzinfo=None)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    words = re.sub(r"^(?:late |early )?on\s+", "", phrase.strip(), flags=re.IGNORECASE)
    found = dateparser.parse(words, languages=["en"], settings=settings)
    if found is None or found > base + ZONE_SPREAD:
        return None
    days = (base.date() - found.date()).days
    return days if days <= LAST_YEAR else None  # 'March 11' a day after the stamp is this year's


# dateparser takes a date a day after the stamp for last year's; no earlier value is that old.
LAST_YEAR = 300
