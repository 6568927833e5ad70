"""faust wiring for extract: articles.unique -> figures.extracted, NLP off the event loop.

Articles are taken in batches and run through spaCy in a one-process pool that loads the
model once, so heartbeats and rebalances keep running while the model works.
"""

import asyncio
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import faust

from schemas import Figure, UniqueArticle
from services.app import Topics
from services.claims.in_article import resolve_in_article
from services.extract.batch import extract_isolated, load_worker_nlp
from services.runtime import topics as t
from services.runtime.deadletter import dead_letter, reason_of
from services.runtime.delivery import InOrder, Send
from services.runtime.metrics import (
    ARTICLES_EXTRACTED,
    DEADLETTERS,
    FIGURES,
    LAST_PROCESSED,
    NLP_BATCH_SIZE,
    STAGE_SECONDS,
)
from services.runtime.settings import Settings
from services.runtime.topics import encode

STAGE = "extract"
WARM_UP = UniqueArticle(
    url="warm-up:", content_hash="", outlet="Warm-up",
    text="At least 12 people were killed in the flood in Lahore, officials said on Monday.",
)


def register(app: faust.App, settings: Settings, topics: Topics) -> None:
    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn"),
            initializer=load_worker_nlp, initargs=(settings.spacy_model,),
        )

    pool = [new_pool()]

    async def run_nlp(articles: list[UniqueArticle]) -> list[list[Figure] | str]:
        """Figures per article; if the NLP process dies, the batch is dead-lettered and a new
        process takes the next one."""
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(pool[0], extract_isolated, articles)
        except BrokenProcessPool:
            pool[0] = new_pool()
            return ["extract: the NLP process died on this batch"] * len(articles)

    def dead(event: faust.EventT, reason: str) -> Send:
        DEADLETTERS.labels(STAGE).inc()
        bad = dead_letter(STAGE, t.ARTICLES_UNIQUE, event.key, event.value, reason)
        return Send(topics.deadletter, event.key, encode(bad))

    def figure_sends(figures: list[Figure]) -> list[Send]:
        sends = []
        for figure in resolve_in_article(figures):
            FIGURES.labels(figure.unit).inc()
            sends.append(Send(topics.figures, figure.claim_key.encode(), encode(figure)))
        return sends

    @app.agent(topics.unique, name=STAGE)
    async def extract(stream: faust.StreamT) -> None:
        # A batch is acknowledged once every figure and dead letter it caused is, while the
        # next batch is already in the NLP process.
        batches = stream.noack_take(settings.nlp_batch_size, within=settings.nlp_batch_seconds)
        async with InOrder() as done:
            async for events in batches:
                started = time.perf_counter()
                articles, good, sends = [], [], []
                for event in events:
                    try:
                        articles.append(UniqueArticle.model_validate_json(event.value))
                        good.append(event)
                    except Exception as exc:
                        sends.append(dead(event, reason_of(exc)))
                NLP_BATCH_SIZE.observe(len(articles))
                results = await run_nlp(articles)
                for event, result in zip(good, results, strict=True):
                    if isinstance(result, str):
                        sends.append(dead(event, result))
                        continue
                    ARTICLES_EXTRACTED.inc()
                    sends.extend(figure_sends(result))
                await done.add(events, sends)
                STAGE_SECONDS.labels(STAGE).observe((time.perf_counter() - started) / max(1, len(events)))
                LAST_PROCESSED.labels(STAGE).set_to_current_time()

    def warm_up() -> None:
        """Load the model, and what the first article loads, while the worker restores its
        tables; the first batch then waits in the pool's queue behind it."""
        pool[0].submit(extract_isolated, [WARM_UP])

    app.before_recovery.append(warm_up)  # type: ignore[attr-defined]
