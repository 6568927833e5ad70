"""Values given in passing as earlier ones: 'up from 36', 'rose from 95 to 158', 'the previous
toll of 205', 'below the 217 given by the emergency services'. Read from the parse; no I/O."""

from spacy.tokens import Token

from services.extract.counting import compared_from
from services.extract.figures import of_holder
from services.extract.locating import VALUE_VERBS
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
    # 'an initial $15 million', 'an initial 300 troops': a first part, not a previous value
    modifiers = [c for c in modifiers if not (c.head == token and c.lower_ == "initial")]
    if holds_value and any(says_earlier(c) for c in modifiers):
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
    holder = of_holder(anchor)
    if holder is None:
        return False
    earlier = any(says_earlier(c) for c in holder.children if c.dep_ == "amod")
    return earlier or compared_from(holder)


def says_earlier(word: Token) -> bool:
    """'previous', 'initial', 'an earlier count': the word, not only its lemma, since the model
    lemmatises 'earlier' to 'early' ('an early count' is no earlier one). Only on a noun: 'a
    year earlier' after a number dates it to another period, it gives no earlier statement."""
    on_noun = word.dep_ == "amod" and word.lower_ in EARLIER_MODIFIERS
    return on_noun or word.lemma_.lower() in EARLIER_MODIFIERS


def clause_verb(anchor: Token) -> Token | None:
    """The verb of the clause a figure is told in: the first verb at or above it."""
    return next((a for a in [anchor, *anchor.ancestors] if a.pos_ in ("VERB", "AUX")), None)


def past_perfect(anchor: Token) -> bool:
    """'The toll had stood at 233 late on Friday', 'the company had reported 16 deaths': a value
    told in the past perfect is one the story has since moved on from; not in reported speech,
    whose tense only follows the speech verb's ('officials said nine had died')."""
    verb = clause_verb(anchor)
    if verb is None or verb.tag_ != "VBN":
        return False
    # 'The toll had stood at 131 dead and 86 injured', 'the broadcaster had reported 512 dead and
    # 1,240 injured': a verb joined to another by 'and', with no auxiliary of its own, shares the other's
    while not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and verb.dep_ == "conj" \
            and verb.head.tag_ == "VBN":
        verb = verb.head
    if any(a.lemma_.lower() in SPEECH_VERBS for a in verb.ancestors):
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


# How a time phrase hangs on a verb: 'stood at 1,508 on Thursday evening', 'A week ago the sum
# stood at ...', 'On Saturday night, the count stood at ...'. A phrase opened by one of
# CUMULATIVE dates a running total as it stands ('as of Sunday', 'by Thursday'), not a past one.
TIME_DEPS = frozenset("prep npadvmod advmod".split())
CUMULATIVE = frozenset("as by since through until till from".split())
# Verbs that give a count as it was found, beside those of levels, giving and speech.
RECORDING = frozenset("record confirm".split())


def day_phrases(token: Token, anchor: Token, passing: bool) -> list[str]:
    """Time phrases that date a value, nearest first: on its own verb when that gives a level
    or a report ('the toll stood at 2,012 on Saturday night', 'the ministry reported 36 cases
    on Thursday'), then on the speech verb that gives it ('Abbott said on Monday that 101
    people ...'); never one of a happening ('26 men were rescued on Monday' counts that day's
    rescues), of another clause ('..., and on Friday it gave a toll of 1,800': not the first
    clause's day) or of another number ('rose to 50 from 36 on Tuesday' dates the 36). A value
    the parse gives as an earlier one ('up from 64 on Tuesday night') is dated only by its own
    phrase: the clause's time is the current value's."""
    if passing:  # 'from 64 on Saturday night': the words of the preposition that holds it
        holder = anchor.head if anchor.dep_ == "pobj" else anchor
        return times_in(list(holder.subtree))
    verb = clause_verb(anchor)
    part = any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
    if verb is None or not told_in_the_past(verb) or part:
        return []  # 'Ten patients are being treated', '14 of its citizens': now, or a part of a count
    heads = [verb] if verb.lemma_.lower() in VALUE_VERBS | GIVEN | SPEECH_VERBS | RECORDING else []
    below = verb
    for ancestor in verb.ancestors:  # the speech verbs that give its clause
        if ancestor.lemma_.lower() in SPEECH_VERBS:
            if below.dep_ == "conj":
                break  # '..., and on Friday it gave ...': a clause beside the speech, not in it
            heads.append(ancestor)
        below = ancestor
    own = set(token.subtree)  # '43.1 million': the figure's own words
    phrases = when_clause_time(verb)
    for head in heads:
        for child in head.children:
            words = list(child.subtree)
            other_number = any(w.like_num and w.ent_type_ not in ("DATE", "TIME") and w not in own
                               and token not in w.subtree for w in words)
            if child.dep_ in TIME_DEPS and child.lower_ not in CUMULATIVE and not other_number:
                phrases += times_in(words)
    return phrases


def when_clause_time(verb: Token) -> list[str]:
    """'a sharp rise from Sunday, when the ministry reported 1,870 deaths', 'By Friday's count,
    when the toll stood at 610': a 'when' clause on a time is told of that time."""
    if verb.dep_ not in ("relcl", "advcl") or not any(c.lower_ == "when" for c in verb.children):
        return []
    clause = set(verb.subtree)
    return times_in([w for w in verb.head.subtree if w not in clause])


def times_in(words: list[Token]) -> list[str]:
    """The dates and times the model found beginning among these words."""
    if not words:
        return []
    inside = {w.i for w in words}
    return [e.text for e in words[0].doc.ents if e.label_ in ("DATE", "TIME") and e.start in inside]


def told_in_the_past(verb: Token) -> bool:
    """'stood', 'was', 'had reported', 'were confirmed': a past form with no present
    auxiliary ('are treated', 'has risen' tell how things stand)."""
    present = any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBP", "VBZ", "MD") for c in verb.children)
    return verb.tag_ in ("VBD", "VBN") and not present
