"""When do sources of one claim disagree? Each statement is an interval of possible values;
sources disagree when two intervals that apply at the same time cannot both be true."""

import math
from datetime import timedelta

from schemas import ClaimSource

SAME_TIME = timedelta(days=3)
ABOUT = 0.1


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


def disagree(sources: list[ClaimSource]) -> bool:
    for i, a in enumerate(sources):
        for b in sources[i + 1:]:
            lo_a, hi_a = interval(a)
            lo_b, hi_b = interval(b)
            if (hi_a < lo_b or hi_b < lo_a) and same_time(a, b):
                return True
    return False
