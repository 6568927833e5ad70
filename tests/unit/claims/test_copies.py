"""A copy is never a second source: the same statement from another article is recorded as
a copy of the first, and corroboration needs another outlet's or claimant's own words."""

from services.claims.identity import claim_id, claim_key
from services.claims.state import apply_figure, ignored_reason

SAID = "Zelensky said at least 155 Chinese nationals were fighting for Russia in Ukraine."


def fold(figures):
    state, events = None, []
    for f in figures:
        f = f.model_copy(update={"claim_key": claim_key(f)})
        state, event = apply_figure(state, f, claim_id(f.claim_key))
        events.append(event)
    return state, events


def test_the_same_sentence_from_a_second_article_is_a_copy(figure):
    state, events = fold([figure(155, url="https://a.example/1", evidence=SAID),
                          figure(155, url="https://wire.example/9", evidence=SAID)])
    assert events[1] is None
    assert [(c.article_url, c.copy_of) for c in state.copies] == [
        ("https://wire.example/9", "https://a.example/1")]
    assert [s.article_url for s in state.sources] == ["https://a.example/1"]
    second = figure(155, url="https://wire.example/9", evidence=SAID)
    assert ignored_reason(state, second) == "copy"


def test_a_near_identical_sentence_is_a_copy_too(figure):
    edited = SAID.replace("Zelensky said", "Zelenskyy said").replace("Ukraine", "Ukraine.")
    _, events = fold([figure(155, url="https://a.example/1", evidence=SAID),
                      figure(155, url="https://b.example/2", evidence=edited)])
    assert events[1] is None


def test_own_words_from_another_outlet_corroborate(figure):
    own = "Ukraine's president told reporters that 155 or more Chinese citizens fight for Moscow."
    _, events = fold([figure(155, url="https://a.example/1", evidence=SAID),
                      figure(155, url="https://b.example/2", evidence=own)])
    assert events[1].change == "corroborated"


def test_the_same_sentence_said_by_another_claimant_is_not_a_copy(figure):
    _, events = fold([figure(155, url="https://a.example/1", evidence=SAID),
                      figure(155, url="https://b.example/2", evidence=SAID, claimant="Kyiv")])
    assert events[1] is not None and events[1].change == "corroborated"


def test_the_same_sentence_with_another_figure_is_news_not_a_copy(figure):
    _, events = fold([figure(155, url="https://a.example/1", evidence=SAID),
                      figure(163, url="https://b.example/2", evidence=SAID.replace("155", "163"))])
    assert events[1].change == "value_changed"


def test_a_copy_of_an_earlier_value_the_article_gave_in_passing_is_a_copy_too(figure):
    current = "The collapse killed at least 79 people, officials said."
    passing = "In the morning, the emergency director had put the toll at 44."
    state, events = fold([
        figure(79, url="https://a.example/1", evidence=current, at=1),
        figure(44, url="https://a.example/1", evidence=passing, stated_as="earlier", at=2),
        figure(98, url="https://b.example/2", evidence="The toll has risen to 98, officials said."),
        figure(79, url="https://copy.example/3", evidence=current, at=1),
        figure(44, url="https://copy.example/3", evidence=passing, stated_as="earlier", at=2),
    ])
    assert [e and e.change for e in events] == ["new", "earlier_value", "value_changed", None, None]
    assert [c.copy_of for c in state.copies] == ["https://a.example/1"] * 2


def test_a_copy_delivered_twice_is_recorded_once(figure):
    copy = figure(155, url="https://wire.example/9", evidence=SAID)
    state, events = fold([figure(155, url="https://a.example/1", evidence=SAID), copy, copy])
    assert events[1:] == [None, None] and len(state.copies) == 1


def test_a_copy_of_a_vague_figure_is_a_copy_too(figure):
    from services.claims.in_article import resolve_in_article
    from services.claims.threads import fold as fold_claims

    said = "The club holds about 700 people seated."
    states, events = {}, []
    for url in ("https://a.example/1", "https://copy.example/1"):
        [f] = resolve_in_article([figure(700, url=url, counted="people", event="held", place=None,
                                         incident=None, qualifier="about", evidence=said)])
        key, state, event = fold_claims(states.get, f)
        states[key] = state
        events.append(event)
    assert events[0].type == "claim.new" and events[1] is None
    assert [c.copy_of for c in states[key].copies] == ["https://a.example/1"]
