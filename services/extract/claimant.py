"""Who claims a figure (the speaker) and which outlet carried it, read from the parse.

Patterns: "X said/told/added/announced/wrote/reported ... N", "according to X", "per X",
"X, citing Y, reported" (claimant Y, carrier X), "..., the head of Y, Z, said", and generic
speakers ("the outlet", "the department") resolved across the article (attribution.py).
A document, dataset or report never speaks: its owner or sender does, or nobody. A speaker
keeps the role the text gives it ('South Korean lawmaker').
"""

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from services.extract.acronyms import is_acronym
from services.extract.entities import canonical, ents_within, kinds, titles, with_name_tail
from services.extract.events import is_person_noun, lemmas
from services.extract.speakers import MODALS, is_speech, speakers, subject_of, subordinate
from services.extract.words import ORGANISATIONS, vocabulary

GENERIC_SPEAKERS = vocabulary(
    "outlet media investigation publication newspaper paper agency ministry it he she they source"
)
# Things that hold figures but cannot assert them: the organisation behind one speaks, or nobody.
DOCUMENTS = vocabulary(
    "poll survey study report document analysis estimate data datum census tally count investigation "
    "assessment statement figure figures briefing letter notice release bulletin record filing memo "
    "documentation memorandum model projection forecast statistic statistics number dataset "
    "database chart table list register update review audit inquiry research finding result "
    "transcript tweet video footage map image website page"
)
QUOTES = frozenset(['"', "“", "”", "«", "»"])
# Bodies named after the place they govern: 'the Ishikawa prefectural government'.
GOVERNMENTS = vocabulary("government administration authority council prefecture municipality")
# Places that speak through their government: 'the county said' is the county the article names.
PLACE_BODIES = vocabulary("county city prefecture province municipality")
PLACE_NOUNS = PLACE_BODIES | vocabulary("country nation state region town village")
MEDIA_WORDS = vocabulary("broadcaster newspaper outlet agency channel television radio magazine")
ENTITY_PRIORITY = {"PERSON": 0, "ORG": 1, "NORP": 3, "GPE": 2, "LOC": 4, "FAC": 5}


@dataclass(frozen=True)
class Attribution:
    claimant: str | None
    carrier: str | None = None
    generic: bool = False
    head: str = ""
    person: bool = False  # a person or people, whom 'it' cannot mean


def core(span: Span) -> list[Token]:
    """The subject without its relative clauses, prepositional tails and further conjuncts
    ('the prefecture and the Wajima city government' speaks first as the prefecture)."""
    root = span.root
    cut = {t.i for c in root.children if c.dep_ in ("relcl", "acl", "prep", "advcl", "conj", "cc")
           for t in c.subtree}
    return [t for t in span if t.i not in cut]


def name_of(span: Span | None) -> tuple[str | None, bool]:
    """(canonical name, generic?) for a claimant span: its best entity, else its head noun; a
    span without a word ('%' the parser took for a subject) names nobody."""
    name, generic = read_name(span)
    return (name, generic) if name is None or any(c.isalpha() for c in name) else (None, False)


def read_name(span: Span | None) -> tuple[str | None, bool]:
    if span is None:
        return None, False
    quoted = quoted_name(span.root)
    if quoted:
        return quoted, False
    if has_author(span.root):
        return document_author(span)  # 'Preliminary estimates from modelers': the modelers
    owned = owned_name(span.root)
    if owned is not None:
        return owned, False
    ents = speaker_entities(span)
    if ents and is_role(ents[0], span.root):
        return role_phrase(span.root), False
    if ents:
        return with_name_tail(ents[0]), False
    return unnamed(span)


def owned_name(head: Token) -> str | None:
    """"Moody's Analytics": capitalised words owned by an organisation's name, and no name of
    their own, are one name with it; lower-case ones are not ("Moody's analysts" stays the
    people of Moody's, with their role)."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.ent_type_ == "ORG"), None)
    words = head.doc[owner.right_edge.i + 1 : head.i + 1] if owner is not None else []
    if owner is None or head.ent_type_ or not all(t.is_title for t in words):
        return None
    return head.doc[owner.left_edge.i : head.i + 1].text.removeprefix("the ").removeprefix("The ")


def has_author(head: Token) -> bool:
    """A document that says whose it is: "the council's estimate", 'estimates from modelers'."""
    owned = any(c.dep_ == "poss" for c in head.children)
    sent_by = any(c.dep_ == "prep" and c.lower_ in ("from", "by") for c in head.children)
    return head.lemma_.lower() in DOCUMENTS and (owned or sent_by)


def speaker_entities(span: Span) -> list[Span]:
    """Names in the subject, best first: the head's own, not an owner's, people before
    organisations before places. Lower-case words the tagger took for names are not names."""
    kept = {t.i for t in core(span)}
    ents = [
        e
        for e in ents_within(span)
        if e.label_ in ENTITY_PRIORITY and kept & set(range(e.start, e.end)) and not is_common_word(e)
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
    named_like_number = head.pos_ == "PROPN" and head.text[-1:].isalpha()  # '23andMe'
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
        return span.doc[names[0].i : names[-1].i + 1].text, False
    if {head.lemma_.lower(), head.lower_} & GENERIC_SPEAKERS or head.pos_ == "PRON" or is_bare_body(head):
        return None, True  # 'the department', 'it': whoever the article named so
    return acting_for(head) or role_phrase(head), False


def is_bare_title(span: Span) -> bool:
    """'the Minister', 'the President': a title alone, which points back to whoever the
    article named with it."""
    words = [t for t in span if t.dep_ != "det"]
    return len(words) == 1 and titles().fullmatch(words[0].text + " ") is not None


def acting_for(head: Token) -> str | None:
    """'Lawyers for the plaintiffs': people named by whom they act for keep that."""
    if not is_person_noun(head):
        return None
    clients = [o for o in prep_objects(head, ("for",)) if o.pos_ == "NOUN"]
    return head.doc[role_start(head) : clients[0].i + 1].text if clients else None


def based_in(head: Token) -> bool:
    """'the Seattle-based planemaker': a noun described by where it is based."""
    return any(c.dep_ == "amod" and c.lower_ == "based" for c in head.children)


def quoted_name(head: Token) -> str | None:
    """'the opposition publication "Important Stories"': a capitalised name in quotation
    marks right after the noun that describes it."""
    doc, start = head.doc, head.i + 1
    if start >= len(doc) or doc[start].text not in QUOTES:
        return None
    end = next((t.i for t in doc[start + 1 : start + 8] if t.text in QUOTES), None)
    words = doc[start + 1 : end] if end else None
    return words.text if words and all(t.is_title or not t.is_alpha for t in words) else None


def prep_objects(head: Token, prepositions: tuple[str, ...]) -> list[Token]:
    """Objects of the head's prepositions ('officials *at* the ministry')."""
    return [o for p in head.children if p.dep_ == "prep" and p.lower_ in prepositions
            for o in p.children if o.dep_ == "pobj"]


def body_spoken_for(head: Token) -> Span | None:
    """'A spokesperson for the regulator' speaks for the regulator."""
    if not is_person_noun(head):
        return None
    bodies = [o for o in prep_objects(head, ("for", "of", "at", "from"))
              if o.lemma_.lower() in ORGANISATIONS | GOVERNMENTS | PLACE_BODIES]
    return head.doc[bodies[0].left_edge.i : bodies[0].i + 1] if bodies else None


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
    part_of = ent.label_ == "ORG" and head.lemma_.lower() in ORGANISATIONS and not outlet
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


def is_place_word(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in PLACE_NOUNS


# Nouns for people only as the ones who tell: 'Egyptian security and medical sources'.
TELLERS = vocabulary("source insider")


def is_speaker_noun(head: Token) -> bool:
    """People and bodies can speak; 'town' cannot. A lower-case noun the tagger took for a
    name ("Jordan's foreign ministry") is still a noun."""
    body = head.lemma_.lower() in ORGANISATIONS | GOVERNMENTS | PLACE_BODIES | TELLERS
    noun = head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.text.islower())
    return noun and (is_person_noun(head) or body)


# Nouns for a person by what they lead, which only their 'of' phrase tells.
LEADERS = vocabulary("head chief leader chair")


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
        after = [c for c in head.rights if c.dep_ == "amod" or c.dep_ == "prep"
                 and any(o.lemma_.lower() == "charge" for o in c.children)]
        end = max((c.right_edge.i for c in after), default=end)
    if is_speaker_noun(head) and not any(c.dep_ in ("amod", "compound") for c in head.lefts):
        end = max((c.right_edge.i for c in head.rights if serves_in(c)), default=end)  # not 'health workers
    return head.doc[role_start(head) : end + 1].text


def serves_in(prep: Token) -> bool:
    """'(authorities) in Herat province': where people who speak serve."""
    places = [t for t in prep.subtree if t.ent_type_ in ("GPE", "LOC") or is_place_word(t)]
    return prep.dep_ == "prep" and prep.lower_ == "in" and bool(places)


def role_start(head: Token) -> int:
    """Where a role phrase begins: the modifiers before the head noun, without a leading article."""
    mods = [t for t in head.lefts if t.dep_ in ("amod", "compound", "nmod")]
    mods += [
        t for t in head.lefts if t.dep_ == "poss" and t.pos_ in ("NOUN", "PROPN") and not is_place_word(t)
    ]
    start = min((t.left_edge.i for t in mods), default=head.i)
    words = [t for t in head.doc[start : head.i + 1] if t.dep_ != "det" or t.i > start]
    return words[0].i


def employer_of(head: Token) -> str | None:
    """'Analysts at Morgan Stanley', 'Leaders of IAM District 751' → the organisation;
    'officials from the ministry' → None."""
    if not is_person_noun(head):
        return None
    objects = [o for o in prep_objects(head, ("at", "from", "with", "of"))
               if o.ent_type_ == "ORG" or o.pos_ == "PROPN" and not o.ent_type_]
    if not objects:
        return None
    ents = [e for e in ents_within(head.doc[head.i : head.right_edge.i + 1]) if objects[0] in e]
    name = objects[0].doc[objects[0].left_edge.i : objects[0].right_edge.i + 1]
    return canonical(ents[0]) if ents else name.text


def is_bare_body(head: Token) -> bool:
    """'the company', 'the department': an organisation noun with nothing but an article."""
    bare = not any(c.dep_ in ("amod", "compound", "nmod", "poss", "appos") for c in head.children)
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)
    body = head.lemma_.lower() in ORGANISATIONS | PLACE_BODIES
    return body and head.tag_ == "NN" and bare and definite


def author_span(span: Span) -> Span | None:
    """Who stands behind a document: its owner ('the council's estimate'), or the object of
    'from'/'by' on it or on a participle of it ('a letter from the ministry', 'data published
    by the agency')."""
    head, doc = span.root, span.doc
    owners = [c for c in head.children if c.dep_ == "poss"]
    if owners:
        return doc[owners[0].left_edge.i : owners[0].i + 1]
    holders = [head, *(c for c in head.children if c.dep_ == "acl")]
    preps = [c for h in holders for c in h.children if c.dep_ in ("prep", "agent")]
    preps = [p for p in preps if p.lower_ in ("from", "by")]
    objects = [o for p in preps for o in p.children if o.dep_ == "pobj"]
    if objects:
        return doc[objects[0].left_edge.i : objects[0].right_edge.i + 1]
    keepers = ORGANISATIONS | PLACE_NOUNS  # 'ministry data', 'state data'
    bodies = [c for c in head.lefts if c.dep_ == "compound" and c.lemma_.lower() in keepers]
    return doc[bodies[0].left_edge.i : bodies[0].i + 1] if bodies else None


def is_definite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)


def earlier_author(head: Token) -> Span | None:
    """The author given where the article first spoke of the same kind of document."""
    kept = document_authors(head.doc).get(head.lemma_.lower(), [])
    earlier = [author for at, author in kept if at < head.i]
    return earlier[-1] if earlier else None


def document_authors(doc: Doc) -> dict[str, list[tuple[int, Span]]]:
    """Each kind of document the article names with its author ('an estimate by X'), read
    once per article."""
    if "document_authors" not in doc.user_data:
        found: dict[str, list[tuple[int, Span]]] = {}
        for token in doc:
            author = author_span(doc[token.i : token.i + 1]) if has_author(token) else None
            if author is not None:
                found.setdefault(token.lemma_.lower(), []).append((token.i, author))
        doc.user_data["document_authors"] = found
    return doc.user_data["document_authors"]


def speaking_part(span: Span | None) -> Span | None:
    """The part of a subject that can speak: a document's author, the body a spokesperson
    speaks for, else the subject."""
    if span is None:
        return span
    if span.root.lemma_.lower() not in DOCUMENTS:
        return body_spoken_for(span.root) or span
    return author_span(span) or span


def document_author(span: Span) -> tuple[str | None, bool]:
    """'A poll published by CRTA' → CRTA; "the council's own estimate" → council;
    'interior ministry data' → interior ministry; 'the figures' → nobody (a document never
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
    return None, head.lemma_.lower() == "investigation"


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
        media = any(t.lemma_.lower() in MEDIA_WORDS for t in listener.subtree)
        for ent in ents:
            if kinds().get(canonical(ent)) == "outlet" or (ent.label_ == "ORG" and media):
                return canonical(ent)
    return None


def generic_phrase(span: Span | None) -> str:
    """'The interior ministry' → 'interior ministry'; 'he' → 'he'."""
    if span is None:
        return ""
    head = span.root
    words = [t for t in head.lefts if t.dep_ in ("amod", "compound") and t.i >= head.i - 3]
    start = min((t.left_edge.i for t in words), default=head.i)  # 'disaster management agency'
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
                return sent.doc[obj.left_edge.i : obj.right_edge.i + 1], kind
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
    return subject is not None and subject.root.ent_type_ in ("GPE", "LOC")


def reported_by_outer(verb: Token, subject: Span | None) -> bool:
    """'X said it had confirmed 42 deaths', 'X said the government had ordered checks of 34
    jets': a pronoun speaking, or a decision reported, inside another speaker's statement is
    that speaker's claim."""
    pronoun = subject is not None and subject.root.pos_ == "PRON"
    unnamed = name_of(subject)[1]  # 'X said the government had declared ...': a body X speaks of
    reported = pronoun or unnamed or verb.lemma_.lower() in DECISIONS
    # '... gave the figure, hours after he had put it at 13': an aside is no part of the statement
    return reported and not subordinate(verb) and any(is_speech(a) for a in verb.ancestors)


def attribute(figure_token: Token, sent: Span) -> tuple[Attribution, str]:
    """The figure's own attribution, and the generic speaker word when it is one ('agency')."""
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
    ref, kind = reference(sent)
    ref_name, ref_generic = name_of(ref) if ref is not None else (None, False)
    if kind == "citing" and ref is not None and not ents_within(ref) and not is_person_noun(ref.root):
        ref_name = None  # 'citing official documentation': the citing outlet speaks
    if kind == "citing" and ref_name:
        return Attribution(ref_name, carrier=speaker), ""
    place = subject is not None and (is_place_subject(subject) or is_place_word(subject.root))
    place_spoke = speaker is not None and place
    if speaker and ref_name and kind == "according" and place_spoke:
        return Attribution(ref_name), ""  # 'Congo has reported 15,600 cases, according to the WHO'
    if speaker and ref_name and kind == "according" and is_outlet(speaker) and not is_outlet(ref_name):
        return Attribution(ref_name, carrier=speaker), ""  # 'the Journal reported ..., according to people'
    if speaker and ref_name and ref_name != speaker:
        carrier = ref_name if kinds().get(ref_name, "outlet") == "outlet" else None
        return Attribution(speaker, carrier=carrier), ""
    if speaker:
        carrier = told or outlet_in(subject, speaker)
        return Attribution(speaker, carrier=carrier, head=mention, person=is_person(subject)), ""
    if ref_name and kind == "according":
        return Attribution(ref_name), ""
    if ref_generic and not generic:
        return Attribution(None, generic=True), generic_phrase(speaking_part(ref))
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
    return Attribution(None, generic=True), generic


# Verbs by which an organisation states a figure by committing to it: 'Boeing will cut
# 17,000 jobs', 'UnitedHealth spent $872 million', 'the regulator fined the bank $2 million'.
COMMITMENTS = vocabulary(
    "offer propose pledge promise spend pay cut seek demand withdraw order fine award approve "
    "allocate invest donate hire employ charge raise lower set plan budget earmark impose levy "
    "lay furlough dismiss arrest detain indict register record document release"
)


# Decisions whose amount is stated by whoever imposes them, named or not ('the regulator',
# 'Greek authorities have charged nine men'); the other commitments need a name or a body's
# country ('the U.N. has registered 20,000 deaths', "Spain's government approved ...").
SANCTIONS = vocabulary("fine impose levy charge arrest detain indict")
SANCTION_NOUNS = vocabulary("fine penalty")


def committing_body(token: Token) -> Span | None:
    """With no speaker, the organisation that commits to the figure is its source; a person
    or a country that 'pays' or 'cuts' is not thereby asserting anything. A sanction's source
    may be its agent ('a fine of €1.2 billion by Ireland's Data Protection Commission', '€746
    million, which was levied on Amazon by Luxembourg's data watchdog'). A body named only by
    its kind ('The union has demanded 77%') is the one the article names elsewhere."""
    verb = next((a for a in token.ancestors if a.pos_ == "VERB"), None)
    nouns = [token, *(a for a in token.ancestors if verb is None or a.i != verb.i and verb in a.ancestors)]
    relative = next((c for n in nouns for c in n.children if c.dep_ == "relcl"), None)
    for clause in (relative, verb):
        said = committing_subject(clause) if clause is not None else None
        if said is not None:
            return phrase(said)
    fine = next((n for n in nouns if n.lemma_.lower() in SANCTION_NOUNS), None)
    agents = [o for p in (fine.children if fine is not None else []) if p.lower_ == "by"
              for o in p.children if o.dep_ == "pobj" and is_body(o, sanction=True)]
    return phrase(agents[0]) if agents else None


def committing_subject(verb: Token) -> Token | None:
    said = set(lemmas(verb))  # 'fined' is read as a form of 'fin'
    # 'the regulator can fine a company up to 4%': what a body may do is a rule, not a figure it gives
    possible = any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)
    if not said & COMMITMENTS or possible:
        return None
    sanction = bool(said & SANCTIONS)
    agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] + (agents if sanction else [])
    bodies = [s for s in subjects if is_body(s, sanction or qualified(s)) or is_bare_body(s)]
    return bodies[0] if bodies else None


def qualified(noun: Token) -> bool:
    """'Spain's government', 'the Kenyan cabinet': a body named by its kind and whose it is is
    no vaguer than a name; a bare 'the company' is."""
    owners = ("poss", "compound", "amod")  # not any capitalised word: headlines capitalise all
    return any(c.dep_ in owners and c.ent_type_ in ("GPE", "NORP") for c in noun.children)


def is_body(token: Token, sanction: bool) -> bool:
    """A named organisation, or for a sanction an organisation named by its kind ('the
    regulator', 'Greek authorities')."""
    named = token.ent_type_ == "ORG" or token.pos_ == "PROPN" and is_acronym(token.text)  # 'the DPC'
    return named or sanction and token.pos_ == "NOUN" and token.lemma_.lower() in ORGANISATIONS


def phrase(token: Token) -> Span:
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


# What a party puts forward, whose terms are that party's figures.
PROPOSALS = vocabulary("offer proposal bid plan package")


def proposal_owner(token: Token) -> Span | None:
    """"the company's offer, which included a 35% raise": what an offer holds is its owner's
    figure, whoever tells of the offer."""
    for clause in (a for a in token.ancestors if a.dep_ == "relcl"):
        offer = clause.head
        owners = [c for c in offer.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        if offer.lemma_.lower() in PROPOSALS and owners:
            return phrase(owners[0])
    return None


def estimate_owner(token: Token) -> str | None:
    """'AccuWeather raised its estimate of the damage to $145 billion': whoever changes
    their own estimate states its new value."""
    for verb in (a for a in token.ancestors if a.pos_ == "VERB"):
        owned = [
            c
            for c in verb.children
            if c.dep_ == "dobj"
            and c.lemma_.lower() in DOCUMENTS
            and any(p.dep_ == "poss" and p.pos_ == "PRON" for p in c.children)
        ]
        if owned:
            return name_of(subject_of(verb))[0]
    return None
