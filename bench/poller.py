"""The poller against 1,000 local feeds: feeds/s on a first pass (200s, every entry published)
and a second pass (conditional GETs), and the share of 304s on the second pass. Entries carry
their full text, so no article page is fetched.

    .venv/bin/python bench/poller.py [--feeds 1000] [--hosts 50] [--entries 10]
    .venv/bin/python bench/poller.py --rss [--before REV]

With `--rss`: the poller's peak RSS, for this tree and for git revision REV side by side,
after its imports alone and over one `--once` pass of the hostile-input test's feeds (a 1.5 MB
entry, billion laughs, a gzip bomb, 10,000 entries, ...). Each poller runs in a process of
its own, started by a small launcher that reads its peak (see `poller_fixtures.PEAK_LAUNCHER`).

Feeds are spread over `--hosts` loopback addresses (127.0.0.2, 127.0.0.3, …), as if over
many publishers, so the per-host cap (`CLAIMSTREAM_FETCH_PER_HOST_CONCURRENCY`) applies as in
production. The HTTP server runs in a separate process. Needs a broker at
CLAIMSTREAM_KAFKA_BOOTSTRAP if one answers, else starts a local one; the bench makes its own
topics.
"""

import argparse
import asyncio
import multiprocessing
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "integration")]

from bench_broker import bench_broker  # noqa: E402
from poller_fixtures import FeedServer, new_topics, run_for_peak_rss  # noqa: E402

from services.poller.run import run_poller  # noqa: E402
from services.runtime.settings import Settings  # noqa: E402

PORT = 18480
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"


def feed_document(number: int, entries: int) -> bytes:
    items = "".join(
        f"<item><title>Feed {number} story {i}: {i * 7} people</title>"
        f"<link>https://feed{number}.example/story/{i}</link><guid>f{number}-{i}</guid>"
        f"<pubDate>Wed, 09 Apr 2025 12:{i % 60:02d}:00 GMT</pubDate>"
        f"<content:encoded>&lt;p&gt;At least {i * 7} people were counted in story {i} of feed "
        f"{number}.&lt;/p&gt;</content:encoded></item>"
        for i in range(entries)
    )
    return (f'<?xml version="1.0"?><rss version="2.0" xmlns:content="{CONTENT_NS}"><channel>'
            f"<title>Feed {number}</title>{items}</channel></rss>").encode()


async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, entries: int) -> None:
    """Minimal keep-alive HTTP/1.1: /feed/N.xml with ETag "N", 304 on a matching validator."""
    try:
        while head := await reader.readuntil(b"\r\n\r\n"):
            lines = head.decode("latin-1").split("\r\n")
            number = int(lines[0].split()[1].rsplit("/", 1)[-1].split(".")[0])
            headers = {k.lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:])}
            if headers.get("if-none-match") == f'"{number}"':
                writer.write(f'HTTP/1.1 304 Not Modified\r\nETag: "{number}"\r\n\r\n'.encode())
            else:
                body = feed_document(number, entries)
                writer.write(f'HTTP/1.1 200 OK\r\nETag: "{number}"\r\nContent-Type: '
                             f"application/rss+xml\r\nContent-Length: {len(body)}\r\n\r\n"
                             .encode() + body)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


def serve(hosts: list[str], entries: int) -> None:
    async def main() -> None:
        servers = [await asyncio.start_server(lambda r, w: answer(r, w, entries), host, PORT)
                   for host in hosts]
        await asyncio.gather(*(server.serve_forever() for server in servers))
    asyncio.run(main())


async def two_passes(settings: Settings, feeds: Path, count: int) -> list[tuple[str, float]]:
    articles, state = await new_topics(settings.kafka_bootstrap)
    timings = []
    for name in ("first (200)", "second (conditional)"):
        started = time.perf_counter()
        await run_poller(settings, True, feeds, articles_topic=articles, state_topic=state)
        timings.append((name, time.perf_counter() - started))
    return timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--entries", type=int, default=10)
    parser.add_argument("--rss", action="store_true", help="peak RSS on the hostile feeds instead")
    parser.add_argument("--before", default="9dcf8d5", help="the revision compared with --rss")
    args = parser.parse_args()
    if args.rss:
        return peak_rss(args.before)
    hosts = [f"127.0.0.{2 + n}" for n in range(args.hosts)]
    server = multiprocessing.Process(target=serve, args=(hosts, args.entries), daemon=True)
    server.start()
    time.sleep(1.0)
    with tempfile.TemporaryDirectory() as workdir, bench_broker() as bootstrap:
        feeds = Path(workdir) / "feeds.txt"
        feeds.write_text("".join(f"http://{hosts[n % len(hosts)]}:{PORT}/feed/{n}.xml\n"
                                 for n in range(args.feeds)))
        settings = Settings(
            kafka_bootstrap=bootstrap,
            fetch_allow_hosts="127.0.0.0/8", poll_min_interval_seconds=0,
            poll_max_interval_seconds=0,
        )
        timings = asyncio.run(two_passes(settings, feeds, args.feeds))
    server.terminate()
    report(settings, args, timings)


def report(settings: Settings, args: argparse.Namespace, timings: list) -> None:
    from prometheus_client import REGISTRY

    fetched = {s: _sample(REGISTRY, s) for s in ("ok", "not_modified")}
    machine = f"{platform.machine()} {os.cpu_count()} CPU, Python {platform.python_version()}"
    print(f"machine: {machine}; {args.feeds} feeds x {args.entries} entries on {args.hosts} "
          f"hosts; per-host cap {settings.fetch_per_host_concurrency}")
    print(f"{'pass':<22}{'seconds':>9}{'feeds/s':>10}")
    for name, seconds in timings:
        print(f"{name:<22}{seconds:>9.2f}{args.feeds / seconds:>10.0f}")
    share = fetched["not_modified"] / max(1, args.feeds)
    print(f"304 share on the second pass: {share:.1%} ({fetched['not_modified']:.0f} of "
          f"{args.feeds}); 200s over both passes: {fetched['ok']:.0f}")


POLL_ONCE = (
    "import asyncio, sys; from pathlib import Path; from services.poller.run import run_poller; "
    "from services.runtime.settings import Settings; sys.exit(asyncio.run(run_poller(Settings(), "
    "True, Path(sys.argv[1]), articles_topic=sys.argv[2], state_topic=sys.argv[3])))"
)


def peak_rss(before: str) -> None:
    from test_hostile_input import HOSTILE_FEEDS, many_entries_feed

    rows = []
    with tempfile.TemporaryDirectory() as workdir, bench_broker() as bootstrap, FeedServer() as server:
        server.routes.update(HOSTILE_FEEDS)
        server.routes["/many.xml"] = many_entries_feed(server, 10_000)
        feeds = Path(workdir) / "feeds.yaml"
        feeds.write_text("feeds:\n" + "".join(f"  - {server.url(path)}\n"
                                               for path in [*HOSTILE_FEEDS, "/many.xml"]))
        old = Path(workdir) / "before"
        old.mkdir()
        archive = subprocess.run(["git", "archive", before], cwd=REPO, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
        for name, tree in ((f"before ({before})", old), ("after (this tree)", REPO)):
            env = os.environ | {"PYTHONPATH": str(tree), "CLAIMSTREAM_KAFKA_BOOTSTRAP": bootstrap,
                                "CLAIMSTREAM_FETCH_ALLOW_HOSTS": "127.0.0.1",
                                "CLAIMSTREAM_FETCH_TIMEOUT_SECONDS": "2"}
            imports = run_for_peak_rss([sys.executable, "-c", "import services.poller.run"], tree, env)
            topics = asyncio.run(new_topics(bootstrap))
            polled = run_for_peak_rss([sys.executable, "-c", POLL_ONCE, str(feeds), *topics], tree, env)
            rows.append((name, imports[1], *polled))
    machine = f"{platform.machine()} {os.cpu_count()} CPU, Python {platform.python_version()}"
    print(f"machine: {machine}; command: bench/poller.py --rss --before {before}")
    print(f"{'poller':<24}{'imports MB':>12}{'poll --once MB':>16}{'seconds':>9}{'exit':>6}")
    for name, imports_mb, code, peak_mb, seconds in rows:
        print(f"{name:<24}{imports_mb:>12}{peak_mb:>16}{seconds:>9.1f}{code:>6}")


def _sample(registry, status: str) -> float:
    return sum(s.value for m in registry.collect() if m.name == "claimstream_feed_fetches"
               for s in m.samples if s.name.endswith("_total") and s.labels["status"] == status)


if __name__ == "__main__":
    main()
