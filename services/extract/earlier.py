"""Values given in passing as earlier ones: 'up from 36', 'rose from 95 to 158', 'the previous
toll of 205', 'below the 217 given by the emergency services'. Read from the parse; no I/O."""

from spacy.tokens import Token

CHANGE_WORDS = frozenset(
    "up down rise climb increase jump grow fall drop decline decrease revise raise lower "
    "change update correct reduce".split()
)
EARLIER_MODIFIERS = frozenset("previous earlier initial prior preliminary".split())
# Nouns that hold a value ('the previous toll of 205'); 'three former employees' are people.
VALUE_NOUNS = frozenset("toll figure count estimate tally number total".split())
COMPARATIVE = frozenset("below above than under".split())
GIVEN = frozenset("give report cite announce put publish state".split())


def is_earlier(token: Token, noun: Token | None) -> bool:
    """A value given in passing as a previous one: 'up from 36', 'rose from 36 to 40', 'the
    previous toll of 205', 'below the 217 given by the emergency services at the weekend'."""
    anchor = noun if noun is not None else token
    words = {token, anchor}
    modifiers = [c for w in words for c in w.children if c.dep_ in ("amod", "advmod")]
    holds_value = noun is None or noun.lemma_.lower() in VALUE_NOUNS
    if holds_value and any(c.lemma_.lower() in EARLIER_MODIFIERS for c in modifiers):
        return True
    governor = anchor if anchor.dep_ == "pobj" else token
    if governor.dep_ != "pobj" or holder_is_earlier(governor):
        return governor.dep_ == "pobj"
    prep = governor.head
    if prep.lower_ == "from" and prep.head.lemma_.lower() in CHANGE_WORDS and moved_to(prep.head):
        return True
    given = any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in GIVEN for w in words for c in w.children)
    return prep.lower_ in COMPARATIVE and given


def moved_to(change: Token) -> bool:
    """'up from 36', 'rose from 95 to 158', 'fell to 102, from 103': the change has a new value
    ('raised $5 million from 40 investors' has none)."""
    if change.lower_ in ("up", "down"):
        return True
    return any(c.lower_ == "to" and c.dep_ in ("prep", "dative") for c in change.children)


def holder_is_earlier(anchor: Token) -> bool:
    """'the previous official toll of 205': the figure is 'of' a noun an earlier-word modifies."""
    if anchor.head.lower_ != "of" or anchor.dep_ != "pobj":
        return False
    holder = anchor.head.head
    return any(c.lemma_.lower() in EARLIER_MODIFIERS for c in holder.children if c.dep_ == "amod")
