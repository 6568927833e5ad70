"""Number formats as news prose writes them: separators by locale, scales, spelled numbers."""

import pytest

from services.extract.numbers import parse_number

SEPARATORS = [
    ("1,234.5", 1234.5, "comma thousands point decimal"),
    ("1.234,5", 1234.5, "point thousands comma decimal"),
    ("10.000", 10000, "european thousands"),
    ("1.234.567", 1234567, "repeated point groups"),
    ("1 234", 1234, "space thousands"),
    ("1\u202f234", 1234, "narrow no-break space thousands"),
    ("1\u00a0234\u00a0567", 1234567, "no-break space thousands"),
    ("12.75", 12.75, "two-digit decimal"),
    ("3,25", 3.25, "two-digit decimal comma"),
    ("0.5", 0.5, "leading zero decimal"),
]
SCALES = [
    ("1.125 billion", 1_125_000_000, "decimal of three digits before billion"),
    ("2.345 million", 2_345_000, "decimal of three digits before million"),
    ("2,5 million", 2_500_000, "decimal comma before million"),
    ("3bn", 3_000_000_000, "attached bn"),
    ("2.4 billion", 2_400_000_000, "decimal before billion"),
    ("1.5m", 1_500_000, "attached m"),
    ("40k", 40_000, "attached k"),
    ("1.2 trillion", 1_200_000_000_000, "trillion"),
    ("12 mln", 12_000_000, "mln"),
]
SPELLED = [
    ("two dozen", 24, "two dozen"),
    ("a dozen", 12, "a dozen"),
    ("half a dozen", 6, "half a dozen"),
    ("Fifty-six", 56, "capitalised hyphenated"),
    ("half a million", 500_000, "half a million"),
    ("a hundred", 100, "a hundred"),
    ("one hundred and twenty", 120, "one hundred and twenty"),
    ("three thousand", 3000, "three thousand"),
    ("Twenty", 20, "capitalised tens"),
]


@pytest.mark.parametrize(("text", "value"), [c[:2] for c in SEPARATORS], ids=[c[2] for c in SEPARATORS])
def test_separators(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(("text", "value"), [c[:2] for c in SCALES], ids=[c[2] for c in SCALES])
def test_scales(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(("text", "value"), [c[:2] for c in SPELLED], ids=[c[2] for c in SPELLED])
def test_spelled(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "locale", "value"),
    [("1,234", "de", 1.234), ("1.234", "en", 1.234), ("10.000", "de", 10000), ("1 234,5", "fr", 1234.5)],
    ids=["comma is decimal in german", "point is decimal in english", "german thousands", "french"],
)
def test_known_locale_decides(text, locale, value):
    assert parse_number(text, locale=locale) == value


@pytest.mark.parametrize("text", ["several", "dozens", "a few", "half"], ids=lambda t: t)
def test_not_numbers(text):
    assert parse_number(text) is None
