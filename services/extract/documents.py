"""Documents that hold figures but cannot assert them ('the report', 'ministry data') and who
stands behind one: its owner, its sender, or the author given where the article first named
that kind of document."""

from spacy.tokens import Doc, Span, Token

from services.extract.figures import subtree_span
from services.extract.roles import body_spoken_for
from services.extract.words import DOCUMENTS, ORGANISATIONS, PLACE_NOUNS


def has_author(head: Token) -> bool:
    """A document that says whose it is: "the council's estimate", 'estimates from modelers'."""
    owned = any(c.dep_ == "poss" for c in head.children)
    sent_by = any(c.dep_ == "prep" and c.lower_ in ("from", "by") for c in head.children)
    return head.lemma_.lower() in DOCUMENTS and (owned or sent_by)


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
        return subtree_span(objects[0])
    keepers = ORGANISATIONS | PLACE_NOUNS  # 'ministry data', 'state data'
    bodies = [c for c in head.lefts if c.dep_ == "compound" and c.lemma_.lower() in keepers]
    return doc[bodies[0].left_edge.i : bodies[0].i + 1] if bodies else None


def is_definite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)


def earlier_author(head: Token) -> Span | None:
    """The author given where the article first spoke of the same kind of document."""
    kept = document_authors(head.doc).get(head.lemma_.lower(), [])
    earlier = [author for at, author in kept if at < head.i]
    return earlier[-1] if earlier else author_beside(head)


def author_beside(head: Token) -> Span | None:
    """'The estimate, published by the Budget Office in a report ...' and later 'the report
    said': a document first named without an author is the one whose author the sentence that
    named it gives."""
    doc, lemma = head.doc, head.lemma_.lower()
    mentions = [t for t in doc[: head.sent.start] if t.lemma_.lower() == lemma and t.pos_ == "NOUN"]
    if not mentions:
        return None
    documents = [t for t in mentions[0].sent if t.pos_ == "NOUN" and t.lemma_.lower() in DOCUMENTS]
    authors = [author_span(doc[t.i : t.i + 1]) for t in documents]
    return next((a for a in authors if a is not None), None)


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
