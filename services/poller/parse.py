"""Feed documents → articles: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with feedparser, JSON Feed
with the standard library. No I/O: the body is handed over as bytes."""

import io
import re
from dataclasses import dataclass
from typing import Any

import feedparser

from schemas.articles import RawArticle
from services.poller.entry import article, bounded, outlet_name, readable_articles, utc_datetime
from services.poller.jsonfeed import looks_like_json, parse_json_feed
from services.text.markup import plain_text, text_from_html

HTML_TYPES = {"text/html", "application/xhtml+xml", "html", "xhtml"}
DATE_FIELDS = ("published_parsed", "updated_parsed", "created_parsed")
DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,16})|([0-9]{1,20}));")
LAST_CODE_POINT = 0x10FFFF
SURROGATES = (0xD800, 0xDFFF)


@dataclass(frozen=True)
class ParsedFeed:
    articles: list[RawArticle]
    ttl_seconds: float | None = None  # RSS <ttl>, given in minutes


def parse_feed(url: str, body: bytes, content_type: str | None = None) -> list[RawArticle]:
    """Every entry of the feed document `body` fetched from `url`, in document order.

    Raises ValueError with a one-line reason when the body is not a feed at all;
    a feed with broken markup still yields the entries that could be read."""
    return read_feed(url, body, content_type).articles


def read_feed(
    url: str, body: bytes, content_type: str | None = None, limit: int | None = None
) -> ParsedFeed:
    """`parse_feed` plus what the document says about polling it (RSS ttl); only the first
    `limit` readable entries are read."""
    if not body.strip():
        raise ValueError("poller: empty feed body")
    if looks_like_json(body, content_type):
        return ParsedFeed(parse_json_feed(url, body, limit))
    parsed = _feedparser_result(url, body, content_type)
    if not parsed.get("version") and not parsed.entries:
        raise ValueError("poller: not a feed (no RSS, Atom or JSON Feed root element)")
    outlet = outlet_name(parsed.feed.get("title"), parsed.feed.get("link") or url)
    articles = readable_articles(parsed.entries, lambda entry: _entry_article(url, entry, outlet), limit)
    return ParsedFeed(articles, _ttl_seconds(parsed.feed.get("ttl")))


def _feedparser_result(url: str, body: bytes, content_type: str | None) -> Any:
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    # A file-like object: feedparser would treat short bytes as a path to open.
    safe_body = CHAR_REF.sub(_valid_char_ref, without_doctypes(body))
    return feedparser.parse(io.BytesIO(safe_body), response_headers=headers)


def without_doctypes(body: bytes) -> bytes:
    """The document with every DOCTYPE declaration removed, however many there are: an
    internal subset may declare entities (billion laughs), and a feed needs none of them."""
    parts, at = [], 0
    while (found := DOCTYPE.search(body, at)) is not None:
        parts.append(body[at:found.start()])
        at = _declaration_end(body, found.end())
    parts.append(body[at:])
    return b"".join(parts)


def _declaration_end(body: bytes, at: int) -> int:
    """Index just past the `>` that closes a declaration, skipping quoted text and `[...]`."""
    depth, quote = 0, 0
    for index in range(at, len(body)):
        char = body[index]
        if quote:
            quote = 0 if char == quote else quote
        elif char in b"\"'":
            quote = char
        elif char == ord("["):
            depth += 1
        elif char == ord("]"):
            depth = max(0, depth - 1)
        elif char == ord(">") and depth == 0:
            return index + 1
    return len(body)


def _valid_char_ref(match: re.Match[bytes]) -> bytes:
    """A numeric character reference to no character (past the last code point, a
    surrogate, zero) becomes U+FFFD."""
    hexadecimal, decimal = match.groups()
    code = int(hexadecimal, 16) if hexadecimal else int(decimal)
    valid = 0 < code <= LAST_CODE_POINT and not SURROGATES[0] <= code <= SURROGATES[1]
    return match.group(0) if valid else b"&#xFFFD;"


def _entry_article(url: str, entry: Any, outlet: str | None) -> RawArticle | None:
    html = bounded(_content_html(entry))
    text = text_from_html(html) or _content_text(entry) or plain_text(bounded(entry.get("summary")))
    return article(
        url,
        link=entry.get("link"),
        guid=entry.get("id"),
        title=entry.get("title"),
        published=next(
            (utc_datetime(entry.get(name)) for name in DATE_FIELDS if entry.get(name)), None
        ),
        outlet=outlet, text=text, html=html,
    )


def _content_html(entry: Any) -> str | None:
    for content in entry.get("content") or []:
        if content.get("type", "text/html") in HTML_TYPES and content.get("value", "").strip():
            return content["value"]
    return None


def _content_text(entry: Any) -> str:
    for content in entry.get("content") or []:
        if content.get("type") == "text/plain" and content.get("value", "").strip():
            return plain_text(bounded(content["value"]))
    return ""


def _ttl_seconds(ttl: object) -> float | None:
    text = str(ttl or "").strip()
    return float(text) * 60 if text.isdigit() and int(text) > 0 else None
