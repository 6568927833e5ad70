"""The poller process: load feeds and state, then poll every due feed, once or forever."""

import asyncio
import logging
import sys
import time
from pathlib import Path

from aiokafka.errors import KafkaError

from services.poller.feeds import FeedConfig, load_feeds
from services.poller.fetch import Fetcher
from services.poller.poll import FeedPoller, PageBudget
from services.poller.publisher import Publisher
from services.poller.schedule import interleave_by_host
from services.poller.state import load_state
from services.runtime.settings import Settings
from services.runtime.topics import ARTICLES_RAW, POLLER_STATE

log = logging.getLogger("claimstream.poller")
POLL_CONCURRENCY = 64  # feeds polled at once; hosts are capped by fetch_per_host_concurrency
IDLE_SECONDS = (0.5, 30.0)  # shortest and longest sleep between passes


async def run_poller(
    settings: Settings, once: bool, feeds_path: Path | None, *,
    articles_topic: str = ARTICLES_RAW, state_topic: str = POLLER_STATE,
    stop: asyncio.Event | None = None,
) -> int:
    """Poll the feeds in `feeds_path` (default: the `feeds` setting). With `once`, poll every
    due feed one time and return. Exit code: 0 done, 2 bad feeds file, 1 Kafka failure."""
    try:
        feeds = load_feeds(feeds_path or settings.feeds)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    try:
        state = await load_state(settings.kafka_bootstrap, state_topic)
        async with (
            Publisher(
                settings.kafka_bootstrap, articles_topic, state_topic, settings.max_record_bytes
            ) as publisher,
            Fetcher(settings) as fetcher,
        ):
            await publisher.forget(state.expire(time.time()))
            poller = FeedPoller(settings, fetcher, publisher, state)
            await poll_loop(poller, feeds, once, stop or asyncio.Event(), settings.fulltext_per_pass)
    except KafkaError as error:
        print(f"poller: Kafka failure ({error})", file=sys.stderr)
        return 1
    return 0


async def poll_loop(
    poller: FeedPoller, feeds: list[FeedConfig], once: bool, stop: asyncio.Event,
    pages_per_pass: int = 0,
) -> None:
    """Each feed is polled when it is due, independently of the others: a feed whose poll
    takes long delays only itself, never the next poll of a quick one."""
    for feed in feeds:
        poller.show_health(feed)
    running: dict[str, asyncio.Task] = {}
    slots = asyncio.Semaphore(POLL_CONCURRENCY)
    try:
        while not stop.is_set():
            start_due(poller, feeds, running, slots, PageBudget(pages_per_pass))
            if once:
                await asyncio.gather(*running.values())
                return
            await _sleep_until_due(poller, feeds, stop, running)
    finally:
        for task in running.values():
            task.cancel()
        await asyncio.gather(*running.values(), return_exceptions=True)


def start_due(
    poller: FeedPoller, feeds: list[FeedConfig], running: dict[str, asyncio.Task],
    slots: asyncio.Semaphore, pages: PageBudget,
) -> int:
    """Start polling every due feed not already being polled; how many were started."""
    now = time.time()
    due = interleave_by_host(
        [feed for feed in feeds if feed.url not in running and poller.is_due(feed, now)]
    )

    async def poll_one(feed: FeedConfig) -> None:
        async with slots:
            await poller.poll(feed, pages)

    for feed in due:
        running[feed.url] = asyncio.create_task(poll_one(feed), name=f"poll {feed.url}")
    if due:
        log.info("poller: polling %d of %d feeds", len(due), len(feeds))
    return len(due)


async def _sleep_until_due(
    poller: FeedPoller, feeds: list[FeedConfig], stop: asyncio.Event,
    running: dict[str, asyncio.Task],
) -> None:
    """Sleep until the next feed is due (within IDLE_SECONDS), a poll ends or asked to stop;
    a poll that ended on a Kafka failure is raised here."""
    idle = [poller.state.feed(feed.url).next_due for feed in feeds
            if feed.enabled and feed.url not in running]
    shortest, longest = IDLE_SECONDS
    wait = min(longest, max(shortest, min(idle, default=time.time() + longest) - time.time()))
    stopping = asyncio.ensure_future(stop.wait())
    await asyncio.wait([stopping, *running.values()], timeout=wait, return_when=asyncio.FIRST_COMPLETED)
    stopping.cancel()
    for url, task in list(running.items()):
        if task.done():
            del running[url]
            task.result()
