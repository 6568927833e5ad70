"""What a figure measures, from the closed vocabulary `schemas.figures.Measure`. No spaCy.

The extractor's event says what happened to the counted thing; the measure is what a
fact-checker tracks. Most events map one to one; the rest are decided by the counted noun
(cases, homes, acres, customers, records, votes, seats, jobs) and by the words governing the
figure (admitted to hospital, rescued, without power, fined, under evacuation warnings).
"""

from schemas.figures import Measure

EVENT_MEASURE: dict[str, Measure] = {
    "killed": "killed", "wounded": "injured", "casualties": "killed_or_injured",
    "killed_or_wounded": "killed_or_injured", "missing": "missing", "displaced": "displaced",
    "evacuated": "evacuated", "detained": "detained", "charged": "charged",
    "deployed": "deployed", "fighting": "fighting", "captured": "captured",
    "recruited": "recruited", "conscripted": "conscripted", "returned": "returned",
    "arrived": "arrived", "protesting": "protesting", "delivered": "delivered", "cost": "cost",
    "paid": "paid", "salary": "salary", "bonus": "bonus", "allocated": "budget",
    "spent": "spending", "increased": "increase", "decreased": "decrease",
    "serving": "fighting", "operating": "fighting", "signed_up": "recruited",
}
# Counted nouns (lemmas) that name what is measured whatever the verb.
NOUN_MEASURE: dict[str, Measure] = {
    **dict.fromkeys("case infection".split(), "cases"),
    **dict.fromkeys("acre hectare".split(), "area_burned"),
    **dict.fromkeys("record".split(), "records_affected"),
    **dict.fromkeys("vote ballot".split(), "votes"),
    **dict.fromkeys("seat".split(), "seats"),
    **dict.fromkeys("job layoff".split(), "jobs"),
    **dict.fromkeys("outage".split(), "power_outages"),
}
# Nouns of the dead themselves: '78 bodies had been recovered' counts the dead.
BODIES = frozenset(["body", "corpse"])
STRUCTURES = frozenset(
    "home house building structure dwelling residence apartment property business school "
    "bridge road church hospital shop store dam tower tunnel stadium hotel mall mine".split()
)
VEHICLES = frozenset("car vehicle boat".split())
HARM_OF_LEMMA = {"destroy": "destroyed", "raze": "destroyed", "flatten": "destroyed",
                 "damage": "damaged", "sweep": "damaged", "flood": "damaged"}
# Words governing the figure (lemmas) that decide the measure before the event does.
GOVERNOR_MEASURE: dict[str, Measure] = {
    **dict.fromkeys("hospitalize hospitalise admit hospital hospitalization treat".split(), "hospitalised"),
    **dict.fromkeys("rescue".split(), "rescued"),
    **dict.fromkeys("recover".split(), "recovered"),
    **dict.fromkeys("affect".split(), "affected"),
    **dict.fromkeys("infect diagnose sicken".split(), "cases"),
    **dict.fromkeys("striker walkout picket".split(), "striking"),
    **dict.fromkeys("power electricity outage".split(), "power_outages"),
    **dict.fromkeys("fine penalty".split(), "fine"),
    **dict.fromkeys("warning".split(), "evacuation_warned"),
    **dict.fromkeys("revenue sale".split(), "revenue"),
    **dict.fromkeys("wage".split(), "salary"),
    **dict.fromkeys("compromise steal expose leak".split(), "records_affected"),
    **dict.fromkeys("price".split(), "price"),
    **dict.fromkeys("burn scorch char".split(), "area_burned"),
}
# When the extractor found no event, the words around the figure may still name the measure.
FALLBACK_MEASURE: dict[str, Measure] = {
    **dict.fromkeys("toll death die dead kill fatality drown".split(), "killed"),
    **dict.fromkeys("injure injury wound hurt".split(), "injured"),
    **dict.fromkeys("missing unaccounted".split(), "missing"),
    **dict.fromkeys("evacuate evacuation evacuee".split(), "evacuated"),
    **dict.fromkeys("case".split(), "cases"),
}
VOTE_WORDS = frozenset(w for w, m in NOUN_MEASURE.items() if m == "votes")
VOTE_SHARES = frozenset(["share", "support"])
WEAK_EVENTS = frozenset(["increased", "decreased", "arrived"])
REFINEMENTS = frozenset(["evacuation_warned", "hospitalised", "cases"])
# Verbs of getting people out that 'alive' makes a rescue: 'pulled out alive', 'found alive'.
RETRIEVED = frozenset("pull bring find dig recover come extract free".split())
# Verbs of a supply coming back: who has it again is no count of an outage.
RECONNECTED = frozenset("restore reconnect".split())
MONEY_GOVERNOR: dict[str, Measure] = {"damage": "damage", "loss": "loss", "lose": "loss", "fine": "fine"}
# What a sum is, from the words on its own path or the subject its value is given for, when its
# own verb says nothing ('receive', 'agree to', 'has reached'): money handed to people ('a
# settlement of', 'compensation ... has reached', 'receive Rs 10,000'), money set aside or asked
# for ('an appeal for', 'a relief package of'), money spent ('the cost of'), money taken in.
MONEY_NOUNS: dict[str, Measure] = {
    **dict.fromkeys("payment payout compensation settlement grant gratia offer reimbursement refund "
                    "redress".split(), "paid"),
    **dict.fromkeys("appeal package fund".split(), "budget"),
    **dict.fromkeys("cost expense".split(), "cost"),
    **dict.fromkeys("revenue sale".split(), "revenue"),
    **dict.fromkeys("pay wage salary".split(), "salary"),  # 'a pay rise of 420 euros'
}
# Nouns of a change, whose sum is its size: 'a pay rise of 420 euros', 'a cut of $5 million'.
CHANGE_NOUNS = frozenset("rise raise increase hike cut reduction".split())
MONEY_VERBS: dict[str, Measure] = dict.fromkeys(
    "pay receive contribute compensate settle reimburse refund".split(), "paid")


def measure_of(
    event: str, unit: str, noun_lemma: str | None, governors: list[str],
    money_kind: Measure | None = None, change: bool = False,
) -> Measure:
    """`governors`: lemmas from the figure up its clause, nearest first; `money_kind`: what the
    words on a sum's path call it; `change`: the sum is the size of a rise or fall ('by $2bn')."""
    if unit == "currency":
        money = next((MONEY_GOVERNOR[g] for g in governors if g in MONEY_GOVERNOR), None)
        if money is not None:
            return money
        if event not in WEAK_EVENTS and event in EVENT_MEASURE:
            return EVENT_MEASURE[event]
        # 'compensation paid has reached £499m' is a level of what was paid; 'revenue rose by
        # $2 billion' is a rise
        level_of = None if change else money_kind
        return level_of or EVENT_MEASURE.get(event, "other")
    if noun_lemma in STRUCTURES or noun_lemma in VEHICLES:
        harm = event if event in ("destroyed", "damaged") else next(
            (HARM_OF_LEMMA[g] for g in governors if g in HARM_OF_LEMMA), None)
        if harm:
            return "structures_destroyed" if harm == "destroyed" else "structures_damaged"
    if noun_lemma in NOUN_MEASURE and unit != "percent":
        return NOUN_MEASURE[noun_lemma]
    governed = next((GOVERNOR_MEASURE[g] for g in governors if g in GOVERNOR_MEASURE), None)
    if governed is None and "alive" in governors and RETRIEVED & set(governors) and noun_lemma not in BODIES:
        governed = "rescued"  # '140 people had been pulled out alive', not '... and 18 bodies'
    if governed == "area_burned" and noun_lemma not in NOUN_MEASURE:
        governed = None  # 'burned' says area only of acres and hectares
    if governed == "evacuation_warned" and event != "evacuated":
        governed = None
    if governed == "power_outages" and reconnected(governors):
        governed = None  # 'power has been restored to 60% of customers' counts the reconnected
    if governed == "recovered" and (unit != "people" or noun_lemma in BODIES):
        governed = None  # people who got well, not bodies or goods found ('recovered 78 bodies')
    strong = EVENT_MEASURE.get(event) if event not in WEAK_EVENTS else None
    if governed == "hospitalised" and (strong == "killed" or noun_lemma in BODIES):
        governed = None  # 'died in hospital', 'bodies taken to hospital': the dead are no patients
    if strong == "killed_or_injured" and FALLBACK_MEASURE.get(noun_lemma or "") in ("killed", "injured"):
        return FALLBACK_MEASURE[noun_lemma or ""]  # '2,122 deaths and 2,421 injuries': each its own
    # the event the figure's own clause names wins over a word further off ('knocked out power
    # ... and has killed 16 people'), unless that word refines it (warnings, hospital, cases)
    if strong and governed not in REFINEMENTS:
        return strong
    if governed:
        return governed
    # 'the toll rose to 216', 'the toll reached 72 people' give the toll's level: only a bare
    # change or arrival stays one
    fallback = next((FALLBACK_MEASURE[g] for g in governors if g in FALLBACK_MEASURE), None)
    return fallback or EVENT_MEASURE.get(event, "other")


def reconnected(governors: list[str]) -> bool:
    """'Power has been restored to 12,000 homes': the verb of a supply coming back governs the
    count before any word of power does ('knocked out power to 2 million before crews restored
    it' is still an outage)."""
    words = RECONNECTED | {w for w, m in GOVERNOR_MEASURE.items() if m == "power_outages"}
    first = next((g for g in governors if g in words), None)
    return first in RECONNECTED


def vote_share(counted_head: str, governors: list[str], counting: bool) -> bool:
    """A percentage of the vote: '14% of the vote', 'Labour's share of the vote was 33.7%',
    '14.79% support' where the clause speaks of votes; not the count's progress ('with 85% of
    ballots counted') nor another share the clause's voters are asked about ('voted on a 35%
    wage increase'). `counting`: the clause says votes were counted."""
    if counting:
        return False
    return counted_head in VOTE_WORDS or (counted_head in VOTE_SHARES and bool(VOTE_WORDS & set(governors)))
