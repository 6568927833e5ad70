import pytest

from services.extract.numbers import parse_number

CASES = [
    ("10,000", 10000, "comma thousands"),
    ("10.000", 10000, "dot thousands"),
    ("160.000", 160000, "dot thousands six digits"),
    ("24.000", 24000, "dot thousands euro style"),
    ("1,234,567", 1234567, "two comma groups"),
    ("1.5", 1.5, "decimal point"),
    ("1,5", 1.5, "decimal comma"),
    ("2 million", 2000000, "digit and scale word"),
    ("1.5 million", 1500000, "decimal and scale word"),
    ("1.2 trillion", 1200000000000, "trillion"),
    ("two", 2, "word two"),
    ("six", 6, "word six"),
    ("Thirty-one", 31, "hyphenated compound"),
    ("eight", 8, "word eight"),
    ("two hundred and five", 205, "hundreds with and"),
    ("155", 155, "plain integer"),
]


@pytest.mark.parametrize(("text", "value"), [c[:2] for c in CASES], ids=[c[2] for c in CASES])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_integral_values_are_ints():
    assert isinstance(parse_number("155"), int)
    assert isinstance(parse_number("2.0 million"), int)


def test_not_a_number():
    assert parse_number("several") is None
