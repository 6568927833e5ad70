"""Claim identity: which figures state the same real-world fact. No I/O.

A claim is what is counted, what happened to it, its unit and its time scope. The key is
readable (it is the Kafka key of `figures.extracted`, so every figure of one claim lands
on one partition) and the claim id is a short hash of it.
"""

import hashlib
import re

from schemas import Figure

# Heads that, for a count of people, all name the same population.
PERSON_HEADS = frozenset(
    "national citizen person people individual soldier troop serviceman servicemen "
    "servicemember fighter mercenary man men recruit volunteer combatant member".split()
)
# Modifiers that do not change who is counted ("North Korean army troops" = "North Korean troops").
NEUTRAL_MODIFIERS = frozenset(
    "army military armed forces force contract foreign more other additional new some the a an "
    "of at least about around nearly almost over than up to".split()
)
EVENT_SYNONYMS = {"serving": "fighting", "operating": "fighting", "signed_up": "recruited"}


def singular(word: str) -> str:
    """A rule-of-thumb English singular, enough for the heads of counted phrases."""
    irregular = {"men": "man", "people": "person", "servicemen": "serviceman", "women": "woman"}
    if word in irregular:
        return irregular[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def counted_key(counted: str, unit: str) -> str:
    """Normalised counted phrase: lower-case singular words, neutral modifiers dropped,
    person synonyms folded into one head."""
    words = [singular(w) for w in re.findall(r"[a-z][a-z'\-]*", counted.lower())]
    words = [w for w in words if w not in NEUTRAL_MODIFIERS]
    if not words:
        return unit
    head, modifiers = words[-1], words[:-1]
    if unit == "people" and head in PERSON_HEADS:
        head = "person"
    return " ".join([*modifiers, head])


def unit_key(figure: Figure) -> str:
    if figure.unit == "currency":
        return f"currency:{figure.currency or '?'}"
    return figure.unit


def claim_key(figure: Figure) -> str:
    """`counted|event|unit|scope`, e.g. `chinese person|fighting|people|*`."""
    event = EVENT_SYNONYMS.get(figure.event, figure.event)
    parts = [counted_key(figure.counted, figure.unit), event, unit_key(figure), figure.scope or "*"]
    return "|".join(parts)


def claim_id(key: str) -> str:
    return "c" + hashlib.sha1(key.encode()).hexdigest()[:12]


def is_bare(figure: Figure) -> bool:
    """A count of people named only by a generic head: 'soldiers', 'people', 'troops'."""
    return figure.unit == "people" and counted_key(figure.counted, figure.unit) == "person"


def same_statement(a: Figure, b: Figure) -> bool:
    def what(f: Figure) -> tuple:
        return f.value, f.value_max, f.event, f.unit, f.scope

    return what(a) == what(b)


def repeats(headline: Figure, body: Figure) -> bool:
    """A headline repeats a body figure when it gives the same number for the same event;
    headlines compress qualifiers and time scopes ("51 ... since June 2023")."""
    return (headline.value, headline.value_max, headline.event, headline.unit) == (
        body.value, body.value_max, body.event, body.unit)


def resolve_in_article(figures: list[Figure]) -> list[Figure]:
    """Figures of one article, ready for claims: a headline figure that repeats a body figure
    is dropped, and a bare re-mention ('10,000 soldiers were sent') takes the counted phrase of
    the same number stated with its modifiers ('10,000 North Korean soldiers')."""
    body = [f for f in figures if not f.headline]
    kept = [f for f in figures if not f.headline or not any(repeats(f, b) for b in body)]
    out = []
    for figure in kept:
        fuller = next((o for o in kept if not is_bare(o) and same_statement(figure, o)), None)
        if is_bare(figure) and fuller is not None:
            figure = figure.model_copy(update={"counted": fuller.counted, "subject": fuller.subject})
        out.append(figure.model_copy(update={"claim_key": claim_key(figure)}))
    return out
