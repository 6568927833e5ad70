"""When do sources of one claim disagree? Each statement is an interval of possible values;
sources disagree when two intervals that apply at the same time cannot both be true.

A count that only grows (a death toll, cases, homes destroyed) is not contradicted by a later
report of a higher count: 152 dead on Wednesday and 200 on Thursday is the toll rising. The
same two counts within a few hours of each other, or a later lower one, still disagree."""

import math
from datetime import timedelta

from schemas import ClaimSource

SAME_TIME = timedelta(days=3)
SIMULTANEOUS = timedelta(hours=6)
ABOUT = 0.1
# Measures whose true value never falls: a later higher report supersedes an earlier one.
CUMULATIVE = frozenset(
    "killed injured killed_or_injured cases structures_damaged structures_destroyed area_burned "
    "records_affected".split()
)


def interval(source: ClaimSource) -> tuple[float, float]:
    v, hi = float(source.value), source.value_max
    match source.qualifier:
        case "exact":
            return v, v
        case "about":
            return v * (1 - ABOUT), v * (1 + ABOUT)
        case "at_least" | "more_than":
            return v, math.inf
        case "at_most" | "less_than" | "up_to":
            return 0.0, v
        case "range":
            return v, float(hi if hi is not None else v)
    return v, v


def same_time(a: ClaimSource, b: ClaimSource) -> bool:
    if a.published is None or b.published is None:
        return True
    return abs(a.published - b.published) <= SAME_TIME


def rose(a: ClaimSource, b: ClaimSource) -> bool:
    """The later of two reports, hours apart, gives a count above everything the earlier allows."""
    if a.published is None or b.published is None or abs(a.published - b.published) < SIMULTANEOUS:
        return False
    early, late = (a, b) if a.published < b.published else (b, a)
    return interval(late)[0] > interval(early)[1]


def conflict(a: ClaimSource, b: ClaimSource, cumulative: bool = False) -> bool:
    """Two statements that apply at the same time and cannot both be true."""
    lo_a, hi_a = interval(a)
    lo_b, hi_b = interval(b)
    return (hi_a < lo_b or hi_b < lo_a) and same_time(a, b) and not (cumulative and rose(a, b))


def conflicts_with(new: ClaimSource, sources: list[ClaimSource], cumulative: bool = False) -> bool:
    """Whether one new statement contradicts any of `sources`: one pass, linear."""
    return any(conflict(new, other, cumulative) for other in sources if other is not new)


def disagree(sources: list[ClaimSource], cumulative: bool = False) -> bool:
    """Whether any two of `sources` contradict each other. Quadratic: used only on a claim's
    bounded list of kept sources, when a revision replaced what an article said."""
    return any(conflicts_with(a, sources[i + 1:], cumulative) for i, a in enumerate(sources))
