"""Claim state stays bounded whatever the number of sources, `contested` is decided in one pass
over the kept sources, and event ids do not depend on the order statements arrive in."""

import random
from datetime import UTC, datetime, timedelta

import pytest

from services.claims import contest
from services.claims.state import APPLIED_LIMIT, SOURCE_LIMIT, apply_figure

START = datetime(2025, 1, 1, tzinfo=UTC)
SOURCES = 10_000


def statements(figure, count, value=lambda n: 150 + n % 7, qualifier="at_least"):
    """`count` articles, an hour apart, stating the same claim, each from its own source (a
    repeat of one source's sentence would be a copy, not a new statement)."""
    return [
        figure(value(n), url=f"https://n{n}.example/a", qualifier=qualifier, claimant=f"Official No. {n}",
               published=(START + timedelta(hours=n)).isoformat())
        for n in range(count)
    ]


def fold(figures):
    state, events = None, []
    for f in figures:
        state, event = apply_figure(state, f, "c1")
        if event is not None:
            events.append(event)
    return state, events


@pytest.fixture
def counted_conflicts(monkeypatch):
    calls = []
    pair = contest.conflict

    def counting(a, b, cumulative=False):
        calls.append(1)
        return pair(a, b, cumulative)

    monkeypatch.setattr(contest, "conflict", counting)
    return calls


def test_ten_thousand_sources_keep_the_state_bounded_and_contested_linear(figure, counted_conflicts):
    """The third source contradicts the first; 9,997 more corroborate the first."""
    exact = statements(figure, SOURCES, value=lambda n: 150 if n != 2 else 900, qualifier="exact")
    state, events = fold(exact)
    assert len(events) == SOURCES and state.version == SOURCES
    assert [e.change for e in events[:3]] == ["new", "corroborated", "contested"]
    assert state.contested and events[-1].contested
    assert (len(state.sources), state.source_count) == (SOURCE_LIMIT, SOURCES)
    assert len(state.applied) == APPLIED_LIMIT
    assert [s.article_url for s in state.sources][-1] == f"https://n{SOURCES - 1}.example/a"
    assert len(state.model_dump_json()) < 200_000
    assert len(counted_conflicts) <= SOURCES * SOURCE_LIMIT  # linear, not SOURCES² / 2


def test_repeats_are_recognised_by_recent_marks_and_by_kept_sources(figure):
    figures = statements(figure, 600)
    state, _ = fold(figures)
    assert apply_figure(state, figures[-1], "c1") == (state, None)  # a recent mark
    latest_kept_elsewhere = figures[-SOURCE_LIMIT]  # its mark is gone, its source is kept
    assert apply_figure(state, latest_kept_elsewhere, "c1") == (state, None)


def test_event_ids_and_final_state_do_not_depend_on_arrival_order(figure):
    figures = statements(figure, 40, value=lambda n: 100 + (n * 37) % 90, qualifier="about")
    shuffled = random.Random(7).sample(figures, len(figures))
    (state_a, events_a), (state_b, events_b) = fold(figures), fold(shuffled)
    assert {e.event_id for e in events_a} == {e.event_id for e in events_b}
    assert len({e.event_id for e in events_a}) == len(figures)
    final = ("version", "current", "contested", "sources", "source_count")
    assert state_a.model_dump(include=set(final)) == state_b.model_dump(include=set(final))
