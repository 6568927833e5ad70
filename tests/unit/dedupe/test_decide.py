import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from schemas.articles import RawArticle
from services.dedupe.decide import decide, expire
from services.dedupe.fingerprint import canonical_url
from services.text.story import main_text

SEEDS = sorted(Path(__file__).parents[3].joinpath("seeds").glob("*.txt"))
NOW = datetime(2025, 4, 12, 12, tzinfo=UTC)
ORIGINAL = "https://news.example/story"


def seed(i: int) -> str:
    return SEEDS[i].read_text()


def article(url: str, text: str, guid: str | None = None) -> RawArticle:
    return RawArticle(url=url, text=text, guid=guid)


def reordered(text: str) -> str:
    lines = text.splitlines()
    return "\n".join(lines[len(lines) // 2 :] + lines[: len(lines) // 2])


# (id, second article, expected outcome, kind, reason, duplicate_of or revision_of)
CASES = [
    ("redelivered", article(ORIGINAL, seed(2)), "duplicate", "exact", "url", ORIGINAL),
    ("tracking-url", article("http://www.news.example/story/?utm_source=tw&fbclid=x", seed(2)),
     "duplicate", "exact", "url", ORIGINAL),
    ("same-guid-new-url", article("https://news.example/moved", seed(2), guid="g-1"),
     "duplicate", "exact", "guid", ORIGINAL),
    ("other-url-same-text", article("https://wire.example/a", seed(2)),
     "duplicate", "exact", "content", ORIGINAL),
    ("other-boilerplate", article("https://wire.example/b",
     "Subscribe to our newsletter today.\n" + seed(2) + "\nAll rights reserved."),
     "duplicate", "exact", "content", ORIGINAL),
    ("reordered-paragraphs", article("https://wire.example/c", reordered(seed(2))),
     "duplicate", "near", "near", ORIGINAL),
    ("trimmed-tail", article("https://wire.example/d", seed(2).rsplit("\n", 1)[0]),
     "duplicate", "near", "near", ORIGINAL),
    ("same-url-figure-changed", article(ORIGINAL, seed(2).replace("155", "163")),
     "revision", None, None, ORIGINAL),
    ("other-url-figure-changed", article("https://wire.example/e", seed(2).replace("155", "163")),
     "revision", None, None, ORIGINAL),
    ("same-guid-figure-changed", article("https://news.example/moved", seed(2).replace(
        "155", "163"), guid="g-1"), "revision", None, None, ORIGINAL),
    ("one-sentence-without-figures-added", article("https://wire.example/g", seed(2) + "\nThe "
     "ministry declined to comment on the report."), "duplicate", "near", "near", ORIGINAL),
    ("two-sentences-added", article("https://wire.example/h", seed(2) + "\nThe ministry declined "
     "to comment on the report. Officials in Kyiv said more arrests were likely."),
     "revision", None, None, ORIGINAL),
    ("one-sentence-with-a-figure-added", article("https://wire.example/i", seed(2) + "\nThree more "
     "prisoners were reported on Friday."), "revision", None, None, ORIGINAL),
    ("other-story", article("https://wire.example/f", seed(3)), "unique", None, None, None),
]


@pytest.mark.parametrize(("second", "outcome", "kind", "reason", "of"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_decide_second_article(second, outcome, kind, reason, of) -> None:
    store: dict = {}
    assert decide(article(ORIGINAL, seed(2), guid="g-1"), store, NOW).outcome == "unique"
    decision = decide(second, store, NOW + timedelta(hours=1))
    assert decision.outcome == outcome
    if outcome == "duplicate":
        assert decision.unique is None
        assert (decision.duplicate.kind, decision.duplicate.reason) == (kind, reason)
        assert decision.duplicate.duplicate_of == of
    else:
        assert decision.duplicate is None
        assert decision.unique.revision_of == of
        assert decision.unique.url == second.url
        assert decision.unique.canonical_url == canonical_url(second.url)


@pytest.mark.parametrize(
    ("first_at", "again_at", "outcome"),
    [("0:7", "0:7", "redelivered"), ("0:7", "0:9", "duplicate"), (None, "0:7", "duplicate"),
     ("0:7", None, "duplicate")],
    ids=["same-record-again", "published-again", "place-unknown-then", "place-unknown-now"],
)
def test_the_same_record_delivered_again_is_no_copy_of_itself(first_at, again_at, outcome) -> None:
    store: dict = {}
    assert decide(article(ORIGINAL, seed(2)), store, NOW, at=first_at).outcome == "unique"
    remembered = dict(store)
    decision = decide(article(ORIGINAL, seed(2)), store, NOW + timedelta(hours=1), at=again_at)
    assert decision.outcome == outcome
    assert (decision.duplicate is None) == (outcome == "redelivered")
    assert (store == remembered) == (outcome == "redelivered")


def test_a_copy_delivered_again_is_redelivered_and_sends_nothing() -> None:
    store: dict = {}
    decide(article(ORIGINAL, seed(2)), store, NOW, at="0:1")
    assert decide(article("https://wire.example/a", seed(2)), store, NOW, at="0:2").duplicate
    again = decide(article("https://wire.example/a", seed(2)), store, NOW, at="0:2")
    assert (again.outcome, again.unique, again.duplicate) == ("redelivered", None, None)


def test_near_duplicate_reports_its_similarity() -> None:
    store: dict = {}
    decide(article(ORIGINAL, seed(4)), store, NOW)
    story = main_text(seed(4)).splitlines()
    decision = decide(article("https://wire.example/x", "\n".join(story[:-2])), store, NOW)
    assert 0.8 <= decision.duplicate.similarity < 1.0


def test_syndicated_copy_of_a_revision_is_a_duplicate_of_the_revision() -> None:
    store: dict = {}
    revised = seed(0).replace("51 Chinese", "53 Chinese")
    decide(article(ORIGINAL, seed(0)), store, NOW)
    decide(article("https://wire.example/revised", revised), store, NOW)
    decision = decide(article("https://other.example/r", reordered(revised)), store, NOW)
    assert decision.duplicate.duplicate_of == "https://wire.example/revised"


def test_unique_article_carries_canonical_url_and_content_hash() -> None:
    given = "HTTP://WWW.News.Example/story/?utm_source=x"
    decision = decide(article(given, seed(1)), {}, NOW)
    assert (decision.unique.url, decision.unique.canonical_url) == (given, ORIGINAL)
    assert len(decision.unique.content_hash) == 32


def test_articles_without_text_are_never_content_duplicates() -> None:
    store: dict = {}
    decide(article("https://a.example/1", ""), store, NOW)
    assert decide(article("https://a.example/2", ""), store, NOW).outcome == "unique"


def test_decide_is_deterministic() -> None:
    stream = [article(ORIGINAL, seed(0)), article("https://w.example/a", reordered(seed(0))),
              article("https://w.example/b", seed(0).replace("51", "52"))]
    runs = [[decide(a, store, NOW) for a in stream] for store in ({}, {})]
    assert runs[0] == runs[1]


def test_expire_forgets_old_articles_and_keeps_recent_ones() -> None:
    store: dict = {}
    decide(article(ORIGINAL, seed(0)), store, NOW - timedelta(days=20))
    decide(article("https://news.example/recent", seed(1)), store, NOW)
    removed = expire(store, NOW, timedelta(days=14))
    assert removed > 0
    assert not any(ORIGINAL in key for key in store)
    assert all(ORIGINAL not in urls for key, urls in store.items() if key.startswith("band:"))
    assert decide(article(ORIGINAL, seed(0)), store, NOW).outcome == "unique"
    assert decide(article("https://news.example/recent", seed(1)), store, NOW).outcome == \
        "duplicate"


def test_expire_of_everything_empties_the_store() -> None:
    store: dict = {}
    for i in range(5):
        decide(article(f"https://news.example/{i}", seed(i)), store, NOW)
    expire(store, NOW + timedelta(days=15), timedelta(days=14))
    assert store == {}


def test_state_survives_a_json_round_trip_like_a_table_changelog() -> None:
    store: dict = {}
    decide(article(ORIGINAL, seed(3)), store, NOW)
    restored = json.loads(json.dumps(store))
    assert restored == store
    assert decide(article("https://w.example/t", seed(3).rsplit("\n", 1)[0]), restored,
                  NOW).outcome == "duplicate"


def test_every_state_value_is_small() -> None:
    store: dict = {}
    for i in range(5):
        decide(article(f"https://news.example/{i}", seed(i)), store, NOW)
    assert max(len(json.dumps(value)) for value in store.values()) < 4096


def test_a_guid_is_only_a_duplicate_within_its_own_feed() -> None:
    store: dict = {}
    first = RawArticle(url="https://a.example/1", text=seed(0), guid="123",
                       feed_url="https://a.example/feed")
    other_feed = RawArticle(url="https://b.example/9", text=seed(1), guid="123",
                            feed_url="https://b.example/rss")
    same_feed = RawArticle(url="https://a.example/1-moved", text=seed(0), guid="123",
                           feed_url="http://www.a.example/feed/")
    assert decide(first, store, NOW).outcome == "unique"
    assert decide(other_feed, store, NOW).outcome == "unique"
    assert decide(same_feed, store, NOW).duplicate.reason == "guid"


def test_lsh_buckets_stay_bounded_when_many_texts_collide() -> None:
    store: dict = {}
    for i in range(80):
        decide(article(f"https://w.example/{i}", seed(0).replace("51", str(1000 + i))), store, NOW)
    buckets = [urls for key, urls in store.items() if key.startswith("band:")]
    assert max(len(urls) for urls in buckets) == 64
    assert "https://w.example/79" in max(buckets, key=len)


def test_an_older_version_delivered_again_is_a_duplicate_not_a_revision():
    from datetime import UTC, datetime

    from schemas import RawArticle
    from services.dedupe.decide import decide

    store: dict = {}
    now = datetime(2025, 5, 1, tzinfo=UTC)
    text = "At least 200 people were hurt in the storm, officials said. " * 3
    v1 = RawArticle(url="https://e.org/a", text=text)
    v2 = v1.model_copy(update={"text": v1.text.replace("200", "250")})
    outcomes = [decide(a, store, now).outcome for a in (v1, v2, v1, v2)]
    assert outcomes == ["unique", "revision", "duplicate", "duplicate"]


def test_a_duplicate_notice_says_what_the_copy_is_a_copy_of() -> None:
    store: dict = {}
    given = "http://www.news.example/story?utm_source=rss"
    first = RawArticle(url=given, text=seed(2), title="Chinese Nationals Fighting", outlet="Monitor")
    decide(first, store, NOW)
    notice = decide(article("https://wire.example/c", reordered(seed(2))), store, NOW).duplicate
    assert (notice.url, notice.duplicate_of) == ("https://wire.example/c", ORIGINAL)
    assert (notice.original_url, notice.original_title, notice.original_outlet) == (
        given, "Chinese Nationals Fighting", "Monitor")


def test_the_same_page_with_only_new_furniture_is_not_a_revision() -> None:
    store: dict = {}
    decide(article(ORIGINAL, seed(2)), store, NOW)
    footer = "\nLike this story? Share it with 3 friends.\nRated 4.8 by 12,000 readers today."
    decision = decide(article(ORIGINAL, seed(2) + footer), store, NOW + timedelta(hours=1))
    assert (decision.outcome, decision.duplicate.reason) == ("duplicate", "url")


def opening(i: int, lines: int) -> str:
    return "\n".join(main_text(seed(i)).splitlines()[:lines])


@pytest.mark.parametrize(
    ("text", "outcome"),
    [(opening(4, 3) + "\nSubscribe to continue reading.", "duplicate"),
     (opening(4, 3) + "\nPolice said on Friday that 41 more people had been detained in the city.",
      "unique")],
    ids=["cut-to-its-opening", "its-opening-and-news-of-its-own"],
)
def test_a_copy_cut_to_its_opening_paragraphs_is_a_copy(text, outcome) -> None:
    store: dict = {}
    decide(article(ORIGINAL, seed(4)), store, NOW)
    decision = decide(article("https://wire.example/teaser", text), store, NOW + timedelta(hours=1))
    assert decision.outcome == outcome
    assert decision.duplicate is None or decision.duplicate.duplicate_of == ORIGINAL
