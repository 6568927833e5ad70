"""One article's figures, ready for claims: headline repeats dropped, bare re-mentions given
their full counted phrase, two values of one frame split into two facts, and values given as
earlier ones keyed to the current value of their sentence. No I/O."""

from datetime import date

from schemas import Figure
from services.claims.identity import OWN, VALUED, claim_key, counted_key, own_key
from services.extract.scope import is_one_day
from services.extract.words import VALUE_NOUNS


def is_bare(figure: Figure) -> bool:
    """A count of people named only by a generic head: 'soldiers', 'people', 'troops'."""
    return figure.unit == "people" and counted_key(figure.counted, figure.unit) == "person"


def same_statement(a: Figure, b: Figure) -> bool:
    def what(f: Figure) -> tuple:
        return f.value, f.value_max, f.measure, f.unit, f.scope

    return what(a) == what(b)


def repeats(headline: Figure, body: Figure) -> bool:
    """A headline repeats a body figure when it gives the same number in the same unit for a
    compatible measure; headlines compress qualifiers, places and time scopes."""
    measures = {headline.measure, body.measure}
    same = (headline.value, headline.value_max, headline.unit) == (body.value, body.value_max, body.unit)
    return same and (len(measures) == 1 or "other" in measures)


def resolve_in_article(figures: list[Figure]) -> list[Figure]:
    """Figures of one article, ready for claims: a headline figure that repeats a body figure
    is dropped; a bare re-mention ('10,000 soldiers were sent') takes the counted phrase of
    the same number stated with its modifiers ('10,000 North Korean soldiers'); a second value
    of one key is another fact; values given as earlier ones come after the current ones."""
    body = [f for f in figures if not f.headline]
    kept = [f for f in figures if not f.headline or not any(repeats(f, b) for b in body)]
    keyed = []
    for figure in kept:
        fuller = next((o for o in kept if not is_bare(o) and same_statement(figure, o)), None)
        if is_bare(figure) and fuller is not None:
            figure = figure.model_copy(update={"counted": fuller.counted, "subject": fuller.subject})
        keyed.append(figure.model_copy(update={"claim_key": claim_key(figure)}))
    keyed = [f for f in keyed if not any(rounds(f, o) for o in keyed)]
    ordered = split_conflicts(sorted(keyed, key=lambda f: (f.stated_as == "earlier", f.headline)))
    keyed = [with_current_key(f, ordered) if f.stated_as == "earlier" else f for f in ordered]
    return distinct_own_keys(keyed)


# How far a rounded mention may lie from the exact value it rounds: 'more than 400' of 412.
ROUNDING = 0.1


def significant_digits(value: float) -> int:
    return len(f"{value:.15g}".replace(".", "").replace("-", "").strip("0"))


def rounds(approx: Figure, exact: Figure) -> bool:
    """'an outbreak that has killed more than 400 people' and, below, '412 deaths': in one
    article, a round value qualified towards a more precise value of the same key is that
    value said again, not a second fact and not a change."""
    if approx is exact or approx.claim_key != exact.claim_key or approx.stated_as != "current":
        return False
    if exact.stated_as != "current" or approx.value_max is not None or exact.value_max is not None:
        return False
    if exact.value <= 0 or significant_digits(approx.value) >= significant_digits(exact.value):
        return False
    gap = (exact.value - approx.value) / exact.value
    if approx.qualifier in ("at_least", "more_than"):
        return 0 < gap <= ROUNDING
    if approx.qualifier in ("at_most", "less_than", "up_to"):
        return 0 < -gap <= ROUNDING
    return approx.qualifier == "about" and abs(gap) <= ROUNDING


def distinct_own_keys(figures: list[Figure]) -> list[Figure]:
    """'Ford has offered 20%, GM 20%': two figures of one sentence with one value say two
    things; an own or valued key seen before in the sentence gets its place in the text after
    it (which a copy of the article gives the same)."""
    seen: dict[tuple[str, str], int] = {}
    place: dict[str, str] = {}
    for figure in sorted(figures, key=lambda f: f.span):
        if (OWN in figure.claim_key or VALUED in figure.claim_key) and figure.stated_as != "earlier":
            said = (figure.claim_key, figure.evidence)  # an own key is of one sentence already
            seen[said] = seen.get(said, 0) + 1
            if seen[said] > 1:
                place[figure.figure_id] = f"{figure.claim_key}-{seen[said]}"
    return [f.model_copy(update={"claim_key": place[f.figure_id]}) if f.figure_id in place else f
            for f in figures]


def with_current_key(earlier: Figure, figures: list[Figure]) -> Figure:
    """'climbed to 30 in Buncombe County, up from 10': the earlier value is a value of the fact
    the current value of its sentence states (or, in a sentence without one, the value stated
    last before it), whatever its own parse placed. A value dated to a day ('On Saturday night,
    the count stood at 2,012') whose sentence states nothing newer is an earlier value of its
    own frame, when the article gives that frame a newer value."""
    def newer(f: Figure) -> bool:
        return earlier.as_of is None or (f.as_of or date.max) > earlier.as_of

    before = [f for f in figures if f.stated_as == "current" and f.span[0] < earlier.span[0]
              and earlier.measure in (f.measure, "other") and same_kind(earlier, f)
              and same_period(earlier, f)]
    current = [f for f in before if f.evidence == earlier.evidence]
    if earlier.as_of is not None and not any(newer(f) for f in current) and any(
            f.stated_as == "current" and f.claim_key == earlier.claim_key and newer(f) for f in figures):
        return earlier  # 'whole bodies stood at 230, with 170 body parts, on Saturday'
    if not current and not any(f.evidence == earlier.evidence and f.stated_as == "current" for f in figures):
        # 'The figure is up from 2,719 on Tuesday.': a sentence of earlier values only speaks of
        # the first value of the last sentence before it that states one
        stated = sorted((f for f in before if (f.unit, f.currency) == (earlier.unit, earlier.currency)
                         and same_thing(earlier, f)),
                        key=lambda f: f.span[0])
        current = [f for f in stated if f.evidence == stated[-1].evidence][:1]
    return earlier.model_copy(update={"claim_key": current[-1].claim_key}) if current else earlier


def same_kind(earlier: Figure, current: Figure) -> bool:
    """'£438m has been paid to more than 3,100 victims, up from £363m': a sum is an earlier
    value of a sum in its currency, a share of a share, a count of a count ('rose to 30
    people, up from 10' may read its bare 10 as another count unit)."""
    def kind(f: Figure) -> tuple[str, str | None]:
        return (f.unit, f.currency) if f.unit in ("currency", "percent") else ("count", None)
    return kind(earlier) == kind(current)


def same_period(earlier: Figure, current: Figure) -> bool:
    """'up from 59 the year before' is another year; a running total given with no period ('The
    agency had put the toll at 640 a day earlier') is no earlier value of one day's count ('In
    the 24 hours to Sunday, 19 more people died')."""
    if earlier.scope is None:
        return not (is_one_day(current.scope) and names_a_total(earlier))
    return earlier.scope == current.scope


def names_a_total(figure: Figure) -> bool:
    return any(word in VALUE_NOUNS for word in figure.counted.lower().split())


# What a sentence of earlier values calls the count when it does not say what is counted: a
# word for a value ('the figure', 'the toll') or people in general.
GENERIC_COUNTS = VALUE_NOUNS | {"person"}


def same_thing(earlier: Figure, current: Figure) -> bool:
    """'... 115,580 gallons of vinyl chloride. Early reports had put the number of derailed
    cars at about 50.': an earlier value of a named thing is no earlier value of another."""
    said, then = (set(f.claim_key.split("|")[0].split()) for f in (earlier, current))
    return bool(said & then) or said <= GENERIC_COUNTS | {earlier.unit}


def split_conflicts(figures: list[Figure]) -> list[Figure]:
    """Two current values of one key in one article are two facts: the larger keeps the key (of
    a whole and a part the sentence did not place, the whole is the larger), the other is its
    own claim."""
    largest: dict[str, Figure] = {}
    for figure in figures:
        best = largest.setdefault(figure.claim_key, figure)
        if figure.stated_as == "current" and (best.stated_as == "earlier" or figure.value > best.value):
            largest[figure.claim_key] = figure
    out = []
    for figure in figures:
        keeper = largest[figure.claim_key]
        differs = (keeper.value, keeper.value_max) != (figure.value, figure.value_max)
        if differs and figure.stated_as == "current":
            figure = figure.model_copy(update={"claim_key": own_key(figure.claim_key, figure)})
        out.append(figure)
    return out
