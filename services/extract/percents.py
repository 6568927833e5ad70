"""What a percentage is *of*, read from the parse: '61% of Serbians', 'a cut of 12% in
transport spending', 'GDP grew by 1.4%', 'a pay rise of 7.5%', 'a 90% walkout'."""

from spacy.tokens import Token

from services.extract.figures import whole_phrase
from services.extract.subjects import level_phrase, level_subject, modified_noun, paired
from services.extract.words import vocabulary

# The sign and the words for it: '19%', '19 percent', '19 per cent' (the parser heads the number
# with 'cent').
PERCENT_SIGNS = frozenset(["%", "percent", "cent", "pct"])


def percent_counted(token: Token) -> str:
    """'61% of Serbians' → Serbians; 'a cut of 12% in transport spending'; 'GDP grew by 1.4%'."""
    percent = next((c for c in [token.head, *token.children] if c.lower_ in PERCENT_SIGNS), token)
    for word in (percent, token, *percent.ancestors):
        if word.pos_ in ("VERB", "AUX"):
            fronted = [o for p in word.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
            if fronted and fronted[0].i < token.i:  # 'Of the 2.2 million people ..., 74.2% were seen'
                return modified_noun(fronted[0])
            break
        for child in word.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "in") and child.i > token.i:
                objects = [
                    c for c in child.children if c.dep_ == "pobj" and c.ent_type_ not in ("DATE", "TIME")
                ]
                if objects:
                    return whole_phrase(objects[0])
    if percent.head.pos_ == "NOUN" and percent.head.i > percent.i:  # 'a 90% walkout'
        return modified_noun(percent.head)
    if percent.head.dep_ == "prep" and percent.head.lower_ == "of" and percent.head.head.pos_ == "NOUN":
        return modified_noun(percent.head.head)  # 'a pay rise of 7.5%'
    if (state := degree_of(percent)) is not None:
        return state.text
    subject = level_subject(token) or copula_subject(percent) or moved_subject(percent)
    if subject is not None and subject.lemma_.lower() in TALLIES:
        counted = [o for p in subject.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        return modified_noun(counted[0]) if counted else level_phrase(subject)
    if subject is None:
        subject = changed_object(percent)
    return level_phrase(paired(subject, token)) if subject is not None else ""


TALLIES = frozenset(["number", "total", "tally", "count"])


# Verbs of a price or an index that moved by a share of itself: 'the peso has lost 10%'.
MOVES = vocabulary("lose gain shed slide slump plunge tumble dip rally advance retreat")


def moved_subject(percent: Token) -> Token | None:
    """'The rand, which traded at 18 to the dollar, has lost more than 6% since' → the rand: a
    share a thing gained or lost is of that thing, not of what the text counted before."""
    verb = percent.head
    if percent.dep_ not in ("dobj", "npadvmod") or verb.pos_ != "VERB" or verb.lemma_.lower() not in MOVES:
        return None
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
    return found[0] if found else None


def changed_object(percent: Token) -> Token | None:
    """'cut maintenance spending by 18%' → spending: the object of the verb the 'by' hangs on."""
    by = percent.head
    if by.lower_ != "by" or by.head.pos_ != "VERB":
        return None
    found = [c for c in by.head.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    return found[0] if found else None


def degree_of(percent: Token) -> Token | None:
    """'The fire was 8% contained', '95% vaccinated', '40% complete': a percentage modifying a
    state measures how far that state has gone, and the state is what it counts ('50% higher'
    compares instead: its subject is what it counts)."""
    head = percent.head
    predicative = head.dep_ != "amod"  # not '95% vaccinated children'
    if percent.dep_ == "npadvmod" and head.tag_ in ("VBN", "JJ") and head.i == percent.i + 1 and predicative:
        return head
    return None


def copula_subject(percent: Token) -> Token | None:
    """'waiting lists were roughly 50% higher' → waiting lists; 'turnout was 79.5%' → turnout."""
    head = percent.head
    if percent.dep_ == "attr" and head.lemma_ == "be":
        verb = head
    elif percent.dep_ == "npadvmod" and head.pos_ == "ADJ" and head.head.lemma_ == "be":
        verb = head.head
    else:
        return None
    found = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
    return found[0] if found else None
