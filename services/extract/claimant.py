"""Who claims a figure (the speaker) and which outlet carried it, read from the parse.

Patterns: "X said/told/added/announced/wrote/reported ... N", "according to X", "per X",
"X, citing Y, reported" (claimant Y, carrier X), "..., the head of Y, Z, said", and generic
speakers ("the outlet", "the department") resolved across the article (coreference.py).
A document, dataset or report never speaks: its owner or sender does, or nobody
(documents.py). A speaker keeps the role the text gives it ('South Korean lawmaker', roles.py).
"""

from dataclasses import dataclass

from spacy.tokens import Span, Token

from services.extract.commitments import committing_body, estimate_owner, proposal_owner
from services.extract.documents import speaking_part
from services.extract.entities import canonical, entity_of, ents_within, kinds
from services.extract.events import is_person_noun
from services.extract.figures import subtree_span
from services.extract.roles import country_in_capitals, is_place_word
from services.extract.speaker_names import name_of
from services.extract.speakers import is_speech, speakers, subject_of, subordinate
from services.extract.words import DOCUMENTS, OUTLETS, PLACE_NOUNS, vocabulary


@dataclass(frozen=True)
class Attribution:
    claimant: str | None
    carrier: str | None = None
    generic: bool = False
    head: str = ""
    person: bool = False  # a person or people, whom 'it' cannot mean
    reference: bool = False  # given as where figures come from: 'according to X', "X's data show"


def outlet_in(span: Span | None, speaker: str) -> str | None:
    """'A Ukrainian intelligence document obtained by the Kyiv Independent' → Kyiv Independent."""
    if span is None:
        return None
    names = [canonical(e) for e in ents_within(span) if e.label_ == "ORG"]
    return next((n for n in names if n != speaker and kinds().get(n) == "outlet"), None)


def is_outlet(name: str) -> bool:
    return kinds().get(name) == "outlet"


def told_outlet(verb: Token) -> str | None:
    """'X told state broadcaster ERT' / 'told Reuters': the outlet that carried the words."""
    if verb.lemma_.lower() not in ("tell", "say"):
        return None
    listeners = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    listeners += [o for p in verb.children if p.lower_ == "to" for o in p.children]
    for listener in listeners:
        ents = ents_within(listener.doc[listener.left_edge.i : listener.i + 1])
        media = any(t.lemma_.lower() in OUTLETS | {"agency"} for t in listener.subtree)
        for ent in ents:
            if kinds().get(canonical(ent)) == "outlet" or (ent.label_ == "ORG" and media):
                return canonical(ent)
    return None


def generic_phrase(span: Span | None) -> str:
    """'The interior ministry' → 'interior ministry'; 'he' → 'he'; "the government's health
    ministry" keeps whose it is, unless that is a place ("the country's": it only points back)."""
    if span is None:
        return ""
    head = span.root
    words = [t for t in head.lefts if t.dep_ in ("amod", "compound") and t.i >= head.i - 3]
    owners = [t for t in head.lefts if t.dep_ == "poss" and t.pos_ == "NOUN" and not is_place_word(t)]
    start = min([t.left_edge.i for t in words] + [t.i for t in owners], default=head.i)
    return head.doc[max(start, head.i - 4) : head.i + 1].text


def reference(sent: Span) -> tuple[Span | None, str]:
    """The 'according to X' / 'per X' / 'citing X' object in the sentence, with its kind."""
    for token in sent:
        word = token.lower_
        if word in ("according", "per", "citing") and not is_rate(token):
            objects = [
                t for t in token.subtree if t.dep_ in ("pobj", "dobj") and t.head.i in (token.i, token.i + 1)
            ]
            if objects:
                obj = objects[0]
                kind = "citing" if word == "citing" else "according"
                return subtree_span(obj), kind
    return None, ""


def is_rate(token: Token) -> bool:
    """'990 cases per 100,000 inhabitants', '$1.20 per affected customer': a 'per' on a number,
    or before a counted or bare common noun, divides; 'per Meduza', 'per the ministry' name a source."""
    objects = [c for c in token.children if c.dep_ == "pobj"]
    counted = any(c.dep_ == "nummod" for o in objects for c in o.children)
    bare = any(o.pos_ == "NOUN" and not any(c.dep_ in ("det", "poss") for c in o.children) for o in objects)
    return token.lower_ == "per" and (token.head.pos_ == "NUM" or counted or bare)


DECISIONS = vocabulary("rule order")


# Verbs whose subject may be where something happened rather than who tells it ('Tunisia has
# reported 49 deaths among its pilgrims' is Tunisia telling; 'Kisumu recorded two' is not).
RECORDING = vocabulary("record register log see")


def counted_in(token: Token, subject: Span | None) -> bool:
    """'a total of 186 structures confirmed': what is counted does not speak ('The union, which
    demands a 7% raise, said ...' does: the figure is in what describes it)."""
    if subject is None or not subject.start <= token.i < subject.end:
        return False
    clauses = [a for a in token.ancestors if a.dep_ in ("relcl", "acl")]
    return not any(subject.start <= a.i < subject.end for a in clauses)


def is_person(subject: Span | None) -> bool:
    """'Ann Lee', 'Residents', 'health officials': people, not a body."""
    root = subject.root if subject is not None else None
    return root is not None and (root.ent_type_ == "PERSON" or root.pos_ == "NOUN" and is_person_noun(root))


def first_person(subject: Span | None) -> bool:
    """'"... and he told me it was 90% resolved," Lula told reporters': 'I' and 'we' speak
    with the voice the quotation is attributed to, named elsewhere in the sentence or after it."""
    return subject is not None and subject.root.lower_ in ("i", "we", "me", "us")


def records_in_place(verb: Token, subject: Span | None) -> bool:
    """'Kisumu recorded two deaths', 'The country recorded 281 dengue deaths': a place that
    records a count is where it happened; whoever keeps the count is not named here."""
    if subject is None or verb.lemma_.lower() not in RECORDING:
        return False
    root = subject.root
    return is_place_subject(subject) or (root.pos_ == "NOUN" and root.lemma_.lower() in PLACE_NOUNS)


def is_place_subject(subject: Span | None) -> bool:
    """A place, also one written in capitals that the tagger took for something else ('ZAMBIA
    has recorded 16 deaths'): a country the place libraries know."""
    root = subject.root if subject is not None else None
    return root is not None and (root.ent_type_ in ("GPE", "LOC") or country_in_capitals(root))


def reported_by_outer(verb: Token, subject: Span | None) -> bool:
    """'X said it had confirmed 42 deaths', 'X said the government had ordered checks of 34
    jets': a pronoun speaking, or a decision reported, inside another speaker's statement is
    that speaker's claim."""
    pronoun = subject is not None and subject.root.pos_ == "PRON"
    unnamed = name_of(subject)[1]  # 'X said the government had declared ...': a body X speaks of
    reported = pronoun or unnamed or verb.lemma_.lower() in DECISIONS
    # '... gave the figure, hours after he had put it at 13': an aside is no part of the statement
    return reported and not subordinate(verb) and any(is_speech(a) for a in verb.ancestors)


def gapped_speaker(token: Token) -> str | None:
    """'Toyota has offered 12%, Honda 14% and Nissan 9.5%': in a list that leaves out the verb
    it repeats, the name right before a figure is who states it, as the first name does the first."""
    doc, j = token.doc, token.i - 1
    while j > 0 and (doc[j].tag_ == "$" or doc[j].dep_ == "quantmod" and doc[j].head.i == token.i):
        j -= 1
    ent = entity_of(doc[j]) if j > 0 else None
    if ent is None or ent.label_ not in ("ORG", "PERSON") or ent.end != j + 1 or ent.start == 0:
        return None
    listed = doc[ent.start - 1].lower_ in (",", "and", "while")
    listed = listed and ent.root.dep_ in ("nmod", "conj", "npadvmod")
    root = token.sent.root
    first = [c for c in root.children if c.dep_ == "nsubj" and c.ent_type_ == ent.label_ and c.i < ent.start]
    return canonical(ent) if listed and first and first[0].text not in ent.text else None


def attribute(figure_token: Token, sent: Span) -> tuple[Attribution, str]:
    """The figure's own attribution, and the generic speaker word when it is one ('agency')."""
    gapped = gapped_speaker(figure_token)
    if gapped is not None:
        return Attribution(gapped), ""
    owner = proposal_owner(figure_token)
    if owner is not None:
        name, is_generic = name_of(owner)
        if name or is_generic:
            return Attribution(name, generic=is_generic), generic_phrase(owner) if is_generic else ""
    speaker, generic, mention, told, subject = None, "", "", None, None
    for verb in speakers(figure_token, sent):
        subject = subject_of(verb)
        if reported_by_outer(verb, subject) or first_person(subject) or records_in_place(verb, subject):
            continue
        if counted_in(figure_token, subject):
            continue
        name, is_generic = name_of(subject)
        if name or is_generic:
            speaker, generic = name, generic_phrase(speaking_part(subject)) if is_generic else ""
            mention = subject.root.lower_ if subject is not None else ""
            told = told_outlet(verb)
            break
    document = bool(speaker or generic) and subject is not None and subject.root.lemma_.lower() in DOCUMENTS
    ref, kind = reference(sent)
    ref_name, ref_generic = name_of(ref) if ref is not None else (None, False)
    if kind == "citing" and ref is not None and not ents_within(ref) and not is_person_noun(ref.root):
        ref_name = None  # 'citing official documentation': the citing outlet speaks
    if kind == "citing" and ref_name:
        return Attribution(ref_name, carrier=speaker), ""
    place = subject is not None and (is_place_subject(subject) or is_place_word(subject.root))
    place_spoke = speaker is not None and place
    if speaker and ref_name and kind == "according" and place_spoke:
        # 'Congo has reported 15,600 cases, according to the WHO'
        return Attribution(ref_name, reference=True), ""
    if speaker and ref_name and kind == "according" and is_outlet(speaker) and not is_outlet(ref_name):
        return Attribution(ref_name, carrier=speaker), ""  # 'the Journal reported ..., according to people'
    if speaker and ref_name and ref_name != speaker:
        # a name the gazetteer does not know may be an outlet; a document ('official figures') is none
        outlet = kinds().get(ref_name, "outlet") == "outlet" and ref.root.lemma_.lower() not in DOCUMENTS
        carrier = ref_name if outlet else None
        return Attribution(speaker, carrier=carrier), ""
    if speaker:
        carrier = told or outlet_in(subject, speaker)
        return Attribution(speaker, carrier=carrier, head=mention, person=is_person(subject),
                           reference=document), ""
    if ref_name and kind == "according":
        return Attribution(ref_name, reference=True), ""
    if ref_generic and not generic:
        return Attribution(None, generic=True, reference=True), generic_phrase(speaking_part(ref))
    if not generic and (owner := estimate_owner(figure_token)):
        return Attribution(owner), ""
    body = committing_body(figure_token) if not generic else None
    if body is not None:
        name, is_generic = name_of(body)
        # 'the union' is the one the article names; an article that names none has no claimant
        named_elsewhere = is_generic and any(e.label_ == "ORG" for e in sent.doc.ents)
        if name or not named_elsewhere:
            return Attribution(name), ""
        return Attribution(None, generic=True), generic_phrase(body)
    if not generic:
        return Attribution(None), ""
    return Attribution(None, generic=True, reference=document), generic
