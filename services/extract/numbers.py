"""Numbers as written in news prose → values. No spaCy, no I/O.

Digits are read by babel once the separators' roles are known; spelled cardinals by text2num.
Written here by hand only what neither library does: telling which separator is the decimal
one in a text of unknown locale, scale words and suffixes ('bn', '1.5m'), and the English
multipliers around cardinals ('two dozen', 'half a million', 'a hundred').
"""

import re
from decimal import Decimal

from babel.numbers import NumberFormatError, parse_decimal
from text_to_num import text2num

# Scale words as written out (and the Indian numbering system's, which neither babel nor
# text2num reads), abbreviations written after a space ('5 bn') and suffixes on the digits ('5m').
WORD_SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 10**12, "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,
}
SPACED_SCALES = {"mln": 1_000_000, "bn": 1_000_000_000, "tn": 10**12}
SUFFIX_SCALES = {"m": 1_000_000, "k": 1_000, "b": 1_000_000_000, "trn": 10**12}
SCALES = {**WORD_SCALES, **SPACED_SCALES, **SUFFIX_SCALES}


def alternatives(words) -> str:
    """A regex alternation of `words`, longest first ('lakhs' before 'lakh')."""
    return "|".join(sorted(words, key=len, reverse=True))


_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SMALL = "|".join(sorted(_UNITS + _TENS, key=len, reverse=True))
_BIG = rf"(?:{alternatives(WORD_SCALES)})"
# 'twenty-one', 'two hundred and five', 'two dozen', 'a hundred', 'half a million'
WORD_NUMBER = (
    rf"(?:(?:{_SMALL})(?:[- ](?:{'|'.join(_UNITS)}))?"
    rf"(?:\s+(?:dozen|{_BIG})(?:\s+(?:and\s+)?(?:{_SMALL})(?:[- ](?:{'|'.join(_UNITS)}))?)*)*"
    rf"|(?:half\s+)?an?\s+(?:dozen|{_BIG})(?:\s+(?:and\s+)?(?:{_SMALL}))?)"
)
DIGITS = r"(?:\d{1,3}(?:[.,\u202f\u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
SCALE = rf"(?:\s*(?:{alternatives([*WORD_SCALES, *SPACED_SCALES])})\b|(?:{alternatives(SUFFIX_SCALES)})\b)"
SHORT_SCALE = re.compile(rf"\d(?:{alternatives(SUFFIX_SCALES)})$", re.IGNORECASE)
INDIAN_SCALES = frozenset(w for w in WORD_SCALES if w.startswith(("lakh", "crore")))
# Babel locales whose decimal separator is '.' and ',' respectively.
POINT_LOCALE, COMMA_LOCALE = "en", "de"


def parse_digits(text: str, scaled: bool = False, locale: str | None = None) -> int | float:
    """'10,000' / '10.000' / '160 000' → 10000; '1.5' / '1,5' → 1.5; '1.500' → 1500;
    '1.125' before a scale word (`scaled`) → 1.125. `locale` (a babel locale) when known."""
    text = re.sub(r"[\s\u202f\u00a0]", "", text)
    if locale is None:
        locale = separator_locale(text, scaled)
    try:
        return as_number(parse_decimal(text, locale=locale, strict=False))
    except NumberFormatError:
        return as_number(float(text.replace(",", ".")))


def separator_locale(text: str, scaled: bool) -> str:
    """The babel locale that reads this number right: the last separator is the decimal one
    when both kinds appear; one kind repeated ('1.234.567') is grouping; a lone separator is
    grouping before exactly three digits ('10.000', '24,000') unless a scale word follows
    ('$1.125 billion'), where nobody writes a thousands separator."""
    points, commas = text.count("."), text.count(",")
    if points and commas:
        return POINT_LOCALE if text.rfind(".") > text.rfind(",") else COMMA_LOCALE
    separator = "." if points else ","
    count = points or commas
    if count == 0:
        return POINT_LOCALE
    grouping = count > 1 or (not scaled and re.fullmatch(r"\d{1,3}[.,]\d{3}", text) is not None)
    point_is_decimal = (separator == ".") != grouping
    return POINT_LOCALE if point_is_decimal else COMMA_LOCALE


def parse_words(text: str) -> int | float | None:
    """'Thirty-one' → 31; 'two hundred and five' → 205; 'two dozen' → 24; 'half a million'
    → 500000; 'a hundred' → 100. text2num reads the cardinal; the multipliers around it
    ('dozen', 'half a', the article 'a' standing for one) are English it does not know."""
    words = re.sub(r"[\s-]+", " ", text.lower()).strip()
    factor: float = 1
    if words.split()[-1] in INDIAN_SCALES:  # 'Eight crore': text2num knows no lakh or crore
        words, _, scale = words.rpartition(" ")
        factor = SCALES[scale]
    if words.startswith("half "):
        words, factor = words.removeprefix("half ").strip(), 0.5
    if re.match(r"an? ", words):
        words = "one " + words.split(" ", 1)[1]
    if re.search(r"\bdozen\b", words):
        before, _, after = words.partition("dozen")
        if after.strip():
            return None
        words, factor = (before.strip() or "one"), factor * 12
    try:
        value = text2num(words, "en")
    except ValueError:
        return None
    return as_number(value * factor)


def parse_number(text: str, locale: str | None = None) -> int | float | None:
    """Any written number: digits with an optional scale word, or words."""
    text = text.strip()
    match = re.fullmatch(rf"({DIGITS}|\d{{1,3}}(?: \d{{3}})+(?:[.,]\d+)?)\s*([A-Za-z]*)", text)
    if match:
        scale = SCALES.get(match.group(2).lower(), 1) if match.group(2) else 1
        value = parse_digits(match.group(1), scaled=scale > 1, locale=locale)
        return as_number(Decimal(str(value)) * scale)
    return parse_words(text)


def as_number(value: float | Decimal) -> int | float:
    """155.0 → 155; 1.4 stays 1.4."""
    if float(value) == int(value):
        return int(value)
    return round(float(value), 6)
