"""An entry's own page → its main text and publication date, with trafilatura. No I/O.

Used when a feed carries only a summary; the feed's text stays when the page yields none."""

from datetime import UTC, datetime

import trafilatura

from schemas.articles import RawArticle
from schemas.times import is_sane

PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
# Of a page, read at most: trafilatura takes about 20 MB and 7 s a megabyte (a 5 MB page: 110 MB
# and 43 s). A larger page is cut, not skipped: its story is read from its beginning.
PAGE_BYTES = 2_000_000


def needs_full_text(article: RawArticle) -> bool:
    """True when the feed gave a summary only (no full content) for a web page."""
    return article.html is None and article.url.startswith(("http://", "https://"))


def with_page(article: RawArticle, page: bytes) -> RawArticle:
    """The article with the page's main text, and the page's date when the feed had none."""
    document = trafilatura.bare_extraction(
        page[:PAGE_BYTES], url=article.url, with_metadata=True, include_comments=False
    )
    text = (getattr(document, "text", None) or "").strip()
    if not text or len(text) < len(article.text):
        return article
    published = article.published or page_date(getattr(document, "date", None))
    return article.model_copy(update={"text": text, "published": published})


def page_date(value: str | None) -> datetime | None:
    """trafilatura's `YYYY-MM-DD` (or ISO 8601) date as an aware UTC datetime."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
        found = parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    except (ValueError, OverflowError):
        return None
    return found if is_sane(found) else None
