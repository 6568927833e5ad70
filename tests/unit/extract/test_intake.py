"""Text as extraction reads it: one Unicode form, no zero-width characters, bounded size."""

import pytest

from schemas import UniqueArticle
from services.extract.intake import clipped, normalised, normalised_text


@pytest.mark.parametrize(
    ("raw", "read"),
    [("1\u200b55", "155"), ("１５５ people", "155 people"), ("2\u2060000", "2000"),
     ("soft\u00adhyphen", "softhyphen"), ("\ufeff12", "12")],
    ids=["zero-width-space", "full-width-digits", "word-joiner", "soft-hyphen", "bom"],
)
def test_numbers_are_read_from_normalised_text(raw, read):
    assert normalised_text(raw) == read


def test_title_text_and_html_are_normalised():
    article = UniqueArticle(url="u", title="１ title", text="1\u200b55", html="<p>２</p>", content_hash="h")
    assert (normalised(article).title, normalised(article).text, normalised(article).html) == (
        "1 title", "155", "<p>2</p>")


def test_a_long_text_is_cut_at_a_line_end_near_the_limit():
    text = "A line of text.\n" * 100  # 1600 characters
    cut = clipped(UniqueArticle(url="u", text=text, content_hash="h"), 1000)
    assert cut is not None and len(cut.text) <= 1000 and cut.text.endswith("\n")
    assert clipped(UniqueArticle(url="u", text="short", content_hash="h"), 1000) is None
