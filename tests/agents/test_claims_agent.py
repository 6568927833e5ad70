from schemas import Figure

KEY = "chinese person|fighting|people|*"


def figure(value, url, qualifier="at_least"):
    return Figure(
        figure_id=f"{url}#0", claim_key=KEY, article_url=url, value=value, qualifier=qualifier,
        unit="people", counted="Chinese nationals", event="fighting",
        subject="Chinese nationals fighting", evidence="...",
    ).model_dump_json().encode()


async def test_claims_agent_routes_new_and_updated_and_ignores_repeats(stage_app):
    app, outbox = stage_app("claims")
    async with app.agents["claims"].test_context() as agent:
        for value in (figure(163, "u1"), figure(163, "u1"), figure(155, "u2")):
            await agent.put(key=KEY.encode(), value=value)
    new, updated = outbox.values("claims.new"), outbox.values("claims.updated")
    assert [(e["version"], e["value"]) for e in new] == [(1, 163)]
    assert [(e["version"], e["change"], e["previous"]["value"]) for e in updated] == [
        (2, "value_changed", 163)]
    assert [key for key, _ in outbox.sent["claims.new"]] == [new[0]["claim_id"].encode()]
    assert new[0]["emitted_at"] is not None


async def test_bad_figure_goes_to_deadletter_and_the_next_one_is_processed(stage_app):
    app, outbox = stage_app("claims")
    async with app.agents["claims"].test_context() as agent:
        await agent.put(key=b"k", value=b'{"value": "many"}')
        await agent.put(key=KEY.encode(), value=figure(150, "u3", "more_than"))
    [dead] = outbox.values("deadletter")
    assert dead["stage"] == "claims" and dead["topic"] == "figures.extracted"
    assert dead["reason"].startswith("invalid Figure:")
    assert [e["value"] for e in outbox.values("claims.new")] == [150]


async def test_a_copy_emits_nothing_and_the_claim_records_what_it_copies(stage_app):
    from services.runtime.topics import CLAIMS_TABLE

    app, outbox = stage_app("claims")
    async with app.agents["claims"].test_context() as agent:
        for url in ("u1", "wire-copy"):  # the same evidence, claimant and value
            await agent.put(key=KEY.encode(), value=figure(163, url))
        stored = app.tables[CLAIMS_TABLE][KEY]
    assert len(outbox.values("claims.new")) == 1 and outbox.values("claims.updated") == []
    assert [(c["article_url"], c["copy_of"]) for c in stored["copies"]] == [("wire-copy", "u1")]


async def test_two_incidents_of_one_key_are_two_claims_in_the_table(stage_app):
    from services.runtime.topics import CLAIMS_TABLE

    def dated(value, url, day, names):
        fields = Figure.model_validate_json(figure(value, url)).model_dump()
        dated = Figure(**{**fields, "published": day, "names": names, "evidence": url, "place": "GR",
                          "place_stated": True})  # a placed frame: a people-named one holds one claim
        return dated.model_dump_json().encode()

    app, outbox = stage_app("claims")
    async with app.agents["claims"].test_context() as agent:
        await agent.put(key=KEY.encode(), value=dated(155, "u1", "2023-06-03T00:00:00Z", {"tempi": 9.0}))
        await agent.put(key=KEY.encode(), value=dated(40, "u2", "2025-06-03T00:00:00Z", {"derna": 9.0}))
        await agent.put(key=KEY.encode(), value=dated(163, "u3", "2025-09-03T00:00:00Z", {"tempi": 9.0}))
        table = app.tables[CLAIMS_TABLE]
        stored = {key: table[key]["current"]["value"] for key in (KEY, f"{KEY}#1")}
    new, updated = outbox.values("claims.new"), outbox.values("claims.updated")
    assert [(e["value"], e["names"]) for e in new] == [(155, ["tempi"]), (40, ["derna"])]
    assert new[0]["claim_id"] != new[1]["claim_id"]
    assert [(e["claim_id"], e["previous"]["value"]) for e in updated] == [(new[0]["claim_id"], 155)]
    assert stored == {KEY: 163, f"{KEY}#1": 40}
