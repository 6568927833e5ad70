"""Values given in passing as earlier ones: 'up from 36', 'rose from 95 to 158', 'the previous
toll of 205', 'below the 217 given by the emergency services'. Read from the parse; no I/O."""

from spacy.tokens import Token

from services.extract.counting import compared_from
from services.extract.speakers import SPEECH_VERBS
from services.extract.words import VALUE_NOUNS

EARLIER_MODIFIERS = frozenset("previous earlier initial prior preliminary".split())
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
    first = first_conjunct(anchor)  # 'up from 16,000 cases and 548 deaths': both are earlier
    governor = first if first.dep_ == "pobj" else token
    if governor.dep_ != "pobj" or holder_is_earlier(governor):
        return governor.dep_ == "pobj"
    prep = governor.head
    if compared_from(governor):  # the extractor's own reading of 'up from 36', 'rose from 95'
        return True
    given = any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in GIVEN for w in words for c in w.children)
    return prep.lower_ in COMPARATIVE and given


def first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def holder_is_earlier(anchor: Token) -> bool:
    """'the previous official toll of 205', 'down from a peak of 180,000': the figure is 'of' a
    noun an earlier-word modifies or that is itself the level compared from."""
    if anchor.head.lower_ != "of" or anchor.dep_ != "pobj":
        return False
    holder = anchor.head.head
    earlier = any(c.lemma_.lower() in EARLIER_MODIFIERS for c in holder.children if c.dep_ == "amod")
    return earlier or compared_from(holder)


def past_perfect(anchor: Token) -> bool:
    """'The toll had stood at 233 late on Friday', 'the company had reported 16 deaths': a value
    told in the past perfect is one the story has since moved on from; not in reported speech,
    whose tense only follows the speech verb's ('officials said nine had died')."""
    verb = next((a for a in [anchor, *anchor.ancestors] if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.tag_ != "VBN" or any(a.lemma_.lower() in SPEECH_VERBS for a in verb.ancestors):
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)
