"""A speaker's name read from the phrase that speaks: its best entity, a name owned by an
organisation ("Moody's Analytics"), a quoted name, a document's author, else the role the
phrase gives ('City officials') or a generic word to resolve later ('the department')."""

from spacy.tokens import Span, Token

from services.extract.acronyms import is_acronym
from services.extract.documents import author_span, earlier_author, has_author, is_definite
from services.extract.entities import entity_of, ents_within, titles, with_name_tail
from services.extract.events import is_person_noun
from services.extract.incidents import HAPPENINGS, KIND_OF_LEMMA
from services.extract.locating import PLACE_LABELS, in_dateline
from services.extract.roles import (
    acting_for,
    based_in,
    body_spoken_for,
    employer_of,
    is_role,
    is_speaker_noun,
    role_phrase,
    role_start,
)
from services.extract.words import DOCUMENTS, GENERIC_SPEAKERS, ORGANISATIONS, PLACE_BODIES

QUOTES = frozenset(['"', "“", "”", "«", "»"])
ENTITY_PRIORITY = {"PERSON": 0, "ORG": 1, "NORP": 3, "GPE": 2, "LOC": 4, "FAC": 5}


def core(span: Span) -> list[Token]:
    """The subject without its relative clauses, prepositional tails and further conjuncts
    ('the prefecture and the Wajima city government' speaks first as the prefecture)."""
    root = span.root
    cut = {
        t.i
        for c in root.children
        if c.dep_ in ("relcl", "acl", "prep", "advcl", "conj", "cc")
        for t in c.subtree
    }
    return [t for t in span if t.i not in cut]


def name_of(span: Span | None) -> tuple[str | None, bool]:
    """(canonical name, generic?) for a claimant span: its best entity, else its head noun; a
    span without a word ('%' the parser took for a subject) names nobody."""
    name, generic = read_name(off_dateline(span))
    name = balanced(name) if name is not None else None
    return (name, generic) if name is None or any(c.isalpha() for c in name) else (None, False)


def off_dateline(span: Span | None) -> Span | None:
    """The subject without a dateline the parser took into it ('OSAKA, Japan (AP) — Kansai
    Electric Power said ...' hung the company on the city): the place a story was filed from
    says nothing, and a subject that is only a dateline names nobody."""
    if span is None or not len(span) or not in_dateline(span[0]):
        return span
    rest = [t for t in span if not in_dateline(t) and not (t.is_punct or t.is_space)]
    return span.doc[rest[0].i : span.end] if rest else None


def balanced(name: str) -> str:
    """A name the entity cut inside its bracketed short form ('the National Agency for Relief
    (NAR' ) is the name without it; a stray closing bracket goes."""
    if name.count("(") == name.count(")"):
        return name
    if "(" in name:
        return name[: name.rfind("(")].rstrip(" ,")
    return name.replace(")", "").strip()


def read_name(span: Span | None) -> tuple[str | None, bool]:
    if span is None:
        return None, False
    quoted = quoted_name(span.root) or appositive_name(span)
    if quoted:
        return quoted, False
    if has_author(span.root):
        return document_author(span)  # 'Preliminary estimates from modelers': the modelers
    owned = owned_name(span.root)
    if owned is not None:
        return owned, False
    ents = speaker_entities(span)
    if (unrecognised := unrecognised_name(span.root, ents)) is not None:
        return unrecognised, False
    if ents and is_role(ents[0], span.root):
        return role_phrase(span.root), False
    if ents:
        return with_owner(ents[0]), False
    return unnamed(span)


def with_owner(ent: Span) -> str:
    """ "the Presidency's Strategy and Budget Office": a name owned by a capitalised name that is
    no place keeps its owner; "Ireland's Data Protection Commission" is the commission."""
    name = with_name_tail(ent)
    owners = [c for c in ent.root.children if c.dep_ == "poss" and c.i < ent.start and c.pos_ == "PROPN"]
    owner = owners[0] if owners else None
    if owner is None or not owner.is_title or owner.ent_type_ not in ("ORG", "") or ent.label_ != "ORG":
        return name
    if ent.root.lemma_.lower() not in ORGANISATIONS:
        return name  # "Amazon's Whole Foods" is Whole Foods: a name of its own needs no owner
    words = [t for t in owner.subtree if t.dep_ != "case"]  # "Ministry of Health's"
    owned = f"{ent.doc[words[0].i : words[-1].i + 1].text}'s {name}"
    return owned.removeprefix("the ").removeprefix("The ")


def appositive_name(span: Span) -> str | None:
    """ "France's jobs agency, Emploi Central,", 'A spokesperson for the port, Ann Lee,': a speaker
    described by a common noun and then named in apposition speaks under the name (for a
    person, the name may hang on a word of the description)."""
    head = span.root
    # 'the Minister of Health, Ana Kebede,': a title the tagger took for a name is still a noun
    titled = head.pos_ == "PROPN" and titles().fullmatch(f"{head.text} ") is not None
    if head.pos_ != "NOUN" and not titled:
        return None
    named = [c for c in head.children if c.dep_ == "appos"]
    if is_person_noun(head):
        named += [t for t in span if t.dep_ == "appos" and t.ent_type_ == "PERSON" and t not in named]
    # 'the bank's director for the Caribbean, Ann Lee,' parsed with the name as the object of
    # 'for': a person's name set off by a comma that ends the description is the speaker's
    named += [e.root for e in ents_within(span) if e.label_ == "PERSON" and e.start > span.start + 1
              and span.doc[e.start - 1].text == "," and all(t.is_punct for t in span.doc[e.end : span.end])
              and e.root not in named]
    for appos in named:
        if titled and is_acronym(appos.text):
            continue  # 'the Directorate General of Health Services (DGHS)': its short form
        words = [t for t in appos.subtree if not t.is_punct and t.dep_ != "det"]
        ent = entity_of(appos)
        if ent is not None and ent.label_ in ("PERSON", "ORG"):
            return with_name_tail(ent)
        # a name, not a description with a named owner ("Britain's biggest lender")
        owned = any(t.dep_ == "case" or t.tag_ == "POS" for t in appos.subtree)
        if words and not owned and words[0].pos_ == "PROPN" and (words[0].is_title or words[0].is_upper):
            return span.doc[words[0].i : words[-1].i + 1].text
    return None


def owned_name(head: Token) -> str | None:
    """ "Moody's Analytics": capitalised words owned by an organisation's name, and no name of
    their own, are one name with it; lower-case ones are not ("Moody's analysts" stays the
    people of Moody's, with their role)."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.ent_type_ == "ORG"), None)
    words = head.doc[owner.right_edge.i + 1 : head.i + 1] if owner is not None else []
    if owner is None or head.ent_type_ or not all(t.is_title for t in words):
        return None
    return head.doc[owner.left_edge.i : head.i + 1].text.removeprefix("the ").removeprefix("The ")


def unrecognised_name(head: Token, ents: list[Span]) -> str | None:
    """'X Y, the mayor of the capital Z, said': a subject headed by a capitalised proper name of
    two or more words the model found no entity in speaks under that name, not under the place
    its description names."""
    words = [*(c for c in head.lefts if c.dep_ == "compound"), head]
    if len(words) < 2 or not all(w.pos_ == "PROPN" and w.is_title and not w.ent_type_ for w in words):
        return None
    if not ents or any(e.label_ not in PLACE_LABELS for e in ents):
        return None
    if any({w.lemma_.lower(), w.lower_} & (GENERIC_SPEAKERS | ORGANISATIONS) for w in words):
        return None
    return head.doc[words[0].i : head.i + 1].text



def speaker_entities(span: Span) -> list[Span]:
    """Names in the subject, best first: the head's own, not an owner's, people before
    organisations before places. Lower-case words the tagger took for names are not names."""
    kept = {t.i for t in core(span)}
    ents = [
        e
        for e in ents_within(span)
        if e.label_ in ENTITY_PRIORITY
        and kept & set(range(e.start, e.end))
        and not is_common_word(e)
        and e.root.head.lower_ != "based"  # 'the Oslo-based software maker' is not Oslo
    ]
    named = [e for e in ents_within(span) if e.label_ == "PERSON" and e.end == span.end]
    if named and not any(e.label_ == "PERSON" for e in ents):
        ents = named  # 'Gujarat minister of state for home Harsh Sanghavi'
    ents.sort(key=lambda e: (span.root not in e, e.root.dep_ == "poss", ENTITY_PRIORITY[e.label_], e.start))
    named = [t for t in span.root.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    return [] if named and all(e.root.dep_ == "poss" for e in ents) else ents


def is_common_word(ent: Span) -> bool:
    """'examiner' tagged as an organisation: one lower-case word is no name, nor one the tagger
    reads as a common noun for speakers ('Media identifies ...' in a headline)."""
    words = {ent.root.lemma_.lower(), ent.root.lower_}  # 'Media' has the lemma 'medium'
    speaker_word = ent.root.pos_ == "NOUN" and bool(words & (GENERIC_SPEAKERS | ORGANISATIONS))
    return len(ent) == 1 and (ent.text.islower() or speaker_word)


def unnamed(span: Span) -> tuple[str | None, bool]:
    """A subject without a name: an employer, a document's author, 'City officials', a
    generic word to resolve ('the department'), else the noun with its modifiers."""
    head = span.root
    employer = employer_of(head)
    if employer is not None:
        return employer, False
    body = body_spoken_for(head)
    if body is not None:
        return name_of(body)
    if head.lemma_.lower() in DOCUMENTS:
        return document_author(span)
    if head.like_num or head.lower_ == "one":
        objects = [c for p in head.children if p.lower_ == "of" for c in p.children]
        head = objects[0] if objects else head
    if is_bare_title(span):
        return None, True  # 'the Minister': the minister the article named
    named_like_number = head.pos_ == "PROPN" and any(c.isdigit() for c in head.text)  # '23andMe'
    if head.ent_type_ in ("DATE", "TIME", "CARDINAL") and not named_like_number:
        return None, False
    if based_in(head):
        return None, True  # 'the Minnetonka-based health insurer': an organisation the article names
    names = [t for t in core(span) if t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME")]
    if all(t.is_lower for t in names):
        names = []  # 'the regional emergency coordination centre': words the tagger took for names
    if names and head.pos_ == "NOUN" and is_person_noun(head) and all(t.head == head for t in names):
        return span.doc[names[0].i : head.i + 1].text, False  # 'City officials', not 'City'
    if names and head.pos_ in ("NOUN", "PROPN"):
        return span.doc[names[0].i : name_tail_end(names[-1])].text, False
    if is_stage(head) or is_happening(head):
        return None, False
    if {head.lemma_.lower(), head.lower_} & GENERIC_SPEAKERS or head.pos_ == "PRON" or is_bare_body(head):
        return None, True  # 'the department', 'it': whoever the article named so
    return acting_for(head) or joined_speakers(head) or role_phrase(head), False


def name_tail_end(last: Token) -> int:
    """Where an unnamed body's name ends: 'the Rowing Club of Leeds' keeps its 'of' phrase of
    capitalised words, which the model tagged as a place apart."""
    end = last.i + 1
    preps = [c for c in last.children if c.dep_ == "prep" and c.i == end and c.lower_ in ("of", "for")]
    named = last.pos_ == "PROPN" and titles().fullmatch(last.text + " ") is None  # not 'Minister for ...'
    tail = [t for t in preps[0].subtree if t.i > end] if preps and named else []
    words = [t for t in tail if t.lower_ != "the"]
    proper = bool(words) and all(t.pos_ == "PROPN" and t.is_title for t in words)
    return tail[-1].i + 1 if proper and tail[-1].i - end == len(tail) else end


def is_happening(head: Token) -> bool:
    """'The previous typhoid epidemic infected 4,150 people', "Saturday's disaster": an event
    that a common noun names records, reports and says nothing; whoever counted did."""
    lemma = head.lemma_.lower()
    return head.pos_ == "NOUN" and (lemma in KIND_OF_LEMMA or lemma in HAPPENINGS)


def is_stage(head: Token) -> bool:
    """'the first phase recorded a turnout of 66%': a noun counted by an ordinal that is no
    person or body is a stage of something, which tells no figure."""
    ordinal = any(c.ent_type_ == "ORDINAL" for c in head.lefts)
    return ordinal and head.pos_ == "NOUN" and not is_speaker_noun(head)


def joined_speakers(head: Token) -> str | None:
    """'Officials and medics said ...': people named by common nouns joined by 'and' speak
    together; a name among them speaks first ('the prefecture and Wajima city')."""
    joined = [c for c in head.children if c.dep_ == "conj"]
    if not joined or not is_person_noun(head):
        return None
    people = [
        c.pos_ == "NOUN"
        and not c.ent_type_
        and (is_person_noun(c) or c.tag_ == "NNS")
        and not {c.lemma_.lower(), c.lower_} & GENERIC_SPEAKERS  # 'activists and local media': outlets report
        for c in joined
    ]
    if not all(people):
        return None
    return head.doc[role_start(head) : joined[-1].i + 1].text


def is_bare_title(span: Span) -> bool:
    """'the Minister', 'the President': a title alone, which points back to whoever the
    article named with it ('a senator' points to nobody: it is the role)."""
    words = [t for t in span if t.dep_ != "det"]
    indefinite = any(t.dep_ == "det" and t.lower_ in ("a", "an", "one") for t in span)
    return len(words) == 1 and not indefinite and titles().fullmatch(words[0].text + " ") is not None


def quoted_name(head: Token) -> str | None:
    """'the opposition publication "Important Stories"': a capitalised name in quotation
    marks right after the noun that describes it."""
    doc, start = head.doc, head.i + 1
    if start >= len(doc) or doc[start].text not in QUOTES:
        return None
    end = next((t.i for t in doc[start + 1 : start + 8] if t.text in QUOTES), None)
    words = doc[start + 1 : end] if end else None
    return words.text if words and all(t.is_title or not t.is_alpha for t in words) else None


def is_bare_body(head: Token) -> bool:
    """'the company', 'the department': an organisation noun with nothing but an article."""
    bare = not any(c.dep_ in ("amod", "compound", "nmod", "poss", "appos") for c in head.children)
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)
    body = head.lemma_.lower() in ORGANISATIONS | PLACE_BODIES
    return body and head.tag_ == "NN" and bare and definite


def document_author(span: Span) -> tuple[str | None, bool]:
    """'A poll published by CRTA' → CRTA; "the council's own estimate" → council;
    'interior ministry data' → interior ministry; 'official figures' → 'official figures' (the
    officials behind them are named no further); 'the figures' → nobody (a document never
    speaks for itself)."""
    head = span.root
    author = author_span(span)
    if author is not None and len(author) == 1 and author.root.lemma_.lower() in ORGANISATIONS:
        return None, True  # 'alliance estimates': the alliance the article names
    if author is None and is_definite(head):
        author = earlier_author(head)  # 'the estimate' of 'an estimate by the disaster centre' before
    if author is not None:
        return name_of(author)
    ents = sorted(
        (e for e in ents_within(span) if e.label_ in ENTITY_PRIORITY),
        key=lambda e: (ENTITY_PRIORITY[e.label_], e.start),
    )
    if ents:
        return with_name_tail(ents[0]), False
    if any(c.dep_ == "amod" and is_person_noun(c) for c in head.lefts):
        return head.doc[role_start(head) : head.i + 1].text, False
    return None, head.lemma_.lower() == "investigation"
