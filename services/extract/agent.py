"""faust wiring for extract: articles.unique -> figures.extracted, NLP off the event loop.

Articles are taken in batches and run through spaCy in a one-process pool that loads the
model once, so heartbeats and rebalances keep running while the model works.
"""

import asyncio
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor

import faust

from schemas import Figure, UniqueArticle
from services.app import Topics
from services.claims.identity import resolve_in_article
from services.extract.batch import extract_isolated, load_worker_nlp
from services.runtime import topics as t
from services.runtime.deadletter import dead_letter, reason_of
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


def register(app: faust.App, settings: Settings, topics: Topics) -> None:
    pool = ProcessPoolExecutor(
        max_workers=1, mp_context=multiprocessing.get_context("spawn"),
        initializer=load_worker_nlp, initargs=(settings.spacy_model,),
    )

    async def dead(event: faust.EventT, reason: str) -> None:
        DEADLETTERS.labels(STAGE).inc()
        bad = dead_letter(STAGE, t.ARTICLES_UNIQUE, event.key, event.value, reason)
        await topics.deadletter.send(key=event.key, value=encode(bad))

    async def publish(figures: list[Figure]) -> None:
        for figure in resolve_in_article(figures):
            FIGURES.labels(figure.unit).inc()
            await topics.figures.send(key=figure.claim_key.encode(), value=encode(figure))

    @app.agent(topics.unique, name=STAGE)
    async def extract(stream: faust.StreamT) -> None:
        batches = stream.take_events(settings.nlp_batch_size, within=settings.nlp_batch_seconds)
        async for events in batches:
            started = time.perf_counter()
            articles, good = [], []
            for event in events:
                try:
                    articles.append(UniqueArticle.model_validate_json(event.value))
                    good.append(event)
                except Exception as exc:
                    await dead(event, reason_of(exc))
            NLP_BATCH_SIZE.observe(len(articles))
            loop = asyncio.get_running_loop()
            results = await loop.run_in_executor(pool, extract_isolated, articles)
            for event, result in zip(good, results, strict=True):
                if isinstance(result, str):
                    await dead(event, result)
                    continue
                ARTICLES_EXTRACTED.inc()
                await publish(result)
            STAGE_SECONDS.labels(STAGE).observe((time.perf_counter() - started) / max(1, len(events)))
            LAST_PROCESSED.labels(STAGE).set_to_current_time()

    @app.task
    async def warm_up() -> None:
        """Load the model in the pool before the first batch arrives."""
        await asyncio.get_running_loop().run_in_executor(pool, extract_isolated, [])
