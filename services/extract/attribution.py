"""Who claims each figure across an article: the figure's own attribution, generic
speakers ('the agency', 'he') resolved to names seen earlier (coreference.py), and the previous
sentence's claimant carried into a sentence that continues it."""

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from schemas.figures import Figure
from services.extract.acronyms import abbreviates
from services.extract.claimant import Attribution, attribute, generic_phrase, is_person
from services.extract.coreference import PLACES, PRONOUNS, Memory
from services.extract.documents import speaking_part
from services.extract.earlier import past_perfect
from services.extract.entities import canonical
from services.extract.events import verb_above
from services.extract.speaker_names import name_of
from services.extract.speakers import (
    OPENING,
    SPEECH_VERBS,
    is_speech,
    modified_noun,
    quote_speaker,
    subject_of,
)
from services.extract.words import ORGANISATIONS, VALUE_NOUNS, vocabulary

# 'Of the 202 people confirmed dead, 91 were in Suzu': a part of a count stated before
PART_OF_COUNT = re.compile(r"of the (about |nearly |some )?\d[\d,.]*\b")
OFFICIAL_WORDS = ORGANISATIONS | frozenset(["official", "officials", "authorities", "government"])
CONNECTIVES = (
    "in addition",
    "also",
    "additionally",
    "moreover",
    "furthermore",
    "of those",
    "of them",
    "among them",
)


def sentence_attribution(sent: Span, memory: Memory) -> Attribution | None:
    """'X writes that ...': who speaks in a sentence, figures or not."""
    root = sent.root
    if root.lemma_.lower() not in SPEECH_VERBS:
        return None
    subject = subject_of(root)
    name, generic = name_of(subject)
    if name:
        head = subject.root.lower_ if subject is not None else ""
        return Attribution(name, head=head, person=is_person(subject))
    return memory.resolve(generic_phrase(speaking_part(subject)), sent) if generic else None


def claimant_for(token: Token, sent: Span, elided: bool, memory: Memory, topic: str | None) -> Attribution:
    """The figure's own claimant; a generic one resolved; else the previous sentence's when
    this one continues it (connective, elided noun, or the same people counted)."""
    own, generic = attribute(token, sent)
    if not own.claimant and not own.generic and sent.start_char < memory.headline_end:
        own = headline_source(sent) or own
    if own.claimant:
        memory.named.append(own)
        if not own.person:
            memory.bodies.append(own)
        return own
    if own.generic:
        resolved = memory.resolve(generic, sent)
        return replace(resolved, reference=own.reference) if resolved is not None else own
    quoted = quoted_claimant(sent, memory)
    if quoted is not None:
        memory.named.append(quoted)
        return quoted
    text = sent.text.lower()
    topic = (topic or "").lower()
    specific = len(topic.split()) > 1
    continues = text.startswith(CONNECTIVES) or elided or (specific and topic in text)
    continues = continues or pronoun_subject(sent) or PART_OF_COUNT.match(text) is not None
    continues = continues or parts_of_before(sent)
    # 'For weeks the toll had stood at 115': a value the story has moved on from, told in the past
    # perfect with no source of its own, is the writer's background, not the last speaker's count
    if memory.previous and (continues or carried(token, sent, memory)) and not past_perfect(token):
        return memory.previous
    return own


def names_its_count(token: Token) -> bool:
    """'The toll from the disaster rose to 158': a bare number that is the level of a count its
    clause names ('toll', 'number', 'tally') leaves out no noun that an earlier sentence gave;
    it goes on with the previous sentence's source only when that sentence gave a count of people
    ('... have killed 152 people, the authority said. The toll is up from 139 on Tuesday')."""
    verb = verb_above(token)
    return verb is not None and any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in VALUE_NOUNS
                                    for c in verb.children)


HEADLINE_DASHES = ("-", "–", "—")


def headline_source(sent: Span) -> Attribution | None:
    """'KRCS: 12 killed in floods', 'Toll could pass 300 - Mbeki': a headline names its source
    before a colon or after a closing dash, by a name the article gives in full below."""
    text = sent.doc.text  # the headline's line, which the parser may cut at its colon
    start, end = text.rfind("\n", 0, sent.start_char) + 1, text.find("\n", sent.start_char)
    line = sent.doc.char_span(start, end if end >= 0 else len(text), alignment_mode="expand")
    words = [t for t in line or sent if not t.is_space]
    colon = next((t.i for t in words[:6] if t.text == ":"), None)
    dash = next((t.i for t in reversed(words[-5:]) if t.text in HEADLINE_DASHES), None)
    if colon is not None:
        said = sent.doc[words[0].i : colon]
    elif dash is not None:
        said = sent.doc[dash + 1 : words[-1].i + 1]
    else:
        return None
    name = said.text.strip(" .")
    if not name[:1].isupper():
        return None
    body = [e for e in sent.doc.ents if e.start > words[-1].i and e.label_ in ("ORG", "PERSON")]
    same = [e for e in body if e.text == name or e.text.endswith(" " + name) or abbreviates(name, e.text)]
    same = [e for e in same if speaks(e)]  # 'Helene: 57 deaths confirmed' names a storm, not a source
    return Attribution(canonical(max(same, key=len)), person=same[0].label_ == "PERSON") if same else None


def speaks(ent: Span) -> bool:
    """The name is who speaks in its sentence: the subject of a verb of saying, or what the
    subject is called ('The Kenya Red Cross Society (KRCS) said')."""
    word = ent.root
    while word.dep_ in ("appos", "compound", "conj") and word.head.i != word.i:
        word = word.head
    return word.dep_ == "nsubj" and is_speech(word.head) or word.dep_ == "pobj" and word.head.lower_ == "to"


def carried(token: Token, sent: Span, memory: Memory) -> bool:
    """A quotation that goes on in its paragraph ('"In total, 200,000 doses.'), or a count told
    in the paragraph of a source that keeps counts."""
    if memory.previous is None or not same_paragraph(sent, memory.previous_end):
        return False
    quoted = sent.text.lstrip()[:1] in OPENING
    return quoted or counted_subject(token) and keeps_counts(memory.previous, sent.doc)


def keeps_counts(source: Attribution, doc: Doc) -> bool:
    """'the health department', 'INDEC', 'union officials', 'the airline' keep the counts their
    paragraph goes on with; 'Survivors', 'Firefighters' or a person named tell what they saw,
    and no more."""
    claimant = source.claimant or ""
    people = {canonical(e) for e in doc.ents if e.label_ == "PERSON"}
    if claimant in people:
        return False  # 'Ann Lee, a nurse, said ...': a person tells what she saw, not the count
    names = [canonical(e) for e in doc.ents if e.label_ == "ORG"]
    named = any(n and (n in claimant or claimant in n) for n in names)
    words = claimant.lower().split()
    return source.generic or named or bool(words) and words[-1] in OFFICIAL_WORDS


def quoted_claimant(sent: Span, memory: Memory) -> Attribution | None:
    """The speaker named where a quotation the sentence opens is closed."""
    speaker = quote_speaker(sent)
    name, generic = name_of(speaker)
    if name:
        return Attribution(name)
    return memory.resolve(generic_phrase(speaker), sent) if generic else None


def same_paragraph(sent: Span, previous_end: int) -> bool:
    """'INDEC said prices rose 11% in March. Prices rose 288% over the year.': a figure with
    no source of its own, in the paragraph of a sentence that named one, is that source's."""
    return previous_end > 0 and "\n" not in sent.doc.text[previous_end : sent.start_char]


def counted_subject(token: Token) -> bool:
    """The figure is what its clause tells of ('Nine patients have been hospitalized', 'There
    were 340 evacuees', 'Among the dead were 181 nationals') or a part of a count ('accounts
    for 80 of the cases'), not a number in what someone did ('Providers filed 20 lawsuits')."""
    noun = modified_noun(token)
    part = any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    return noun.dep_ in ("nsubj", "nsubjpass", "attr") or part


def pronoun_subject(sent: Span) -> bool:
    """'It has since hired 40 staff': the sentence goes on about whoever spoke before."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in PRONOUNS for c in sent.root.children)


# Verbs by which a sentence breaks down a whole into parts: 'The toll includes 37 children'.
PARTS = vocabulary("include comprise contain")
POINTERS = vocabulary("that this these those")


def parts_of_before(sent: Span) -> bool:
    """'The toll includes 37 children', 'That includes $310 million': a sentence that breaks
    down a whole named by a word that points back ('the', 'that') goes on with what was told."""
    root = sent.root
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    if root.lemma_.lower() not in PARTS or not subjects:
        return False
    subject = subjects[0]
    pointed = any(c.dep_ == "det" and c.lower_ in POINTERS | {"the"} for c in subject.children)
    return subject.lower_ in POINTERS or subject.pos_ == "NOUN" and pointed and not subject.ent_type_


def remember(sent: Span, figures: list[Figure], memory: Memory) -> None:
    memory.figures.extend(figures)
    own = sentence_attribution(sent, memory)
    attributed = [f for f in figures if f.claimant and f.figure_id not in memory.carried]
    if own is None and attributed:
        own = Attribution(attributed[-1].claimant, attributed[-1].carrier)
    if own and own.claimant:
        memory.named.append(own)
    body = acting_body(sent)
    if body is not None:
        memory.bodies.append(body)
    memory.previous, memory.previous_end = own, sent.start_char + len(sent.text.rstrip())
    memory.previous_counted = any(f.unit == "people" for f in figures)


def acting_body(sent: Span) -> Attribution | None:
    """The named body the sentence is about ('The U.N. office issued an appeal ...'), which a
    later 'it' means; not a person, people or a place."""
    subject = subject_of(sent.root) if sent.root.pos_ in ("VERB", "AUX") else None
    if subject is None or is_person(subject) or subject.root.ent_type_ in PLACES:
        return None
    name, generic = name_of(subject)
    named = subject.root.ent_type_ == "ORG" or subject.root.lemma_.lower() in ORGANISATIONS
    return Attribution(name) if name and not generic and named else None


def parts_share_source(figures: list[Figure | None], tokens: list[Token]) -> list[Figure | None]:
    """'19 more people died, among them 6 children', '4 million people, including 3.5
    million children': a count inside the phrase of another count of its sentence, with no
    source of its own, is told by whoever told the whole; not the whole a part is taken 'of'
    ('240 of the 543 seats')."""
    nouns = [modified_noun(t) for t in tokens]
    shared = []
    for figure, noun in zip(figures, nouns, strict=True):
        whole = next(
            (
                other
                for other, other_noun in zip(figures, nouns, strict=True)
                if other is not None and other.claimant and inside_count(noun, other_noun)
            ),
            None,
        )
        if figure is not None and figure.claimant is None and whole is not None:
            figure = figure.model_copy(update={"claimant": whole.claimant, "carrier": whole.carrier})
        shared.append(figure)
    return shared


def inside_count(noun: Token, whole: Token) -> bool:
    """`noun` is in the phrase of the count `whole`, not the total it is a part 'of'."""
    path = [a for a in noun.ancestors if whole in a.ancestors or a == whole]
    return whole in noun.ancestors and not any(a.lower_ == "of" and a.head == whole for a in path)

