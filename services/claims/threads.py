"""Several incidents under one key: which claim of a frame a figure joins. No I/O.

A key names a frame, and one frame can hold unrelated incidents: people killed in an accident
in India are the Balasore train crash of 2023 and the Air India crash of 2025. A key's first
claim is stored under the key itself and later ones under `key#1`, `key#2`, ... (each its own
claim id). A figure joins the claim of its key whose articles share enough of its article's
distinctive names (`services.extract.names`): none within GRACE of the time the claim was
stated in, more the further apart they are, MIN_SHARED from HORIZON on; among those, the one
sharing most names, then the nearest in time; a figure or claim with too few names to tell
(a two-line brief) joins the nearest. Past GRACE, one of the two must also name the other's
most distinctive name (two companies breached by one gang months apart share the gang's
names, not each other's). Anything else is a new incident and opens a new claim.
A long-running story (a fraud penalty appealed over eighteen months) stays one claim through
its names.

A frame whose population a proper name defines wherever it is ('Chinese nationals fighting
for Russia', place `*`) is specific without a place, and holds one claim: articles of a war
weeks apart share few rare names (villages in one, ministers in another).

The claim ids of a key's first claim are what they were before incidents were told apart;
when a key holds several incidents, which of them is the first follows arrival order.
"""

import math
from collections.abc import Callable
from datetime import timedelta

from schemas import ClaimEvent, Figure
from services.claims.contest import CUMULATIVE
from services.claims.identity import claim_id, place_key
from services.claims.state import ClaimState, apply_figure

# Names a figure must share with a claim to join it, by weight (each name counts the smaller of
# its two weights), growing with the time between them: nothing within GRACE (one news cycle),
# then linearly up to MIN_SHARED at HORIZON and beyond: one rare name used a few times (~9), or
# two or three less rare ones. Weekdays and titles weigh about 1.
GRACE = timedelta(days=3)
HORIZON = timedelta(days=30)
MIN_SHARED = 8.0
MIN_PART = 0.2  # and that share of the article's own names: a passing mention is not the story
PROTAGONIST = 6.0  # the weight of a rare name used several times: what an article is about
MIN_TELLING = 4.0  # names an article needs at all to be told apart: one rare name, used once
NAMES_LIMIT = 40  # the heaviest names a claim keeps
NAMES_SHOWN = 5  # on each claim event
MAX_INCIDENTS = 64  # claims one key may hold; past it, the last one takes every other figure

Stored = Callable[[str], ClaimState | None]


def stored_key(claim_key: str, n: int) -> str:
    return claim_key if n == 0 else f"{claim_key}#{n}"


def incidents(stored: Stored, claim_key: str) -> list[ClaimState]:
    """The claims a key holds, first to last."""
    states: list[ClaimState] = []
    while len(states) < MAX_INCIDENTS and (state := stored(stored_key(claim_key, len(states)))):
        states.append(state)
    return states


def shared(names: dict[str, float], figure: Figure) -> float:
    return sum(min(weight, names[name]) for name, weight in figure.names.items() if name in names)


def distance(state: ClaimState, figure: Figure) -> timedelta:
    """How far the figure's publication lies from the nearer end of the time the claim was
    stated in (inside a claim stated over months, an article half a year from either end is
    half a year from it, whatever order articles arrive in); zero when either is undated."""
    if figure.published is None or state.first_published is None or state.last_published is None:
        return timedelta(0)
    return min(abs(figure.published - state.first_published), abs(figure.published - state.last_published))


def telling(names: dict[str, float]) -> bool:
    """Names enough to tell one incident from another: a brief that names nothing but its
    dateline ('KYIV — At least 163 ...') cannot be told apart, and joins the nearest claim."""
    return sum(names.values()) >= MIN_TELLING


def needed(apart: timedelta, own: float) -> float:
    """Names to share at that distance in time, for an article whose names weigh `own` in all:
    MIN_SHARED and MIN_PART of its own, in full from HORIZON on."""
    ramp = min(max((apart - GRACE) / (HORIZON - GRACE), 0.0), 1.0)
    return ramp * max(MIN_SHARED, MIN_PART * own)


def protagonist_shared(names: dict[str, float], figure: Figure) -> bool:
    """One of the two names the other's protagonist (its heaviest name, when it is a rare name
    used again and again): two breaches by one gang ('ALPHV', 'BlackCat') at two companies
    share the gang, but neither names the other's company. An article whose heaviest name is
    lighter (a person quoted once or twice) has no protagonist to tell by."""
    tops = [max(n, key=lambda name: (n[name], name)) for n in (names, figure.names) if n]
    if len(tops) < 2 or names[tops[0]] < PROTAGONIST or figure.names[tops[1]] < PROTAGONIST:
        return True
    return tops[0] in figure.names or tops[1] in names


def joins(state: ClaimState, figure: Figure, names_shared: float, apart: timedelta, own: float) -> bool:
    """Whether the figure may join the claim: names enough for the time between them and, past
    one news cycle, the protagonist of one named by the other; either with too few names to
    tell joins the nearest."""
    if not (telling(figure.names) and telling(state.names)):
        return True
    if names_shared < needed(apart, own):
        return False
    return apart <= GRACE or protagonist_shared(state.names, figure)


def incident_of(states: list[ClaimState], figure: Figure) -> int | None:
    """Index of the claim the figure joins, or None for a new incident. A figure of an article
    that a claim of the key already holds joins that claim: one key in one article is one fact.
    A value given in passing ('up from more than 800 dead') that its article states no current
    value of joins only a claim of the same news cycle: alone, it cannot tell a recalled
    incident from its own."""
    held = [n for n, s in enumerate(states) if any(x.article_url == figure.article_url for x in s.sources)]
    if held:
        return held[-1]
    if figure.stated_as == "earlier":
        near = min(((distance(s, figure), n) for n, s in enumerate(states)), default=None)
        return near[1] if near is not None and near[0] <= GRACE else None
    own = sum(figure.names.values())
    scored = [(shared(s.names, figure), -distance(s, figure), n) for n, s in enumerate(states)
              if not falls_short(states[n], figure)]
    joinable = [s for s in scored if joins(states[s[2]], figure, s[0], -s[1], own)]
    if not joinable:
        return None if len(states) < MAX_INCIDENTS else len(states) - 1
    # of claims of one news cycle a count that only grows could join, the one nearest its value:
    # the country's toll of 186 revises the 180, not a town's 5 told a day later; further
    # apart in time, the nearer claim (a toll two years on is not the older incident's)
    return max(joinable, key=lambda s: (s[0], -nearness_in_value(states[s[2]], figure), s[1], s[2]))[2]


def nearness_in_value(state: ClaimState, figure: Figure) -> float:
    return apart_in_value(state, figure) if distance(state, figure) <= GRACE else math.inf


def apart_in_value(state: ClaimState, figure: Figure) -> float:
    """How many times larger one value is than the other, for a count that only grows (none
    for other measures; endless when one of them is zero, which is near no toll)."""
    if figure.measure not in CUMULATIVE:
        return 0.0
    if min(figure.value, state.current.value) <= 0:
        return math.inf
    return max(figure.value, state.current.value) / min(figure.value, state.current.value)


# Counts that only grow (contest.CUMULATIVE: a toll, cases, homes destroyed, records exposed): a
# statement far below what the claim said before it is another count of the frame (a town's
# toll beside the country's, the bodies recovered beside the dead), not a revision. Counts of
# a state that passes (missing, evacuated, without power, in hospital) fall as far as they rise.
FALL = 0.25  # revisions of such counts stay well above this share of the value they revise


def falls_short(state: ClaimState, figure: Figure) -> bool:
    """Whether the figure and a current value the claim holds are a count that only grows
    stated, in publication order, first at some value and later under FALL of it; of two
    stated at one time, or either undated, the smaller under FALL of the larger. Both ways
    round, so that two such values keep apart whichever arrives first (a town's 3 read before
    the country's 180 published a day earlier). A chain can still follow arrival: of 100, 30
    and 10 on three days, the 30 joins whichever of the other two came first."""
    if figure.measure not in CUMULATIVE or figure.stated_as != "current":
        return False
    for said in state.sources:
        if said.stated_as != "current":
            continue
        first, then = (said.value, figure.value), (figure.value, said.value)
        if figure.published is None or said.published is None or said.published == figure.published:
            pair = (max(first + then), min(first + then))
        else:
            pair = first if said.published < figure.published else then
        if pair[1] < FALL * pair[0]:
            return True
    return False


def with_incident(state: ClaimState, figure: Figure) -> ClaimState:
    """The claim's names and time span, with the figure's article in them."""
    names = dict(state.names)
    for name, weight in figure.names.items():
        names[name] = max(weight, names.get(name, 0.0))
    kept = dict(sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[:NAMES_LIMIT])
    dates = [d for d in (state.first_published, state.last_published, figure.published) if d]
    return state.model_copy(update={
        "names": kept, "first_published": min(dates, default=None),
        "last_published": max(dates, default=None),
    })


def fold(stored: Stored, figure: Figure) -> tuple[str, ClaimState | None, ClaimEvent | None]:
    """The figure into its claim: the key the claim is stored under, its new state (None when
    the figure opens nothing) and the event to emit."""
    states = incidents(stored, figure.claim_key)
    n = incident_of(states, figure) if place_key(figure) != "*" else (0 if states else None)
    n = len(states) if n is None else n
    key = stored_key(figure.claim_key, n)
    state, event = apply_figure(states[n] if n < len(states) else None, figure, claim_id(key))
    if state is None or event is None:
        return key, state, None
    state = with_incident(state, figure)
    names = {"names": list(state.names)[:NAMES_SHOWN]}
    history = [*state.history[:-1], state.history[-1].model_copy(update=names)]  # the event
    return key, state.model_copy(update={"history": history}), event.model_copy(update=names)
