"""A local HTTP server for the poller tests, small Kafka helpers for reading results, and the
poller's peak memory measured from outside."""

import gzip
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.structs import ConsumerRecord

from services.runtime.admin import create_topics
from services.runtime.topics import COMPACT, TopicSpec

FEEDS = Path(__file__).resolve().parents[1] / "data" / "feeds"
# Started by this small process, the command's ru_maxrss is its own peak. Read directly by a
# large process (pytest after the rest of the suite), it would be at least that process's own
# peak: the kernel carries the peak of the memory a program's exec replaces over to the program.
PEAK_LAUNCHER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    etag: str | None = None  # answer 304 to a matching If-None-Match
    chunked: bool = False  # stream the body without a Content-Length


def fixture_route(name: str, content_type: str = "application/rss+xml", **options) -> Route:
    headers = {"Content-Type": content_type, **options.pop("headers", {})}
    return Route(body=(FEEDS / name).read_bytes(), headers=headers, **options)


def gzip_bomb(size: int) -> Route:
    """A tiny gzip body that inflates to `size` bytes of an RSS document's padding."""
    body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>' + b" " * size
    headers = {"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"}
    return Route(body=gzip.compress(body, 9), headers=headers)


def run_for_peak_rss(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, int, float]:
    """Run `command` to its end: its exit code, its own peak RSS in MB and its wall time."""
    started = time.monotonic()
    launched = subprocess.run([sys.executable, "-c", PEAK_LAUNCHER, *command], cwd=cwd, env=env,
                              capture_output=True, text=True, check=True)
    code, peak_kb = launched.stdout.split()
    return int(code), int(peak_kb) // 1024, time.monotonic() - started


class FeedServer:
    """Serves routes on 127.0.0.1 from a background thread and records every request."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.httpd = _QuietServer(("127.0.0.1", 0), _handler(self))
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def hits(self, path: str) -> list[dict[str, str]]:
        return [headers for requested, headers in self.requests if requested == path]

    def __enter__(self) -> "FeedServer":
        self.thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # not a client that timed out
            super().handle_error(request, client_address)  # type: ignore[arg-type]


def _handler(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            headers = {name.lower(): value for name, value in self.headers.items()}
            server.requests.append((self.path, headers))
            route = server.routes.get(self.path, Route(status=404, body=b"not found"))
            time.sleep(route.delay)
            if route.etag and headers.get("if-none-match") == route.etag:
                self._send(Route(status=304, headers={"ETag": route.etag}))
            else:
                etag = {"ETag": route.etag} if route.etag else {}
                self._send(Route(**{**route.__dict__, "headers": {**route.headers, **etag}}))

        def _send(self, route: Route) -> None:
            self.send_response(route.status)
            for name, value in route.headers.items():
                self.send_header(name, value)
            if route.chunked:
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for start in range(0, len(route.body), 16384):
                    chunk = route.body[start:start + 16384]
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.write(b"0\r\n\r\n")
                return
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)

    return Handler


async def new_topics(bootstrap: str) -> tuple[str, str]:
    """A fresh articles topic and a fresh compacted state topic, named for this test only."""
    run = uuid.uuid4().hex[:10]
    articles, state = f"test.poller.{run}.articles", f"test.poller.{run}.state"
    await create_topics(bootstrap, [TopicSpec(articles, 1), TopicSpec(state, 1, COMPACT)], 1)
    return articles, state


async def read_topic(bootstrap: str, topic: str) -> list[ConsumerRecord]:
    """Every record of a single-partition topic, from the beginning to its current end."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, enable_auto_commit=False, auto_offset_reset="earliest"
    )
    await consumer.start()
    try:
        partition = TopicPartition(topic, 0)
        consumer.assign([partition])
        end = (await consumer.end_offsets([partition]))[partition]
        consumer.seek(partition, (await consumer.beginning_offsets([partition]))[partition])
        records: list[ConsumerRecord] = []
        while await consumer.position(partition) < end:
            batches = await consumer.getmany(partition, timeout_ms=1000)
            records.extend(batches.get(partition, []))
        return records
    finally:
        await consumer.stop()
