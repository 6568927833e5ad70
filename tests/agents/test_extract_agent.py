from schemas import UniqueArticle

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
