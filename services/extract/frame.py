"""The claim frame of a figure, read from the parse: what it measures, where, and which
incident it belongs to. The article's place and incident are read once per article and
inherited by the figures whose sentence names none.
"""

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from schemas.figures import Measure
from services.extract.entities import canonical
from services.extract.incidents import Incident, article_incident, incident_names, sentence_incident
from services.extract.measures import measure_of
from services.extract.places import LEVELS, Place, resolve
from services.extract.speakers import SPEECH_VERBS

PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])
# Prepositions that put a count somewhere ('died in Paiporta', 'cases across Texas').
LOCATIVE = frozenset("in at across throughout inside within near around on".split())
# Verbs whose subject is the thing the figure measures ('the toll rose to 211').
VALUE_VERBS = frozenset(
    "be rise reach stand climb increase grow jump fall drop hit top exceed surpass total number "
    "remain soar double".split()
)
# One step further from the clause: 'without power', 'evacuation orders covered ...'.
REACH = frozenset([("prep", "pobj"), ("nsubj", "compound")])
# Modifiers that name a place ('Valencia's death toll', 'the Texas outbreak').
PLACE_MODIFIERS = frozenset(["poss", "compound", "nmod", "amod"])


@dataclass(frozen=True)
class ArticleFrame:
    country: str | None
    incident: Incident | None
    names: dict[str, Incident]
    region: Place | None = None  # the state or province the article names most


@dataclass(frozen=True)
class FigureFrame:
    measure: Measure
    place: Place | None
    place_stated: bool
    incident: Incident | None


def place_of_entity(token: Token, hint: str | None) -> Place | None:
    """A place entity, or a proper name the model left untagged (or took for an organisation)
    that a place library knows: 'in Paiporta', 'in St. Lucie County'."""
    if token.ent_type_ in PLACE_LABELS:
        ent = next(e for e in token.doc.ents if e.start <= token.i < e.end)
        return resolve(canonical(ent), hint) or resolve(ent.text, hint)
    if token.lower_ in LEVELS:  # 'in Valencia province': the level word heads the phrase
        named = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        return resolve(token.doc[named[0].i : token.i + 1].text, hint) if named else None
    if token.pos_ != "PROPN" or token.ent_type_ not in ("", "ORG"):
        return None
    words = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
    start = words[0].i if words else token.i
    return resolve(token.doc[start : token.i + 1].text, hint)


def read_article_frame(doc: Doc, headline_end: int) -> ArticleFrame:
    """The country the article is about: every place mention votes for its country, a country
    named outright three times a city, a state or province twice, the headline and the first
    lines (the dateline) double."""
    votes: Counter[str] = Counter()
    regions: Counter[Place] = Counter()
    lead_end = headline_end + 400
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS and (place := resolve(canonical(ent)) or resolve(ent.text)):
            weight = {"country": 3, "region": 2}.get(place.kind, 1)
            votes[place.country] += weight * (2 if ent.start_char < lead_end else 1)
            regions[place] += place.kind == "region"
    country = votes.most_common(1)[0][0] if votes else None
    region = next((p for p, n in regions.most_common() if n and p.country == country), None)
    return ArticleFrame(country, article_incident(doc, headline_end), incident_names(doc), region)


def clause_path(token: Token) -> list[Token]:
    """The figure and its governors up to the clause a speech verb introduces, or up to the
    part a whole is split into ('Of the 72 deaths, 39 were in Wajima': 72 is not in Wajima)."""
    path = [token]
    for ancestor in token.ancestors:
        if ancestor.lemma_.lower() in SPEECH_VERBS or (ancestor.like_num and path[-1].lower_ == "of"):
            break
        path.append(ancestor)
    return path


def stated_place(path: list[Token], article: ArticleFrame) -> Place | None:
    """The nearest place the clause gives the figure: a locative phrase or a place modifier on
    the figure, its noun (or a clause describing it: 'nationals fighting in Donetsk') or a
    governor; and on the subject of a verb that gives the subject's value ('the toll in
    Valencia rose to 211'), never on an agent ('offices in Moscow processed 51 citizens')."""
    hint = article.country
    for word in path:
        if word.dep_ == "relcl" and (place := place_of_entity(word.head, hint)):
            return place  # 'Buncombe County, where officials have confirmed 72 deaths'
        holders = [word, *(c for c in word.children if c.dep_ == "acl")]
        if word.lemma_.lower() in VALUE_VERBS:
            holders += [c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")]
        for holder in holders:
            if place := place_on(holder, hint) or level_word(holder, article):
                return place
    return None


REGION_WORDS = frozenset("state province region prefecture".split())
WIDE = {"statewide": "region", "provincewide": "region", "nationwide": "country", "national": "country"}


def level_word(holder: Token, article: ArticleFrame) -> Place | None:
    """'statewide', 'in the state', 'nationwide': the article's own state or country."""
    for child in holder.children:
        level = WIDE.get(child.lower_)
        if child.dep_ == "prep" and child.lower_ in LOCATIVE:
            objects = [o for o in child.children if o.dep_ == "pobj" and o.ent_type_ == ""]
            level = "region" if any(o.lemma_.lower() in REGION_WORDS for o in objects) else level
        if level == "region" and article.region is not None:
            return article.region
        if level == "country" and article.country:
            return Place(article.country)
    return None


def place_on(holder: Token, hint: str | None) -> Place | None:
    for child in holder.children:
        if child.dep_ == "prep" and child.lower_ in LOCATIVE:
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                if place := place_of_entity(obj, hint):
                    return place
        if child.dep_ in PLACE_MODIFIERS and (place := place_of_entity(child, hint)):
            return place
    return None


def read_frame(
    article: ArticleFrame, token: Token, noun: Token | None, sent: Span, event: str, unit: str
) -> FigureFrame:
    path = clause_path(noun if noun is not None else token)
    if noun is not None and token not in path:
        path.insert(0, token)
    near = [c for t in path for c in t.children]
    near += [o for c in near for o in c.children if (c.dep_, o.dep_) in REACH]
    governors = [t.lemma_.lower() for t in [*path, *near]]
    measure = measure_of(event, unit, noun.lemma_.lower() if noun is not None else None, governors)
    place = stated_place(path, article)
    stated = place is not None
    if place is None and article.country:
        place = Place(article.country)
    return FigureFrame(measure, place, stated, sentence_incident(sent, article.incident, article.names))


CHANGE_WORDS = frozenset(
    "up down rise climb increase jump grow fall drop decline decrease revise raise lower "
    "change update correct reduce".split()
)
EARLIER_MODIFIERS = frozenset("previous earlier initial prior former preliminary".split())
COMPARATIVE = frozenset("below above than under".split())
GIVEN = frozenset("give report cite announce put publish state".split())


def is_earlier(token: Token, noun: Token | None) -> bool:
    """A value given in passing as a previous one: 'up from 36', 'rose from 36 to 40', 'the
    previous toll of 205', 'below the 217 given by the emergency services at the weekend'."""
    anchor = noun if noun is not None else token
    words = {token, anchor}
    modifiers = [c for w in words for c in w.children if c.dep_ in ("amod", "advmod")]
    if any(c.lemma_.lower() in EARLIER_MODIFIERS for c in modifiers):
        return True
    governor = anchor if anchor.dep_ == "pobj" else token
    if governor.dep_ != "pobj" or holder_is_earlier(governor):
        return governor.dep_ == "pobj"
    prep = governor.head
    if prep.lower_ == "from" and prep.head.lemma_.lower() in CHANGE_WORDS:
        return True
    given = any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in GIVEN for w in words for c in w.children)
    return prep.lower_ in COMPARATIVE and given


def holder_is_earlier(anchor: Token) -> bool:
    """'the previous official toll of 205': the figure is 'of' a noun an earlier-word modifies."""
    if anchor.head.lower_ != "of" or anchor.dep_ != "pobj":
        return False
    holder = anchor.head.head
    return any(c.lemma_.lower() in EARLIER_MODIFIERS for c in holder.children if c.dep_ == "amod")
