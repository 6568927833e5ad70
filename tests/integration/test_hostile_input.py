"""Poison records, hostile feeds and odd values against a real broker, `claimstream worker`
for each stage and `claimstream poll --once`: nothing crashes, exits or stalls; every bad record is
dead-lettered with its reason, every good one and the normal feed go through.

The test runs its own broker: the stage topics have fixed names, and the session broker's
`claimstream up` would otherwise read these records too."""

import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from poller_fixtures import FeedServer, Route, fixture_route, gzip_bomb, run_for_peak_rss
from stack import REPO, free_port

from schemas import Figure, RawArticle, UniqueArticle
from services.dedupe.fingerprint import canonical_url
from services.runtime import broker
from services.runtime import topics as t
from services.runtime.admin import create_topics
from services.runtime.settings import Settings
from services.runtime.topics import topic_specs

pytestmark = [pytest.mark.faults, pytest.mark.slow]

BAD_PER_TOPIC = {t.ARTICLES_RAW: 10_000, t.ARTICLES_UNIQUE: 10_000, t.FIGURES_EXTRACTED: 10_000}
GOOD_PER_TOPIC = 20
CLI = [sys.executable, "-m", "services.cli"]
WORDS = ("river harbour council ministry tender bridge vaccine orchard census drought tariff "
         "pension railway glacier festival museum reactor lagoon quarry senate").split()


@pytest.fixture(scope="module")
def faults_broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    jars = Path(__file__).resolve().parents[2] / ".kafka"
    libs = broker.ensure_jars(Settings(broker_dir=jars))
    broker_dir = tmp_path_factory.mktemp("faults-kafka")
    (broker_dir / "libs").symlink_to(libs.resolve(), target_is_directory=True)
    ports = [free_port(), free_port()]
    settings = Settings(broker_dir=broker_dir, broker_port=ports[0], broker_controller_port=ports[1])
    try:
        yield broker.start(settings, wait_seconds=90)
    finally:
        broker.stop(settings)


def bad_values(topic: str) -> list[tuple[str, bytes | None]]:
    """(what, value) of records no stage can use, for `topic`."""
    common = [
        ("not-json", b"{not json"), ("invalid-utf8", b"\xff\xfe\x00{"), ("tombstone", None),
        ("deep-nesting", b"[" * 100_000), ("array", b"[]"), ("number", b"123"),
        ("control-bytes", b"\x01" * 2_000),
    ]
    article = {"url": "https://bad.example/a", "text": "At least 3 people died.", "content_hash": "h"}
    if topic == t.FIGURES_EXTRACTED:
        figure = good_figure(0).model_dump(mode="json")
        odd = [
            ("nan", json.dumps(figure).replace('"value":', '"value": NaN, "x":').encode()),
            ("infinity", json.dumps({**figure, "value": 1e999}).encode()),
            ("year-9999", json.dumps({**figure, "published": "9999-12-31T00:00:00Z"}).encode()),
            ("no-evidence", json.dumps({k: v for k, v in figure.items() if k != "evidence"}).encode()),
            ("value-text", json.dumps({**figure, "value": "many"}).encode()),
        ]
    else:
        odd = [
            ("empty-url", json.dumps({**article, "url": ""}).encode()),
            ("year-9999", json.dumps({**article, "published": "9999-12-31T00:00:00Z"}).encode()),
            ("no-url", json.dumps({"text": "x", "content_hash": "h"}).encode()),
            ("text-number", json.dumps({**article, "text": 5}).encode()),
        ]
        if topic == t.ARTICLES_UNIQUE:
            odd.append(("no-content-hash", json.dumps({"url": "https://bad.example/b"}).encode()))
    return common + odd


def good_figure(i: int) -> Figure:
    """A figure the claims stage takes: each opens a claim of its own."""
    return Figure(
        figure_id=f"good-{i}", claim_key=f"fuzz good {i}|killed|people|*|*|?",
        article_url=f"https://good.example/figure/{i}", value=100 + i, unit="people",
        counted="people", event="killed", subject="people killed", evidence=f"{100 + i} killed",
    )


def good_records(topic: str, rng: random.Random) -> list[tuple[bytes, bytes]]:
    records = []
    for i in range(GOOD_PER_TOPIC):
        prose = " ".join(rng.choice(WORDS) + str(rng.randrange(10**6)) for _ in range(60))
        if topic == t.ARTICLES_RAW:
            url = f"https://good.example/raw/{i}"
            value = RawArticle(url=url, title=f"Good {i}", text=prose).model_dump_json()
        elif topic == t.ARTICLES_UNIQUE:
            url = f"https://good.example/unique/{i}"
            text = (f"KYIV — At least {150 + i} Chinese nationals are fighting for Russia, "
                    "Ukrainian intelligence said on Friday.")
            value = UniqueArticle(url=url, title="Count", text=text, content_hash=f"g{i}").model_dump_json()
        else:
            url, value = good_figure(i).claim_key, good_figure(i).model_dump_json()
        records.append((url.encode(), value.encode()))
    return records


GOOD = {  # what each input topic's good records become downstream
    "raw": {f"https://good.example/raw/{i}" for i in range(GOOD_PER_TOPIC)},
    "unique": {f"https://good.example/unique/{i}" for i in range(GOOD_PER_TOPIC)},
    "figures": {good_figure(i).claim_key for i in range(GOOD_PER_TOPIC)},
}


def fuzz_records(topic: str, rng: random.Random) -> tuple[list, dict[str, str]]:
    """Bad records with good ones spread among them; and each bad key with what it is."""
    cases = bad_values(topic)
    records, bad = [], {}
    for i in range(BAD_PER_TOPIC[topic]):
        what, value = cases[i % len(cases)] if i < 100 else rng.choice(cases)
        if i % 2_000 == 0:
            what, value = "oversized", b"\x01" * 400_000  # 2.4 MB once escaped in JSON
        key = f"bad-{topic}-{i}"
        records.append((key.encode(), value))
        bad[key] = what
    step = BAD_PER_TOPIC[topic] // GOOD_PER_TOPIC
    for at, record in zip(range(0, BAD_PER_TOPIC[topic], step), good_records(topic, rng), strict=True):
        records.insert(at + at // step, record)
    if topic == t.ARTICLES_UNIQUE:  # one article over its NLP budget (minutes of parsing)
        sentence = "officials said 12 people and 34 soldiers from the army were killed, " * 600
        slow = UniqueArticle(url="https://bad.example/slow", text=sentence, content_hash="s")
        records.insert(50, (b"bad-slow", slow.model_dump_json().encode()))
        bad["bad-slow"] = "nlp-budget"
    return records, bad


async def produce(bootstrap: str, records_by_topic: dict[str, list]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, linger_ms=50, acks=1,
                                max_request_size=3_000_000, max_batch_size=1_000_000)
    await producer.start()
    try:
        for topic, records in records_by_topic.items():
            sent = [await producer.send(topic, value, key=key) for key, value in records]
            await asyncio.gather(*sent)
    finally:
        await producer.stop()


class TopicReader:
    """Reads topics from the beginning, record by record, as they grow."""

    def __init__(self, bootstrap: str, *topics: str) -> None:
        self.consumer = AIOKafkaConsumer(
            *topics, bootstrap_servers=bootstrap, auto_offset_reset="earliest",
            enable_auto_commit=False, group_id=None, max_partition_fetch_bytes=3_000_000,
        )

    async def until(self, done, timeout: float, on_record) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            batches = await self.consumer.getmany(timeout_ms=1000, max_records=5000)
            for record in (r for records in batches.values() for r in records):
                on_record(record)
            if done():
                return True
        return False


POLLER_PEAK_MB = 300  # the poller's own peak against HOSTILE_FEEDS (bench/poller.py --rss)

HOSTILE_FEEDS: dict[str, Route] = {
    "/normal.xml": fixture_route("rss2.xml"),
    "/huge-entry.xml": Route(body=(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>h</title><item><title>Huge'
        b"</title><link>https://huge.example/entry</link><description>" + b"word " * 300_000
        + b"</description></item></channel></rss>"), headers={"Content-Type": "application/rss+xml"}),
    "/huge-content.xml": Route(body=(  # 4.8 MB of HTML, just under the fetch limit, in one entry
        b'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/'
        b'content/"><channel><title>c</title><item><title>Huge content</title><link>https://huge'
        b".example/content</link><content:encoded><![CDATA["
        + b"<p>word word word word word word word word word word.</p>" * 85_000
        + b"]]></content:encoded></item></channel></rss>"), headers={"Content-Type": "application/rss+xml"}),
    "/laughs.xml": Route(body=(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY z "1">]><!DOCTYPE rss [<!ENTITY l0 "lol">'
        + "".join(f'<!ENTITY l{n + 1} "{f"&l{n};" * 10}">' for n in range(9))
        + ']><rss version="2.0"><channel><title>t</title><item><title>&l9;</title>'
        "<link>https://laughs.example/x</link></item></channel></rss>").encode(),
        headers={"Content-Type": "application/rss+xml"}),
    "/charref.xml": Route(body=(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>'
        b"a &#xFFFFFFFF; b</title><link>https://charref.example/x</link></item></channel></rss>"),
        headers={"Content-Type": "application/rss+xml"}),
    "/year9999.xml": Route(body=(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Far'
        b"</title><link>https://far.example/x</link><pubDate>Fri, 31 Dec 9999 23:59:59 GMT"
        b"</pubDate></item></channel></rss>"), headers={"Content-Type": "application/rss+xml"}),
    "/gzip-bomb.xml": gzip_bomb(50_000_000),
    "/redirect-loop.xml": Route(status=302, headers={"Location": "/redirect-loop.xml"}),
    "/to-metadata.xml": Route(status=302, headers={"Location": "http://169.254.169.254/latest"}),
    "/slow.xml": fixture_route("rss2.xml", delay=4.0),
}


def many_entries_feed(server: FeedServer, count: int) -> Route:
    """`count` summary-only entries, each linking to a page on the server."""
    items = "".join(
        f"<item><title>E{i}</title><link>{server.url(f'/page/{i}')}</link>"
        f"<description>s{i}</description></item>" for i in range(count)
    )
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>m</title>{items}</channel></rss>'
    return Route(body=body.encode(), headers={"Content-Type": "application/rss+xml"})


async def test_no_poison_record_or_hostile_feed_stops_a_stage_or_the_poller(faults_broker, tmp_path):
    bootstrap, started = faults_broker, time.monotonic()
    settings = Settings(kafka_bootstrap=bootstrap)
    await create_topics(bootstrap, topic_specs(settings), 1)
    rng = random.Random(16)
    inputs = (t.ARTICLES_RAW, t.ARTICLES_UNIQUE, t.FIGURES_EXTRACTED)
    fuzz = {topic: fuzz_records(topic, rng) for topic in inputs}
    env = os.environ | {
        "CLAIMSTREAM_KAFKA_BOOTSTRAP": bootstrap, "CLAIMSTREAM_STATE_DIR": str(tmp_path / "state"),
        "CLAIMSTREAM_METRICS_PORT": str(free_port()), "CLAIMSTREAM_WEB_PORT": str(free_port()),
        "CLAIMSTREAM_NLP_SECONDS_PER_ARTICLE": "15", "CLAIMSTREAM_FETCH_ALLOW_HOSTS": "127.0.0.1",
        "CLAIMSTREAM_FETCH_TIMEOUT_SECONDS": "2", "CLAIMSTREAM_NLP_BATCH_SIZE": "64",
    }
    workers = [  # one process per stage, as deployed: each stage has its own producer
        subprocess.Popen([*CLI, "worker", stage], cwd=REPO, start_new_session=True,
                         env=env | {"CLAIMSTREAM_METRICS_PORT": str(free_port()),
                                    "CLAIMSTREAM_STATE_DIR": str(tmp_path / stage)},
                         stdout=(tmp_path / f"{stage}.log").open("wb"), stderr=subprocess.STDOUT)
        for stage in ("dedupe", "extract", "claims")
    ]
    try:
        await produce(bootstrap, {topic: records for topic, (records, _) in fuzz.items()})
        with FeedServer() as server:
            server.routes.update(HOSTILE_FEEDS)
            server.routes["/many.xml"] = many_entries_feed(server, 10_000)
            feeds = tmp_path / "feeds.yaml"
            feeds.write_text("feeds:\n" + "".join(
                f"  - {server.url(path)}\n" for path in [*HOSTILE_FEEDS, "/many.xml"]))
            poll = [*CLI, "poll", "--once", "--feeds", str(feeds)]
            code, peak_mb, seconds = await asyncio.to_thread(run_for_peak_rss, poll, REPO, env)
            page_hits = sum(1 for path, _ in server.requests if path.startswith("/page/"))
            normal_entry = canonical_url(server.url("/2025/04/09/chinese-nationals"))
        assert code == 0, f"poller exit {code}"
        assert peak_mb <= POLLER_PEAK_MB, f"poller peak RSS {peak_mb} MB"
        assert page_hits <= settings.fulltext_per_feed

        seen = await read_pipeline(bootstrap, fuzz)
        assert [worker.poll() for worker in workers] == [None] * 3, "a worker exited"
    finally:
        for worker in workers:
            os.killpg(worker.pid, signal.SIGINT)
        for worker in workers:
            try:
                worker.wait(60)
            except subprocess.TimeoutExpired:  # a worker deep in an NLP batch: stop it for good
                os.killpg(worker.pid, signal.SIGKILL)
                worker.wait(10)

    bad = {key: what for _, expected in fuzz.values() for key, what in expected.items()}
    missing = sorted(set(bad) - set(seen["dead"]))
    assert not missing, f"{len(missing)} bad records not dead-lettered, e.g. {missing[:3]}"
    assert all(seen["dead"][key] for key in bad), "a dead letter without a reason"
    assert seen["dead"]["bad-slow"] == "extract: NLP took longer than its budget of 15s"
    assert GOOD["raw"] <= seen["unique"]
    assert GOOD["unique"] <= seen["figures"]
    assert GOOD["figures"] <= seen["claims"]
    assert not any(key.startswith(("bad-", "https://good")) for key in seen["dead_other"])
    feed = seen["poller"]
    assert {normal_entry, "https://huge.example/entry", "https://huge.example/content",
            "https://charref.example/x", "https://far.example/x"} <= set(feed)
    assert 0 < len(feed["https://huge.example/entry"]["text"]) < 1_000_000
    assert feed["https://huge.example/content"]["text"].startswith("word word")
    assert feed["https://far.example/x"]["published"] is None
    assert "lol" not in (feed.get("https://laughs.example/x", {}).get("title") or "")
    print(f"\n{time.monotonic() - started:.0f}s; poller: exit {code}, peak RSS {peak_mb} MB, {seconds:.1f}s; "
          f"{len(seen['dead'])} dead letters from {len(bad)} bad records")


async def read_pipeline(bootstrap: str, fuzz: dict) -> dict:
    """What the pipeline made of the records, once every bad one is dead-lettered and every
    good one has come out of its stage (or the time is up)."""
    expected_bad = {key for _, bad in fuzz.values() for key in bad}
    seen: dict = {"dead": {}, "dead_other": set(), "unique": set(), "figures": set(),
                  "claims": set(), "poller": {}}

    def on_record(record) -> None:
        key = record.key.decode(errors="replace") if record.key else ""
        if record.topic != t.DEADLETTER and key.startswith("bad-"):
            return  # the fuzz records themselves, on the input topics
        if record.topic == t.DEADLETTER and key in expected_bad:
            seen["dead"][key] = json.loads(record.value)["reason"]
        elif record.topic == t.DEADLETTER:
            seen["dead_other"].add(key)
        elif record.topic == t.ARTICLES_UNIQUE:
            seen["unique"].add(key)
        elif record.topic == t.FIGURES_EXTRACTED:
            seen["figures"].add(json.loads(record.value)["article_url"])
        elif record.topic in (t.CLAIMS_NEW, t.CLAIMS_UPDATED):
            seen["claims"].add(json.loads(record.value)["claim_key"])
        if record.topic == t.ARTICLES_RAW and not key.startswith("https://good"):
            seen["poller"][key] = json.loads(record.value)

    def done() -> bool:
        return (len(seen["dead"]) >= len(expected_bad) and GOOD["raw"] <= seen["unique"]
                and GOOD["unique"] <= seen["figures"] and GOOD["figures"] <= seen["claims"])

    reader = TopicReader(bootstrap, t.DEADLETTER, t.ARTICLES_UNIQUE, t.FIGURES_EXTRACTED,
                         t.CLAIMS_NEW, t.CLAIMS_UPDATED, t.ARTICLES_RAW)
    await reader.consumer.start()
    try:
        await reader.until(done, 420.0, on_record)  # ~4 minutes in all on a busy 2-core machine
    finally:
        await reader.consumer.stop()
    return seen
