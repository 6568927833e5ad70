"""Who claims a figure (the speaker) and which outlet carried it, read from the parse.

Patterns: "X said/told/added/announced/wrote/reported ... N", "according to X", "per X",
"X, citing Y, reported" (claimant Y, carrier X), and generic speakers ("the outlet",
"the investigation") resolved to the last named claimant of the article.
"""

from dataclasses import dataclass

from spacy.tokens import Span, Token

from services.extract.entities import canonical
from services.extract.events import vocabulary

SPEECH_VERBS = vocabulary(
    "say tell add announce write report claim state note estimate reveal believe find "
    "confirm disclose insist acknowledge argue allege warn suggest indicate show summarize "
    "think assert declare tweet post publish conclude testify admit explain record document "
    "count tally calculate assess identify put"
)
GENERIC_SPEAKERS = vocabulary(
    "outlet media investigation report publication newspaper paper agency it he she they "
    "analysis study document data source"
)
ENTITY_PRIORITY = {"PERSON": 0, "ORG": 1, "NORP": 3, "GPE": 2, "LOC": 4, "FAC": 5}


@dataclass(frozen=True)
class Attribution:
    claimant: str | None
    carrier: str | None = None
    generic: bool = False


def speech_head(token: Token) -> Token | None:
    """The nearest speech verb above the figure (the figure sits in its clause)."""
    for ancestor in token.ancestors:
        if ancestor.lemma_.lower() in SPEECH_VERBS and ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


def subject_of(verb: Token) -> Span | None:
    """nsubj of the verb, or of the verb it is conjoined with ('X notes ... and reports')."""
    while verb is not None:
        for child in verb.children:
            if child.dep_ == "nsubj":
                return verb.doc[child.left_edge.i : child.right_edge.i + 1]
            if child.dep_ == "agent":
                pobj = [c for c in child.children if c.dep_ == "pobj"]
                if pobj:
                    return verb.doc[pobj[0].left_edge.i : pobj[0].right_edge.i + 1]
        verb = verb.head if verb.dep_ == "conj" and verb.head is not verb else None
    return None


def name_of(span: Span | None) -> tuple[str | None, bool]:
    """(canonical name, generic?) for a claimant span: its best entity, else its head noun."""
    if span is None:
        return None, False
    ents = sorted(span.ents, key=lambda e: (ENTITY_PRIORITY.get(e.label_, 9), e.start))
    ents = [e for e in ents if e.label_ in ENTITY_PRIORITY]
    if ents:
        return canonical(ents[0]), False
    head = span.root
    if head.lemma_.lower() in GENERIC_SPEAKERS or head.pos_ == "PRON":
        return None, True
    words = [
        t
        for t in span
        if t.dep_ not in ("det", "poss", "punct", "case")
        and t.i <= head.i
        and t.dep_ not in ("relcl", "acl")
    ]
    return " ".join(t.text for t in words) or None, False


def reference(sent: Span) -> tuple[Span | None, str]:
    """The 'according to X' / 'per X' / 'citing X' object in the sentence, with its kind."""
    for token in sent:
        word = token.lower_
        if word in ("according", "per", "citing"):
            objects = [
                t for t in token.subtree if t.dep_ in ("pobj", "dobj") and t.head.i >= token.i
            ]
            if objects and objects[0].head.i in (token.i, token.i + 1):
                obj = objects[0]
                kind = "citing" if word == "citing" else "according"
                return sent.doc[obj.left_edge.i : obj.right_edge.i + 1], kind
    return None, ""


def attribute(figure_token: Token, sent: Span) -> Attribution:
    speaker = None
    verb = speech_head(figure_token)
    if verb is not None:
        speaker = subject_of(verb)
    speaker_name, generic = name_of(speaker)
    ref, kind = reference(sent)
    ref_name, _ = name_of(ref) if ref is not None else (None, False)
    if kind == "citing" and ref_name and ref is not None and ref.ents:
        return Attribution(ref_name, carrier=speaker_name)
    if speaker_name and ref_name and ref_name != speaker_name:
        return Attribution(speaker_name, carrier=ref_name)
    if speaker_name:
        return Attribution(speaker_name)
    if ref_name and kind == "according":
        return Attribution(ref_name)
    return Attribution(None, generic=generic)
