"""JSON Feed 1.0 / 1.1 documents → articles, with the standard library. No I/O."""

import json
from typing import Any

from schemas.articles import RawArticle
from services.poller.entry import article, bounded, outlet_name, readable_articles, utc_datetime
from services.text.markup import plain_text, text_from_html


def looks_like_json(body: bytes, content_type: str | None) -> bool:
    if content_type and "json" in content_type.lower():
        return True
    return body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def parse_json_feed(url: str, body: bytes, limit: int | None = None) -> list[RawArticle]:
    try:
        document = json.loads(body.decode("utf-8-sig", errors="replace"))
    except ValueError as error:
        raise ValueError(f"poller: malformed JSON Feed ({error.__class__.__name__})") from None
    if not isinstance(document, dict) or not isinstance(document.get("items"), list):
        raise ValueError("poller: not a JSON Feed (no items list)")
    outlet = outlet_name(_text(document.get("title")), _text(document.get("home_page_url")) or url)
    items = [item for item in document["items"] if isinstance(item, dict)]
    return readable_articles(items, lambda item: _item_article(url, item, outlet), limit)


def _item_article(url: str, item: dict[str, Any], outlet: str | None) -> RawArticle | None:
    html = bounded(_text(item.get("content_html")))
    text = bounded(_text(item.get("content_text"))) or text_from_html(html) or plain_text(
        bounded(_text(item.get("summary")))
    )
    guid = item.get("id")
    return article(
        url,
        link=_text(item.get("url")) or _text(item.get("external_url")),
        guid=str(guid) if isinstance(guid, str | int) else None,
        title=_text(item.get("title")),
        published=utc_datetime(item.get("date_published") or item.get("date_modified")),
        outlet=outlet, text=text, html=html,
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
