"""Pieces shared by the feed formats: entry URLs, dates and the article itself. No I/O."""

import hashlib
import logging
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from schemas.articles import RawArticle
from schemas.times import is_sane
from services.runtime.deadletter import ESCAPED_BYTES_PER_CHAR, record_fits
from services.text.markup import plain_line

log = logging.getLogger("claimstream.poller")
WEB_SCHEMES = {"http", "https"}
TITLE_CHARS = 1000
ENTRY_CHARS = 1_000_000  # of an entry's HTML, text or title, read at most: 10x what extract reads


def bounded(fragment: str | None) -> str | None:
    """The first ENTRY_CHARS of an entry's HTML, text or title. Reading costs memory and time
    in proportion (5 MB of content HTML: about 190 MB and 24 s in trafilatura), and a record
    holds less than that anyway."""
    return fragment[:ENTRY_CHARS] if fragment else fragment


def entry_url(feed_url: str, link: str | None, guid: str | None, fallback: str) -> str:
    """The entry's address: its link (made absolute), else a URL-shaped GUID, else a stable
    `urn:claimstream:` name derived from the feed and the GUID or the entry's text."""
    if link and link.strip() and not link.strip().startswith("#"):
        absolute = urljoin(feed_url, link.strip())
        if urlsplit(absolute).scheme in WEB_SCHEMES:
            return absolute
    if guid and urlsplit(guid.strip()).scheme in WEB_SCHEMES:
        return guid.strip()
    if guid and ":" in guid and " " not in guid.strip():
        return guid.strip()
    digest = hashlib.sha256(f"{feed_url}\n{guid or fallback}".encode()).hexdigest()[:32]
    return f"urn:claimstream:entry:{digest}"


def utc_datetime(struct_or_text: object) -> datetime | None:
    """A feedparser time tuple (UTC) or an ISO 8601 string as an aware UTC datetime; None
    when there is none or it lies outside the sane window (year 9999, say)."""
    try:
        if isinstance(struct_or_text, str):
            parsed = datetime.fromisoformat(struct_or_text.strip().replace("Z", "+00:00"))
            found = parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        elif struct_or_text is not None:
            found = datetime(*struct_or_text[:6], tzinfo=UTC)  # type: ignore[index,misc]
        else:
            return None
    except (TypeError, ValueError, OverflowError):
        return None
    return found if is_sane(found) else None


def outlet_name(feed_title: str | None, feed_url: str) -> str | None:
    return plain_line(feed_title) or urlsplit(feed_url).hostname


def article(
    feed_url: str, *, link: str | None, guid: str | None, title: str | None,
    published: datetime | None, outlet: str | None, text: str, html: str | None,
) -> RawArticle | None:
    """One article, or None when the entry carries nothing to read."""
    clean_title = plain_line(bounded(title))
    guid = guid.strip() if guid and guid.strip() else None
    if not (clean_title or text or link or guid):
        return None
    return RawArticle(
        url=entry_url(feed_url, link, guid, f"{clean_title}\n{text}"),
        title=clean_title, published=published, outlet=outlet, text=text, html=html or None,
        guid=guid, feed_url=feed_url,
    )


def readable_articles(
    items: Iterable[Any], make: Callable[[Any], RawArticle | None], limit: int | None = None
) -> list[RawArticle]:
    """The articles of the entries that yield one, at most `limit` of them (the rest are not
    read at all: a feed of 100,000 entries costs what its first `limit` cost); an entry that
    cannot be read (a URL of a megabyte, say) is skipped, never the feed."""
    found: list[RawArticle] = []
    for item in items:
        if limit is not None and len(found) >= limit:
            break
        try:
            article = make(item)
        except ValueError as error:
            log.info("poller: entry skipped (%s)", str(error).splitlines()[0][:200])
            continue
        if article is not None:
            found.append(article)
    return found


def within_record(article: RawArticle, key_bytes: int, limit: int) -> RawArticle | None:
    """The article as one record of at most `limit` bytes: without its HTML, then with its
    title and text cut, when it is larger; None when even that does not fit (a huge URL)."""
    if record_fits(None, article.model_dump_json().encode(), limit - key_bytes):
        return article
    title = (article.title or "")[:TITLE_CHARS] or None
    bare = article.model_copy(update={"html": None, "text": "", "title": title})
    room = limit - key_bytes - len(bare.model_dump_json().encode()) - 1024
    if room <= 0:
        return None
    return bare.model_copy(update={"text": article.text[: room // ESCAPED_BYTES_PER_CHAR]})
