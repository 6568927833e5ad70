"""A source's run of figures. 'According to X' (or "X's figures show") names where the
figures that follow come from, not only those of its own sentence: 'Education accounts for
40.6%, according to the tracker. Schools in Canada make up 14%.' The run starts at a figure
given that way; it reaches figures with no source of their own in its paragraph and the next,
while they are of the same kind (percentages after percentages, sums after sums), of the same
time and place, and not told of another party ('ArcelorMittal, which runs eight mines', 'she
said', 'nine states have declared'). Another source named starts another run."""

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from services.extract.claimant import Attribution
from services.extract.events import is_person_noun, verb_above
from services.extract.locating import VALUE_VERBS
from services.extract.speakers import SPEECH_VERBS, WEAK_SPEECH
from services.extract.words import GOVERNMENTS, ORGANISATIONS, vocabulary

PARAGRAPH_REACH = 1  # paragraph breaks a run goes on across
PEOPLE_PRONOUNS = frozenset(["he", "she", "they", "we", "i"])  # not 'it': a share or a rise is one
PARTIES = ("ORG", "PERSON", "GPE", "NORP")


@dataclass
class Run:
    source: Attribution
    end: int  # where the sentence that gave the source ends in the text
    units: set[str] = field(default_factory=set)
    scopes: set[str | None] = field(default_factory=set)
    places: set[str | None] = field(default_factory=set)


@dataclass(frozen=True)
class Kind:
    """What a figure is, as far as a run is concerned: its unit, time and stated place."""

    unit: str
    scope: str | None
    place: str | None


def note(run: Run | None, who: Attribution, sent: Span, kind: Kind, carried: bool) -> Run | None:
    """The run after a figure: a figure with a source of its own starts one, or joins the one
    its sentence started with that same source."""
    if not who.claimant or carried:
        return run
    end = sent.start_char + len(sent.text.rstrip())
    if run is None or run.source != who or run.end != end:
        run = Run(who, end)
    run.units.add(kind.unit)
    run.scopes.add(kind.scope)
    run.places.add(kind.place)
    return run


def goes_on(run: Run | None, token: Token, sent: Span, kind: Kind) -> Attribution | None:
    """The run's source, for a figure with no source of its own that the run reaches."""
    if run is None or not run.source.reference or sent.start_char < run.end:
        return None
    if len(re.findall(r"\n+", sent.doc.text[run.end : sent.start_char])) > PARAGRAPH_REACH:
        return None
    if kind.unit not in run.units or kind.scope is not None and kind.scope not in run.scopes:
        return None
    if kind.place is not None and run.places - {None} and kind.place not in run.places:
        return None  # 'killed 48,448 in Turkey, according to official figures. About 6,000 in Syria'
    if described_party(token) or party_acts(token) or own_time(token):
        return None
    # '... have declared a state of emergency': a sentence with a statement of its own is no data
    return None if any(t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS - WEAK_SPEECH for t in sent) \
        else run.source


def described_party(token: Token) -> bool:
    """'ArcelorMittal, the steel maker, which operates eight mines', "Milei's government, which
    devalued the peso by 54%": a clause that describes a named party tells of that party."""
    for clause in (a for a in token.ancestors if a.dep_ in ("relcl", "acl")):
        nouns = [clause.head, clause.head.head] if clause.head.dep_ == "appos" else [clause.head]
        named = [*nouns, *(c for n in nouns for c in n.children if c.dep_ == "poss")]
        if any(t.ent_type_ in PARTIES for t in named):
            return True
    return False


def party_acts(token: Token) -> bool:
    """'Pellmark Energy bought 40 wells', 'she moved 300 people': the figure's clause tells what a
    named party or a person did, not what the data hold."""
    for verb in (a for a in token.ancestors if a.pos_ in ("VERB", "AUX")):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            # 'firms make up 71.5% of the total' tells what the data hold, 'the government sent
            # 300 soldiers' what a body did
            acting = verb.lemma_.lower() not in VALUE_VERBS | SHARES
            return any(s.lower_ in PEOPLE_PRONOUNS or s.ent_type_ in ("ORG", "PERSON")
                       or acting and agent_noun(s) for s in subjects)
    return False


SHARES = vocabulary("make account represent comprise constitute")  # 'make up 71.5% of the total'


def agent_noun(noun: Token) -> bool:
    """'The government sent 300 soldiers', 'the central bank lent $2 billion': a body or people
    named by a common noun act too."""
    body = noun.lemma_.lower() in ORGANISATIONS | GOVERNMENTS
    return noun.pos_ == "NOUN" and (body or is_person_noun(noun))


def own_time(token: Token) -> bool:
    """'In early July, the count stood at 139 herds': a figure given for a time of its own."""
    verb = verb_above(token)
    while verb is not None:
        for child in verb.children:
            words = [child, *(c for c in child.children if c.dep_ == "pobj")]
            if child.dep_ in ("prep", "npadvmod") and any(t.ent_type_ in ("DATE", "TIME") for t in words):
                return True
        above = verb.dep_ in ("conj", "ccomp", "xcomp", "advcl") and verb.head.i != verb.i
        verb = verb.head if above else None
    return False
