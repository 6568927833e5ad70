"""The fixed vocabularies for `Figure.event` and `Figure.unit`, and the words that signal them."""

EVENTS = (
    "fighting",
    "captured",
    "killed",
    "wounded",
    "killed_or_wounded",
    "casualties",
    "missing",
    "recruited",
    "deployed",
    "conscripted",
    "returned",
    "arrived",
    "detained",
    "displaced",
    "evacuated",
    "protesting",
    "paid",
    "salary",
    "bonus",
    "allocated",
    "spent",
    "lost",
    "increased",
    "decreased",
    "other",
)
UNITS = ("people", "currency", "percent", "count")


def vocabulary(words: str) -> frozenset[str]:
    return frozenset(words.split())


EVENT_WORDS = {
    "fighting": "fight fighting serve operate battle combat participate",
    "captured": "capture captive",
    "killed": "kill die dead death fatality slay execute",
    "wounded": "wound injure injury hurt",
    "casualties": "casualty",
    "missing": "missing",
    "recruited": "recruit recruitment enlist sign join apply hire enrol enroll volunteer",
    "deployed": "deploy deployment send dispatch station transfer",
    "conscripted": "conscript conscription draft mobilize mobilise mobilization mobilisation",
    "returned": "return repatriate",
    "arrived": "arrive",
    "detained": "detain detention arrest jail imprison",
    "displaced": "displace flee",
    "evacuated": "evacuate evacuation",
    "protesting": "protest march rally demonstrate demonstration",
    "paid": "pay payment payout compensation",
    "salary": "salary wage earn",
    "bonus": "bonus",
    "allocated": "allocate budget earmark fund funding approve",
    "spent": "spend spending cost",
    "lost": "lose loss",
    "increased": "rise grow increase climb jump surge soar",
    "decreased": "fall drop decline decrease shrink plunge slump",
}
EVENT_OF_WORD = {word: event for event, words in EVENT_WORDS.items() for word in words.split()}

NOUN_EVENTS = {
    "fighting": "fighter troop soldier mercenary serviceman combatant militant servicemember",
    "recruited": "recruit volunteer",
    "captured": "prisoner captive pow",
    "casualties": "casualty",
    "killed": "death fatality",
    "protesting": "protester protestor demonstrator",
    "displaced": "refugee",
    "conscripted": "conscript draftee",
}
EVENT_OF_NOUN = {word: event for event, words in NOUN_EVENTS.items() for word in words.split()}

PEOPLE = vocabulary(
    "people person persons individual man men woman women child children boy girl adult "
    "soldier troop fighter national citizen recruit civilian resident refugee migrant "
    "worker protester protestor demonstrator prisoner captive serviceman servicemen "
    "servicemember member volunteer conscript mercenary official officer employee staff "
    "student patient victim survivor voter tourist passenger journalist doctor nurse "
    "teacher family hostage combatant militant personnel inhabitant immigrant asylum-seeker "
    "seeker detainee draftee pensioner baby infant minor teenager police policeman "
    "firefighter sailor pilot marine guard agent diplomat lawmaker"
)
MONEY_NOUN_OF_EVENT = {
    "paid": "payment",
    "salary": "salary",
    "bonus": "bonus",
    "allocated": "budget",
    "spent": "spending",
    "lost": "losses",
}
