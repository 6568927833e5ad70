"""A line break ends a sentence (headlines and captions have no full stop)."""

import pytest
import spacy

from services.extract.pipeline import line_sentences


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Flood kills 3\nAt least 3 people died.", ["At"]),  # the break is a token of its own
        ("Caption here \n\nBody text\n", ["Body"]),  # in the space after a token, then a break token
        ("one\n two\n\n\nthree", ["two", "three"]),  # several breaks in one token: one start
        ("No break. Two sentences", []),  # sentences without a break are the parser's
        ("\nLeading break", ["Leading"]),
        ("Trailing break\n", []),
    ],
    ids=["own-token", "in-whitespace", "several", "none", "leading", "trailing"],
)
def test_the_token_after_a_line_break_starts_a_sentence(text: str, starts: list[str]) -> None:
    doc = line_sentences(spacy.blank("en").make_doc(text))
    assert [t.text for t in doc[1:] if t.is_sent_start] == starts
