"""The counted noun of a figure and its unit, read from the parse."""

from spacy.tokens import Doc, Span, Token

from services.extract.amounts import Amount
from services.extract.events import is_person_noun, people_state
from services.extract.numbers import WORD_SCALES
from services.extract.words import PEOPLE

NOUNISH = ("NOUN", "PROPN", "ADJ")
COMPARATIVES = frozenset(["more", "fewer", "less"])


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
        or t.lower_ in WORD_SCALES
    ]
    return numeric[-1] if numeric else span[-1]


def counted_noun(token: Token) -> Token | None:
    """The noun the number counts: its head ('12,000 troops'), 'N of X' ('10.000 of its men',
    'Thirty-one of the dead'), or the state of people after it ('16 dead')."""
    if (state := people_state(token)) is not None:
        return state
    last = token
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
    if (split := split_noun(last, token)) is not None:
        return split
    for child in token.children:
        if child.i == token.i + 1 and child.dep_ in ("amod", "acl") and child.lower_ in PEOPLE:
            return child  # headline 'Seven dead and dozens injured'
        if child.dep_ == "prep" and child.lower_ == "of":
            # 'Eleven of the injured': a participle used as a noun for people counts too
            objects = [
                c for c in child.children if c.dep_ == "pobj" and (c.pos_ in NOUNISH or c.lower_ in PEOPLE)
            ]
            if objects:
                return objects[0]
    return None


def split_noun(last: Token, first: Token) -> Token | None:
    """'between 4,000 and 5,000 structures' parsed as two objects of 'between': the noun right
    after a range, hung on the same word as the range, is what it counts."""
    after = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    if after is None or after.pos_ != "NOUN":
        return None
    return after if after.head == first.head and after.dep_ == first.dep_ else None


def noun_phrase(noun: Token, after: int) -> str:
    """The noun with its modifiers that follow the number: 'North Korean army troops'; 'more'
    or 'fewer' compares the number, it is not part of what is counted ('15 more patients')."""
    words = [
        t
        for t in noun.doc[after : noun.i + 1]
        if t.i in {x.i for x in noun.subtree}
        and t.dep_ not in ("det", "poss", "punct", "case", "nummod", "quantmod")
        and t.lower_ not in COMPARATIVES
        and not t.like_num
        and not t.is_space
    ]
    return noun.doc[words[0].i : noun.i + 1].text if words else ""


def of_holder(token: Token) -> Token | None:
    """The noun a number is the 'of' object of: 'a toll of 205' → toll."""
    return token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None


def subtree_span(token: Token) -> Span:
    """The whole phrase a word heads: 'the Red Crescent in Benghazi' for 'Crescent'."""
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


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


def counts_the_dead(noun: Token) -> bool:
    """'279 bodies' are people (not 'governing bodies')."""
    bare = not any(c.dep_ in ("amod", "compound") for c in noun.children)
    return noun.lemma_.lower() == "body" and bare


def unit_of(amount: Amount, noun: Token | None) -> str:
    if amount.currency:
        return "currency"
    if amount.percent:
        return "percent"
    if noun is None:
        return "count"
    if noun.i > 0 and people_state(noun.doc[noun.i - 1]) == noun or counts_the_dead(noun):
        return "people"
    if is_person_noun(noun) or (noun.ent_type_ == "NORP" and noun.tag_ in ("NNS", "NNPS")):
        return "people"
    return "count"
