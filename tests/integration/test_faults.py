"""Fault injection: the worker SIGKILLed at random moments and the broker killed once, against
a clean run of the same 400 articles (`claimstream process`, the same logic with no broker).
Right after the broker is back the worker is killed again three times, each within 3 s of its
start, while it joins the group and restores its tables. CLAIMSTREAM_FAULT_SEED picks another
schedule.

Nothing may be lost (every statement of the clean run reaches its claim), nothing may differ
(final claim states equal), nothing may be invented (every event id is one the clean run made),
no article may be judged a copy the clean run did not judge so (a copy of itself), and the
group's committed lag must reach 0 within 60 s of the last restart."""

import asyncio
import json
import os
import random
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from conftest import JAR_CACHE, free_ports
from fault_articles import fault_articles
from faults import (
    REPO,
    Broker,
    Worker,
    commits,
    early_commits,
    read_records,
    wait_for_committed,
    wait_for_lag_zero,
)

from services.replay.publish import publish
from services.runtime.admin import create_topics
from services.runtime.settings import Settings
from services.runtime.topics import (
    ARTICLES_DUPLICATES,
    ARTICLES_RAW,
    ARTICLES_UNIQUE,
    CLAIMS_NEW,
    CLAIMS_TABLE,
    CLAIMS_UPDATED,
    DEADLETTER,
    DEDUPE_TABLE,
    FIGURES_EXTRACTED,
    changelog,
    topic_specs,
)

pytestmark = [pytest.mark.faults, pytest.mark.crash, pytest.mark.slow]
KILLS = 5
BURST = 3  # kills in a row, each a few seconds after the worker started
SEED = int(os.environ.get("CLAIMSTREAM_FAULT_SEED", "1515"))


@pytest.fixture(scope="module")
def own_broker(tmp_path_factory: pytest.TempPathFactory):
    """A local broker of this test's own: the test kills it, which others must not see."""
    from services.runtime import broker

    broker_dir = tmp_path_factory.mktemp("fault-broker")
    (broker_dir / "libs").symlink_to(broker.ensure_jars(Settings(broker_dir=JAR_CACHE)).resolve())
    ports = free_ports(2)
    settings = Settings(broker_dir=broker_dir, broker_port=ports[0], broker_controller_port=ports[1])
    own = Broker(settings)
    own.start()
    try:
        yield own
    finally:
        own.stop()


def clean_run(articles_file: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "services.cli", "process", str(articles_file),
                             "--out", str(out)], cwd=REPO, stdout=subprocess.DEVNULL)


def final_states(events: list[dict]) -> dict[str, tuple]:
    """Per claim, what its last version says (sources in a fixed order)."""
    last: dict[str, dict] = {}
    for event in events:
        if event["version"] >= last.get(event["claim_id"], {"version": 0})["version"]:
            last[event["claim_id"]] = event
    return {
        claim: (e["version"], e["value"], e["value_max"], e["qualifier"], e["claimant"],
                e["article_url"], e["contested"],
                sorted(json.dumps(s, sort_keys=True) for s in e["sources"]))
        for claim, e in last.items()
    }


def copies(events: list[dict]) -> set[tuple[str, str]]:
    return {(e["url"], e["duplicate_of"]) for e in events if e.get("type") == "article.duplicate"}


def statements(events: list[dict]) -> set[tuple[str, str]]:
    return {(e["claim_id"], json.dumps(e["statement"], sort_keys=True)) for e in events}


def committed_early(bootstrap: str) -> list[str]:
    """Articles and unique articles whose offsets were committed before what they caused
    (unique article, duplicate notice or dead letter; figures) was written."""
    records = asyncio.run(read_records(bootstrap, ARTICLES_RAW, ARTICLES_UNIQUE,
                                       ARTICLES_DUPLICATES, DEADLETTER, FIGURES_EXTRACTED))
    inputs: dict[tuple[str, int], list[tuple[int, str]]] = {}
    first: dict[str, int] = {}
    for r in records:
        if r.topic == ARTICLES_RAW:
            inputs.setdefault((r.topic, r.partition), []).append((r.offset, r.key.decode()))
        elif r.topic == ARTICLES_UNIQUE:
            url = json.loads(r.value)["url"]
            inputs.setdefault((r.topic, r.partition), []).append((r.offset, f"figures of {url}"))
        name = (r.key.decode() if r.topic in (ARTICLES_UNIQUE, ARTICLES_DUPLICATES, DEADLETTER)
                else f"figures of {json.loads(r.value)['article_url']}"
                if r.topic == FIGURES_EXTRACTED else None)
        if name is not None:
            first[name] = min(first.get(name, r.timestamp), r.timestamp)
    return early_commits(asyncio.run(commits(bootstrap)), inputs, first)


def traced(bootstrap: str, lost: set[tuple[str, str]]) -> list[str]:
    """Where each lost statement's article got to: which topics and changelogs mention it."""
    names = (ARTICLES_UNIQUE, ARTICLES_DUPLICATES, DEADLETTER, FIGURES_EXTRACTED,
             changelog(DEDUPE_TABLE), changelog(CLAIMS_TABLE))
    records = asyncio.run(read_records(bootstrap, *names))
    lines = []
    for claim, statement in sorted(lost):
        url = json.loads(statement)["article_url"]
        seen = Counter(r.topic for r in records if url.encode() in (r.key or b"") + (r.value or b""))
        unique = [f"{r.partition}@{r.offset}" for r in records
                  if r.topic == ARTICLES_UNIQUE and r.key == url.encode()]
        lines.append(f"{claim} {url} (unique at {', '.join(unique)}): {dict(seen)}")
    return lines


def test_kills_lose_nothing_change_nothing_invent_nothing(own_broker, tmp_path):
    articles = fault_articles(400)
    articles_file, clean_out = tmp_path / "articles.jsonl", tmp_path / "clean.jsonl"
    articles_file.write_text("".join(a.model_dump_json() + "\n" for a in articles))
    clean = clean_run(articles_file, clean_out)
    bootstrap = own_broker.bootstrap
    settings = Settings(kafka_bootstrap=bootstrap)
    asyncio.run(create_topics(bootstrap, topic_specs(settings)))
    asyncio.run(publish(bootstrap, articles[:200]))

    metrics_port, web_port = free_ports(2)
    worker = Worker(
        {**os.environ, "CLAIMSTREAM_KAFKA_BOOTSTRAP": bootstrap,
         "CLAIMSTREAM_STATE_DIR": str(tmp_path / "state"),
         "CLAIMSTREAM_METRICS_PORT": str(metrics_port), "CLAIMSTREAM_WEB_PORT": str(web_port),
         "CLAIMSTREAM_GROUP_INSTANCE_ID": "fault-worker"},
        tmp_path / "worker.log",
    )
    rng = random.Random(SEED)
    kills: list[float] = []
    began = time.monotonic()
    worker.start()
    try:
        for kill in range(KILLS):  # at a random moment after a random share of the articles
            share = rng.randint(60 * kill + 20, 60 * kill + 60)
            wait_for_committed(worker, bootstrap, ARTICLES_UNIQUE, share, timeout=60.0)
            time.sleep(rng.uniform(0.0, 2.0))
            if kill == 2:  # the broker dies under the running worker and comes back
                own_broker.kill()
                time.sleep(3.0)
                own_broker.start()
                time.sleep(rng.uniform(2.0, 6.0))
            worker.kill()
            kills.append(time.monotonic() - began)
            if kill == 2:  # and again and again while it starts up and restores its tables
                for _ in range(BURST):
                    worker.start()
                    time.sleep(rng.uniform(0.5, 3.0))
                    worker.kill()
                    kills.append(time.monotonic() - began)
            if kill == 1:
                asyncio.run(publish(bootstrap, articles[200:]))
            worker.start()
        restarted = time.monotonic() - began
        drained = wait_for_lag_zero(worker, bootstrap, timeout=60.0)
    finally:
        worker.stop()
    assert clean.wait(300) == 0

    clean_events = [json.loads(line) for line in clean_out.read_text().splitlines()]
    expected = [e for e in clean_events if e.get("type", "").startswith("claim.")]
    got = [json.loads(r.value) for r in asyncio.run(read_records(bootstrap, CLAIMS_NEW, CLAIMS_UPDATED))]
    notices = [json.loads(r.value) for r in asyncio.run(read_records(bootstrap, ARTICLES_DUPLICATES))]
    early = committed_early(bootstrap)
    repeats = sum(n - 1 for n in Counter(e["event_id"] for e in got).values())
    print(f"\nfaults: {len(articles)} articles, {len(kills)} worker kills, 1 broker kill; clean run "
          f"{len(expected)} claim events, faulty run {len(got)} ({repeats} repeated deliveries); "
          f"worker killed at {', '.join(f'{k:.0f}' for k in kills)}s; "
          f"last restart at {restarted:.0f}s, lag 0 {drained:.1f}s after it; the worker also "
          f"exited {worker.exits} times by itself and was started again")

    assert len(expected) > 400  # the input makes claims worth comparing
    assert early == []  # no input offset committed before its outputs were written
    lost = statements(expected) - statements(got)
    print("\n".join(traced(bootstrap, lost)))
    assert lost == set()
    assert {e["event_id"] for e in got} - {e["event_id"] for e in expected} == set()
    assert copies(notices) - copies(clean_events) == set()  # no article a copy of itself
    want, have = final_states(expected), final_states(got)
    assert sorted(want) == sorted(have)
    assert [c for c in want if want[c] != have[c]] == []
