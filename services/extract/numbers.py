"""Numbers as written in news prose → values. No spaCy, no I/O."""

import re

UNITS_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "mln": 1_000_000,
    "bn": 1_000_000_000,
    "tn": 10**12,
    "m": 1_000_000,
    "k": 1_000,
    "b": 1_000_000_000,
    "trn": 10**12,
}

_SMALL = "|".join(sorted(list(UNITS_WORDS) + list(TENS_WORDS), key=len, reverse=True))
WORD_NUMBER = (
    rf"(?:(?:{_SMALL})(?:[- ](?:{'|'.join(UNITS_WORDS)}))?"
    rf"(?:\s+(?:hundred|thousand|million|billion)(?:\s+(?:and\s+)?(?:{_SMALL}))?)*)"
)
DIGITS = r"(?:\d{1,3}(?:[.,\u202f\u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
SCALE = r"(?:\s*(?:hundred|thousand|million|billion|trillion|mln|bn|tn)\b|(?:m|k|b|trn)\b)"
SHORT_SCALE = re.compile(r"\d(?:m|k|b|trn)$", re.IGNORECASE)


def parse_digits(text: str) -> int | float:
    """'10,000' / '10.000' / '160 000' → 10000; '1.5' / '1,5' → 1.5; '1.500' → 1500."""
    text = text.replace("\u202f", " ").replace("\u00a0", " ").replace(" ", "")
    groups = re.split(r"[.,]", text)
    if len(groups) == 1:
        return int(text)
    if all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
        return int("".join(groups))
    if len(groups) == 2:
        return as_number(float(f"{groups[0]}.{groups[1]}"))
    whole, frac = "".join(groups[:-1]), groups[-1]
    return as_number(float(f"{whole}.{frac}"))


def parse_words(text: str) -> int | None:
    """'Thirty-one' → 31; 'two hundred and five' → 205; 'six' → 6."""
    total, current = 0, 0
    for word in re.split(r"[\s-]+", text.lower()):
        if word == "and" or not word:
            continue
        if word in UNITS_WORDS:
            current += UNITS_WORDS[word]
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
        else:
            return None
    return total + current


def parse_number(text: str) -> int | float | None:
    """Any written number: digits with an optional scale word, or words."""
    text = text.strip()
    match = re.fullmatch(rf"({DIGITS})\s*([A-Za-z]*)", text)
    if match:
        value = parse_digits(match.group(1))
        scale = SCALES.get(match.group(2).lower(), 1) if match.group(2) else 1
        return as_number(value * scale)
    return parse_words(text)


def as_number(value: float) -> int | float:
    """155.0 → 155; 1.4 stays 1.4."""
    if float(value).is_integer():
        return int(value)
    return round(float(value), 6)
