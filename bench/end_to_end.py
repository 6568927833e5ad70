"""Latency and throughput of the whole pipeline on a real Kafka broker.

    .venv/bin/python bench/end_to_end.py [--articles 200]

Starts `claimstream worker all` against CLAIMSTREAM_KAFKA_BOOTSTRAP (or a local broker it
starts in a temporary folder), publishes N articles — revisions of the seeds with a changed
figure and their own URL, so every one passes dedupe and changes a claim — and reads the
claim events back. Latency is an event's `emitted_at` minus its article's `received_at`
(both stamped on this machine); throughput is articles over the time from the first
publish to the last claim event.
"""

import argparse
import asyncio
import json
import os
import platform
import re
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

FIGURE = re.compile(r"\b(163|155|150)\b")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench_broker import bench_broker  # noqa: E402

from schemas import RawArticle  # noqa: E402
from services.replay.inputs import read_inputs  # noqa: E402
from services.replay.publish import publish, send  # noqa: E402


def articles(n: int, run: str, base: int) -> list[RawArticle]:
    """Seed revisions: every article states a claim figure the claim has not seen."""
    seeds = [s for s in read_inputs([REPO / "seeds"]) if FIGURE.search(s.text)]
    out = []
    for i in range(n):
        seed = seeds[i % len(seeds)]
        text = FIGURE.sub(str(base + i), seed.text)
        out.append(seed.model_copy(update={"url": f"https://bench.example/{run}/{i}", "text": text}))
    return out


async def collect(bootstrap: str, urls: set[str], timeout: float, idle: float | None = None) -> list[dict]:
    """Claim events of these articles, until each has one, `timeout` passes, or (with `idle`)
    no new one came for `idle` seconds after the first."""
    consumer = AIOKafkaConsumer("claims.new", "claims.updated", bootstrap_servers=bootstrap,
                                group_id=None, auto_offset_reset="earliest")
    await consumer.start()
    events, seen, deadline = [], set(), time.monotonic() + timeout
    quiet = float("inf")
    try:
        while time.monotonic() < min(deadline, quiet) and seen != urls:
            for records in (await consumer.getmany(timeout_ms=1000)).values():
                for record in records:
                    event = json.loads(record.value)
                    if event["article_url"] in urls:
                        events.append(event)
                        seen.add(event["article_url"])
                        quiet = time.monotonic() + idle if idle else quiet
    finally:
        await consumer.stop()
    return events


def start_worker(env: dict, log: Path, repo: Path = REPO, settle: float = 20,
                 python: str = sys.executable) -> subprocess.Popen:
    """`claimstream worker all` from the checkout at `repo`, run by `python`."""
    worker = subprocess.Popen([python, "-m", "services.cli", "worker", "all"], cwd=repo,
                              env=env | {"PYTHONPATH": str(repo)}, stdout=log.open("wb"),
                              stderr=subprocess.STDOUT, start_new_session=True)
    time.sleep(settle)  # group join, table recovery, model load
    return worker


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--paced", type=int, default=20)
    args = parser.parse_args()
    with bench_broker() as bootstrap:
        run_bench(args, bootstrap, Path(tempfile.mkdtemp(prefix="claimstream-bench-")))


def run_bench(args: argparse.Namespace, bootstrap: str, tmp: Path) -> None:
    env = os.environ | {"CLAIMSTREAM_KAFKA_BOOTSTRAP": bootstrap, "CLAIMSTREAM_STATE_DIR": str(tmp / "state"),
                        "CLAIMSTREAM_METRICS_PORT": "19208", "CLAIMSTREAM_WEB_PORT": "19266"}
    subprocess.run([sys.executable, "-m", "services.cli", "topics", "create"], cwd=REPO, env=env, check=True)
    worker = start_worker(env, tmp / "worker.log")
    try:
        run = int(time.time())
        base = 100_000 + (run % 100_000) * 10_000  # figures no earlier run on this broker stated
        burst = articles(args.articles, f"burst-{run}", base)
        started = time.monotonic()
        asyncio.run(publish(bootstrap, burst))
        events = asyncio.run(collect(bootstrap, {a.url for a in burst}, timeout=600))
        elapsed = time.monotonic() - started
        latencies = asyncio.run(paced(bootstrap, articles(args.paced, f"paced-{run}", base + args.articles)))
    finally:
        os.killpg(worker.pid, signal.SIGINT)
        worker.wait(60)
    done = len({e["article_url"] for e in events})
    print(f"machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}; "
          f"burst of {len(burst)} articles, {done} reached a claim event; {len(latencies)} paced")
    print(f"{'measure':<40}{'value':>10}")
    print(f"{'burst throughput (articles/s)':<40}{len(burst) / elapsed:>10.1f}")
    for name, q in (("p50", 0.5), ("p95", 0.95), ("max", 1.0)):
        value = latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else float("nan")
        print(f"{'paced publish -> claim event ' + name + ' (s)':<40}{value:>10.3f}")


async def paced(bootstrap: str, batch: list[RawArticle], gap: float = 1.0) -> list[float]:
    """One article every `gap` seconds: seconds from publish to its first claim event."""
    sent = {}
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=True, acks="all")
    await producer.start()
    try:
        start = time.monotonic()
        for i, article in enumerate(batch):
            await asyncio.sleep(max(0.0, start + i * gap - time.monotonic()))
            sent[article.url] = datetime.now(UTC)
            await send(producer, article)
        await producer.flush()
    finally:
        await producer.stop()
    events = await collect(bootstrap, set(sent), timeout=120)
    first: dict[str, datetime] = {}
    for event in events:
        emitted = datetime.fromisoformat(event["emitted_at"])
        first[event["article_url"]] = min(emitted, first.get(event["article_url"], emitted))
    return sorted((first[url] - sent[url]).total_seconds() for url in first)


if __name__ == "__main__":
    main()
