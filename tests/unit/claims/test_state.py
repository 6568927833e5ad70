from datetime import timedelta

import pytest

from services.claims.identity import claim_id, claim_key
from services.claims.state import apply_figure


def fold(figures):
    """Apply figures in order; return the events emitted."""
    state, events = None, []
    for f in figures:
        f = f.model_copy(update={"claim_key": claim_key(f)})
        state, event = apply_figure(state, f, claim_id(f.claim_key))
        if event is not None:
            events.append(event)
    return state, events


def test_first_figure_is_new_with_one_source(figure):
    _, [event] = fold([figure(163, url="https://kyivindependent.example/a")])
    assert (event.type, event.version, event.change) == ("claim.new", 1, "new")
    assert event.previous is None
    assert [s.article_url for s in event.sources] == ["https://kyivindependent.example/a"]


def test_seed_story_sequence(figure):
    _, events = fold([
        figure(163, url="u1", claimant="Ukrainian intelligence", published="2025-04-11T16:12:00+00:00"),
        figure(155, url="u2", claimant="Volodymyr Zelensky"),
        figure(155, url="u3", claimant="Volodymyr Zelensky", published="2025-04-27T00:00:00+00:00"),
        figure(150, url="u4", claimant="Kyiv", qualifier="more_than"),
    ])
    assert [(e.type, e.change, e.value, e.qualifier) for e in events] == [
        ("claim.new", "new", 163, "at_least"),
        ("claim.updated", "value_changed", 155, "at_least"),
        ("claim.updated", "corroborated", 155, "at_least"),
        ("claim.updated", "value_changed", 150, "more_than"),
    ]
    assert [e.previous.value for e in events[1:]] == [163, 155, 155]
    assert [len(e.sources) for e in events] == [1, 2, 3, 4]
    assert events[1].previous.claimant == "Ukrainian intelligence"


def test_reprocessing_the_same_figure_emits_nothing(figure):
    f = figure(155, url="u1")
    state, events = fold([f, f, f])
    assert len(events) == 1 and state.version == 1


def test_event_ids_are_deterministic_across_runs(figure):
    seq = [figure(163, url="u1"), figure(155, url="u2")]
    _, first = fold(seq)
    _, second = fold(seq)
    assert [e.event_id for e in first] == [e.event_id for e in second]
    assert len({e.event_id for e in first}) == 2


def test_qualifier_change_only(figure):
    _, events = fold([figure(150, url="u1", qualifier="exact"),
                      figure(150, url="u2", qualifier="more_than")])
    assert events[-1].change == "qualifier_changed"


def test_revision_of_one_article_replaces_its_source(figure):
    _, events = fold([figure(150, url="u1"), figure(160, url="u1")])
    assert events[-1].change == "value_changed"
    assert [(s.article_url, s.value) for s in events[-1].sources] == [("u1", 160)]


def test_late_article_is_recorded_without_becoming_current(figure):
    state, events = fold([
        figure(163, url="new", published="2025-04-11T00:00:00+00:00"),
        figure(100, url="old", published="2025-03-01T00:00:00+00:00", qualifier="exact"),
    ])
    assert events[-1].change == "late_source"
    assert events[-1].value == 163 and state.current.article_url == "new"
    assert {s.article_url for s in events[-1].sources} == {"new", "old"}


def test_incompatible_sources_at_the_same_time_are_contested(figure):
    _, events = fold([
        figure(200, url="u1", qualifier="exact", published="2025-04-10T00:00:00+00:00"),
        figure(150, url="u2", qualifier="exact", published="2025-04-11T00:00:00+00:00"),
    ])
    assert events[-1].contested is True
    assert events[-1].change == "contested"


def test_overlapping_lower_bounds_are_not_contested(figure):
    _, events = fold([figure(163, url="u1"), figure(150, url="u2", qualifier="more_than")])
    assert events[-1].contested is False


def test_history_keeps_every_event_without_copying_sources(figure):
    state, events = fold([figure(163, url="u1"), figure(155, url="u2")])
    assert [e.event_id for e in state.history] == [e.event_id for e in events]
    assert all(h.sources == [] for h in state.history)


def test_times_without_a_zone_are_read_as_utc_and_compare(figure):
    from schemas import Figure

    fields = figure(150, url="naive").model_dump() | {"published": "2025-04-10T09:00:00"}
    naive = Figure.model_validate(fields)
    aware = figure(163, url="aware", published="2025-04-11T00:00:00+00:00")
    _, events = fold([aware, naive])
    assert naive.published.tzinfo is not None
    assert events[-1].change == "late_source"


def test_an_earlier_value_joins_the_history_and_never_becomes_current(figure):
    current = figure(40, url="https://a/1", event="killed", qualifier="exact")
    current = current.model_copy(update={"claim_key": claim_key(current)})
    earlier = current.model_copy(update={"value": 36, "stated_as": "earlier", "figure_id": "https://a/1#40"})
    state, _ = apply_figure(None, current, claim_id(current.claim_key))
    state, event = apply_figure(state, earlier, claim_id(current.claim_key))
    assert (event.change, event.value, event.statement.value) == ("earlier_value", 40, 36)
    assert (state.current.value, len(state.sources), state.history[-1].change) == (40, 1, "earlier_value")


def test_an_earlier_value_alone_opens_no_claim(figure):
    earlier = figure(36, event="killed", stated_as="earlier")
    assert apply_figure(None, earlier, "c1") == (None, None)


@pytest.mark.parametrize(
    ("later", "hours", "contested"),
    [(200, 24, False), (200, 2, True), (120, 24, True)],
    ids=["toll-rising-a-day-later", "two-counts-at-once", "toll-falling-a-day-later"],
)
def test_a_rising_toll_is_not_a_contradiction(figure, later, hours, contested):
    first = figure(152, url="https://a/1", event="killed", qualifier="exact",
                   published="2024-09-11T06:00:00+00:00")
    second = figure(later, url="https://b/2", event="killed", qualifier="exact",
                    published=(first.published + timedelta(hours=hours)).isoformat())
    _, events = fold([first, second])
    assert events[-1].contested is contested


def test_one_value_stated_as_earlier_and_as_current_is_two_statements(figure):
    current = figure(40, url="https://a/1", event="killed", qualifier="exact")
    current = current.model_copy(update={"claim_key": claim_key(current)})
    earlier = current.model_copy(update={"stated_as": "earlier", "figure_id": "https://a/1#9"})
    later = figure(50, url="https://b/2", event="killed", qualifier="exact")
    later = later.model_copy(update={"claim_key": current.claim_key})
    state, _ = apply_figure(None, current, "c1")
    state, _ = apply_figure(state, later, "c1")
    state, event = apply_figure(state, earlier, "c1")
    assert event is not None and event.change == "earlier_value"
