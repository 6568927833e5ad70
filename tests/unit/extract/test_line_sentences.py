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


@pytest.mark.parametrize(
    ("text", "not_starts"),
    [
        ("Storm in Ruritania\nJoe Biden said nine people had died.", ["in", "Biden"]),
        ("Headline\n\nAcme factory workers voted.", ["factory"]),
        ("One\nTwo\nThree", []),  # a line of one word: the next line's word still starts one
    ],
    ids=["name-after-a-headline", "after-a-blank-line", "one-word-lines"],
)
def test_the_second_token_of_a_line_starts_no_sentence(text: str, not_starts: list[str]) -> None:
    """The parser makes a sentence of a line's first word now and then ('Joe | Biden said'):
    the word after it is marked as inside the sentence."""
    doc = line_sentences(spacy.blank("en").make_doc(text))
    assert [t.text for t in doc if t.is_sent_start is False] == not_starts


def test_a_name_at_the_start_of_a_line_stays_whole(nlp) -> None:
    from tests.unit.extract.test_frame import figures_of

    [figure] = figures_of(nlp, "Storm in Ruritania\nJoe Biden said nine people had died.")
    assert figure.claimant == "Joe Biden"
