"""The poller against a local HTTP server and a real broker: what reaches Kafka, and what not."""

import json
import threading
import time
from pathlib import Path

import pytest
from poller_fixtures import FeedServer, Route, fixture_route, gzip_bomb, new_topics, read_topic
from prometheus_client import REGISTRY

from schemas.articles import RawArticle
from services.dedupe.fingerprint import canonical_url
from services.poller.publisher import Publisher
from services.poller.run import run_poller
from services.poller.state import load_state
from services.runtime.settings import Settings

FORMATS = {
    "/rss2.xml": fixture_route("rss2.xml"),
    "/rss091.xml": fixture_route("rss091.xml", "text/xml"),
    "/rss1.rdf": fixture_route("rss1.rdf", "application/rdf+xml"),
    "/atom1.xml": fixture_route("atom1.xml", "application/atom+xml"),
    "/atom03.xml": fixture_route("atom03.xml", "application/atom+xml"),
    "/feed.json": fixture_route("feed.json", "application/feed+json"),
    "/malformed.xml": fixture_route("malformed.xml"),
    "/wrong-encoding.xml": fixture_route("wrong-encoding.xml", "text/xml"),
    "/windows-1251.xml": fixture_route("windows-1251.xml", "text/xml; charset=windows-1251"),
}


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def settings_for(bootstrap: str, **overrides) -> Settings:
    values = {
        "kafka_bootstrap": bootstrap, "fetch_allow_hosts": "127.0.0.1",
        "poll_min_interval_seconds": 0, "poll_max_interval_seconds": 0,
        "fetch_timeout_seconds": 2.0, **overrides,
    }
    return Settings(**values)


def feeds_file(tmp_path: Path, server: FeedServer, paths: list[str], **options) -> Path:
    lines = ["feeds:"]
    for path in paths:
        lines.append(f"  - url: {server.url(path)}")
        lines.extend(f"    {name}: {json.dumps(value)}" for name, value in options.items())
    path = tmp_path / "feeds.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


async def poll_once(bootstrap: str, feeds: Path, topics: tuple[str, str], **overrides) -> int:
    articles, state = topics
    settings = settings_for(bootstrap, **overrides)
    return await run_poller(settings, True, feeds, articles_topic=articles, state_topic=state)


async def published(bootstrap: str, topic: str) -> list[tuple[str, RawArticle]]:
    records = await read_topic(bootstrap, topic)
    return [(r.key.decode(), RawArticle.model_validate_json(r.value)) for r in records]


async def test_feeds_are_read_at_most_readers_at_a_time(kafka_bootstrap, server, tmp_path, monkeypatch):
    """However many polls run, READERS documents are read at once: each read costs many times
    the document's size in memory."""
    from services.poller import poll

    reading, most, lock = [0], [0], threading.Lock()
    real = poll.read_feed

    def counted(*args):
        with lock:
            reading[0] += 1
            most[0] = max(most[0], reading[0])
        time.sleep(0.2)
        try:
            return real(*args)
        finally:
            with lock:
                reading[0] -= 1

    monkeypatch.setattr(poll, "read_feed", counted)
    paths = [f"/feed-{n}.xml" for n in range(6)]
    server.routes.update({path: fixture_route("rss2.xml") for path in paths})
    topics = await new_topics(kafka_bootstrap)
    assert await poll_once(kafka_bootstrap, feeds_file(tmp_path, server, paths, full_text=False), topics) == 0
    assert most[0] == poll.READERS == 2


async def test_every_format_is_published_once_keyed_by_canonical_url(
    kafka_bootstrap, server, tmp_path
):
    server.routes.update(FORMATS)
    topics = await new_topics(kafka_bootstrap)
    feeds = feeds_file(tmp_path, server, list(FORMATS), full_text=False)

    assert await poll_once(kafka_bootstrap, feeds, topics) == 0
    records = await published(kafka_bootstrap, topics[0])

    titles = {article.title for _, article in records}
    assert {
        "Zelensky: at least 155 Chinese nationals fighting for Russia",
        "Budget of 12 billion approved", "Floods displace 3,000 people",
        "Inflation at 3.1% in March", "Turnout reached 61 percent", "Wages up 5% year on year",
        "An entry without a link", "Ceasefire talks & 40 delegates",
        "Straße gesperrt: 250 Meter, café crème", "Погибли 12 человек",
    } <= titles
    assert len(records) == len({key for key, _ in records}) == 11
    for key, article in records:
        assert key == article.canonical_url == canonical_url(article.url)
        assert article.source == "poller" and article.received_at is not None
    grain = next(a for _, a in records if a.title and a.title.startswith("Grain"))
    assert grain.url == server.url("/2025/04/09/grain?utm_source=rss")
    assert grain.canonical_url == canonical_url(grain.url)
    assert grain.canonical_url.endswith("/2025/04/09/grain")
    assert grain.feed_url == server.url("/rss2.xml")


async def test_second_pass_is_conditional_and_publishes_nothing_again(
    kafka_bootstrap, server, tmp_path
):
    server.routes["/etag.xml"] = fixture_route("rss2.xml", etag='"v1"')
    server.routes["/no-validators.xml"] = fixture_route("atom1.xml")
    topics = await new_topics(kafka_bootstrap)
    feeds = feeds_file(tmp_path, server, ["/etag.xml", "/no-validators.xml"], full_text=False)

    await poll_once(kafka_bootstrap, feeds, topics)
    await poll_once(kafka_bootstrap, feeds, topics)

    first, second = server.hits("/etag.xml")
    assert "if-none-match" not in first and second["if-none-match"] == '"v1"'
    assert len(server.hits("/no-validators.xml")) == 2
    assert len(await published(kafka_bootstrap, topics[0])) == 3
    state = await load_state(kafka_bootstrap, topics[1])
    assert state.feeds[server.url("/etag.xml")].etag == '"v1"'
    fetches = "claimstream_feed_fetches_total"
    labels = {"feed": server.url("/etag.xml"), "status": "not_modified"}
    assert REGISTRY.get_sample_value(fetches, labels) == 1
    assert REGISTRY.get_sample_value(fetches, {**labels, "status": "ok"}) == 1
    entries = "claimstream_feed_entries_published_total"
    assert REGISTRY.get_sample_value(entries, {"feed": server.url("/etag.xml")}) == 2


async def test_rate_limited_feed_is_left_alone_until_retry_after(
    kafka_bootstrap, server, tmp_path
):
    server.routes["/busy.xml"] = Route(status=429, headers={"Retry-After": "120"})
    topics = await new_topics(kafka_bootstrap)
    feeds = feeds_file(tmp_path, server, ["/busy.xml"])

    await poll_once(kafka_bootstrap, feeds, topics)
    await poll_once(kafka_bootstrap, feeds, topics)

    assert len(server.hits("/busy.xml")) == 1
    feed = (await load_state(kafka_bootstrap, topics[1])).feeds[server.url("/busy.xml")]
    assert feed.failures == 1 and feed.last_error == "poller: rate limited (429)"
    assert feed.next_due >= time.time() + 100
    assert await published(kafka_bootstrap, topics[0]) == []


async def test_redirects_are_followed_up_to_the_limit(kafka_bootstrap, server, tmp_path):
    server.routes["/moved.xml"] = Route(status=301, headers={"Location": "/rss1.rdf"})
    server.routes["/rss1.rdf"] = FORMATS["/rss1.rdf"]
    for hop in range(4):
        server.routes[f"/hop{hop}"] = Route(status=302, headers={"Location": f"/hop{hop + 1}"})
    server.routes["/hop4"] = FORMATS["/atom1.xml"]
    topics = await new_topics(kafka_bootstrap)
    feeds = feeds_file(tmp_path, server, ["/moved.xml", "/hop0"], full_text=False)

    await poll_once(kafka_bootstrap, feeds, topics, fetch_max_redirects=3)

    [(_, article)] = await published(kafka_bootstrap, topics[0])
    assert article.title == "Floods displace 3,000 people"
    assert [len(server.hits(f"/hop{n}")) for n in range(5)] == [1, 1, 1, 1, 0]
    state = await load_state(kafka_bootstrap, topics[1])
    assert state.feeds[server.url("/hop0")].last_error == "poller: more than 3 redirects"


@pytest.mark.parametrize(
    "location",
    ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/feed.xml", "http://[::1]:9/x",
     "file:///etc/passwd"],
    ids=["metadata", "private", "loopback-v6", "file-scheme"],
)
async def test_redirect_to_a_private_address_is_refused(
    kafka_bootstrap, server, tmp_path, location
):
    server.routes["/sneaky.xml"] = Route(status=302, headers={"Location": location})
    topics = await new_topics(kafka_bootstrap)
    feeds = feeds_file(tmp_path, server, ["/sneaky.xml"])

    await poll_once(kafka_bootstrap, feeds, topics, fetch_timeout_seconds=5.0)

    feed = (await load_state(kafka_bootstrap, topics[1])).feeds[server.url("/sneaky.xml")]
    assert feed.last_error and feed.last_error.startswith("poller: refused")
    assert await published(kafka_bootstrap, topics[0]) == []


async def test_loopback_feed_is_refused_without_the_allow_list(kafka_bootstrap, server, tmp_path):
    server.routes["/rss2.xml"] = FORMATS["/rss2.xml"]
    topics = await new_topics(kafka_bootstrap)
    feeds = feeds_file(tmp_path, server, ["/rss2.xml"])

    await poll_once(kafka_bootstrap, feeds, topics, fetch_allow_hosts="")

    assert server.hits("/rss2.xml") == []
    assert await published(kafka_bootstrap, topics[0]) == []


@pytest.mark.parametrize(
    "route",
    [
        Route(body=b"<rss>" + b" " * 300_000, headers={"Content-Type": "text/xml"}),
        Route(body=b"<rss>" + b" " * 300_000, chunked=True),
        gzip_bomb(50_000_000),
    ],
    ids=["declared-length", "chunked", "gzip-bomb"],
)
async def test_oversized_bodies_are_refused(kafka_bootstrap, server, tmp_path, route):
    server.routes["/huge.xml"] = route
    topics = await new_topics(kafka_bootstrap)
    feeds = feeds_file(tmp_path, server, ["/huge.xml"])

    await poll_once(kafka_bootstrap, feeds, topics, fetch_max_bytes=200_000)

    feed = (await load_state(kafka_bootstrap, topics[1])).feeds[server.url("/huge.xml")]
    assert feed.last_error == "poller: body larger than 200000 bytes"


async def test_slow_server_times_out(kafka_bootstrap, server, tmp_path):
    server.routes["/slow.xml"] = fixture_route("rss2.xml", delay=5.0)
    topics = await new_topics(kafka_bootstrap)
    feeds = feeds_file(tmp_path, server, ["/slow.xml"])

    started = time.monotonic()
    await poll_once(kafka_bootstrap, feeds, topics, fetch_timeout_seconds=0.5)

    assert time.monotonic() - started < 4.0
    feed = (await load_state(kafka_bootstrap, topics[1])).feeds[server.url("/slow.xml")]
    assert feed.last_error == "poller: timed out after 0.5s"
    assert await published(kafka_bootstrap, topics[0]) == []


async def test_summary_only_entries_get_the_page_text(kafka_bootstrap, server, tmp_path):
    server.routes["/summary.xml"] = fixture_route("summary-only.xml")
    server.routes["/pages/hospital.html"] = fixture_route("hospital.html", "text/html")
    topics = await new_topics(kafka_bootstrap)
    feeds = feeds_file(tmp_path, server, ["/summary.xml"])

    await poll_once(kafka_bootstrap, feeds, topics)

    articles = {a.title: a for _, a in await published(kafka_bootstrap, topics[0])}
    assert "48 million euros" in articles["Hospital budget"].text
    assert articles["Hospital budget"].published.isoformat().startswith("2025-04-07")
    assert articles["Missing page"].text == "The teaser is all there is."


async def test_article_page_on_a_private_address_is_not_fetched(kafka_bootstrap, server, tmp_path):
    feed = b"""<rss version="2.0"><channel><title>t</title><item><title>Inside job</title>
    <link>http://169.254.169.254/latest/meta-data/</link><description>Teaser.</description>
    </item></channel></rss>"""
    server.routes["/inside.xml"] = Route(body=feed, headers={"Content-Type": "text/xml"})
    topics = await new_topics(kafka_bootstrap)

    await poll_once(kafka_bootstrap, feeds_file(tmp_path, server, ["/inside.xml"]), topics)

    [(_, article)] = await published(kafka_bootstrap, topics[0])
    assert article.title == "Inside job" and article.text == "Teaser."


async def test_failing_feed_is_disabled_after_repeated_failures(kafka_bootstrap, server, tmp_path):
    server.routes["/down.xml"] = Route(status=500, body=b"oops")
    topics = await new_topics(kafka_bootstrap)
    feeds = feeds_file(tmp_path, server, ["/down.xml"])

    for _ in range(3):
        await poll_once(kafka_bootstrap, feeds, topics, poll_failures_to_disable=2)

    assert len(server.hits("/down.xml")) == 2
    feed = (await load_state(kafka_bootstrap, topics[1])).feeds[server.url("/down.xml")]
    assert feed.disabled and feed.failures == 2
    assert feed.last_error == "poller: server error (500)"


async def test_bad_feeds_file_exits_2(kafka_bootstrap, tmp_path, capsys):
    bad = tmp_path / "feeds.yaml"
    bad.write_text("feeds:\n  - url: ftp://example.org/feed\n")

    assert await poll_once(kafka_bootstrap, bad, ("unused", "unused")) == 2
    assert capsys.readouterr().err.startswith("poller: refused scheme 'ftp'")


async def test_markers_of_long_gone_entries_are_deleted_on_start(kafka_bootstrap, server, tmp_path):
    server.routes["/atom1.xml"] = FORMATS["/atom1.xml"]
    topics = await new_topics(kafka_bootstrap)
    feeds = feeds_file(tmp_path, server, ["/atom1.xml"], full_text=False)
    async with Publisher(kafka_bootstrap, *topics) as publisher:
        await publisher.remember(["url:https://gone.example/old"], now=0.0)

    await poll_once(kafka_bootstrap, feeds, topics)

    state = await load_state(kafka_bootstrap, topics[1])
    assert "url:https://gone.example/old" not in state.seen
    assert "url:https://atom-times.example/economy/inflation-march" in state.seen
    assert len(await published(kafka_bootstrap, topics[0])) == 1
