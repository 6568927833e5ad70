"""Title, outlet and publication time of a plain-text article, where the text shows them."""

import re
from datetime import UTC, datetime

from services.extract.boilerplate import NAV, is_furniture

HEADER_LINES = 12
OUTLET_PATTERNS = [
    re.compile(r"^[A-Z][A-Z .'-]+,\s+[A-Z][a-z]{2,8}\.? \d{1,2} \((?P<o>Reuters|AP|AFP)\)"),
    re.compile(r"^\s*(?:last|latest) news (?:in|from|on)\s+(?P<o>[A-Z][\w.&' -]{1,40}?)\s*$", re.IGNORECASE),
    re.compile(
        r"(?P<o>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}) (?:has|have) (?:contacted|reached "
        r"out to) .{3,80} for comment"
    ),
    re.compile(r"(?P<o>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}) Is A Trust Project Member"),
    re.compile(r"\bobtained by (?:the )?(?P<o>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})"),
    re.compile(r"(?:©|copyright)\s*(?:\d{4}\s+)?(?P<o>[A-Z][\w.&' -]{1,40}?)[.,]", re.IGNORECASE),
]
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
DATE_PATTERNS = [
    re.compile(
        r"\b(?P<mon>[A-Z][a-z]{2,8})\.? (?P<d>\d{1,2}), (?P<y>\d{4})"
        r"(?:,? (?P<h>\d{1,2}):(?P<mi>\d{2})(?:\s*(?P<ap>[AP]M))?)?"
    ),
    re.compile(r"\b(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})\b"),
    re.compile(r"\b(?P<d>\d{1,2}) (?P<mon>[A-Z][a-z]{2,8}) (?P<y>\d{4})\b"),
]


def infer_metadata(text: str) -> dict:
    """{'title', 'outlet', 'published'} from the first lines and self-references; None if unseen."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return {
        "title": infer_title(lines),
        "outlet": infer_outlet(lines),
        "published": infer_published(lines[:HEADER_LINES]),
    }


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


def infer_published(lines: list[str]) -> datetime | None:
    for line in lines:
        if len(line.split()) > 14:
            continue
        for pattern in DATE_PATTERNS:
            m = pattern.search(line)
            if m:
                found = to_datetime(m.groupdict())
                if found:
                    return found
    return None


def to_datetime(parts: dict) -> datetime | None:
    month = int(parts["m"]) if parts.get("m") else None
    if parts.get("mon"):
        key = parts["mon"][:3].lower()
        month = MONTHS.index(key) + 1 if key in MONTHS else None
    hour = int(parts["h"]) if parts.get("h") else 0
    if parts.get("ap") == "PM" and hour < 12:
        hour += 12
    try:
        return datetime(
            int(parts["y"]),
            month or 0,
            int(parts["d"]),
            hour,
            int(parts.get("mi") or 0),
            tzinfo=UTC,
        )
    except (TypeError, ValueError):
        return None
