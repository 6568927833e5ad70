"""Which time scope belongs to which figure: the nearest one hanging on the figure's own
clause, after it first ('31 signed up in 2023 and another 20 in the first five months of
2024'), never a comparison's baseline ('twice as many as in spring 2024')."""

import re

from spacy.tokens import Doc, Span, Token

from services.extract.earlier import EARLIER_MODIFIERS
from services.extract.events import has_own_subject, verb_above
from services.extract.incidents import HARM_VERBS, incident_at
from services.extract.measures import FALLBACK_MEASURE, GOVERNOR_MEASURE
from services.extract.scope import MONTHS, Scope
from services.extract.speaker_names import is_happening, is_stage
from services.extract.speakers import SPEECH_VERBS

BASELINE = re.compile(r"\b(?:as|than|compared (?:with|to)|versus|vs\.?|from)\s*$", re.IGNORECASE)


def is_baseline(text: str, start: int) -> bool:
    """'twice as many as in spring 2024', 'up from 54% in 2023': a comparison's baseline."""
    return bool(BASELINE.search(text[max(0, start - 20) : start]))


def clause_of(token: Token, anchor: Token) -> set[int]:
    """Token indices a time scope may hang on: the figure's ancestors up to a coordinated
    clause, the counted phrase, the verb's own phrases ('through a center between June 2023
    and May 2024') and what leads its clause ('In 2021, a quake killed ...')."""
    # an apposition renames the figure and dates itself ('crossed 1,000, a milestone in what is
    # the worst outbreak since records began in 2000')
    renaming = {t.i for c in anchor.children if c.dep_ == "appos" for t in c.subtree}
    allowed = {t.i for t in anchor.subtree if t.i not in renaming} | {token.i}
    verb = None
    for ancestor in token.ancestors:
        allowed.add(ancestor.i)
        if verb is None and ancestor.pos_ in ("VERB", "AUX"):
            verb = ancestor
        if ancestor.dep_ == "conj" and ancestor.pos_ in ("VERB", "AUX"):
            break
    if verb is None:
        return allowed
    # conjuncts share a scope unless both have their own subject ('X cut ... since 2022 and
    # 600 posts remained unfilled')
    shared = [c for c in verb.conjuncts if not (has_own_subject(c) and has_own_subject(verb))]
    verbs = [verb, *shared, *(c for c in verb.children if c.dep_ == "xcomp")]
    phrases = [c for v in verbs for c in v.children if c.dep_ == "prep"]
    leading = [c for c in verb.children if c.i < verb.i and c.dep_ not in ("nsubj", "nsubjpass")]
    return (
        allowed
        | {v.i for v in verbs}
        | {t.i for c in phrases for t in [c, *c.children]}
        | {t.i for c in leading for t in c.subtree}
    )


def scope_for(
    token: Token,
    anchor: Token,
    span: tuple[int, int],
    scopes: list[Scope],
    others: list[int],
    sent: Span,
    published_year: int | None = None,
) -> str | None:
    """The nearest scope after the figure (not past another figure), else the nearest before."""
    dated = dated_clause(token)
    if dated is not None:
        return dated
    allowed = clause_of(token, anchor)
    inside = [s for s in scopes if sent.start_char <= s.start < sent.end_char]
    text, offset = sent.text, sent.start_char
    attached = [
        s for s in inside if _head_of(sent.doc, s) in allowed and not is_baseline(text, s.start - offset)
        and not dates_the_saying(sent.doc[_head_of(sent.doc, s)], token)
        and not (opens(sent, s) and not tolled(sent.doc[_head_of(sent.doc, s)], anchor))
    ]
    after = [s for s in attached if s.start >= span[1] and not any(span[1] <= o < s.start for o in others)]
    before = [s for s in attached if s.end <= span[0]]
    if after or before:
        return after[0].value if after else before[-1].value
    return (subject_year(token, published_year) or antecedent_year(token, published_year)
            or previous_incident(token))


def counts_an_increment(token: Token, noun: Token | None) -> bool:
    """'The agency confirmed 14 more deaths', 'an additional 400 soldiers were sent': a count of
    what a report added, not the running total. 'More than 300' compares (its 'more' comes
    before the number), and '5 more deaths than last year' is a difference (`counts_a_difference`);
    'another 3,900 injured' after a toll is the injured, another group."""
    added = added_words(token, noun)
    counted = noun if noun is not None else token
    # 'authorities added five deaths in a nearby town', '14 deaths were added to the toll'
    if counted.dep_ in ("dobj", "nsubjpass") and counted.head.lemma_.lower() == "add":
        return True
    return not compared_with(added, noun) and any(w.dep_ in ("amod", "advmod") for w in added)


def counts_a_difference(token: Token, noun: Token | None) -> bool:
    """'The region recorded 5 more deaths than last year': how many more than another period or
    group, neither the count itself nor what one report added."""
    added = added_words(token, noun)
    return bool(added) and compared_with(added, noun)


def added_words(token: Token, noun: Token | None) -> list[Token]:
    words = [*token.children, *(noun.children if noun is not None else [])]
    return [w for w in words if w.lower_ == "additional" or (w.lower_ == "more" and w.i > token.i)]


def compared_with(added: list[Token], noun: Token | None) -> bool:
    """A 'than' on the 'more' or on the counted noun itself; not one deeper in a clause on the
    noun ('14 more cases among children younger than five' still adds 14)."""
    return any(t.lower_ == "than" for w in [*added, noun] if w is not None for t in w.children)


# The period of a difference from another count, which is neither that count nor this one.
DIFFERENCE = "difference"


# The period of a count of an incident before the article's own, when no year says which.
PREVIOUS = "previous"
# Words that put an incident before the one reported ('a previous epidemic', 'the last outbreak');
# 'initial' and 'preliminary' qualify counts of this one ('the preliminary toll').
BEFORE_THIS = (EARLIER_MODIFIERS - {"initial", "preliminary"}) | {"past", "last", "former"}


def previous_incident(token: Token) -> str | None:
    """'The previous typhoid epidemic infected 4,150 people', 'The first wave ended with 3,400
    infections': a count told in the simple past of an incident marked as an earlier one,
    or of the first stage of one (a wave, a round, a phase), counts that incident or stage, not
    the one the article reports. Not a count of now ('the previous government has hired 3,000',
    'the first wave has infected 300 so far')."""
    verb = verb_above(token)
    if verb is None or verb.tag_ != "VBD":
        return None
    holders = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and token not in c.subtree]
    return PREVIOUS if any(earlier_stage(h) for h in holders) else None


def earlier_stage(noun: Token) -> bool:
    """An incident an earlier-word modifies ('a previous epidemic'), or the first of the stages
    of something ('the first wave', 'the first round'): a later one ('the second wave') may be
    the stage the article reports. A stage is one thing: 'the first responders' are people."""
    modifiers = [c for c in noun.children if c.dep_ == "amod"]
    if is_stage(noun):
        return noun.tag_ == "NN" and any(c.ent_type_ == "ORDINAL" and c.lower_ == "first" for c in noun.lefts)
    # the word, not only its lemma: the model lemmatises 'earlier' to 'early'
    return is_happening(noun) and any({c.lemma_.lower(), c.lower_} & BEFORE_THIS for c in modifiers)


def antecedent_year(token: Token, published_year: int | None) -> str | None:
    """'the 1985 Mexico City earthquake, which killed 5,000 people': a relative clause in the past
    tense on an incident dated to a year before the article's counts that past incident. Not
    a thing that lasts ('the company, founded in 2015, which employs 3,000'), nor a dated
    thing that is no incident ('the ship, a 1998 ferry which carried 300')."""
    verb = verb_above(token)
    if verb is None or verb.dep_ != "relcl" or verb.tag_ != "VBD" or published_year is None:
        return None
    antecedent = verb.head
    while antecedent.dep_ == "appos":  # 'the Oct. 3, 2005 Hurricane Stan': the date heads the name
        antecedent = antecedent.head
    # the antecedent's own words: not the clause itself, nor another clause describing it
    left_out = {t.i for c in [verb, *(c for c in antecedent.children if c.dep_ in ("acl", "relcl"))]
                for t in c.subtree}
    own = [t for t in antecedent.subtree if t.i not in left_out]
    # an incident word, or a verb only an incident does ('the 2004 tsunami, which killed ...')
    if not any(incident_at(t) is not None for t in own) and verb.lemma_.lower() not in HARM_VERBS:
        return None
    years = [t for t in own if year_of(t) and int(t.text) < published_year]
    return years[0].text if years else None


def subject_year(token: Token, published_year: int | None = None) -> str | None:
    """'Landslides in 2017 killed 312 people': a year the subject of the figure's verb is put in
    dates its count; so does a year before the article's that names the past incident the
    subject is of ('Unofficial counts of the 2015 election put the deaths at about 600'). Not a
    year inside a clause on the subject ('a man born in 1990 killed 3', 'the company, founded
    in 1998, will cut 3,000 jobs') nor in a comparison ('fires worse than those in 2018')."""
    verb = verb_above(token)
    if verb is None:
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and token not in c.subtree]
    if not any(c.dep_.startswith("nsubj") for c in verb.children):
        subjects = lost_subject(verb)
    years = [o for s in subjects for p in s.children if p.dep_ == "prep" and p.lower_ == "in"
             for o in p.children if o.dep_ == "pobj" and year_of(o)]
    if years:
        return years[0].text
    if verb.tag_ != "VBD":  # 'the 2022 invasion has killed 10,000': a total that runs to now
        return None
    past = [t for s in subjects for t in own_words(s)
            if year_of(t) and published_year is not None and int(t.text) < published_year
            and incident_at(t.head) is not None]
    return past[0].text if past else None


# What a noun's own words leave out: clauses on it, and what it is compared with.
ASIDE_DEPS = frozenset("relcl acl advcl appos".split())
COMPARED = frozenset("than like as".split())


def own_words(noun: Token) -> list[Token]:
    """A noun's phrase without the clauses on it and what it is compared with."""
    aside = [c for c in noun.subtree if c.dep_ in ASIDE_DEPS or (c.dep_ == "prep" and c.lower_ in COMPARED)]
    left_out = {t.i for c in aside for t in c.subtree}
    return [t for t in noun.subtree if t.i not in left_out]


def lost_subject(verb: Token) -> list[Token]:
    """A verb the parser left without a subject ('... after two crashes in 2018 and 2019 killed
    346 people' hangs 'crashes' on 'after'): the noun right before it, with no other verb
    between them, is what it was said of."""
    before = [t for t in verb.sent if t.i < verb.i]
    for word in reversed(before):
        if word.pos_ in ("VERB", "AUX"):
            return []
        if word.pos_ == "NOUN" and word.dep_ != "compound":
            return [word]
    return []


# Verbs of a toll: a month that opens their sentence is the period counted ('In August, 342
# people died'); on any other verb it is when something happened ('In August, the count stood
# at 1,000', 'In May, USDA made $98 million available').
TOLL_VERBS = frozenset([
    *FALLBACK_MEASURE, *(w for w, m in GOVERNOR_MEASURE.items() if m in ("hospitalised", "cases"))])


def tolled(head: Token, anchor: Token) -> bool:
    """A toll's verb ('died', 'were admitted') or noun ('recorded 40 deaths')."""
    return head.lemma_.lower() in TOLL_VERBS or anchor.lemma_.lower() in TOLL_VERBS


def opens(sent: Span, scope: Scope) -> bool:
    """'In August, ...': a month without a year that opens the sentence."""
    written = sent.doc.text[scope.start : scope.end]
    return written.startswith("In ") and written[3:].lower() in MONTHS and (
        not sent.text[: scope.start - sent.start_char].strip())


def dates_the_saying(head: Token, token: Token) -> bool:
    """'In April, officials said 500 people had died': a time on the speech verb is when it was
    said, not the period of a figure in what was said ('reported 500 cases in June' is)."""
    return head.lemma_.lower() in SPEECH_VERBS and any(
        a.dep_ == "ccomp" and a.head == head for a in [token, *token.ancestors])


def _head_of(doc: Doc, scope: Scope) -> int:
    span = doc.char_span(scope.start, scope.end, alignment_mode="expand")
    return span.root.head.i if span is not None else -1


def dated_clause(token: Token) -> str | None:
    """'the worst since 2016, when 23 people died': a clause on a year happened in that year,
    and so does the participle that follows it ('since 1995, when two trains collided,
    killing 300 people'), wherever the parser hung it."""
    for ancestor in token.ancestors:
        if ancestor.dep_ == "relcl":
            return year_of(ancestor.head)
        if ancestor.dep_ == "advcl" and ancestor.tag_ == "VBG":
            before = ancestor.doc[ancestor.left_edge.i - 2] if ancestor.left_edge.i > 1 else None
            clause = next((t for t in before.ancestors if t.dep_ == "relcl"), None) if before else None
            if clause is not None and clause.right_edge.i == before.i:
                return year_of(clause.head)
    return None


def year_of(token: Token) -> str | None:
    return token.text if token.ent_type_ == "DATE" and YEAR.fullmatch(token.text) else None


YEAR = re.compile(r"(1[89]|20)\d\d")
