import asyncio
from pathlib import Path

from schemas import UniqueArticle

REPO = Path(__file__).resolve().parents[2]

TEXT = ("KYIV — At least 163 Chinese nationals are fighting for Russia, Ukrainian intelligence "
        "said on Friday. The figure was first reported in April.")


async def test_extract_agent_runs_the_model_off_the_loop_and_keys_figures_by_claim(stage_app):
    app, outbox = stage_app("extract")
    article = UniqueArticle(url="https://e.org/a", title="Count", text=TEXT, content_hash="h")
    async with app.agents["extract"].test_context() as agent:
        await agent.put(key=b"https://e.org/a", value=article.model_dump_json().encode())
        await agent.put(key=b"bad", value=b"[]")
        await outbox.wait_for("figures.extracted", 1)  # the model loads in its own process
    [(key, figure)] = outbox.sent["figures.extracted"]
    assert key == b"chinese person|fighting|people|*|*|?" == figure["claim_key"].encode()
    said = (figure["value"], figure["qualifier"], figure["claimant"])
    assert said == (163, "at_least", "Ukrainian intelligence")
    [dead] = outbox.values("deadletter")
    assert (dead["key"], dead["stage"]) == ("bad", "extract")


async def test_an_article_over_its_nlp_budget_is_dead_lettered_and_the_next_goes_through(stage_app):
    app, outbox = stage_app("extract", nlp_seconds_per_article=15.0, nlp_batch_size=1)
    sentence = "officials said 12 people and 34 soldiers from the army of Ukraine were killed, " * 500
    slow = UniqueArticle(url="https://e.org/slow", text=sentence, content_hash="s")  # 40 KB: minutes
    article = UniqueArticle(url="https://e.org/a", title="Count", text=TEXT, content_hash="h")
    async with app.agents["extract"].test_context() as agent:
        await agent.put(key=b"slow", value=slow.model_dump_json().encode())
        await agent.put(key=b"https://e.org/a", value=article.model_dump_json().encode())
        await outbox.wait_for("figures.extracted", 1, timeout=300)  # two model loads under load
    [dead] = outbox.values("deadletter")
    assert (dead["key"], dead["reason"]) == ("slow", "extract: NLP took longer than its budget of 15s")


async def test_a_long_article_is_cut_to_the_size_extract_reads(stage_app):
    from services.runtime.metrics import ARTICLES_TRUNCATED

    before = ARTICLES_TRUNCATED.labels("extract")._value.get()
    app, outbox = stage_app("extract", max_article_chars=1_000)
    article = UniqueArticle(
        url="https://e.org/a", title="Count", text=TEXT + "\nFiller line.\n" * 400, content_hash="h"
    )
    async with app.agents["extract"].test_context() as agent:
        await agent.put(key=b"https://e.org/a", value=article.model_dump_json().encode())
        await outbox.wait_for("figures.extracted", 1)
    assert ARTICLES_TRUNCATED.labels("extract")._value.get() == before + 1
    assert outbox.values("figures.extracted")[0]["value"] == 163


async def test_the_event_loop_stays_free_while_every_nlp_process_reads(stage_app):
    """A batch shared out between two NLP processes takes seconds; meanwhile the loop (where
    heartbeats and commits run) still wakes every 50 ms within a fraction of that."""
    from services.replay.inputs import read_inputs

    seeds = [a for a in read_inputs([REPO / "seeds"]) if a.text]
    app, outbox = stage_app("extract", nlp_processes=2, nlp_batch_size=2 * len(seeds), nlp_batch_seconds=5.0)
    gaps: list[float] = []

    async def ticker() -> None:
        loop = asyncio.get_running_loop()
        while True:
            before = loop.time()
            await asyncio.sleep(0.05)
            gaps.append(loop.time() - before - 0.05)

    async with app.agents["extract"].test_context() as agent:
        for i, seed in enumerate(seeds * 2):
            article = UniqueArticle(**seed.model_dump() | {"url": f"https://e.org/{i}"}, content_hash=str(i))
            await agent.put(key=article.url.encode(), value=article.model_dump_json().encode())
        ticking = asyncio.create_task(ticker())
        started = asyncio.get_running_loop().time()
        await outbox.wait_for("figures.extracted", 20, timeout=600)
        reading = asyncio.get_running_loop().time() - started
        ticking.cancel()
    urls = {figure["article_url"] for figure in outbox.values("figures.extracted")}
    assert len(urls) == 2 * len(seeds)  # both halves of the batch were read
    assert reading > 3.0
    assert max(gaps) < min(1.0, reading / 3)
