"""What the poller publishes: the URL its feed gave, with the canonical form beside it."""

from schemas.articles import RawArticle
from services.poller.publisher import as_published


def test_the_feed_url_is_kept_and_the_canonical_form_is_a_separate_field():
    given = "http://www.news.example/2025/04/09/grain/?utm_source=rss"
    published = as_published(RawArticle(url=given, text="x"), "https://news.example/rss")
    assert published.url == given
    assert published.canonical_url == "https://news.example/2025/04/09/grain"
    assert published.source == "poller" and published.feed_url == "https://news.example/rss"
