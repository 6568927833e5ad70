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
