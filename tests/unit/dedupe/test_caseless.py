"""Caseless furniture rules find what re.IGNORECASE finds, on ASCII lines and on others."""

import re

import pytest

from services.text.furniture import Caseless

PATTERN = r"\b(subscribe|sign in)\b|^\W*(updated|published)\b"
LINES = [
    ("ascii-upper", "SUBSCRIBE to our newsletter"),
    ("ascii-mixed", "Please Sign In to continue"),
    ("ascii-anchored", "  Updated: 12 May"),
    ("ascii-none", "Officials said 40 people were missing."),
    ("ascii-anchored-not-first", "It was updated later"),
    ("non-ascii-long-s", "Pleaſe ſubscribe today"),  # IGNORECASE folds ſ with s
    ("non-ascii-quotes", "“Subscribe,” the banner read."),
    ("non-ascii-none", "Der Bürgermeister sagte, 40 Menschen würden vermisst."),
]


@pytest.mark.parametrize("line", [c[1] for c in LINES], ids=[c[0] for c in LINES])
def test_caseless_matches_where_ignorecase_does(line: str) -> None:
    expected = re.compile(PATTERN, re.IGNORECASE).search(line)
    found = Caseless(PATTERN).search(line)
    assert (found and found.span()) == (expected and expected.span())


def test_long_s_is_found_as_ignorecase_finds_it() -> None:
    assert Caseless(PATTERN).search("Pleaſe ſubscribe today") is not None


def test_a_pattern_spelling_an_upper_case_letter_is_refused() -> None:
    with pytest.raises(ValueError, match="upper-case"):
        Caseless(r"[A-Z]{2,}/Getty")


def test_escapes_written_upper_case_are_allowed() -> None:
    assert Caseless(r"^\W*\d+ views\W*$").search("12 VIEWS") is not None
