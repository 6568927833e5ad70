"""Figures a party states by committing to them or putting them forward: 'Boeing will cut
17,000 jobs', 'the regulator fined the bank $2 million', "the company's offer, which included a
35% raise", 'AccuWeather raised its estimate to $145 billion'."""

from spacy.tokens import Span, Token

from services.extract.acronyms import is_acronym
from services.extract.events import lemmas
from services.extract.figures import subtree_span
from services.extract.locating import VALUE_VERBS  # 'stood at 221', 'is that 2.1 million'
from services.extract.roles import country_in_capitals
from services.extract.speaker_names import is_bare_body, name_of
from services.extract.speakers import MODALS, agent_of, subject_of
from services.extract.words import DOCUMENTS, ORGANISATIONS, vocabulary

# Verbs by which an organisation states a figure by committing to it: 'Boeing will cut
# 17,000 jobs', 'UnitedHealth spent $872 million', 'the regulator fined the bank $2 million'.
COMMITMENTS = vocabulary(
    "offer propose pledge promise spend pay cut seek demand appeal accept withdraw order fine award approve "
    "allocate invest donate hire employ charge raise lower set plan budget earmark impose levy "
    "lay furlough dismiss arrest detain indict register record document release sign issue launch "
    "notify sue suspend"
)


# Decisions whose amount is stated by whoever imposes them, named or not ('the regulator',
# 'Greek authorities have charged nine men'); the other commitments need a name or a body's
# country ('the U.N. has registered 20,000 deaths', "Spain's government approved ...").
SANCTIONS = vocabulary("fine impose levy charge arrest detain indict")
SANCTION_NOUNS = vocabulary("fine penalty")


def committing_body(token: Token) -> Span | None:
    """With no speaker, the organisation that commits to the figure is its source; a person
    or a country that 'pays' or 'cuts' is not thereby asserting anything. A sanction's source
    may be its agent ('a fine of €1.2 billion by Ireland's Data Protection Commission', '€746
    million, which was levied on Amazon by Luxembourg's data watchdog'). A body named only by
    its kind ('The union has demanded 77%') is the one the article names elsewhere."""
    verb = next((a for a in token.ancestors if a.pos_ == "VERB"), None)
    nouns = [token, *(a for a in token.ancestors if verb is None or a.i != verb.i and verb in a.ancestors)]
    relative = next((c for n in nouns for c in n.children if c.dep_ == "relcl"), None)
    for clause in (relative, verb):
        said = committing_subject(clause) if clause is not None else None
        if said is not None:
            return subtree_span(said)
    fine = next((n for n in nouns if n.lemma_.lower() in SANCTION_NOUNS), None)
    agents = [
        o
        for p in (fine.children if fine is not None else [])
        if p.lower_ == "by"
        for o in p.children
        if o.dep_ == "pobj" and is_body(o, sanction=True)
    ]
    return subtree_span(agents[0]) if agents else None


def committing_subject(verb: Token) -> Token | None:
    said = set(lemmas(verb))  # 'fined' is read as a form of 'fin'
    # 'the regulator can fine a company up to 4%': what a body may do is a rule, not a figure it gives
    possible = any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)
    if not said & COMMITMENTS or possible:
        return None
    sanction = bool(said & SANCTIONS)
    agent = agent_of(verb) if sanction else None  # 'fined by the regulator'
    subjects = shared_subjects(verb) + ([agent] if agent is not None else [])
    bodies = [s for s in subjects if is_body(s, sanction or qualified(s)) or is_bare_body(s)]
    return bodies[0] if bodies else None


def shared_subjects(verb: Token) -> list[Token]:
    """'The company apologized and offered customers a $5 credit': a verb joined to another
    with no subject of its own shares that verb's."""
    while not (subjects := [c for c in verb.children if c.dep_ == "nsubj"]):
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head
    return subjects


def qualified(noun: Token) -> bool:
    """'Spain's government', 'the Kenyan cabinet': a body named by its kind and whose it is is
    no vaguer than a name; a bare 'the company' is."""
    owners = ("poss", "compound", "amod")  # not any capitalised word: headlines capitalise all
    return any(c.dep_ in owners and c.ent_type_ in ("GPE", "NORP") for c in noun.children)


def is_body(token: Token, sanction: bool) -> bool:
    """A named organisation, or for a sanction an organisation named by its kind ('the
    regulator', 'Greek authorities') or a state ('Portugal has arrested nine men': its
    authorities, under the country's name)."""
    named = token.ent_type_ == "ORG" or token.pos_ == "PROPN" and is_acronym(token.text)  # 'the DPC'
    named = named and not country_in_capitals(token)  # 'ZAMBIA has recorded 16 deaths': a place
    by_kind = token.pos_ == "NOUN" and token.lemma_.lower() in ORGANISATIONS
    return named or sanction and (by_kind or token.ent_type_ == "GPE" and token.pos_ == "PROPN")


# What a party puts forward, whose terms are that party's figures.
PROPOSALS = vocabulary("offer proposal bid plan package")


def proposal_owner(token: Token) -> Span | None:
    """ "the company's offer, which included a 35% raise": what an offer holds is its owner's
    figure, whoever tells of the offer."""
    for clause in (a for a in token.ancestors if a.dep_ == "relcl"):
        offer = clause.head
        owners = [c for c in offer.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        if offer.lemma_.lower() in PROPOSALS and owners:
            return subtree_span(owners[0])
    return None


def estimate_owner(token: Token) -> str | None:
    """'AccuWeather raised its estimate of the damage to $145 billion': whoever changes
    their own estimate states its new value; "The State's count of bodies stood at 221",
    "Optus's latest estimate is that 2.1 million ...": whose count or estimate gives a value
    states it."""
    for verb in (a for a in token.ancestors if a.pos_ in ("VERB", "AUX")):
        owned = [
            c
            for c in verb.children
            if c.dep_ == "dobj"
            and c.lemma_.lower() in DOCUMENTS
            and any(p.dep_ == "poss" and p.pos_ == "PRON" for p in c.children)
        ]
        if owned:
            return name_of(subject_of(verb))[0]
        if verb.lemma_.lower() in VALUE_VERBS:
            owners = [p for c in verb.children if c.dep_ == "nsubj" and kept_by_owner(c)
                      for p in c.children if p.dep_ == "poss" and p.pos_ == "PROPN"]
            if owners:
                return name_of(owners[0].doc[owners[0].left_edge.i : owners[0].i + 1])[0]
    return None


ESTIMATES = vocabulary("estimate projection forecast assessment")
COUNTS = vocabulary("count tally")


def kept_by_owner(noun: Token) -> bool:
    """'Optus's estimate', "the State's count of bodies": what its owner reckons; not "the
    BJP's tally", "Labour's seat count", which is what the owner holds."""
    lemma = noun.lemma_.lower()
    counts_of = lemma in COUNTS and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    return lemma in ESTIMATES or counts_of
