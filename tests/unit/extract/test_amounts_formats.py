"""Amounts found in sentences: scales, spelled numbers, ranges and currencies in context."""

import pytest

from services.extract.amounts import find_amounts
from services.extract.currencies import local_currency

VALUES = [
    ("The company paid $1.125 billion to settle.", 1_125_000_000, "USD", "dollar billion decimal"),
    ("Apple sold 2.345 million iPhones.", 2_345_000, None, "million decimal count"),
    ("The fund holds €2.4 billion.", 2_400_000_000, "EUR", "euro billion"),
    ("It raised 3bn last year.", 3_000_000_000, None, "bare bn"),
    ("a £1.5m grant", 1_500_000, "GBP", "pound m"),
    ("At least two dozen people died.", 24, None, "two dozen"),
    ("Fifty-six people have been admitted to hospital.", 56, None, "sentence-initial spelled"),
    ("Half a million people marched.", 500_000, None, "half a million"),
    ("a hundred homes were flooded", 100, None, "a hundred"),
    ("one hundred and twenty people", 120, None, "one hundred and twenty"),
    ("about 1\u202f234 people", 1234, None, "narrow-space thousands"),
    ("a deficit of 1.234,5 euros", 1234.5, "EUR", "european decimal euros"),
]


@pytest.mark.parametrize(("text", "value", "currency"), [v[:3] for v in VALUES], ids=[v[3] for v in VALUES])
def test_values(text, value, currency):
    [amount] = find_amounts(text)
    assert (amount.value, amount.currency) == (value, currency)


def test_spelled_qualifier_covers_the_multiplier():
    [amount] = find_amounts("At least two dozen people died.")
    assert (amount.qualifier, amount.start) == ("at_least", 0)


RANGES = [
    ("60,000 to 200,000 people", 60_000, 200_000, "to"),
    ("lost between 200.000 and 1 million people", 200_000, 1_000_000, "between dot thousands and million"),
    ("from $1.5 billion to $2.25 billion", 1_500_000_000, 2_250_000_000, "scaled decimals"),
]


@pytest.mark.parametrize(("text", "low", "high"), [r[:3] for r in RANGES], ids=[r[3] for r in RANGES])
def test_ranges(text, low, high):
    [amount] = find_amounts(text)
    assert (amount.value, amount.value_max, amount.qualifier) == (low, high, "range")


CURRENCIES = [
    ("It cost $5.", "USD", "dollar sign"),
    ("It cost €5.", "EUR", "euro sign"),
    ("It cost £11.44.", "GBP", "pound sign"),
    ("He paid 300 pounds for the ticket.", "GBP", "pounds as money"),
    ("a grant of 5 million pounds of public money", "GBP", "pounds of money"),
    ("Tokyo, Japan: a fare of ¥500", "JPY", "yen sign"),
    ("a fare of 500 yen", "JPY", "yen name"),
    ("a fine of 10,000 rupees", "INR", "rupees"),
    ("In Vietnam, a meal costs 20,000 dong.", "VND", "dong in vietnam"),
    ("In South Korea a ticket costs 50,000 won.", "KRW", "won in korea"),
    ("a fare of ₩50,000 in Seoul", "KRW", "won sign"),
    ("HK$100 a night", "HKD", "hong kong dollar sign"),
    ("5 Canadian dollars", "CAD", "canadian dollars"),
]


@pytest.mark.parametrize(("text", "code"), [c[:2] for c in CURRENCIES], ids=[c[2] for c in CURRENCIES])
def test_currencies(text, code):
    [amount] = find_amounts(text)
    assert amount.currency == code


NOT_MONEY = [
    ("Police seized 300 pounds of cocaine.", 300, "pounds of cocaine"),
    ("The bomb weighed 500 pounds.", 500, "weighed pounds"),
    ("The party won 52 seats.", 52, "won before a number"),
    ("In South Korea, 30 won the vote.", 30, "won as a verb in korea"),
    ("Of the runners, 12 won medals.", 12, "won after a number without korea"),
    ("a 52% share", 52, "percent"),
]


@pytest.mark.parametrize(("text", "value"), [n[:2] for n in NOT_MONEY], ids=[n[2] for n in NOT_MONEY])
def test_not_money(text, value):
    [amount] = find_amounts(text)
    assert (amount.value, amount.currency) == (value, None)


def test_a_year_before_won_is_not_korean_money():
    amounts = find_amounts("In South Korea the party that formed in 2021 won 52 seats.")
    assert [(a.value, a.currency) for a in amounts] == [(2021, None), (52, None)]


def test_weight_ends_at_the_number():
    text = "Police seized 300 pounds of cocaine."
    [amount] = find_amounts(text)
    assert text[amount.start : amount.end] == "300"


def test_yen_sign_in_a_chinese_story_is_yuan():
    text = "Chinese regulators in China fined the firm ¥500 million."
    assert local_currency("JPY", "¥500 million", text) == "CNY"


@pytest.mark.parametrize(
    "text",
    ["a 5m wall", "at 6:17 a.m.", "the 157th Brigade", "the real cost"],
    ids=["metres", "time of day", "ordinal", "real as adjective"],
)
def test_not_amounts(text):
    assert find_amounts(text) == []
