"""Amounts in raw text: numbers with currency or percent, ranges, qualifiers, conversions.

Works on characters only (no spaCy); `figures.py` decides which amounts are claims.
"""

import re
from dataclasses import dataclass, replace

from services.extract.currencies import (
    CODES,
    COMMON_WORDS,
    NAME_PATTERN,
    currency_code,
    named_country_pays,
    symbol_pattern,
)
from services.extract.numbers import DIGITS, SCALE, SHORT_SCALE, WORD_NUMBER, parse_number

_CODE = r"\b(?:" + "|".join(CODES) + r")"
_PRE = rf"(?P<pre>{symbol_pattern()}|{_CODE}\s?)"
_NUM = rf"(?P<num>(?<![\w.,/:]){DIGITS}{SCALE}?(?![\w/]|[.,:]\d)|\b{WORD_NUMBER}\b)"
_SUF = (
    rf"(?P<suf>\s?(?:%|(?!\$){symbol_pattern()})|\s*(?:percent|per cent)\b|\s+{NAME_PATTERN}"
    rf"|\s{_CODE}\b)"
)
ATOM = re.compile(rf"{_PRE}?{_NUM}{_SUF}?", re.IGNORECASE)
# What a weight in pounds is *of* is goods; these are the nouns that make 'pounds of' money.
MONEY_NOUNS = re.compile(
    r"\s+of\s+(?:\S+\s+){0,2}?(?:money|cash|funds?|funding|investment|spending|debts?|aid|revenues?"
    r"|savings|taxpayers?'?|damages|compensation|support|subsid(?:y|ies))\b",
    re.IGNORECASE,
)
_OBJECT_START = re.compile(r"\s+(?:(?:the|a|an|his|her|their|its|our)\b|\d)", re.IGNORECASE)
_WEIGHED = re.compile(r"\bweigh(?:s|ed|ing)?\s+(?:\S+\s+){0,2}$", re.IGNORECASE)

QUALIFIERS = [
    (r"at least|no fewer than|no less than|a minimum of", "at_least"),
    (r"more than|over|above|upwards of|in excess of|exceeding", "more_than"),
    (r"at most|no more than|a maximum of", "at_most"),
    (r"fewer than|less than|under|below", "less_than"),
    (r"up to|as many as|as much as", "up_to"),
    (
        r"some|about|around|roughly|approximately|nearly|near|nearing|almost|close to|an estimated|estimated"
        r"|approx\.|circa|an approximate|approximate",
        "about",
    ),
]
_QUAL = re.compile(
    r"(?:^|[\s(—–-])(?P<q>" + "|".join(p for p, _ in QUALIFIERS) + r")\s+(?:of\s+)?$",
    re.IGNORECASE,
)
_RANGE_JOIN = re.compile(r"\s*(?:to|-|–|—|and|or)\s*(?:-\s*)?$", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:between|from|ranging from|range of)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    value: int | float
    value_max: int | float | None = None
    qualifier: str = "exact"
    currency: str | None = None
    percent: bool = False
    words: bool = False
    converted_value: int | float | None = None
    converted_value_max: int | float | None = None
    converted_currency: str | None = None


def atoms(text: str) -> list[Amount]:
    found = []
    for m in ATOM.finditer(text):
        value = parse_number(m.group("num"))
        if value is None or (SHORT_SCALE.search(m.group("num")) and not m.group("pre")):
            continue
        suf = m.group("suf") or ""
        end = m.end()
        if not is_money_name(text, m):
            suf, end = "", m.end("num")
        percent = "%" in suf or "cent" in suf.lower()
        found.append(
            Amount(
                m.start(),
                end,
                value,
                currency=currency_code(m.group("pre"), suf),
                percent=percent,
                words=m.group("num")[0].isalpha(),
            )
        )
    return found


def is_money_name(text: str, m: re.Match) -> bool:
    """False for a currency name that is something else here: 'pounds of cocaine' and 'weighed
    300 pounds' are weights; 'won' and 'real' are money only in an article naming a country that
    pays in them, and 'won' before an object ('30 won the vote') is the verb."""
    suf = (m.group("suf") or "").strip().lower()
    if not suf or not suf[0].isalpha() or m.group("pre"):
        return True
    head = suf.split()[-1]
    after = text[m.end() : m.end() + 60]
    if head in ("pound", "pounds"):
        weight = after.lstrip().lower().startswith("of ") and not MONEY_NOUNS.match(after)
        return not (weight or _WEIGHED.search(text[max(0, m.start() - 40) : m.start()]))
    if head in COMMON_WORDS:
        code = currency_code(suf)
        return bool(code) and named_country_pays(code, text) and not _OBJECT_START.match(after)
    return True


def qualifier_before(text: str, start: int) -> tuple[str, int]:
    """('at_least', new_start) when a qualifier phrase ends right before `start`."""
    m = _QUAL.search(text[max(0, start - 40) : start])
    if not m:
        return "exact", start
    label = next(q for p, q in QUALIFIERS if re.fullmatch(p, m.group("q"), re.IGNORECASE))
    return label, start - (len(text[max(0, start - 40) : start]) - m.start("q"))


def merge_ranges(text: str, found: list[Amount]) -> list[Amount]:
    """'60,000 to 200,000 yuan', '7000€-24.000€', 'between 200.000 and 1 million' → one range."""
    merged: list[Amount] = []
    for amount in found:
        prev = merged[-1] if merged else None
        if prev and _joins(text, prev, amount):
            currency = amount.currency or prev.currency
            merged[-1] = replace(
                prev,
                end=amount.end,
                value_max=amount.value,
                qualifier="range",
                currency=currency,
                percent=prev.percent or amount.percent,
            )
            continue
        merged.append(amount)
    return merged


def _joins(text: str, prev: Amount, nxt: Amount) -> bool:
    gap = text[prev.end : nxt.start]
    if len(gap) > 8 or not _RANGE_JOIN.fullmatch(gap) or prev.value_max is not None:
        return False
    if prev.words != nxt.words or nxt.value <= prev.value or prev.percent != nxt.percent:
        return False
    if prev.currency and nxt.currency and prev.currency != nxt.currency:
        return False
    if (prev.currency or prev.percent) and not (nxt.currency or nxt.percent):
        return False
    joiner = gap.strip().lower()
    if joiner in ("and", "or"):
        return bool(_BETWEEN.search(text[max(0, prev.start - 20) : prev.start]))
    return True


def attach_conversions(text: str, found: list[Amount]) -> list[Amount]:
    """'300,000 rubles (about $3,500)' → one amount with the dollar value as its conversion;
    'thirty-nine (39) people' → one amount: the digits in brackets restate the words."""
    result: list[Amount] = []
    for amount in found:
        prev = result[-1] if result else None
        if prev and restates(prev, amount) and _in_parentheses(text, prev, amount):
            continue
        if prev and prev.currency and amount.currency and _in_parentheses(text, prev, amount):
            result[-1] = replace(
                prev, converted_value=amount.value, converted_value_max=amount.value_max,
                converted_currency=amount.currency,
            )
            continue
        result.append(amount)
    return result


def restates(words: Amount, digits: Amount) -> bool:
    """'thirty-nine (39)': digits that give a count written in words once more."""
    same = (words.value, words.value_max, words.percent) == (digits.value, digits.value_max, digits.percent)
    return same and words.words and not digits.words and not words.currency and not digits.currency


def _in_parentheses(text: str, prev: Amount, amount: Amount) -> bool:
    gap = text[prev.end : amount.start]
    return bool(re.fullmatch(r"\s*\(\s*(?:[a-z.]+\s+){0,2}", gap, re.IGNORECASE))


def with_qualifiers(text: str, found: list[Amount]) -> list[Amount]:
    result = []
    for amount in found:
        label, start = qualifier_before(text, amount.start)
        if amount.qualifier == "range" or label == "exact":
            result.append(amount)
        else:
            result.append(replace(amount, qualifier=label, start=start))
    return result


def find_amounts(text: str) -> list[Amount]:
    """Every amount in `text`, ranges merged, conversions attached, qualifiers read."""
    return with_qualifiers(text, attach_conversions(text, merge_ranges(text, atoms(text))))
