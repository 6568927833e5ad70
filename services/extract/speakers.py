"""Speech verbs and their speakers: which verbs state a figure ("X said", "X estimated"),
in which order they are tried, and the subject that speaks."""

from spacy.tokens import Span, Token

from services.extract.words import vocabulary

SPEECH_VERBS = vocabulary(
    "say tell add announce write report claim state note estimate reveal believe find "
    "confirm disclose insist acknowledge argue allege warn suggest indicate show summarize "
    "think assert declare tweet post publish conclude testify admit explain record document "
    "count tally calculate assess identify put ask request propose"
)
WEAK_SPEECH = vocabulary(
    "record document count tally calculate assess identify find show indicate suggest believe "
    "think conclude put estimate"
)


def speakers(token: Token, sent: Span) -> list[Token]:
    """Speech verbs for a figure: those above it first (weak ones like 'estimated' after the
    others), then any other in its sentence ('At least 51 ... signed up, Important Stories
    reported'): 'Organisers said 35,000 ...; police estimated the crowd at 8,000' is police's."""
    above = [a for a in token.ancestors if is_speech(a)]
    beside = [t for t in sent if is_speech(t) and t not in above and t is not token]
    ordered = above + sorted(beside, key=lambda t: abs(t.i - token.i))
    return sorted(ordered, key=lambda t: (t not in above, t.lemma_.lower() in WEAK_SPEECH))


def is_speech(token: Token) -> bool:
    if token.lemma_.lower() not in SPEECH_VERBS or token.pos_ not in ("VERB", "AUX"):
        return False
    # not 'an estimated 900,000', nor '... to find other ways': no statement hangs on these
    return token.dep_ != "amod" and (token.dep_ != "xcomp" or any(c.dep_ == "ccomp" for c in token.children))


def subject_of(verb: Token) -> Span | None:
    """nsubj of the verb, or of the verb it is conjoined with ('X notes ... and reports')
    or hangs on as a participle ('X rejected the claims, saying ...')."""
    while verb is not None:
        subjects = sorted((c for c in verb.children if c.dep_ == "nsubj"), key=lambda c: abs(c.i - verb.i))
        if subjects:
            return verb.doc[subjects[0].left_edge.i : subjects[0].right_edge.i + 1]
        for child in verb.children:
            if child.dep_ == "agent":
                pobj = [c for c in child.children if c.dep_ == "pobj"]
                if pobj:
                    return verb.doc[pobj[0].left_edge.i : pobj[0].right_edge.i + 1]
        if verb.dep_ == "xcomp":
            objects = [c for c in verb.head.children if c.dep_ == "dobj"]
            if objects:
                return verb.doc[objects[0].left_edge.i : objects[0].right_edge.i + 1]
        # '..., saying it had ...': a participle clause speaks with its main clause's subject
        participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
        verb = verb.head if (verb.dep_ in ("conj", "xcomp") or participle) and verb.head is not verb else None
    return None
