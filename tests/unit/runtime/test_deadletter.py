import hashlib

import pytest
from pydantic import ValidationError

from schemas import RawArticle
from services.runtime.deadletter import dead_letter, reason_of


def test_tombstone_record_is_dead_lettered_not_crashed():
    letter = dead_letter("dedupe", "articles.raw", b"k", None, "invalid RawArticle: value: None")
    assert (letter.key, letter.value, letter.stage) == ("k", None, "dedupe")


def test_undecodable_bytes_are_kept_with_replacement():
    letter = dead_letter("extract", "articles.unique", None, b"\xff{", "bad")
    assert letter.value == "\ufffd{" and letter.key is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(b"{not json", "invalid RawArticle: value: Invalid JSON"),
     (b'{"text": "x"}', "invalid RawArticle: url: Field required")],
    ids=["not-json", "missing-url"],
)
def test_reason_names_the_model_field_and_error(raw, expected):
    with pytest.raises(ValidationError) as error:
        RawArticle.model_validate_json(raw)
    assert reason_of(error.value).startswith(expected)


def test_reason_of_a_plain_exception_is_one_line():
    assert reason_of(ValueError("first\nsecond")) == "ValueError: first"


def test_a_value_that_escapes_to_more_than_a_record_is_cut_with_its_size_and_digest():
    value = b"\x01" * 400_000  # each byte becomes six once escaped in JSON
    letter = dead_letter("extract", "articles.unique", b"k" * 5000, value, "bad", limit=100_000)
    assert len(letter.model_dump_json().encode()) <= 100_000
    assert letter.truncated and letter.value_bytes == 400_000 and len(letter.key) == 1000
    assert letter.value_sha256 == hashlib.sha256(value).hexdigest()
    assert letter.value and set(letter.value) == {"\x01"}


def test_a_small_value_is_kept_whole():
    letter = dead_letter("claims", "figures.extracted", b"k", b'{"a": 1}', "bad")
    assert (letter.value, letter.truncated, letter.value_bytes) == ('{"a": 1}', False, 8)
