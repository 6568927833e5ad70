"""faust wiring for extract: articles.unique -> figures.extracted, NLP off the event loop.

Articles are taken in batches and shared out among `nlp_processes` NLP processes that each
load the model once, so heartbeats and rebalances keep running while the model works. An
article is cut to `max_article_chars` first, and a batch gets `nlp_seconds_per_article` per
article: past that the process is stopped, its articles are tried one at a time, and the one
that overruns its own budget is dead-lettered.
"""

import asyncio
import time

import faust

from schemas import Figure, UniqueArticle
from services.app import StageOutput, Topics, stage_agent
from services.claims.in_article import resolve_in_article
from services.extract.intake import clipped
from services.extract.nlp_processes import NlpProcesses
from services.extract.reads_ahead import ReadsAhead
from services.runtime import topics as t
from services.runtime.deadletter import reason_of
from services.runtime.delivery import InOrder, Send
from services.runtime.metrics import (
    ARTICLES_EXTRACTED,
    ARTICLES_TRUNCATED,
    FIGURES,
    LAST_PROCESSED,
    NLP_BATCH_SIZE,
    STAGE_SECONDS,
)
from services.runtime.settings import Settings
from services.runtime.topics import encode

STAGE = "extract"
# Batches read ahead of the one being finished: each NLP process has its share of the next
# one to go on to.
BATCHES_AHEAD = 1


def register(app: faust.App, settings: Settings, topics: Topics) -> None:
    output = StageOutput(topics, settings, STAGE, t.ARTICLES_UNIQUE)
    nlp = NlpProcesses(settings.spacy_model, settings.nlp_processes, settings.nlp_seconds_per_article)

    def figure_sends(event: faust.EventT, figures: list[Figure]) -> list[Send]:
        """Every figure of the article, or, when one is too large to send, a dead letter."""
        resolved = resolve_in_article(figures)
        records = [(figure.claim_key.encode(), encode(figure)) for figure in resolved]
        for key, value in records:
            if refusal := output.refusal("figure", key, value):
                return [output.dead_send(event, refusal)]
        ARTICLES_EXTRACTED.inc()
        for figure in resolved:
            FIGURES.labels(figure.unit).inc()
        return [Send(topics.figures, key, value) for key, value in records]

    def bounded(article: UniqueArticle) -> UniqueArticle:
        if (cut := clipped(article, settings.max_article_chars)) is None:
            return article
        ARTICLES_TRUNCATED.labels(STAGE).inc()
        return cut

    def taken(events: list[faust.EventT]) -> tuple[list[UniqueArticle], list[faust.EventT], list[Send]]:
        """The batch's articles and their events, and dead letters for records that are none."""
        articles, good, sends = [], [], []
        for event in events:
            try:
                articles.append(bounded(UniqueArticle.model_validate_json(event.value)))
                good.append(event)
            except Exception as exc:
                sends.append(output.dead_send(event, reason_of(exc)))
        NLP_BATCH_SIZE.observe(len(articles))
        return articles, good, sends

    async def finished(done: InOrder, events: list[faust.EventT], good: list[faust.EventT],
                       sends: list[Send], reading: asyncio.Future, started: float) -> None:
        for event, result in zip(good, await reading, strict=True):
            if isinstance(result, str):
                sends.append(output.dead_send(event, result))
            else:
                sends.extend(figure_sends(event, result))
        await done.add(events, sends)
        STAGE_SECONDS.labels(STAGE).observe((time.perf_counter() - started) / max(1, len(events)))
        LAST_PROCESSED.labels(STAGE).set_to_current_time()

    @stage_agent(app, topics.unique, STAGE)
    async def extract(stream: faust.StreamT) -> None:
        # A batch is read as soon as it is taken, while earlier ones are still being read
        # (each NLP process goes on to its share of it once done with the one before); it
        # is acknowledged once every figure and dead letter it caused is, in input order.
        batches = stream.noack_take(settings.nlp_batch_size, within=settings.nlp_batch_seconds)
        reads = asyncio.Semaphore(BATCHES_AHEAD + 1)  # batches being read: no more than that
        async with InOrder() as done, ReadsAhead(BATCHES_AHEAD) as ahead:
            async for events in batches:
                await reads.acquire()
                started = time.perf_counter()
                articles, good, sends = taken(events)
                reading = asyncio.ensure_future(nlp.read(articles))
                reading.add_done_callback(lambda _: reads.release())
                await ahead.add(finished(done, events, good, sends, reading, started))

    # Load the model, and what the first article loads, while the worker restores its tables;
    # the first batch waits for it before its budget starts.
    app.before_recovery.append(nlp.start)  # type: ignore[attr-defined]
