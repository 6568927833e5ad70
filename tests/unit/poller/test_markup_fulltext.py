"""Plain text from feed HTML, and full text from an entry's page."""

from datetime import UTC, datetime
from pathlib import Path

from schemas.articles import RawArticle
from services.poller.fulltext import needs_full_text, page_date, with_page
from services.text.markup import plain_line, plain_text

PAGE = (Path(__file__).resolve().parents[2] / "data" / "feeds" / "hospital.html").read_bytes()


def test_plain_text_drops_tags_scripts_and_entities():
    html = "<p>At least <b>155</b> &amp; more</p><script>var x=1</script><p>Second</p>"
    assert plain_text(html) == "At least 155 & more\nSecond"
    assert plain_line("  A <em>bold</em>\n title ") == "A bold title"
    assert plain_line("<br/>") is None and plain_text(None) == ""


def test_summary_only_entries_need_the_page():
    assert needs_full_text(RawArticle(url="https://a.example/x", text="teaser"))
    assert not needs_full_text(RawArticle(url="https://a.example/x", html="<p>all</p>"))
    assert not needs_full_text(RawArticle(url="urn:claimstream:entry:1", text="teaser"))


def test_page_text_and_date_replace_the_summary():
    article = RawArticle(url="https://a.example/hospital", text="A short teaser.")
    full = with_page(article, PAGE)
    assert "48 million euros" in full.text and "Copyright" not in full.text
    assert full.published == datetime(2025, 4, 7, tzinfo=UTC)


def test_feed_date_wins_and_empty_page_keeps_the_feed_text():
    dated = datetime(2025, 4, 9, 12, tzinfo=UTC)
    article = RawArticle(url="https://a.example/h", text="teaser", published=dated)
    assert with_page(article, PAGE).published == dated
    assert with_page(article, b"<html><body></body></html>") == article


def test_page_date():
    assert page_date("2025-04-07") == datetime(2025, 4, 7, tzinfo=UTC)
    assert page_date("yesterday") is None and page_date(None) is None


def test_a_page_is_read_up_to_page_bytes_only(monkeypatch):
    """What lies past PAGE_BYTES is never read (lowered here to the page's first paragraphs)."""
    from services.poller import fulltext

    article = RawArticle(url="https://a.example/hospital", text="A short teaser.")
    tail = b"<p>Past the cap, 999 tractors crossed the frozen river at dawn, the farmers said.</p>"
    page = PAGE.replace(b"</article>", tail + b"</article>")
    assert "999 tractors" in with_page(article, page).text
    monkeypatch.setattr(fulltext, "PAGE_BYTES", page.index(tail))
    cut = with_page(article, page)
    assert "48 million euros" in cut.text and "tractors" not in cut.text
