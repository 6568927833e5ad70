"""Numbers that are not claims: dates, times, ages, durations, years, distances, multipliers,
labels ('157th', 'Brigade 155', 'magnitude 6.8'), anaphoric small numbers ('the two sides'),
hypotheticals ('even if there were 150') and counts of the sources quoted."""

import re

from babel.units import format_unit
from spacy.tokens import Token

from services.extract.amounts import Amount
from services.extract.events import is_person_noun, verb_above
from services.extract.scope import Scope
from services.extract.words import EVENT_OF_NOUN, EVENT_OF_WORD

MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DATE_BEFORE = re.compile(rf"\b{MONTH}\s*$", re.IGNORECASE)
DATE_AFTER = re.compile(rf"^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?{MONTH}\b", re.IGNORECASE)
TIME_AFTER = re.compile(r"^\s*(?::\d|[ap]\.?m\b|gmt|utc|local time|o'clock)", re.IGNORECASE)
DURATION_AFTER = re.compile(
    r"^(?:\s|-)*(?:(?:more|other|additional|straight|consecutive)\s+)?(?:second|minute|hour|day|"
    r"night|week|month|year|decade|centur|min|hr)(?:y|ies|s)?\b",
    re.IGNORECASE,
)
AGE_BEFORE = re.compile(r"\b(?:aged?|ages|age of|between the ages of)\s*$", re.IGNORECASE)
AGE_AFTER = re.compile(
    r"^\s*(?:-?\s*years?[- ]olds?|-year-olds?|-?\s*(?:to|and|-)\s*\d+[- ]years?[- ]olds?)",
    re.IGNORECASE,
)
# Lengths ('35 km (22 miles) northwest', 'a 375-metre bridge', '20 to 30 meters long'): a
# distance, depth or size, never a count. Unit names from CLDR (babel), British and American
# spellings, without one-letter or word-like abbreviations ('m' is also million, 'in' a
# preposition) and without inches (a rainfall, '6 to 22 inches', is reported as a claim).
LENGTH_UNITS = ("kilometer", "meter", "mile", "nautical-mile", "yard", "foot")


def length_words() -> list[str]:
    """'kilometres', 'km', 'feet', 'nautical miles' ...: each unit written for one and for two,
    long and short, as babel formats it; longest first."""
    words = {
        format_unit(n, f"length-{unit}", length=length, locale=locale).lstrip("0123456789 ")
        for locale in ("en", "en_GB")
        for unit in LENGTH_UNITS
        for n in (1, 2)
        for length in ("long", "short")
    }
    kept = (w for w in words if w.replace(" ", "").isalpha() and len(w) > 1 and w != "in")
    return sorted(kept, key=len, reverse=True)


LENGTH_AFTER = re.compile(
    rf"^\s*-?\s*(?:(?:to|-|–)\s*[\d.,]+\s*-?\s*)?(?:{'|'.join(map(re.escape, length_words()))})\b",
    re.IGNORECASE,
)
# Speeds, temperatures, rainfall: measurements, not counts ('winds of 150 km/h').
MEASURE_AFTER = re.compile(
    r"^\s*(?:km/h|kph|mph|knots|°|degrees|millimet(?:er|re)s|mm\b|cm\b|centimet(?:er|re)s)",
    re.IGNORECASE,
)
TIMES_AFTER = re.compile(r"^\s*-?\s*(?:times|fold)\b", re.IGNORECASE)
LABEL_BEFORE = re.compile(
    r"\b(?:Article|Section|Chapter|Unit|Brigade|Battalion|Regiment|Division|Route|Highway|Flight"
    r"|Photo|Page|Part|No\.|Number|Resolution|Paragraph|Level|Category|Phase|Stage|Round|Episode"
    r"|Season|Vol\.|Volume|Room|Gate|Terminal|Block|Building|Line|Item|[Mm]agnitude|[Gg]rade"
    r"|[Ll]evel|[Cc]ategory|[Ff]orce|[Aa]ged?)[\s-]*$"  # 'magnitude 6.8', 'a magnitude-7.6 quake'
)
ANAPHORIC = frozenset(["the", "these", "those", "both", "all", "other", "first", "last"])
SMALL_WORDS = frozenset(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"])


# '990 cases per 100,000 inhabitants': the base a rate is counted on, not a count
RATE_BASE_BEFORE = re.compile(r"\bper\s+$", re.IGNORECASE)


def is_context_excluded(text: str, amount: Amount) -> bool:
    """Dates, times, ages, durations, years and labels: numbers that are not counts."""
    before, after = (
        text[max(0, amount.start - 30) : amount.start],
        text[amount.end : amount.end + 30],
    )
    if amount.currency or amount.percent:
        return bool(DATE_BEFORE.search(before) and not amount.currency)
    checks = (
        DATE_BEFORE.search(before),
        DATE_AFTER.match(after),
        TIME_AFTER.match(after),
        DURATION_AFTER.match(after),
        AGE_BEFORE.search(before),
        AGE_AFTER.match(after),
        LABEL_BEFORE.search(before),
        TIMES_AFTER.match(after),
        LENGTH_AFTER.match(after),
        MEASURE_AFTER.match(after),
        RATE_BASE_BEFORE.search(before),
    )
    return any(checks) or is_year(text, amount) or is_vague_word(text, amount)


def is_year(text: str, amount: Amount) -> bool:
    surface = text[amount.start : amount.end]
    return bool(re.fullmatch(r"(?:1[89]|20|21)\d\d", surface)) or bool(
        re.fullmatch(r"(?:1[89]|20)\d\d\s*[-–]\s*(?:1[89]|20)?\d\d", surface)
    )


def is_vague_word(text: str, amount: Amount) -> bool:
    """Small word-numbers after 'the' ('the two sides') are not counts ('one': `is_pronoun_one`)."""
    surface = text[amount.start : amount.end].lower()
    if not amount.words:
        return False
    if amount.qualifier != "exact":
        return False
    previous = re.findall(r"[a-z]+", text[max(0, amount.start - 12) : amount.start].lower())
    return surface in SMALL_WORDS and bool(previous) and previous[-1] in ANAPHORIC


def is_pronoun_one(amount: Amount, token: Token, noun: Token | None) -> bool:
    """'one of the largest', 'one key issue', 'no one': 'one' counts only a death ('one death'),
    a person something befell ('one nurse had died') or listed beside other counts ('113 women
    and one man'), or a place's share in a list of shares ('two in Anamizu, one in Hakui')."""
    if amount.value != 1 or not amount.words:
        return False
    if noun is not None and token.dep_ == "nummod" and counts_one(noun):
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if after is None or after.pos_ != "ADP" or after.lower_ == "of":
        return True
    earlier = [t for t in token.sent if t.i < token.i and t.like_num]  # '5 died in A and one in B'
    return not any(after.lower_ in {w.lower_ for w in token.doc[t.i + 1 : token.i]} for t in earlier)


def counts_one(noun: Token) -> bool:
    if noun.lemma_.lower() in EVENT_OF_NOUN:
        return True
    if not (is_person_noun(noun) or noun.ent_type_ == "NORP"):
        return False
    listed = noun.dep_ == "conj" or any(c.dep_ == "conj" for c in noun.children)
    verb = verb_above(noun)
    befell = verb is not None and any(w.lemma_.lower() in EVENT_OF_WORD for w in (verb, *verb.children))
    return listed or befell


def in_scope_phrase(amount: Amount, scopes: list[Scope]) -> bool:
    return any(s.start <= amount.start < s.end for s in scopes)


def is_hypothetical(token: Token) -> bool:
    """'even if there were 150 ...': the figure sits under an if-clause."""
    for ancestor in [token, *token.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in ancestor.children):
            return True
    return False


def is_source_description(noun: Token | None) -> bool:
    """'Two U.S. officials ... told Reuters': a count of the people quoted, not a claim."""
    if noun is None or noun.dep_ != "nsubj":
        return False
    return noun.head.lemma_.lower() in ("say", "tell", "add", "confirm", "speak", "write")


def is_name_number(token: Token, noun: Token | None) -> bool:
    """'near 10 Downing Street', 'at 221 Baker Street', 'a Boeing 787 Dreamliner': a number on a
    singular proper noun, with only proper nouns between, is part of a name or an address, not
    a count (and the 'near' before it is a place, not a qualifier); a maker's or a people's name
    counts what they make or who they are ('101 Boeing 737 jets', '300 Syrians')."""
    if noun is None or noun.i <= token.i or noun.tag_ != "NNP":
        return False
    if noun.ent_type_ in ("NORP", "ORG", "PRODUCT"):
        return False
    return all(t.pos_ == "PROPN" and t.is_title for t in token.doc[token.i + 1 : noun.i + 1])
