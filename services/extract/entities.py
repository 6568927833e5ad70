"""Canonical names for people, organisations, outlets and places.

A gazetteer (`gazetteer.jsonl`: canonical name, label, kind, aliases) becomes a spaCy
EntityRuler placed before the statistical NER, so known names win over NER guesses
("Verstka" is an outlet, not a person) and every alias carries its canonical name as the
entity id.
"""

import json
import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from schemas.figures import Entity
from services.extract import places
from services.extract.words import ORGANISATIONS, PEOPLE

GAZETTEER = Path(__file__).with_name("gazetteer.jsonl")
HONORIFICS = r"(?:mr|mrs|ms|dr)\.?"  # before a surname the article gave in full before
TITLE_WORDS = (
    r"former|deputy|acting|prime|vice|foreign|defen[cs]e|senior|chief|president|minister|secretary|"
    r"undersecretary|general|gen\.|spokesperson|spokesman|spokeswoman|executive|director|"
    r"commissioner|chairman|chairwoman|chair|chairperson|co-chair|ceo|mayor|governor|chancellor|premier|ambassador|commander|"
    rf"colonel|col\.|senator|{HONORIFICS}|sen\.?|rep\.?|gov\.?|lt\.?|sgt\.?|capt\.?|adm\.?|"
    r"u\.s\.|us|north|south"
)


# A nationality before a name is a title too ('Russian President Vladimir Putin', 'South
# Korean lawmaker Yu Yong-weon'): the words of countryinfo's demonyms, the last word of a
# longer one ('Korean' of 'South Korean'). Built on first use, not at import.
@lru_cache(maxsize=1)
def titles() -> re.Pattern[str]:
    nationalities = sorted(
        {one.split()[-1] for name in places.demonyms() for one in re.split(r"[,/]", name) if one.strip()}
    )
    return re.compile(
        rf"^(the\s+)?(({TITLE_WORDS}|{'|'.join(map(re.escape, nationalities))})\s+)+", re.IGNORECASE
    )


@lru_cache(maxsize=4)
def load_gazetteer(path: Path = GAZETTEER) -> tuple[dict, ...]:
    with path.open(encoding="utf-8") as lines:
        return tuple(json.loads(line) for line in lines if line.strip())


def ruler_patterns(entries: tuple[dict, ...]) -> list[dict]:
    """One phrase pattern per alias, matched on exact text ("US" is not "us"), canonical
    name as id."""
    return [
        {"label": entry["label"], "pattern": alias, "id": entry["name"]}
        for entry in entries
        for alias in [entry["name"], *entry.get("aliases", [])]
    ]


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """alias or name → canonical name."""
    return {a: e["name"] for e in load_gazetteer() for a in [e["name"], *e.get("aliases", [])]}


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """place → adjective of its people: 'North Korea' → 'North Korean'."""
    return {e["name"]: e["demonym"] for e in load_gazetteer() if "demonym" in e}


@lru_cache(maxsize=1)
def kinds() -> dict[str, str]:
    """canonical name → kind (person, agency, outlet, place, government)."""
    return {e["name"]: e.get("kind", e["label"].lower()) for e in load_gazetteer()}


def add_entity_ruler(nlp: Language) -> None:
    ruler = nlp.add_pipe(
        "entity_ruler",
        before="ner" if "ner" in nlp.pipe_names else None,
        config={"overwrite_ents": True, "phrase_matcher_attr": None},
    )
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(ruler_patterns(load_gazetteer()))
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("whole_names", after="ner")


PLACE_WORDS = frozenset(["city", "region", "oblast", "province", "county", "district", "strip", "island"])


def is_name_part(token: Token) -> bool:
    """A capitalised proper noun that is neither a title ('President') nor a known name."""
    capitalised = token.is_title or token.is_upper
    titled = titles().match(f"{token.text} ") is not None
    return capitalised and token.pos_ == "PROPN" and not titled and not token.ent_id_


def whole_name(ent: Span) -> Span:
    """'Department of State' inside 'the Texas Department of State Health Services', 'US' in
    'US Geological Survey', "Moody's" in "Moody's Analytics": a known name that modifies
    capitalised words around it is only part of a longer name, which is the one meant."""
    doc, start, end = ent.doc, ent.start, ent.end
    while end < len(doc) and is_name_part(doc[end]) and max(doc[end - 1].head.i, ent.root.head.i) >= end:
        end += 1
    while start > 0 and is_name_part(doc[start - 1]) and doc[start - 1].dep_ == "compound":
        if not start <= doc[start - 1].head.i < end:
            break
        start -= 1
    if (start, end) == (ent.start, ent.end):
        return ent
    place = ent.label_ in ("GPE", "LOC") and doc[end - 1].lower_ in PLACE_WORDS
    return Span(doc, start, end, label=ent.label_ if place else "ORG")


def whole_person(ent: Span) -> Span:
    """'Nora Vance', where only 'Vance' is a known name: a person's given names before a known
    surname make another person, the one the article names."""
    doc, start = ent.doc, ent.start
    while start > 0 and is_name_part(doc[start - 1]) and doc[start - 1].dep_ == "compound":
        if not ent.start <= doc[start - 1].head.i < ent.end:
            break
        start -= 1
    known = set(ent.ent_id_.split())
    if start == ent.start or all(t.text in known for t in doc[start : ent.start]):
        return ent  # 'Tayyip Erdogan' is the known 'Recep Tayyip Erdogan'
    return Span(doc, start, ent.end, label="PERSON")


@Language.component("whole_names")
def whole_names(doc: Doc) -> Doc:
    known = [e for e in doc.ents if e.ent_id_]
    grown = [g for g, e in ((whole_person(e) if e.label_ == "PERSON" else whole_name(e), e) for e in known)]
    grown = [g for g, e in zip(grown, known, strict=True) if g is not e]
    if grown:
        kept = [e for e in doc.ents if not any(e.start < g.end and g.start < e.end for g in grown)]
        doc.ents = filter_spans([*kept, *grown])
        for token in (t for g in grown for t in g):
            token.ent_id_ = ""  # the longer name is not the known one
    return doc


def canonical(ent: Span) -> str:
    """The gazetteer name when the ruler matched, else the surface form without titles."""
    return ent.ent_id_ or written_name(ent)


HONORIFIC = re.compile(HONORIFICS, re.IGNORECASE)


def written_name(ent: Span) -> str:
    """The name as the text has it, without an owner's 's, a leading 'the' or a person's title."""
    text = re.sub(r"['’]s$", "", ent.text.strip(" \"“”'‘’"))
    if ent.label_ == "PERSON":
        text = titles().sub("", text)
        # the model may start a name at the words of a post ('District Officer Jane Doe'): a
        # word for people, before a first name and a surname at least, ends the title
        post = [t for t in ent[:-2] if t.lemma_.lower() in PEOPLE or t.lower_ in PEOPLE]
        if post and text.endswith(rest := ent.doc[post[-1].i + 1 : ent.end].text):
            text = rest
    return re.sub(r"^the\s+", "", text, flags=re.IGNORECASE).strip()


def honoured(ent: Span) -> bool:
    """'Mr. Blair', 'Ms Masebo': a surname after an honorific, which news writes for a person
    it has named in full before."""
    words = ent.text.split()
    before = words[-2] if len(words) > 1 else ent.doc[ent.start - 1].text if ent.start > 0 else ""
    return HONORIFIC.fullmatch(before) is not None


def entity_of(token: Token) -> Span | None:
    """The entity a token is part of, read from its IOB tags (no scan of the doc's entities)."""
    if not token.ent_type_:
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def ents_within(span: Span) -> list[Span]:
    """The entities inside a span, from one list per doc (`Span.ents` rescans the whole doc)."""
    doc = span.doc
    if "ents" not in doc.user_data:
        doc.user_data["ents"] = tuple(doc.ents)
    ents = doc.user_data["ents"]
    first = bisect_left([e.start for e in ents], span.start)
    return [e for e in ents[first:] if e.start < span.end and e.end <= span.end]


def entities_in(span: Span) -> list[Entity]:
    return [
        Entity(text=e.text, label=e.label_, canonical=canonical(e))
        for e in ents_within(span)
        if e.label_ not in ("CARDINAL", "DATE", "TIME", "ORDINAL", "QUANTITY", "MONEY", "PERCENT")
    ]


NAME_GLUE = frozenset(["the", "of", "and", "for", "&"])  # 'for the Coordination of Humanitarian Affairs'


def as_written(ent: Span) -> str:
    """A known name as the article spells it when only accents set the two apart ('Pedro
    Sanchez' stays so, not 'Pedro Sánchez'); else the known name (an all-caps 'TASS' is
    'Tass')."""
    known, written = canonical(ent), written_name(ent)
    return written if unaccented(written) == unaccented(known) else known


def unaccented(text: str) -> str:
    """The text without its accents, its case kept: 'TASS' is not the known 'Tass' written so."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def with_name_tail(ent: Span, shortened: bool = True) -> str:
    """'Colorado Coalition for the Homeless' when the entity stops before 'for the Homeless':
    an 'of'/'for' tail of capitalised words on the entity's head is part of the name. A known
    surname alone is the person the article names in full (`fuller_name`), unless `shortened`
    is False."""
    doc = ent.doc
    short = ent.label_ == "PERSON" and shortened and (bool(ent.ent_id_) or honoured(ent))
    fuller = fuller_name(ent) if short else None
    if fuller:
        return fuller
    if ent.ent_id_:
        return as_written(ent)
    start = own_start(ent)
    while start > 0 and is_name_word(doc[start - 1]) and start <= doc[start - 1].head.i < ent.end:
        start -= 1  # 'Ferrovie Rapide' when only 'Rapide' was tagged
    if ent.label_ == "PERSON" and start < ent.start and after_preposition(doc[start]):
        start = ent.start  # 'Minister for Rural Affairs Ann Lee': what follows 'for' is the portfolio
    end = name_end(ent)
    end = person_end(ent, end) if ent.label_ == "PERSON" else end
    name = canonical(Span(doc, start, end, label=ent.label_))
    if end > ent.end or ent.end >= len(doc) or ent.label_ != "ORG":
        return name
    prep = doc[ent.end]
    if prep.lower_ not in ("of", "for") or prep.head != ent.root or prep.dep_ != "prep":
        return name
    tail = [t for t in prep.subtree if t.i > prep.i]
    words = [t for t in tail if t.lower_ not in NAME_GLUE]
    if words and all(t.is_title and t.pos_ == "PROPN" for t in words) and tail[-1].i - prep.i == len(tail):
        return f"{name} {doc[prep.i : tail[-1].i + 1].text}"
    return name


def own_start(ent: Span) -> int:
    """Where a name begins when the model ran it on from a title's 'of' phrase ('the Treasury Ann
    Lee' of 'Secretary of the Treasury Ann Lee'): the object of a preposition before the entity
    is what the title is of, and the name begins after it."""
    objects = [t.i for t in ent[:-1] if t.dep_ == "pobj" and t.head.i < ent.start and t.i < ent.root.i]
    return max(objects) + 1 if objects else joined_start(ent)


def after_preposition(token: Token) -> bool:
    """The word opens the object of a preposition ('for', 'of the'), not a name of its own."""
    before = token.nbor(-1) if token.i > 0 else token
    if before.dep_ == "det" and before.i > 0:
        before = before.nbor(-1)
    return before.i < token.i and before.pos_ == "ADP"


def fuller_name(ent: Span) -> str | None:
    """'Vance' → 'Nora Vance' when the article names her, not the better-known Vance of the
    gazetteer; 'Mr. Blair' → 'Bill Blair': a known name of one word, or a surname after an
    honorific, goes by the fuller name the article gives someone of that surname: the person it
    introduced first ('Ruth Okafor', not her son 'Daniel Okafor' named after her), under the
    shortest form of that name ('Ann Lee' for 'CEC Ann Lee'). A bare surname the gazetteer does
    not know stays as the sentence writes it."""
    words = written_name(ent).split()
    if len(words) != 1:
        return None
    names = [(start, name) for start, name in full_names(ent.doc) if name.split()[-1] == words[0]]
    if not names:
        return None
    first = min(names)[1]  # the person introduced first, not a relative named after them
    same = [n for _, n in names if first.endswith(" " + n) or n == first]  # 'CEC Ann Lee' is 'Ann Lee'
    return min(same, key=len)


def full_names(doc: Doc) -> list[tuple[int, str]]:
    """The article's people named by more than one word, with where each is named."""
    if "full_names" not in doc.user_data:
        people = [e for e in doc.ents if e.label_ == "PERSON"]
        named = [(e.start, with_name_tail(e, shortened=False)) for e in people]
        doc.user_data["full_names"] = [(at, name) for at, name in named if len(name.split()) > 1]
    return doc.user_data["full_names"]


def person_end(ent: Span, end: int) -> int:
    """Where a person's name ends when the model ran it on into where they work ('Ann Lee of
    Pacific State University'): a person's name holds no preposition."""
    words = ent.doc[ent.start + 1 : end]
    return next((t.i for t in words if t.pos_ == "ADP" and t.dep_ == "prep"), end)


def name_end(ent: Span) -> int:
    """Where a name the model cut short ends: the capitalised words its own words hang on ('Min
    Aung' of 'Min Aung Hlaing'), the words of its own 'of' phrase ('The Federation of All' of
    '... All India Medical Associations') and a number that ends it ('IAM District 751')."""
    doc, end = ent.doc, ent.end
    inside = {t.i for t in ent}
    named = ent.root.head  # 'Luiz Inacio' of 'Luiz Inacio Lula da Silva': the words hang on 'Silva'
    if ent.root.dep_ == "compound" and named.pos_ == "PROPN" and 0 < named.i - end < 4 and all(
            t.pos_ == "PROPN" and t.dep_ == "compound" for t in doc[end : named.i]):
        return named.i + 1
    if (joined := joined_body(ent)) is not None:
        return joined
    while end < len(doc):
        word = doc[end]
        heads_name = word.pos_ == "PROPN" and word.is_title and any(doc[i].head == word for i in inside)
        in_phrase = word.pos_ == "PROPN" and word.is_title and any(
            a.i in inside and a.lower_ == "of" for a in word.ancestors)
        number = word.like_num and word.head.i in inside and word.dep_ in ("nummod", "appos") and (
            doc[end - 1].is_title)
        if not (heads_name or in_phrase or number):
            break
        inside.add(end)
        end += 1
    return end


def joined_body(ent: Span) -> int | None:
    """'the Vietnam Disaster and Dyke Management Authority', which the model reads as two
    organisations: a name after 'the' that ends in no organisation word, joined by 'and' to a
    capitalised name that does, is one body (not 'Google and Microsoft')."""
    doc = ent.doc
    if ent.label_ != "ORG" or ent[0].lower_ != "the" or ent[-1].lower_ in ORGANISATIONS:
        return None
    if ent.end + 1 >= len(doc) or doc[ent.end].lower_ != "and":
        return None
    end = ent.end + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and end - ent.end < 6:
        end += 1
    return end if end > ent.end + 1 and doc[end - 1].lower_ in ORGANISATIONS else None


def joined_start(ent: Span) -> int:
    """Where a body's name begins when the model split it at 'and': 'the Philippine Coast' and
    'Harbour Safety Authority' are one name (see `joined_body`)."""
    doc = ent.doc
    if ent.label_ != "ORG" or ent.start < 2 or doc[ent.start - 1].lower_ != "and":
        return ent.start
    before = entity_of(doc[ent.start - 2])
    joined = joined_body(before) if before is not None else None
    return before.start if joined is not None and joined >= ent.end else ent.start


def is_name_word(token: Token) -> bool:
    """A compound before a name that is no title ('Sri Mulyani' of 'Indrawati'): capitalised,
    or a lower-case particle the tagger reads as part of the name ('da' of 'Mendes da Costa')."""
    title = titles().match(f"{token.text} ") is not None
    cased = token.is_title or token.is_lower and token.i + 1 < len(token.doc) and token.nbor().is_title
    return token.dep_ == "compound" and token.pos_ == "PROPN" and cased and not title
