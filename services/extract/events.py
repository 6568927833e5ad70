"""`event_of`: the nearest event word (vocabularies in words.py) to a figure in the parse."""

from spacy.tokens import Token

from services.extract.words import (
    EVENT_OF_NOUN,
    EVENT_OF_WORD,
    NOT_PEOPLE,
    PEOPLE,
    PERSON_SUFFIXES,
    PHRASAL_EVENTS,
    vocabulary,
)

STOP_CLIMB = vocabulary("say tell report announce write add")
PEOPLE_ONLY = frozenset(
    [
        "fighting",
        "captured",
        "missing",
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
# Events whose participle alone, after a number, stands for people; and the care people are in.
PEOPLE_STATES = frozenset(["killed", "wounded", "missing", "detained", "displaced", "evacuated"])
CARE_STATES = frozenset(["hospitalized", "hospitalised", "unaccounted"])
CLAUSES = frozenset(["advcl", "ccomp", "parataxis", "conj", "appos"])
MONEY_EVENTS = frozenset(
    ["paid", "salary", "bonus", "allocated", "spent", "cost", "lost", "increased", "decreased"]
)


def event_of(anchor: Token, noun: Token | None, figure: Token | None = None) -> str:
    """The nearest event word above the counted noun, below it, beside it, then the noun itself.
    The whole of a part is not what happened to the part: in 'killed 179 of the 181 people on
    board' the 181 were on board, not killed."""
    if excepted(figure if figure is not None else anchor):
        return "other"
    if noun is not None and figure is not None and people_state(figure) == noun:  # '16 missing'
        return EVENT_OF_WORD.get(noun.lemma_.lower(), EVENT_OF_WORD.get(noun.lower_, "other"))
    below_it = anchor
    for ancestor in anchor.ancestors:
        if ancestor.lemma_.lower() in STOP_CLIMB or own_clause_below(anchor, ancestor):
            break
        if ancestor != figure and partitive(below_it, ancestor):
            break  # '10,000 of its soldiers' is the figure's own noun
        below_it = ancestor
        event = phrasal_event(ancestor) or EVENT_OF_WORD.get(ancestor.lemma_.lower())
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


def people_state(token: Token) -> Token | None:
    """'16 dead, 16 missing', '179 killed', '9 hospitalized': a participle or adjective right
    after a number, with no noun after it, names people by what befell them."""
    if token.i + 1 >= len(token.doc):
        return None
    state = token.doc[token.i + 1]
    # 'five died' is a verb; '7 missing' may be tagged a gerund and is still a state
    worded = state.pos_ in ("ADJ", "VERB") and (state.lower_ in PEOPLE or state.lower_ in CARE_STATES)
    passive = state.tag_ in ("VBN", "JJ") or worded
    # 'were killed and 361 injured': an elided clause counts the people named before
    elided = state.dep_ == "conj" and state.head.pos_ == "VERB"
    if not passive or elided or (state.dep_ == "amod" and state.head.i > state.i):
        return None
    if any(c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.i > state.i for c in state.children):
        return None  # '30 killed the bill': a verb with an object of its own
    said = state.lower_ in PEOPLE or EVENT_OF_WORD.get(state.lemma_.lower()) in PEOPLE_STATES
    return state if said or state.lower_ in CARE_STATES else None


def excepted(token: Token) -> bool:
    """'All but two of the 181 people died': the two are the ones the event spared."""
    before = [t.lower_ for t in token.doc[max(0, token.i - 2) : token.i]]  # read, not parsed:
    return before[-2:] in (["all", "but"], ["all", "except"])  # the parser hangs 'but' anywhere


# Words that take a part of a whole: 'most of the 300 residents', 'all but two of the 181'.
QUANTIFIERS = frozenset("all most some many none each both half several few any".split())


def partitive(below: Token, ancestor: Token) -> bool:
    """'Of the 72 deaths, 39 ...', 'all but two of the 181 people': an 'of' under another number
    or a quantifier, or under a verb whose subject is another number."""
    if below.lower_ != "of":
        return False
    if ancestor.like_num or ancestor.lower_ in QUANTIFIERS:
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.like_num for c in ancestor.children)


def lemmas(token: Token) -> list[str]:
    """The token's lemma, and for a past form in -ed its stem without the 'd': the model's
    rules take 'fined' for a form of 'fin' and 'priced' for 'pric'."""
    lemma = token.lemma_.lower()
    stem = token.lower_[:-1]
    if token.tag_ in ("VBD", "VBN") and token.lower_.endswith("ed") and stem != lemma:
        return [lemma, stem]
    return [lemma]


def own_clause_below(anchor: Token, ancestor: Token) -> bool:
    """'X cut spending and 600 posts remained unfilled': the figure's clause, a conjunct with its
    own subject, is not about the first clause's verb."""
    below_it = next(t for t in [anchor, *anchor.ancestors] if t.head == ancestor)
    return has_own_subject(below_it) and below_it.dep_ == "conj"


def verb_above(token: Token) -> Token | None:
    """The nearest verb (or auxiliary) the token hangs from: the verb of its clause."""
    return next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)


def has_own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def phrasal_event(word: Token) -> str | None:
    """A verb read with its particle: 'came across six fighters' (met, not a total count)."""
    particles = [c.lower_ for c in word.children if c.dep_ in ("prt", "prep") and c.i == word.i + 1]
    return PHRASAL_EVENTS.get(f"{word.lemma_.lower()} {particles[0]}") if particles else None


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
    """'killed or wounded' → killed_or_wounded; troops 'joining' forces → deployed.
    A conjunct with its own subject or object is another clause ('7 were killed and 46 injured')."""
    pair = {
        EVENT_OF_WORD.get(c.lemma_.lower())
        for c in word.children
        if c.dep_ == "conj" and not any(o.dep_ in ("dobj", "nsubjpass", "nsubj") for o in c.children)
    }
    if {event} | pair >= {"killed", "wounded"}:
        return "killed_or_wounded"
    military = noun is not None and noun.lemma_.lower() in ("troop", "soldier", "force", "unit")
    if event == "recruited" and word.lemma_.lower() == "join" and military:
        return "deployed"
    joined = [EVENT_OF_WORD.get(c.lemma_.lower()) for c in word.children if c.dep_ == "dobj"]
    if word.lemma_.lower() in ("join", "participate") and joined and joined[0] not in (None, event):
        return joined[0]
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
    if noun.tag_ == "NN" and lemma.endswith("man") and lemma not in NOT_PEOPLE:
        return True  # 'a spokesman', 'the chairwoman', 'a gunman'
    return noun.tag_ == "NNS" and lemma.endswith(PERSON_SUFFIXES) and lemma not in NOT_PEOPLE
