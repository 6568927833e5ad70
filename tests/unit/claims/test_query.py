from datetime import UTC, datetime

from schemas import Entity
from services.claims.identity import claim_id, claim_key
from services.claims.query import find, search
from services.claims.state import apply_figure


def state_of(figure, *more):
    state = None
    for f in (figure, *more):
        f = f.model_copy(update={"claim_key": claim_key(f)})
        state, event = apply_figure(state, f, claim_id(f.claim_key))
        state.history[-1] = state.history[-1].model_copy(
            update={"emitted_at": datetime(2025, 4, 10 + state.version, tzinfo=UTC)})
    return state


def test_search_by_text_entity_and_since(figure):
    chinese = state_of(figure(163, url="u1"), figure(155, url="u2", claimant="Kyiv"))
    chinese.current.entities.append(Entity(text="Russia", label="GPE", canonical="Russia"))
    nepal = state_of(figure(200, url="n1", counted="Nepalese citizens", claimant="Arzu Rana Deuba"))
    states = [chinese, nepal]
    assert [c["claim_id"] for c in search(states, text="nepalese")] == [nepal.claim_id]
    assert [c["claim_id"] for c in search(states, entity="russia")] == [chinese.claim_id]
    assert [c["claim_id"] for c in search(states, entity="Arzu Rana Deuba")] == [nepal.claim_id]
    assert [c["claim_id"] for c in search(states, since=datetime(2025, 4, 12, tzinfo=UTC))] == [
        chinese.claim_id]
    assert len(search(states)) == 2


def test_find_returns_state_with_full_history(figure):
    state = state_of(figure(163, url="u1"), figure(155, url="u2"))
    found = find([state], state.claim_id)
    assert (found["version"], found["value"]) == (2, 155)
    assert [h["version"] for h in found["history"]] == [1, 2]
    assert [s["article_url"] for s in found["sources"]] == ["u1", "u2"]
    assert find([state], "c-missing") is None


def test_a_claim_is_found_by_its_incident_s_names_and_its_summary_shows_them(figure):
    from services.claims.threads import fold

    states = {}
    for f in (figure(288, url="u1", counted="people", event="killed", place="IN", incident="accident"),
              figure(241, url="u2", counted="people", event="killed", place="IN", incident="accident")):
        names = {"balasore": 5.0} if f.article_url == "u1" else {"ahmedabad": 5.0}
        published = "2023-06-03T00:00:00+00:00" if f.article_url == "u1" else "2025-06-13T00:00:00+00:00"
        f = f.model_validate({**f.model_dump(), "claim_key": claim_key(f), "names": names,
                              "published": published})
        key, state, _ = fold(states.get, f)
        states[key] = state
    [found] = search(states.values(), text="ahmedabad")
    assert found["value"] == 241 and found["names"] == ["ahmedabad"]
