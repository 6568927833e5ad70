"""One poll of one feed: fetch, classify, parse, publish what is new, remember it all."""

import asyncio
import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from aiokafka.errors import KafkaError

from schemas.articles import RawArticle
from services.poller.feeds import FeedConfig
from services.poller.fetch import Fetcher, FetchError, Response
from services.poller.fulltext import PAGE_ACCEPT, needs_full_text, with_page
from services.poller.health import after_failure, after_success, conditional_headers
from services.poller.outcome import Outcome, classify
from services.poller.parse import read_feed
from services.poller.publisher import Publisher
from services.poller.schedule import Bounds
from services.poller.state import FeedState, PollerState, entry_ids
from services.runtime import metrics
from services.runtime.settings import Settings

log = logging.getLogger("claimstream.poller")
# Documents (feeds, pages) read at once. Reading is CPU-bound, so more threads gain little on
# two cores, and each document costs 10-40 times its size in memory while it is read.
READERS = 2


class PollFailure(Exception):
    """A poll that failed; `status` is the metric label, the message the feed's last error."""

    def __init__(self, status: str, message: str, outcome: Outcome | None = None) -> None:
        super().__init__(message)
        self.status, self.outcome = status, outcome


@dataclass
class PageBudget:
    """Article pages a pass may still fetch, shared by the feeds polled in it."""

    left: int

    def take(self, wanted: int) -> int:
        granted = max(0, min(self.left, wanted))
        self.left -= granted
        return granted


class FeedPoller:
    def __init__(
        self, settings: Settings, fetcher: Fetcher, publisher: Publisher, state: PollerState
    ) -> None:
        self.bounds = Bounds(settings.poll_min_interval_seconds, settings.poll_max_interval_seconds)
        self.failures_to_disable = settings.poll_failures_to_disable
        self.max_entries = settings.poll_max_entries_per_feed
        self.pages_per_feed = settings.fulltext_per_feed
        self.fetcher, self.publisher, self.state = fetcher, publisher, state
        self.reading = asyncio.Semaphore(READERS)

    def is_due(self, feed: FeedConfig, now: float) -> bool:
        return feed.enabled and self.state.feed(feed.url).next_due <= now

    async def poll(self, feed: FeedConfig, pages: PageBudget | None = None) -> None:
        """One poll of `feed`; article pages are fetched within `pages` (none without it)."""
        state = self.state.feed(feed.url)
        try:
            outcome, new_entries, ttl = await self._check(feed, state, pages or PageBudget(0))
        except PollFailure as failure:
            return await self._failed(feed, state, failure)
        except KafkaError:
            raise
        except Exception as error:  # one feed's surprise must not stop the others
            log.exception("%s: unexpected error", feed.url)
            message = f"poller: unexpected {error.__class__.__name__}"
            return await self._failed(feed, state, PollFailure("error", message))
        await self._succeeded(feed, state, outcome, new_entries, ttl)

    async def _check(
        self, feed: FeedConfig, state: FeedState, pages: PageBudget
    ) -> tuple[Outcome, int, float | None]:
        """Fetch and publish: the outcome, the count of new entries and the feed's RSS ttl."""
        response = await self._fetch(feed, state)
        outcome = classify(response.status, response.headers, datetime.now(UTC))
        if not outcome.ok:
            raise PollFailure(outcome.status, outcome.error or outcome.status, outcome)
        if outcome.status == "not_modified":
            return outcome, 0, None
        content_type = response.headers.get("content-type")
        try:
            async with self.reading:
                parsed = await asyncio.to_thread(
                    read_feed, response.url, response.body, content_type, self.max_entries)
        except ValueError as error:
            raise PollFailure("bad_feed", str(error)) from None
        entries = parsed.articles[: self.max_entries]
        return outcome, await self._publish_new(feed, entries, pages), parsed.ttl_seconds

    async def _fetch(self, feed: FeedConfig, state: FeedState) -> Response:
        started = time.monotonic()
        try:
            response = await self.fetcher.get(feed.url, conditional_headers(state))
        except FetchError as error:
            raise PollFailure(error.status, str(error)) from None
        finally:
            metrics.FEED_FETCH_SECONDS.labels(feed.url).observe(time.monotonic() - started)
        metrics.FEED_BODY_BYTES.labels(feed.url).inc(len(response.body))
        return response

    async def _publish_new(
        self, feed: FeedConfig, articles: list[RawArticle], pages: PageBudget
    ) -> int:
        """Publish the entries not published before; the count of those published. An entry
        that cannot be published (too large even when cut) is counted failed and marked seen."""
        now = time.time()
        fresh, claimed, renewed = [], [], []
        for article in articles:
            ids = entry_ids(article.model_copy(update={"feed_url": feed.url}))
            if self.state.claim(ids, now):  # at once, so concurrent polls skip the entry
                fresh.append(article)
                claimed.extend(ids)
            else:
                renewed.extend(self.state.renew(ids, now))
        try:
            if feed.full_text:
                fresh = await self._with_pages(fresh, pages)
            failed = await self.publisher.articles(fresh, feed.url)
            await self.publisher.remember(claimed + renewed, now)
        except BaseException:
            self.state.release(claimed)
            raise
        metrics.FEED_ENTRIES_FAILED.labels(feed.url).inc(failed)
        metrics.FEED_ENTRIES.labels(feed.url).inc(len(fresh) - failed)
        metrics.ARTICLES_PUBLISHED.labels("poller").inc(len(fresh) - failed)
        return len(fresh)

    async def _with_pages(self, fresh: list[RawArticle], pages: PageBudget) -> list[RawArticle]:
        """The entries, the first few summary-only ones with their page's text: at most
        `fulltext_per_feed` pages for this feed and what is left of the pass's budget."""
        needing = [index for index, article in enumerate(fresh) if needs_full_text(article)]
        chosen = needing[: pages.take(min(len(needing), self.pages_per_feed))]
        fetched = await asyncio.gather(*(self._full_text(fresh[index]) for index in chosen))
        found = dict(zip(chosen, fetched, strict=True))
        return [found.get(index, article) for index, article in enumerate(fresh)]

    async def _full_text(self, article: RawArticle) -> RawArticle:
        """The article with its page's main text; unchanged when the page cannot be had."""
        if not needs_full_text(article):
            return article
        try:
            page = await self.fetcher.get(article.url, accept=PAGE_ACCEPT)
            if page.status != 200:
                return article
            async with self.reading:
                return await asyncio.to_thread(with_page, article, page.body)
        except Exception as error:  # a page is optional: keep the feed's text
            log.info("poller: no full text for %s (%s)", article.url, error)
            return article

    async def _succeeded(
        self, feed: FeedConfig, state: FeedState, outcome: Outcome, new: int, ttl: float | None
    ) -> None:
        now = time.time()
        first_poll = state.last_success is None and new > 0
        after_success(state, outcome, None if first_poll else new, now, self.bounds,
                      feed.interval, ttl)
        metrics.FEED_FETCHES.labels(feed.url, outcome.status).inc()
        self.show_health(feed)
        await self.publisher.feed_state(feed.url, state)

    async def _failed(self, feed: FeedConfig, state: FeedState, failure: PollFailure) -> None:
        error = str(failure)
        after_failure(state, error, time.time(), self.bounds, self.failures_to_disable,
                      failure.outcome, feed.interval)
        metrics.FEED_FETCHES.labels(feed.url, failure.status).inc()
        self.show_health(feed)
        log.warning("%s: %s (failure %d)", feed.url, error, state.failures)
        await self.publisher.feed_state(feed.url, state)

    def show_health(self, feed: FeedConfig) -> None:
        """Set the feed's health gauges from its state."""
        state = self.state.feed(feed.url)
        metrics.FEED_FAILURES.labels(feed.url).set(state.failures)
        metrics.FEED_DISABLED.labels(feed.url).set(int(state.disabled or not feed.enabled))
        if state.last_success:
            metrics.FEED_LAST_SUCCESS.labels(feed.url).set(state.last_success)

