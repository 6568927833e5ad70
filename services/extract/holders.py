"""Whose a figure is, for the measures an actor holds, wins, pays or cuts: Labour's seats are
not the Conservatives' seats, one company's job cuts not another's, and what one company's
breach exposed not what another's did. Read from the parse; the holder joins the claim key."""

import re

from spacy.tokens import Token

from services.claims.identity import counted_head, singular
from services.extract.acronyms import short_forms
from services.extract.entities import canonical, entity_of
from services.extract.incidents import Incident, incident_at
from services.extract.locating import in_dateline
from services.extract.measures import NOUN_MEASURE


def figure_holder(
    path: list[Token], measure: str, unit: str, counted: str, incident: Incident | None
) -> str | None:
    """The actor a figure of a held measure belongs to, or None. A party's share of the vote is
    its own as its vote count is ('the ANC had 40% of the vote'); what a breach exposed is held
    only by a company the clause says was breached, never by whoever the clause's subject is
    (the gang that stole it, the speaker)."""
    if exposed(measure, incident):
        return breached(path)
    head = counted_head(counted) or None
    held = measure in HELD or (unit == "percent" and NOUN_MEASURE.get(head) in HELD)
    return holder_of(path) if held else None


# Measures of what an actor holds, wins, pays or cuts: Labour's seats are not the
# Conservatives' seats, one company's job cuts not another's.
HELD = frozenset("seats votes jobs paid fine salary bonus budget spending revenue price".split())
ACTOR_LABELS = frozenset(["ORG", "NORP", "PERSON", ""])
# Words that name the kind of organisation, not which one ('the Labour Party' is Labour).
ORGANISATION_WORDS = frozenset("party group company inc corp corporation ltd plc ag co".split())


def holder_of(path: list[Token]) -> str | None:
    """The actor named as the subject of the figure's clause or as the owner of its noun
    ('Labour won 412 seats', 'Labour's 412 seats', 'Volkswagen will cut 35,000 jobs'); places
    are the place dimension and common nouns name no one in particular."""
    prep = standing_prep(path)
    standing = prep.head if prep is not None else None
    if standing is not None and standing.pos_ in ("NOUN", "PROPN"):
        if name := actor_name(standing) or owner_name(standing):
            return name  # "Toyota's payout at $1.6 billion", 'the ANC at 40%'
        if standing.dep_ == "pobj":
            return None  # 'with the DA on 25.6%': the DA's, whatever the model took it for
    if prep is not None and off_a_second_figure(prep):
        return None  # 'stood at 42.8%, ... and the EFF on 8.3%' parsed as hanging from 'stood'
    for word in path:
        for child in word.children:
            if child.dep_ in ("nsubj", "nsubjpass", "poss") and (name := actor_name(child)):
                return name
            if child.dep_ in ("nsubj", "nsubjpass") and (name := owner_name(child)):
                return name  # 'Labour's share of the vote was 33.7%'
    return None


def standing_prep(path: list[Token]) -> Token | None:
    """The 'on' or 'at' a figure stands on: 'the ANC at 40%', 'stood at 42.8%'."""
    return next((w.head for w in path[:2] if w.dep_ == "pobj" and w.head.lower_ in ("on", "at")), None)


def off_a_second_figure(prep: Token) -> bool:
    """A share 'on' or 'at' that hangs from a verb which already gave a figure by an earlier
    'on'/'at' is not the clause subject's: the parser hung a list's later item there ('stood at
    42.8%, with the DA on 25.6% and the EFF on 8.3%')."""
    if prep.head.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("on", "at") and c.i < prep.i
               and any(is_figure(o) or any(is_figure(n) for n in o.children) for o in c.children)
               for c in prep.head.children)


def is_figure(token: Token) -> bool:
    """A number that is no time or date ('at 9 pm', 'on 29 May' set a scene)."""
    return token.like_num and token.ent_type_ not in ("DATE", "TIME")


def owner_name(noun: Token) -> str | None:
    """The actor a common noun belongs to: 'Labour's share', 'the company's revenue'."""
    return next((name for c in noun.children if c.dep_ == "poss" and (name := actor_name(c))), None)


def exposed(measure: str, incident: Incident | None) -> bool:
    """What a breach exposed is the breached company's: the people one shop's breach affected
    are not those of another company breached the same week by the same gang."""
    in_breach = incident is not None and incident.kind == "breach"
    return measure == "records_affected" or (measure == "affected" and in_breach)


def breached(path: list[Token]) -> str | None:
    """The company whose breach the figure's clause names: 'affected by its breach' (where 'its'
    is the actor the clause above it is about: 'the retailer X told regulators that ...'),
    'X's breach', 'the X breach', 'the breach at X'."""
    for word in path:
        objects = (o for c in word.children if c.dep_ in ("agent", "prep")
                   for o in c.children if o.dep_ == "pobj")
        for obj in objects:
            found = incident_at(obj)
            if found is None or found.kind != "breach":
                continue
            if (owner := breached_company(obj)) is not None:
                return owner
            pronoun = next((c for c in obj.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
            if pronoun is not None:
                return next((name for w in [*path, word.head] for c in w.children
                             if c.dep_ == "nsubj" and c.i < pronoun.i and (name := actor_name(c))), None)
    return None


def breached_company(breach: Token) -> str | None:
    """'AT&T's breach', 'the AT&T breach', 'the breach at AT&T', 'a breach of AT&T's systems'."""
    for child in breach.children:
        if child.dep_ in ("poss", "compound") and child.pos_ == "PROPN" and (name := actor_name(child)):
            return name
        if child.dep_ == "prep" and child.lower_ in ("at", "of"):
            for obj in (o for o in child.children if o.dep_ == "pobj"):
                owner = next((c for c in obj.children if c.dep_ == "poss" and c.pos_ == "PROPN"), obj)
                if owner.pos_ == "PROPN" and (name := actor_name(owner)):
                    return name
    return None


def actor_name(token: Token) -> str | None:
    """An organisation, party or person, lower-case and without the word for its kind."""
    if token.pos_ != "PROPN" or token.ent_type_ not in ACTOR_LABELS or in_dateline(token):
        return None  # 'WILMINGTON, Del. (AP) — ...': the dateline's city, tagged ORG, holds nothing
    ent = entity_of(token)
    name = canonical(ent) if ent is not None else " ".join(
        t.text for t in token.lefts if t.dep_ == "compound") + " " + token.text
    # 'the African National Congress (ANC)': the party by the short form the article gives it,
    # which is how other reports name it too
    name = short_forms(token.doc).get(name.strip().lower().removeprefix("the "), name)
    words = [singular(w) for w in re.findall(r"[a-z0-9][a-z0-9'\-]*", name.lower())]
    return " ".join(w for w in words if w not in ORGANISATION_WORDS and w != "the") or None

