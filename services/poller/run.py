"""The poller process: load feeds and state, then poll every due feed, once or forever."""

import asyncio
import contextlib
import logging
import sys
import time
from pathlib import Path

from aiokafka.errors import KafkaError

from services.poller.feeds import FeedConfig, load_feeds
from services.poller.fetch import Fetcher
from services.poller.poll import FeedPoller
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
            Publisher(settings.kafka_bootstrap, articles_topic, state_topic) as publisher,
            Fetcher(settings) as fetcher,
        ):
            await publisher.forget(state.expire(time.time()))
            poller = FeedPoller(settings, fetcher, publisher, state)
            await poll_loop(poller, feeds, once, stop or asyncio.Event())
    except KafkaError as error:
        print(f"poller: Kafka failure ({error})", file=sys.stderr)
        return 1
    return 0


async def poll_loop(
    poller: FeedPoller, feeds: list[FeedConfig], once: bool, stop: asyncio.Event
) -> None:
    for feed in feeds:
        poller.show_health(feed)
    while not stop.is_set():
        await poll_due(poller, feeds)
        if once:
            return
        await _sleep_until_due(poller, feeds, stop)


async def poll_due(poller: FeedPoller, feeds: list[FeedConfig]) -> int:
    """Poll every feed that is due, at most POLL_CONCURRENCY at a time; how many were due."""
    now = time.time()
    due = interleave_by_host([feed for feed in feeds if poller.is_due(feed, now)])
    slots = asyncio.Semaphore(POLL_CONCURRENCY)

    async def poll_one(feed: FeedConfig) -> None:
        async with slots:
            await poller.poll(feed)

    await asyncio.gather(*(poll_one(feed) for feed in due))
    log.info("poller: polled %d of %d feeds", len(due), len(feeds))
    return len(due)


async def _sleep_until_due(
    poller: FeedPoller, feeds: list[FeedConfig], stop: asyncio.Event
) -> None:
    """Sleep until the next feed is due (within IDLE_SECONDS) or until asked to stop."""
    enabled = [poller.state.feed(feed.url).next_due for feed in feeds if feed.enabled]
    shortest, longest = IDLE_SECONDS
    wait = min(longest, max(shortest, min(enabled, default=time.time() + longest) - time.time()))
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=wait)
