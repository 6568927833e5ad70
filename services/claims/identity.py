"""Claim identity: which figures state the same real-world fact. No I/O.

A claim is one frame: what is counted, what is measured (`schemas.figures.Measure`), the unit,
the period, the place and the incident. The key is readable (it is the Kafka key of
`figures.extracted`, so every figure of one claim lands on one partition) and the claim id is
a short hash of it:

    chinese person|fighting|people|*|*|violence
    person|killed|people|*|ES/paiporta|storm

Precision comes first. A frame that cannot be placed (no place and no incident) is its own
claim and never a merge target; a placed frame of measure `other` with nothing particular
counted ('350 people on board') joins only the same number said again (its value is in its
key). How one article's figures share keys is `in_article.py`.
"""

import hashlib
import re

from schemas import Figure
from schemas.figures import Entity
from services.extract.measures import BODIES

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
# Words that change how a count is reported, not who is counted ("the official national toll").
REPORTING_MODIFIERS = frozenset(
    "official confirmed total overall national nationwide reported known latest updated final "
    "preliminary previous earlier new death".split()
)
# Heads that name the measure itself: the count is of people, whom the measure already says.
MEASURE_HEADS = frozenset(
    ("toll death fatality dead casualty case infection injury victim missing injured wounded "
     "evacuee").split() + list(BODIES)
)
# Modifiers that make a count another count: 'new cases' are since the last report,
# 'indirect deaths' are not the toll.
DISTINGUISHING = frozenset("new indirect direct additional suspected probable".split())
OWN = "own:"
VALUED = "|="
WORLD = "world"  # the place of a figure its sentence counts worldwide, or across several countries


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

def counted_head(counted: str) -> str:
    """The word a counted phrase is about, singular: 'national vote' → 'vote', 'vote in Wales'
    → 'vote', 'wage increases of the union' → 'increase'."""
    phrase = re.split(r"\s+(?:of|in|for|at|on|from|by|to|with)\s+", counted.strip().lower())[0]
    return singular(phrase.split()[-1]) if phrase.split() else ""



def counted_key(counted: str, unit: str) -> str:
    """Normalised counted phrase: lower-case singular words, neutral modifiers dropped,
    person synonyms folded into one head."""
    written = [singular(w) for w in re.findall(r"[a-z][a-z'\-]*", counted.lower())]
    words = [w for w in written if w not in NEUTRAL_MODIFIERS]
    if not words:
        return "person" if unit == "people" else unit
    head, modifiers = words[-1], [w for w in words[:-1] if w not in REPORTING_MODIFIERS]
    if unit == "people" and head in MEASURE_HEADS:
        return " ".join([*(w for w in written[:-1] if w in DISTINGUISHING), "person"])
    if unit == "people" and head in PERSON_HEADS:
        head = "person"
        # 'injured people' of an injured count are its people: the measure already says so
        modifiers = [w for w in modifiers if w not in MEASURE_HEADS]
    return " ".join([*modifiers, head])


# Measures that count people whatever noun the sentence used ('3 deaths', '24 cases').
PEOPLE_MEASURES = frozenset(
    "killed injured killed_or_injured missing displaced evacuated evacuation_warned affected cases "
    "hospitalised rescued recovered detained".split()
)


# Measures that say what they count: '3.4 million customers' or 'homes and businesses'
# without power are one outage count, whatever noun the sentence chose.
SELF_COUNTED = frozenset(
    "power_outages records_affected area_burned structures_destroyed structures_damaged jobs votes "
    "seats".split()
)


def counted_of(figure: Figure) -> str:
    """The counted part of the key: the measure itself where it says what it counts, and for
    sums of money with a known measure (what a sum is of is the measure: 'insured losses',
    'the best estimate'), nothing more."""
    if figure.measure in SELF_COUNTED or (figure.unit == "currency" and figure.measure != "other"):
        counted = figure.measure
    else:
        counted = counted_key(figure.counted, unit_key(figure))
    return f"{counted} of {figure.holder}" if figure.holder else counted


def unit_key(figure: Figure) -> str:
    if figure.measure in SELF_COUNTED and figure.unit in ("people", "count"):
        return "count"
    if figure.unit == "count" and figure.measure in PEOPLE_MEASURES:
        return "people"
    if figure.unit == "currency":
        return f"currency:{figure.currency or '?'}"
    return figure.unit


def claim_key(figure: Figure) -> str:
    """`counted|measure|unit|period|place|incident`, e.g. `person|killed|people|*|ES|flood`."""
    period = (figure.scope or "*") + (f" per {figure.rate}" if figure.rate else "")
    parts = [counted_of(figure), figure.measure, unit_key(figure), period, place_key(figure),
             figure.incident or "?"]
    key = "|".join(parts)
    if not is_vague(figure):
        return key
    return valued_key(key, figure) if figure.place or figure.incident else own_key(key, figure)


def valued_key(key: str, figure: Figure) -> str:
    """A frame placed and in an incident but with nothing particular counted ('350 people on
    board'): the same number said again there is the same statement, another number another
    fact, so its value is part of its key."""
    return f"{key}{VALUED}{figure.value:.15g}-{figure.value_max or 0:.15g}"


def place_key(figure: Figure) -> str:
    """The place the sentence states ('world' for a count it makes worldwide), else the
    article's country; but a population a proper name qualifies ('Chinese nationals', 'North
    Korean troops', 'Gaza residents') is the same wherever the article is datelined, and
    inherits no country. A sum is no population: '2 trillion Turkish lira' is the article's."""
    if figure.place_stated or figure.unit == "currency" or not proper_qualified(
            figure.counted, figure.evidence, figure.entities):
        return figure.place or (WORLD if figure.place_stated else "?")
    return "*"


# Entities whose names say whose or which thing is counted, not whose population it is
# ('Boeing aircraft', 'Meta users' are counted wherever an article is, not everywhere).
NOT_POPULATIONS = frozenset(["ORG", "PERSON", "PRODUCT", "FAC", "WORK_OF_ART", "LAW", "EVENT"])


def proper_qualified(counted: str, sentence: str, entities: list[Entity] | tuple = ()) -> bool:
    """A capitalised modifier that is not just the sentence's first word ('Elderly residents
    numbering 300 ...') and names a people or a place, not an organisation or a product."""
    words = counted.split()[:-1]
    if words and sentence.lstrip(" \"'“‘").startswith(words[0]):
        words = words[1:]
    named = {w for e in entities if e.label in NOT_POPULATIONS for w in e.text.split()}
    return any(w[:1].isupper() and w not in named for w in words)


# What an incident itself does to property (damage, losses) is the incident's; any other sum is
# in someone's books (a cost, a payment, a fine, a budget, a pay rise) and says who it is by
# its holder, without which a story's many sums are not told apart.
INCIDENT_SUMS = frozenset(["damage", "loss"])


def is_vague(figure: Figure) -> bool:
    """Too vague to be the same fact as anything else: nowhere and in no incident, an unknown
    measure of nothing in particular or of people, a sum in nobody's books, or records exposed
    in no company's breach."""
    if figure.unit == "currency" and figure.holder is None and figure.measure not in INCIDENT_SUMS:
        return True  # the same sum said again, not another sum of the story
    if figure.measure == "records_affected" and figure.holder is None:
        return True  # what a breach exposed is the breached company's: in nobody's, it is nobody's
    if figure.place is None and figure.incident is None:
        return counted_key(figure.counted, unit_key(figure)) in (figure.unit, "people", "person")
    # people of whom nothing known happened ('four passengers ... have sued' beside '171
    # passengers'): nothing says two such counts are of the same people
    return figure.measure == "other" and (
        figure.unit == "people" or counted_key(figure.counted, figure.unit) in (figure.unit, "person"))


def own_key(key: str, figure: Figure) -> str:
    """A key no other statement has: the frame, then what the figure says in which words (its
    value and its sentence, spaced and cased alike). Only a copy of the sentence (a syndicated
    or re-published article) shares it, and the claim then records it as a copy."""
    words = " ".join(figure.evidence.lower().split())
    said = f"{figure.value}|{figure.value_max}|{figure.qualifier}|{words}"
    return f"{key}|{OWN}{hashlib.sha1(said.encode()).hexdigest()[:10]}"


def claim_id(key: str) -> str:
    return "c" + hashlib.sha1(key.encode()).hexdigest()[:12]
