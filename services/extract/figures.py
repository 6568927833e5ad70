"""Which amounts are claims, and what each counts: noun, unit and event, read from the parse."""

import re

from spacy.tokens import Doc, Token

from services.extract.amounts import Amount
from services.extract.events import NOT_PEOPLE, PEOPLE, PERSON_SUFFIXES
from services.extract.scope import Scope

MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DATE_BEFORE = re.compile(rf"\b{MONTH}\s*$", re.IGNORECASE)
DATE_AFTER = re.compile(rf"^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?{MONTH}\b", re.IGNORECASE)
TIME_AFTER = re.compile(r"^\s*(?::\d|[ap]\.?m\b|gmt|utc|local time|o'clock)", re.IGNORECASE)
DURATION_AFTER = re.compile(
    r"^(?:\s|-)*(?:(?:more|other|additional|straight|consecutive)\s+)?(?:second|minute|hour|day|"
    r"night|week|month|year|decade|centur)(?:y|ies|s)?\b",
    re.IGNORECASE,
)
AGE_BEFORE = re.compile(r"\b(?:aged?|ages|age of|between the ages of)\s*$", re.IGNORECASE)
AGE_AFTER = re.compile(
    r"^\s*(?:-?\s*years?[- ]olds?|-year-olds?|-?\s*(?:to|and|-)\s*\d+[- ]years?[- ]olds?)",
    re.IGNORECASE,
)
DISTANCE_AFTER = re.compile(
    r"^\s*(?:nautical\s+)?(?:miles?|km|kilomet(?:er|re)s?|met(?:er|re)s?|feet|yards)\s+"
    r"(?:\w+\s+)?(?:north|south|east|west|from|of|off|away|inland|outside|offshore)\b",
    re.IGNORECASE,
)
TIMES_AFTER = re.compile(r"^\s*-?\s*(?:times|fold)\b", re.IGNORECASE)
LABEL_BEFORE = re.compile(
    r"\b(?:Article|Section|Chapter|Unit|Brigade|Battalion|Regiment|Division|Route|Highway|Flight"
    r"|Photo|Page|Part|No\.|Number|Resolution|Paragraph|Level|Category|Phase|Stage|Round|Episode"
    r"|Season|Vol\.|Volume|Room|Gate|Terminal|Block|Building|Line|Item|[Mm]agnitude|[Gg]rade"
    r"|[Ll]evel|[Cc]ategory|[Ff]orce|[Aa]ged?)\s*$"
)
NOUNISH = ("NOUN", "PROPN", "ADJ")
ANAPHORIC = frozenset(["the", "these", "those", "both", "all", "other", "first", "last"])
SMALL_WORDS = frozenset(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"])


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
        DISTANCE_AFTER.match(after),
    )
    return any(checks) or is_year(text, amount) or is_vague_word(text, amount)


def is_year(text: str, amount: Amount) -> bool:
    surface = text[amount.start : amount.end]
    return bool(re.fullmatch(r"(?:1[89]|20|21)\d\d", surface)) or bool(
        re.fullmatch(r"(?:1[89]|20)\d\d\s*[-–]\s*(?:1[89]|20)?\d\d", surface)
    )


def is_vague_word(text: str, amount: Amount) -> bool:
    """'one', and small word-numbers after 'the' ('the two sides'), are not counts."""
    surface = text[amount.start : amount.end].lower()
    if amount.qualifier != "exact" or not amount.words:
        return False
    if surface == "one":
        return True
    previous = re.findall(r"[a-z]+", text[max(0, amount.start - 12) : amount.start].lower())
    return surface in SMALL_WORDS and bool(previous) and previous[-1] in ANAPHORIC


def in_scope_phrase(amount: Amount, scopes: list[Scope]) -> bool:
    return any(s.start <= amount.start < s.end for s in scopes)


def number_token(doc: Doc, amount: Amount) -> Token | None:
    """The last numeric token of the amount (the one the counted noun hangs on)."""
    span = doc.char_span(amount.start, amount.end, alignment_mode="expand")
    if span is None:
        return None
    numeric = [
        t
        for t in span
        if t.like_num
        or t.pos_ == "NUM"
        or t.lower_ in ("million", "billion", "thousand", "hundred", "trillion")
    ]
    return numeric[-1] if numeric else span[-1]


def counted_noun(token: Token) -> Token | None:
    """The noun the number counts: its head ('12,000 troops'), 'N of X' ('10.000 of its men',
    'Thirty-one of the dead')."""
    while token.dep_ in ("conj", "compound") and token.head.pos_ == "NUM" and token.head.i < token.i:
        token = token.head
    head = token.head
    while head.i > token.i and head.pos_ == "NUM" and head.head is not head:
        head = head.head
    if (
        token.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "appos")
        and head.i > token.i
        and head.pos_ in ("NOUN", "PROPN")
        and head.text != "%"
    ):
        return head
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in NOUNISH]
            if objects:
                return objects[0]
    return None


def noun_phrase(noun: Token, after: int) -> str:
    """The noun with its modifiers that follow the number: 'North Korean army troops'."""
    words = [
        t
        for t in noun.doc[after : noun.i + 1]
        if t.i in {x.i for x in noun.subtree}
        and t.dep_ not in ("det", "poss", "punct", "case", "nummod", "quantmod")
        and not t.like_num
        and not t.is_space
    ]
    return phrase(words)


def phrase(words: list[Token]) -> str:
    """Tokens back to text with their own spacing: '18- to 20-year-olds', not '20 - year'."""
    return "".join(t.text_with_ws for t in sorted(words, key=lambda t: t.i)).strip()


def with_of_tail(noun: Token, text: str) -> str:
    """'112 reports of irregularities': things counted keep what they are of."""
    tails = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > noun.i]
    return f"{text} {phrase(list(tails[0].subtree))}" if tails else text


def whole_phrase(noun: Token) -> str:
    """The noun with its modifiers and prepositional phrases: 'Spending on schools'."""
    cut = {t.i for c in noun.children if c.dep_ in ("relcl", "acl", "appos", "punct") for t in c.subtree}
    words = [t for t in noun.subtree if t.i not in cut and t.dep_ not in ("det", "poss") and not t.is_space]
    return phrase(words)


def is_person_noun(noun: Token) -> bool:
    """People nouns: a vocabulary, agent suffixes ('assistants', 'Serbians'), plural NORPs."""
    lemma = noun.lemma_.lower()
    if lemma in PEOPLE or noun.lower_ in PEOPLE:
        return True
    if noun.ent_type_ == "NORP" and noun.tag_ in ("NNS", "NNPS"):
        return True
    return noun.tag_ == "NNS" and lemma.endswith(PERSON_SUFFIXES) and lemma not in NOT_PEOPLE


def unit_of(amount: Amount, noun: Token | None) -> str:
    if amount.currency:
        return "currency"
    if amount.percent:
        return "percent"
    if noun is not None and (
        is_person_noun(noun) or (noun.ent_type_ == "NORP" and noun.tag_ in ("NNS", "NNPS"))
    ):
        return "people"
    return "count"


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
