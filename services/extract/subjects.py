"""What a sum of money or a bare level is *of*, read from the parse: 'a budget of €4.2
billion' → budget; '€96 million on consultants' → consultants; 'Transport spending will fall
to €640 million' → Transport spending (percentages: percents.py)."""

from spacy.tokens import Token

from services.extract.events import verb_above
from services.extract.figures import phrase
from services.extract.words import EVENT_OF_WORD, MONEY_NOUN_OF_EVENT, VALUE_NOUNS, vocabulary

LEVEL_VERBS = vocabulary(
    "rise fall reach stand total climb grow drop increase decrease hit put number jump soar "
    "estimate value set forecast project cap top exceed surpass revise raise lower"
)
# 'police put/estimated the crowd at 55,000', 'the government raised the death toll to 48'
OBJECT_LEVELS = vocabulary("put estimate revise raise lower")
# Levels moved only of a count's own value: 'raised the death toll to 48', not 'raised the
# retirement age from 62 to 64' (an age is no count).
MOVED_LEVELS = vocabulary("raise lower")
YIELDING = vocabulary("save cost generate bring raise earn yield require need")
STATES = vocabulary("estimate value set put stand total number cap")
TOPIC_PREPS = ("for", "on", "in", "of")
SUBJECTS = ("nsubj", "nsubjpass", "csubj")


def modified_noun(noun: Token) -> str:
    """'Transport spending', 'death toll': the noun and its modifiers. A tally keeps the one
    word saying what it counts: 'the quake death toll', 'the confirmed death toll' → death toll."""
    mods = [
        t
        for t in noun.lefts
        if t.dep_ in ("compound", "amod")
        and t.pos_ in ("NOUN", "ADJ", "PROPN")
        and t.i >= noun.i - 2
        and not any(c.isdigit() or c == "%" for c in t.text)
    ]
    if noun.lemma_.lower() in VALUE_NOUNS and mods:
        mods = [m for m in mods if m.i == noun.i - 1 and m.dep_ == "compound"]
    return phrase([*mods, noun])


def noun_above(token: Token, start: int, end: int) -> Token | None:
    """The nearest noun above the amount (past its own currency words) before a verb."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return None
        inside = start <= ancestor.idx < end
        if ancestor.pos_ == "NOUN" and not inside and ancestor.is_alpha:
            return ancestor
    return None


def topic_object(token: Token) -> Token | None:
    """'€310 million for social housing', '2.4 billion dinars on security'."""
    verb = above if (above := verb_above(token)) is not None else token.head
    for word, preps in ((token, TOPIC_PREPS), (token.head, TOPIC_PREPS), (verb, ("on", "from"))):
        for child in word.children:
            if child.dep_ == "prep" and child.lower_ in preps and child.i > token.i:
                objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
                if objects:
                    return objects[0]
    return None


def level_subject(token: Token) -> Token | None:
    """'The death toll has risen to 212', 'Police put the crowd at 55,000'."""
    for ancestor in token.ancestors:
        if ancestor.pos_ not in ("VERB", "AUX"):
            continue
        if ancestor.lemma_.lower() not in LEVEL_VERBS:
            return None
        deps = ("dobj", "nsubj", "nsubjpass") if ancestor.lemma_ in OBJECT_LEVELS else SUBJECTS
        holding = {token.i, *(a.i for a in token.ancestors)}  # not the amount's own phrase: '59 remain'
        for dep in deps:
            found = [
                c for c in ancestor.children if c.dep_ == dep and c.pos_ != "PRON" and c.i not in holding
            ]
            undated = [c for c in found if c.ent_type_ not in ("DATE", "TIME")]
            moved = ancestor.lemma_.lower() in MOVED_LEVELS
            if moved and undated and not any(c.lemma_.lower() in VALUE_NOUNS for c in undated):
                return None
            if found and not undated:
                return value_noun_before(ancestor)
            if undated:  # the nearest: not a dateline ('CEBU CITY — The number ... rose')
                return min(undated, key=lambda c: abs(c.i - ancestor.i))
        if ancestor.dep_ in ("acl", "relcl") and ancestor.head.pos_ in ("NOUN", "PROPN"):
            return ancestor.head
        if ancestor.dep_ == "xcomp":
            found = [c for c in ancestor.head.children if c.dep_ in SUBJECTS and c.pos_ != "PRON"]
            return found[0] if found else None
        return None
    return None


def value_noun_before(verb: Token) -> Token | None:
    """A date is never what a level is of: 'The death toll from storms that have battered the
    coast since mid-March climbed to 412', misparsed with 'March' as the subject, is the
    toll's level: the last word for a value before the verb in its sentence."""
    before = verb.doc[verb.sent.start : verb.i]
    return next((t for t in reversed(before) if t.pos_ == "NOUN" and t.lemma_.lower() in VALUE_NOUNS), None)


def verb_subject(token: Token) -> Token | None:
    """'the cuts would save the company $250 million' → cuts."""
    verb = verb_above(token)
    if verb is None or verb.lemma_.lower() not in YIELDING:
        return None
    found = [c for c in verb.children if c.dep_ in SUBJECTS]
    return found[0] if found and found[0].pos_ in ("NOUN", "PROPN") else None


def level_phrase(noun: Token) -> str:
    """'death toll', 'Spending on schools': the noun, its modifiers, an on/for phrase."""
    tails = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("on", "for")]
    tail = phrase(list(tails[0].subtree)) if tails else ""
    return f"{modified_noun(noun)} {tail}".strip()


def conj_index(token: Token) -> int:
    """0 for the first of coordinated amounts ('5% and 3%'), 1 for the second, ..."""
    word = token
    while word.dep_ in ("nummod", "compound", "quantmod") and word.head is not word:
        word = word.head
    index = 0
    while word.dep_ == "conj" and word.head is not word:
        index, word = index + 1, word.head
    return index


def paired(noun: Token, token: Token) -> Token:
    """'bonus and salary ... 7000€ and 2000€ respectively': the k-th amount, the k-th noun."""
    clause = [c for a in [token, *token.ancestors] for c in a.children]
    if not any(t.lower_ in ("respectively", "accordingly") for t in clause):
        return noun
    nouns = sorted([noun, *noun.conjuncts], key=lambda t: t.i)
    index = conj_index(token)
    return nouns[index] if index < len(nouns) else noun


def money_counted(event: str, token: Token, start: int, end: int) -> tuple[str, str]:
    """(what the sum is, its event): 'a budget of €4.2 billion' → ('budget', event)."""
    noun = noun_above(token, start, end)
    if noun is not None:
        return modified_noun(noun), event
    topic = topic_object(token)
    if topic is not None:
        return modified_noun(topic), event
    subject = level_subject(token)
    if subject is None:
        doer = verb_subject(token)
        return (modified_noun(doer) if doer is not None else MONEY_NOUN_OF_EVENT.get(event, event)), event
    match = paired(subject, token)
    verb = verb_above(token)
    if match is not subject or (verb is not None and verb.lemma_.lower() in STATES):
        return level_phrase(match), EVENT_OF_WORD.get(match.lemma_.lower(), event)
    return level_phrase(subject), event
