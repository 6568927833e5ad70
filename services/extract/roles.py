"""A speaker described rather than named: the role a phrase gives people or a body ('South
Korean lawmaker', 'authorities in Herat province'), whom people speak for ('a spokesperson for
the regulator') and where they work ('analysts at Morgan Stanley')."""

from spacy.tokens import Span, Token

from services.extract.entities import canonical, ents_within, kinds
from services.extract.events import is_person_noun
from services.extract.figures import subtree_span
from services.extract.places import countries, fold, resolve
from services.extract.words import (
    BODY_KINDS,
    GOVERNMENTS,
    LEADERS,
    ORGANISATIONS,
    OUTLETS,
    PLACE_BODIES,
    PLACE_NOUNS,
    TELLERS,
)


def is_role(ent: Span, head: Token) -> bool:
    """'A South Korean lawmaker', 'US officials', 'the Ishikawa prefectural government': a
    people or place word describing a speaker noun, or any name describing a government, is
    part of the speaker's description, not the speaker."""
    modifies = describes_noun(ent.root, head)
    owned_body = (
        ent.root.dep_ == "poss" and head.lemma_.lower() in ORGANISATIONS
    )  # "Lubbock's health department"
    # 'the UN migration agency', "the U.N. children's agency": a body of a larger organisation
    outlet = kinds().get(canonical(ent)) == "outlet"
    # ('the Sea Watch rescue group' is Sea Watch: a word for what kind of body it is names the body
    # itself, not a part of it)
    part_of = ent.label_ == "ORG" and head.lemma_.lower() in ORGANISATIONS - BODY_KINDS and not outlet
    # 'Lao Cai officials': a name before people in the plural is where they serve, whatever its label
    serving = ent.root.dep_ == "compound" and head.tag_ == "NNS"
    serving = serving and is_person_noun(head)
    # "Trump's lawyers": whom people work for describes them
    whose = ent.root.dep_ == "poss" and is_person_noun(head)
    describes = ent.label_ in ("NORP", "GPE") or head.lemma_.lower() in GOVERNMENTS or owned_body or part_of
    describes = describes or serving or whose
    return describes and is_speaker_noun(head) and head not in ent and modifies


def describes_noun(word: Token, head: Token) -> bool:
    """`word` modifies `head`, directly or through another modifier ('Egyptian security and
    medical sources')."""
    while word.dep_ in ("amod", "compound", "nmod", "poss", "conj") and word.head != word:
        if word.head == head:
            return word.dep_ != "conj"
        word = word.head
    return False


def country_in_capitals(token: Token) -> bool:
    """'ZAMBIA has recorded 16 deaths': a country written in capitals, which the tagger may take
    for an organisation, is the country the place libraries know by that name (not 'UN')."""
    place = resolve(token.text) if token.is_upper and len(token) > 2 else None
    return place is not None and "/" not in str(place)


def is_place_word(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in PLACE_NOUNS


def is_speaker_noun(head: Token) -> bool:
    """People and bodies can speak; 'town' cannot. A lower-case noun the tagger took for a
    name ("Jordan's foreign ministry") is still a noun."""
    body = head.lemma_.lower() in ORGANISATIONS | GOVERNMENTS | PLACE_BODIES | TELLERS
    body = body or head.lower_ in OUTLETS  # 'state media' (lemma 'medium')
    noun = head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.text.islower())
    return noun and (is_person_noun(head) or body)


def role_phrase(head: Token) -> str:
    """The head noun with the modifiers before it: 'South Korean lawmaker', "Lubbock's
    health department", "sheriff's office" (not "the country's": that only points back); for
    people, with what describes them after it: 'people familiar with the talks', 'the police
    officer in charge of security at the festival', 'authorities in Herat province', 'head of
    the military government'."""
    end = head.i
    if head.lemma_.lower() in LEADERS:  # 'the head of its works council': who is led is the role
        end = max((c.right_edge.i for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), default=end)
    elif is_person_noun(head):
        after = [
            c
            for c in head.rights
            if c.dep_ == "amod" or c.dep_ == "prep" and any(o.lemma_.lower() == "charge" for o in c.children)
        ]
        end = max((c.right_edge.i for c in after), default=end)
    if is_speaker_noun(head) and not any(c.dep_ in ("amod", "compound") for c in head.lefts):
        end = max((c.right_edge.i for c in head.rights if serves_in(c)), default=end)  # not 'health workers
    return head.doc[role_start(head) : end + 1].text


def serves_in(prep: Token) -> bool:
    """'(authorities) in Herat province', 'in neighbouring Mozambique': where people who speak
    serve; a country is one by the place library's names, whatever label the model gave it."""
    places = [t for t in prep.subtree if t.ent_type_ in ("GPE", "LOC") or is_place_word(t)
              or (t.pos_ == "PROPN" and fold(t.text) in countries())]
    return prep.dep_ == "prep" and prep.lower_ == "in" and bool(places)


def role_start(head: Token) -> int:
    """Where a role phrase begins: the modifiers before the head noun, without a leading article
    and not before a comma."""
    mods = [t for t in head.lefts if t.dep_ in ("amod", "compound", "nmod")]
    mods += [
        t for t in head.lefts if t.dep_ == "poss" and t.pos_ in ("NOUN", "PROPN") and not is_place_word(t)
    ]
    start = min((t.left_edge.i for t in mods), default=head.i)
    doc = head.doc
    # '... and injured 37, municipal and regional officials said': a role begins after
    # the last comma before its noun; what comes before is another clause the parser hung on it
    # ('local, state and federal officials', 'a senior, retired army officer' keep their lists)
    listing = ("amod", "compound", "nmod", "conj", "appos")
    commas = [t.i for t in doc[start : head.i] if t.text == "," and doc[t.i - 1].dep_ not in listing]
    start = max([start, *(i + 1 for i in commas)])
    while start > 1 and hyphen_joined(doc[start - 1]):
        start -= 2  # 'the co-chairs': a prefix joined by a hyphen is part of the word
    words = [t for t in doc[start : head.i + 1] if t.dep_ != "det" or t.i > start]
    return words[0].i


def acting_for(head: Token) -> str | None:
    """'Lawyers for the plaintiffs': people named by whom they act for keep that."""
    if not is_person_noun(head):
        return None
    clients = [o for o in prep_objects(head, ("for",)) if o.pos_ == "NOUN"]
    return head.doc[role_start(head) : clients[0].i + 1].text if clients else None


def based_in(head: Token) -> bool:
    """'the Seattle-based planemaker': a noun described by where it is based."""
    return any(c.dep_ == "amod" and c.lower_ == "based" for c in head.children)


def prep_objects(head: Token, prepositions: tuple[str, ...]) -> list[Token]:
    """Objects of the head's prepositions ('officials *at* the ministry')."""
    return [
        o
        for p in head.children
        if p.dep_ == "prep" and p.lower_ in prepositions
        for o in p.children
        if o.dep_ == "pobj"
    ]


def body_spoken_for(head: Token) -> Span | None:
    """'A spokesperson for the regulator' speaks for the regulator."""
    if not is_person_noun(head):
        return None
    bodies = [
        o
        for o in prep_objects(head, ("for", "of", "at", "from"))
        if o.lemma_.lower() in ORGANISATIONS | GOVERNMENTS | PLACE_BODIES
    ]
    return head.doc[bodies[0].left_edge.i : bodies[0].i + 1] if bodies else None


def hyphen_joined(token: Token) -> bool:
    """A hyphen with no space on either side: 'co-chairs'."""
    return token.text == "-" and not token.whitespace_ and not token.nbor(-1).whitespace_


WORKPLACE = frozenset(["at", "from"])  # 'analysts at', 'officials from': where people work


def employer_of(head: Token) -> str | None:
    """'Leaders of IAM District 751' → the organisation they lead; 'Analysts at Morgan Stanley',
    'officials from Statistics Norway' keep their role with where they work, as a role with a
    name before it does ('US officials'); 'officials from the ministry' → None."""
    if not is_person_noun(head):
        return None
    objects = [
        o
        for o in prep_objects(head, ("at", "from", "with", "of"))
        if o.ent_type_ == "ORG" or o.pos_ == "PROPN" and not o.ent_type_
    ]
    if not objects:
        return None
    employer = objects[0]
    preposition = employer.head.lower_
    ents = [e for e in ents_within(head.doc[head.i : head.right_edge.i + 1]) if employer in e]
    name = subtree_span(employer)
    if preposition in WORKPLACE:  # the workplace under its one name ('MSF', 'Medecins Sans Frontieres')
        if not ents:
            return head.doc[role_start(head) : name.end].text
        article = "the " if ents[0][0].lower_ == "the" else ""  # 'Researchers at the Cruz Foundation'
        return f"{head.doc[role_start(head) : ents[0].start].text} {article}{canonical(ents[0])}"
    return canonical(ents[0]) if ents else name.text
