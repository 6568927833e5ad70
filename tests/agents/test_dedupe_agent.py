import json

from schemas import RawArticle

TEXT = ("At least 40 people were missing after the flood on Sunday, rescuers said. "
        "The river rose two metres overnight and cut the town's only road. ") * 3


def article(url, text=TEXT):
    return RawArticle(url=url, title="Flood", text=text).model_dump_json().encode()


async def test_dedupe_agent_passes_unique_and_reports_duplicates(stage_app):
    app, outbox = stage_app("dedupe")
    async with app.agents["dedupe"].test_context() as agent:
        await agent.put(key=b"a", value=article("https://e.org/flood"))
        await agent.put(key=b"a", value=article("https://e.org/flood?utm_source=x"))
        await agent.put(key=b"b", value=article("https://e.org/flood", TEXT.replace("40", "55")))
    unique = outbox.values("articles.unique")
    assert [(u["url"], u["revision_of"]) for u in unique] == [
        ("https://e.org/flood", None), ("https://e.org/flood", "https://e.org/flood")]
    [duplicate] = outbox.values("articles.duplicates")
    assert (duplicate["kind"], duplicate["duplicate_of"]) == ("exact", "https://e.org/flood")


async def test_tombstone_and_garbage_are_dead_lettered(stage_app):
    app, outbox = stage_app("dedupe")
    async with app.agents["dedupe"].test_context() as agent:
        await agent.put(key=b"t", value=None)
        await agent.put(key=b"g", value=b"\xff not json")
        await agent.put(key=b"a", value=article("https://e.org/ok"))
    dead = outbox.values("deadletter")
    assert [(d["key"], d["stage"]) for d in dead] == [("t", "dedupe"), ("g", "dedupe")]
    assert dead[0]["value"] is None
    assert [u["url"] for u in outbox.values("articles.unique")] == ["https://e.org/ok"]


async def test_an_article_too_large_to_send_on_is_dead_lettered_cut_to_fit(stage_app):
    app, outbox = stage_app("dedupe", max_record_bytes=20_000)
    async with app.agents["dedupe"].test_context() as agent:
        await agent.put(key=b"big", value=article("https://e.org/big", "1 in 2. " * 3000))
        await agent.put(key=b"raw", value=b"\x01" * 30_000)
        await agent.put(key=b"a", value=article("https://e.org/ok"))
    big, raw = outbox.values("deadletter")
    assert big["reason"].startswith("dedupe: unique article too large:")
    assert raw["reason"].startswith("invalid RawArticle") and raw["truncated"] is True
    assert raw["value_bytes"] == 30_000 and len(raw["value_sha256"]) == 64
    sent = outbox.sent["deadletter"]
    assert all(len(json.dumps(value).encode()) <= 20_000 for _, value in sent)
    assert [u["url"] for u in outbox.values("articles.unique")] == ["https://e.org/ok"]


async def test_an_article_is_remembered_in_four_table_records_without_lsh_buckets(stage_app):
    from services.runtime.topics import DEDUPE_TABLE, changelog

    app, outbox = stage_app("dedupe")
    async with app.agents["dedupe"].test_context() as agent:
        await agent.put(key=b"a", value=article("https://e.org/flood"))
        await agent.put(key=b"b", value=article("https://e.org/flood-copy"))
    keys = [key for key, _ in outbox.sent[changelog(DEDUPE_TABLE)]]
    assert [key.split(":", 1)[0] for key in keys] == ["url", "hash", "lede", "sig", "url"]
    assert len(outbox.values("articles.duplicates")) == 1
