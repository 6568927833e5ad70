"""What a figure counts: the counted phrase, its unit and the event, read from the parse;
an elided noun ('another 20', 'captured two') takes the people counted just before."""

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from services.extract import figures as fig
from services.extract import subjects
from services.extract.amounts import Amount
from services.extract.coreference import Memory
from services.extract.entities import canonical, demonyms, ents_within
from services.extract.events import MONEY_EVENTS, event_of
from services.extract.measures import BODIES
from services.extract.percents import TALLIES, percent_counted
from services.extract.words import EVENT_OF_NOUN, EVENT_OF_WORD, PEOPLE

HARM_EVENTS = frozenset(
    ["killed", "wounded", "killed_or_wounded", "captured", "detained", "evacuated", "displaced"]
)


@dataclass(frozen=True)
class Counted:
    counted: str
    unit: str
    event: str


def what_is_counted(
    doc: Doc, amount: Amount, token: Token, noun: Token | None, memory: Memory
) -> Counted | None:
    unit = fig.unit_of(amount, noun)
    event = event_of(noun if noun is not None else token, noun, token)
    if unit == "currency":
        counted, event = subjects.money_counted(event, token, amount.start, amount.end)
        event = "cost" if event in ("damaged", "destroyed") else event  # the sum a damage costs
        return Counted(counted, unit, event if event in MONEY_EVENTS else "other")
    if unit == "percent":
        memory.last_percent = percent_counted(token) or memory.last_percent
        return Counted(memory.last_percent, unit, event)
    if noun is not None:
        return Counted(noun_counted(doc, amount, noun, unit, memory), unit, event)
    if (listed := listed_with(amount, token, event)) is not None:
        return listed  # 'worst hit with 394 deaths, followed by Taroudant with 271'
    return elided(token, event, memory)


def noun_counted(doc: Doc, amount: Amount, noun: Token, unit: str, memory: Memory) -> str:
    end = doc.char_span(amount.start, amount.end, alignment_mode="expand").end
    phrase = fig.noun_phrase(noun, end) or noun.text
    if unit == "count":
        phrase = fig.with_of_tail(noun, phrase)
    phrase = owner_demonym(noun, phrase)
    if unit == "people" and noun.lower_ not in ("other", "others"):
        memory.last_counted = phrase
    if unit == "count":
        memory.last_thing = (noun, phrase)
    return phrase


def elided(token: Token, event: str, memory: Memory) -> Counted | None:
    """'The death toll rose to 212', 'another 20', 'kill at least 48'."""
    level = subjects.level_subject(token)
    if level is not None and level.lemma_.lower() in TALLIES:
        return tally(level, event)
    if level is not None:
        if level.lemma_.lower() == "toll":
            return Counted(subjects.level_phrase(level), "people", "killed")
        unit = "people" if fig.is_person_noun(level) else "count"
        event = EVENT_OF_NOUN.get(level.lemma_.lower(), event) if event == "other" else event
        return Counted(subjects.level_phrase(level), unit, event)
    # 'The death toll of 205 was reported on Thursday': the value of a toll it is the object of
    holder = fig.of_holder(token)
    if holder is not None and holder.lemma_.lower() == "toll":
        return Counted(subjects.level_phrase(holder), "people", "killed")
    thing = same_sentence_thing(token, memory)
    if event != "other" and thing is not None:
        return Counted(thing, "count", event)
    if event != "other" and memory.last_counted:
        return Counted(memory.last_counted, "people", event)
    if compared_from(token) and memory.last_counted:
        return Counted(memory.last_counted, "people", event)  # '1,630 people, up from 1,325'
    # a group the sentence opens with names what its numbers count, before any group named
    # earlier: 'Of the dead, 27 lived in coastal villages'
    if (group := sentence_group(token)) is not None:
        return group_counted(group, event)
    if (fronted_of(token) or of_pronoun(token)) and memory.last_counted:
        return Counted(memory.last_counted, "people", event)  # 'Of those, 912 were unsheltered'
    if event in HARM_EVENTS and token.dep_ in ("dobj", "nsubjpass"):
        return Counted("people", "people", event)
    if token.dep_ == "nsubjpass" and token.head.pos_ == "VERB" and (people := people_just_counted(token)):
        return Counted(people, "people", event)  # 'Eight workers fell ... Two were rescued'
    if (
        token.dep_ == "nsubj"
        and token.head.pos_ == "VERB"
        and token.head.lemma_.lower() not in subjects.LEVEL_VERBS
    ):
        return Counted(memory.last_counted or "people", "people", event)  # 'About 120,000 are sheltering'
    return None


def listed_with(amount: Amount, token: Token, event: str) -> Counted | None:
    """'Al Haouz was worst hit with 394 deaths, followed by Taroudant with 271': a bare number
    after 'with' in a list counts what the sentence counted before it, a number's own noun or the
    tally the sentence is about ('The highest numbers of deaths are in X, with 153')."""
    if token.dep_ != "pobj" or token.head.lower_ != "with":
        return None
    earlier = token.doc[token.sent.start : token.i]
    # an earlier item of the list: 'with 394 deaths'
    before = [t for t in numbers_of_nouns(earlier) if t.head.dep_ == "pobj" and t.head.head.lower_ == "with"]
    if before:
        noun = before[-1].head
        own = EVENT_OF_NOUN.get(noun.lemma_.lower())
        return Counted(
            fig.noun_phrase(noun, before[-1].i + 1) or noun.text, fig.unit_of(amount, noun), own or event
        )
    level = next((t for t in earlier if t.dep_ in subjects.SUBJECTS and t.lemma_.lower() in TALLIES), None)
    return tally(level, event) if level is not None else None


def people_just_counted(token: Token) -> str | None:
    """The people a number counted last, in the amount's sentence or the one before it, when
    no count of anything else came after them ('Nine miners were trapped. Four were rescued';
    not 'Rioters damaged 40 cars. Twelve were towed')."""
    doc = token.doc
    start = doc[token.sent.start - 1].sent.start if token.sent.start > 0 else token.sent.start
    counted = [t.head for t in numbers_of_nouns(doc[start : token.i])]
    if not counted or not fig.is_person_noun(counted[-1]):
        return None
    return counted[-1].text


def numbers_of_nouns(words: Span) -> list[Token]:
    """The numbers among the words that count a noun ('394' of '394 deaths')."""
    return [t for t in words if t.like_num and t.dep_ == "nummod" and t.head.pos_ == "NOUN"]


def of_pronoun(token: Token) -> bool:
    """'two of them': part of the people counted just before."""
    objects = [o for p in token.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return bool(objects) and objects[0].lower_ in ("them", "those", "these")


def compared_from(token: Token) -> bool:
    """'up from 1,325', 'rose from 1,325', 'revised the toll to 275 from 288': the earlier level
    of a count, not 'raised the age from 27'."""
    if token.dep_ != "pobj" or token.head.lower_ != "from":
        return False
    word = token.head.head
    if word.lower_ in ("up", "down"):
        return True
    replaced = [o for c in word.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children]
    if any(o.like_num or any(n.like_num for n in o.children) for o in replaced):
        return True
    level = word.lemma_.lower() in subjects.LEVEL_VERBS
    return level and not any(c.dep_ == "dobj" for c in word.children)


def fronted_of(token: Token) -> bool:
    """'Of those, 912 were ...': a subject taken out of a group named before it."""
    fronted = any(c.lower_ == "of" and c.i < token.i for c in token.head.children)
    return token.dep_ in ("nsubj", "nsubjpass") and fronted


def sentence_group(token: Token) -> Token | None:
    """'Of the dead, 31 were in Wajima, 22 in Suzu, two in Anamizu': a sentence that opens by
    naming a group of people splits that group; every bare number in it counts part of it."""
    sent = token.sent
    if sent[0].lower_ != "of" or token.i <= sent[0].i:
        return None
    objects = [o for o in sent[0].children if o.dep_ == "pobj" and o.i < token.i]
    if not objects or objects[0].like_num:
        return None
    group = objects[0]
    lemma = group.lemma_.lower()
    people = fig.is_person_noun(group) or group.lower_ in PEOPLE or lemma in EVENT_OF_NOUN or lemma in BODIES
    return group if people else None


def group_counted(group: Token, event: str) -> Counted:
    """What happened to the group: its own word ('the dead') or the words describing it ('the
    140 people confirmed dead', 'those injured')."""
    described = [group, *(c for c in group.children if c.dep_ in ("acl", "relcl", "amod"))]
    described += [w for c in described[1:] for w in c.children if w.dep_ in ("acomp", "oprd", "xcomp")]
    events = [EVENT_OF_WORD.get(w.lemma_.lower()) or EVENT_OF_WORD.get(w.lower_) for w in described]
    own = next((e for e in events if e), None)
    phrase = "people" if own or group.lower_ in PEOPLE else group.text
    return Counted(phrase, "people", event if event != "other" else (own or "other"))


def tally(level: Token, event: str) -> Counted:
    """'The number of people killed rose to 94' → people, killed; 'the number of injured'."""
    objects = [o for p in level.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    if not objects:
        return Counted(subjects.level_phrase(level), "count", event)
    counted = objects[0]
    for word in [counted, *counted.children]:
        own = EVENT_OF_WORD.get(word.lemma_.lower()) or EVENT_OF_WORD.get(word.lower_)
        if own and (word is counted or word.dep_ in ("acl", "relcl", "amod")):
            event = own
            break
    unit = "people" if fig.is_person_noun(counted) else "count"
    return Counted(subjects.modified_noun(counted), unit, event)


def same_sentence_thing(token: Token, memory: Memory) -> str | None:
    """'1,000 K2 tanks, of which 180 have been delivered': things counted earlier in the sentence."""
    if memory.last_thing is None:
        return None
    noun, phrase = memory.last_thing
    if noun.doc is not token.doc or noun.i >= token.i:
        return None
    between = token.doc[noun.i + 1 : token.i + 1]
    return None if any(t.is_sent_start for t in between) else phrase


VERB_QUALIFIERS = {"top": "more_than", "exceed": "more_than", "surpass": "more_than"}


def verb_qualifier(token: Token, qualifier: str) -> str:
    """'Cholera cases top 12,000' → more_than."""
    if qualifier != "exact" or token.head is token:
        return qualifier
    return VERB_QUALIFIERS.get(token.head.lemma_.lower(), qualifier)


def owner_demonym(noun: Token, phrase: str) -> str:
    """'North Korea sent 10,000 of its soldiers' → 'North Korean soldiers'."""
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in noun.children):
        return phrase
    for ancestor in noun.ancestors:
        subjects = [c for c in ancestor.children if c.dep_ == "nsubj"]
        if ancestor.pos_ in ("VERB", "AUX") and subjects:
            subject = subjects[0]
            ents = ents_within(noun.doc[subject.left_edge.i : subject.i + 1])
            names = [demonyms().get(canonical(e)) for e in ents if e.label_ == "GPE"]
            return f"{names[0]} {phrase}" if names and names[0] else phrase
    return phrase
