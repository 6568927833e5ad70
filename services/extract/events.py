"""The fixed vocabularies for `Figure.event` and `Figure.unit`, the words that signal them,
and `event_of`: the nearest such word to a figure in the parse."""

from spacy.tokens import Token

UNITS = ("people", "currency", "percent", "count")  # the fixed vocabulary of Figure.unit


def vocabulary(words: str) -> frozenset[str]:
    return frozenset(words.split())


EVENT_WORDS = {
    "fighting": "fight fighting serve operate battle combat participate",
    "captured": "capture captive",
    "killed": "kill die dead death fatality slay execute toll",
    "wounded": "wound injure injury hurt injured wounded",
    "casualties": "casualty",
    "missing": "missing miss",
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
    "spent": "spend spending expenditure",
    "lost": "lose loss",
    "increased": "rise grow increase climb jump surge soar",
    "decreased": "fall drop decline decrease shrink plunge slump cut reduce reduction",
}
# The fixed vocabulary of Figure.event: one entry per key above, plus these two.
EVENTS = (*EVENT_WORDS, "killed_or_wounded", "other")
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
    "firefighter sailor pilot marine guard agent diplomat lawmaker driver farmer miner "
    "leader user customer subscriber viewer reader player fan visitor traveller traveler "
    "pilgrim settler rebel insurgent gunman gunmen attacker suspect defendant inmate dead "
    "injured wounded missing crowd other others analyst expert researcher observer "
    "investigator prosecutor lawyer spokesperson representative delegate"
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
STOP_CLIMB = vocabulary("say tell report announce write add")
PEOPLE_ONLY = frozenset(
    [
        "recruited",
        "conscripted",
        "wounded",
        "killed_or_wounded",
        "detained",
        "displaced",
        "evacuated",
        "protesting",
    ]
)
CLAUSES = frozenset(["advcl", "ccomp", "parataxis", "conj", "appos"])
MONEY_EVENTS = frozenset(
    ["paid", "salary", "bonus", "allocated", "spent", "cost", "lost", "increased", "decreased"]
)


def event_of(anchor: Token, noun: Token | None) -> str:
    """The nearest event word above the counted noun, below it, beside it, then the noun itself."""
    for ancestor in anchor.ancestors:
        if ancestor.lemma_.lower() in STOP_CLIMB:
            break
        if is_come_across(ancestor):
            return "encountered"
        event = EVENT_OF_WORD.get(ancestor.lemma_.lower())
        if event:
            return refine(event, ancestor, noun)
    governor = anchor.head if anchor.head is not anchor else None
    for scope_root in (anchor, governor):
        for word in below(scope_root) if scope_root is not None else []:
            event = EVENT_OF_WORD.get(word.lemma_.lower())
            if event and word.pos_ in ("VERB", "NOUN", "ADJ"):
                return refine(event, word, noun)
    if noun is not None:
        return EVENT_OF_NOUN.get(noun.lemma_.lower(), "other")
    return "other"


def is_come_across(word: Token) -> bool:
    """'came across a group of six fighters': met in one place, not a total count."""
    return word.lemma_.lower() == "come" and any(c.lower_ == "across" for c in word.children)


def below(token: Token) -> list[Token]:
    """Descendants to the right of the token, breadth-first, not into speech clauses."""
    queue, seen = [c for c in token.children if c.i > token.i and c.dep_ not in CLAUSES], []
    while queue:
        current = queue.pop(0)
        seen.append(current)
        if current.lemma_.lower() not in STOP_CLIMB:
            queue.extend(c for c in current.children if c.dep_ not in CLAUSES)
    return seen


def refine(event: str, word: Token, noun: Token | None) -> str:
    """'killed or wounded' → killed_or_wounded; troops 'joining' forces → deployed."""
    pair = {
        EVENT_OF_WORD.get(c.lemma_.lower())
        for c in word.children
        if c.dep_ == "conj" and not any(o.dep_ in ("dobj", "nsubjpass") for o in c.children)
    }
    if {event} | pair >= {"killed", "wounded"}:
        return "killed_or_wounded"
    military = noun is not None and noun.lemma_.lower() in ("troop", "soldier", "force", "unit")
    if event == "recruited" and word.lemma_.lower() == "join" and military:
        return "deployed"
    if word.lemma_.lower() == "reach" and (noun is None or noun.lemma_.lower() not in PEOPLE):
        return "increased"
    if event in PEOPLE_ONLY and noun is not None and not is_person_noun(noun):
        return "other"
    return event


def is_person_noun(noun: Token) -> bool:
    """People nouns: a vocabulary, agent suffixes ('assistants', 'Serbians'), plural NORPs."""
    lemma = noun.lemma_.lower()
    if lemma in PEOPLE or noun.lower_ in PEOPLE:
        return True
    if noun.ent_type_ == "NORP" and noun.tag_ in ("NNS", "NNPS"):
        return True
    return noun.tag_ == "NNS" and lemma.endswith(PERSON_SUFFIXES) and lemma not in NOT_PEOPLE
