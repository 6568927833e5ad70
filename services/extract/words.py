"""The fixed vocabularies for `Figure.event` and `Figure.unit` and the words that signal
them: event verbs, event nouns, people nouns, money nouns."""

UNITS = ("people", "currency", "percent", "count")  # the fixed vocabulary of Figure.unit


def vocabulary(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Heads of organisation names: 'the interior ministry data' is the ministry's.
ORGANISATIONS = vocabulary(
    "ministry department office council government authority agency service commission committee "
    "company firm bank police army military alliance union institute court parliament regulator "
    "watchdog charity group organisation organization coastguard board consortium association "
    "federation foundation bureau cabinet administration directorate secretariat tribunal "
    "assembly senate congress coalition"
)


# Words for a business: 'the company' is the organisation the article is about.
BUSINESSES = vocabulary("company firm business")
# Words that say what kind of body a name is ('the Sea Watch rescue group' is Sea Watch), not
# a part of a larger organisation ('the UN refugee agency').
BODY_KINDS = BUSINESSES | vocabulary(
    "group organisation organization charity network coalition alliance association federation foundation "
    "union consortium"
)
# Words for a public body named as such ('the agency', 'the watchdog'): the agency the article named.
AGENCIES = vocabulary(
    "agency organization organisation body commission authority watchdog regulator charity group"
)
# Words for a news outlet ('the newspaper', 'the broadcaster'); a news 'agency' is one only where
# the text says it carried the words ('told the news agency').
OUTLETS = vocabulary(
    "outlet media newspaper publication paper site broadcaster channel television radio magazine"
)


# Words for who speaks (claimant.py and the modules it reads with).
GENERIC_SPEAKERS = vocabulary(
    "outlet media investigation publication newspaper paper agency ministry it he she they source"
)


# Things that hold figures but cannot assert them: the organisation behind one speaks, or nobody.
DOCUMENTS = vocabulary(
    "poll survey study report document analysis estimate data datum census tally count investigation "
    "assessment statement figure figures briefing letter notice release bulletin record filing memo "
    "documentation memorandum model projection forecast statistic statistics number dataset "
    "database chart table list register update review audit inquiry research finding result "
    "transcript tweet video footage map image website page information detail summary breakdown calculation"
)


# Bodies named after the place they govern: 'the Ishikawa prefectural government'.
GOVERNMENTS = vocabulary("government administration authority council prefecture municipality")


# Places that speak through their government: 'the county said' is the county the article names.
PLACE_BODIES = vocabulary("county city prefecture province municipality")
PLACE_NOUNS = PLACE_BODIES | vocabulary("country nation state region town village")


# Nouns for people only as the ones who tell: 'Egyptian security and medical sources'.
TELLERS = vocabulary("source insider")


# Nouns for a person by what they lead, which only their 'of' phrase tells.
LEADERS = vocabulary("head chief leader chair")


EVENT_WORDS = {
    "fighting": "fight fighting serve operate battle combat participate",
    "captured": "capture captive",
    "killed": "kill die dead death fatality slay execute toll",
    "wounded": "wound injure injury hurt injured wounded",
    "casualties": "casualty",
    "missing": "missing miss unaccounted",
    "recruited": "recruit recruitment enlist sign join apply hire enrol enroll volunteer",
    "deployed": "deploy deployment send dispatch station transfer",
    "conscripted": "conscript conscription draft mobilize mobilise mobilization mobilisation",
    "returned": "return repatriate",
    "arrived": "arrive reach",
    "encountered": "encounter spot sight",
    "detained": "detain detention arrest jail imprison",
    "charged": "charge indict prosecute convict sentence",
    "damaged": "damage",
    "destroyed": "destroy demolish raze",
    "cost": "cost",
    "delivered": "deliver supply ship",
    "displaced": "displace flee",
    "evacuated": "evacuate evacuation",
    "protesting": "protest march rally demonstrate demonstration gather protester",
    "paid": "pay payment payout compensation",
    "salary": "salary wage earn",
    "bonus": "bonus",
    "allocated": "allocate budget earmark fund funding approve pledge aid",
    "spent": "spend spending expenditure invest investment",
    "lost": "lose loss",
    "increased": "rise grow increase climb jump surge soar",
    "decreased": "fall drop decline decrease shrink plunge slump cut reduce reduction",
}
# The fixed vocabulary of Figure.event: one entry per key above, plus these two.
EVENTS = (*EVENT_WORDS, "killed_or_wounded", "other")
EVENT_OF_WORD = {word: event for event, words in EVENT_WORDS.items() for word in words.split()}
# Verbs whose event depends on their particle ('come across' is not 'come').
PHRASAL_EVENTS = {
    "come across": "encountered",
    "run into": "encountered",
    "stumble upon": "encountered",
    "sign up": "recruited",
}

NOUN_EVENTS = {
    "fighting": "fighter troop soldier mercenary serviceman combatant militant servicemember",
    "recruited": "recruit volunteer",
    "captured": "prisoner captive pow",
    "casualties": "casualty",
    "killed": "death fatality",
    "protesting": "protester protestor demonstrator crowd",
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
    "firefighter sailor pilot marine guard agent diplomat lawmaker driver farmer miner "
    "leader user customer subscriber viewer reader player fan visitor traveller traveler "
    "pilgrim settler rebel insurgent gunman gunmen attacker suspect defendant inmate dead "
    "injured wounded missing crowd other others analyst expert researcher observer "
    "investigator prosecutor lawyer spokesperson representative delegate commuter shopper "
    "striker evacuee spectator rescuer veteran crew villager"
)
MONEY_NOUN_OF_EVENT = {
    "paid": "payment",
    "salary": "salary",
    "bonus": "bonus",
    "allocated": "budget",
    "spent": "spending",
    "lost": "losses",
}
PERSON_SUFFIXES = ("ist", "ian", "ee", "ant", "worker", "maker", "holder", "goer", "man")
NOT_PEOPLE = vocabulary(
    "plant restaurant pollutant implant grant warrant fee coffee committee guarantee "
    "tree degree decree jubilee median meridian"
)

# Nouns that hold a value: 'the previous toll of 205', 'OCHA gave a far lower toll'.
VALUE_NOUNS = vocabulary("toll figure count estimate tally number total")
