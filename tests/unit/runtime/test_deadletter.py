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
