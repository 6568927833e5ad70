"""Generic speakers resolved to the names an article gives them: 'he' to the person last named
as a subject, 'it' to the body that last spoke or acted, 'the department' to the longest name
in the article with that word ('Texas Department of State Health Services'), 'the company' to
the organisation the article is about. `Memory` holds what earlier sentences tell later ones."""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from schemas.figures import Figure
from services.extract import places
from services.extract.claimant import Attribution, generic_phrase
from services.extract.entities import ents_within, kinds, titles, with_name_tail
from services.extract.events import is_person_noun
from services.extract.speaker_names import is_common_word, name_of
from services.extract.words import AGENCIES, BUSINESSES, ORGANISATIONS, OUTLETS

PERSONAL = frozenset(["he", "she", "his", "her"])  # pronouns for a person only
PERSON_REACH = 2  # sentences before a pronoun in which the person it means is looked for
PRONOUNS = frozenset(["he", "she", "they", "it", "we", "his", "her", "their", "its", "our"])  # and owners
PLACES = frozenset(["GPE", "LOC", "NORP", "DATE", "TIME"])
NAME_JOINS = frozenset(["of", "for", "on"])  # 'Department of ...', 'Commission on Human Rights'
IDLE_WORDS = frozenset(["the", "a", "an", "this", "that", "its", "their", "his", "her", "our"])


@dataclass
class Memory:
    """What earlier sentences of the article tell later ones."""

    named: list[Attribution] = field(default_factory=list)
    previous: Attribution | None = None
    previous_end: int = 0  # where the previous sentence ends in the text
    previous_counted: bool = False  # the previous sentence gave a count of people
    last_counted: str | None = None
    last_thing: tuple[Token, str] | None = None
    last_percent: str = ""
    headline_end: int = 0
    figures: list[Figure] = field(default_factory=list)
    perfect: set[str] = field(default_factory=set)  # figures told in the past perfect
    vague: set[str] = field(default_factory=set)  # figures whose claimant is a word, not a name
    bodies: list[Attribution] = field(default_factory=list)  # named bodies that spoke or acted, for 'it'
    run: object = None  # runs.Run: the source whose figures later sentences may go on with
    carried: set[str] = field(default_factory=set)  # figures whose source a run gave

    def resolve(self, generic: str, sent: Span) -> Attribution | None:
        """'he' → the last named claimant; 'the department' → the longest name in the article
        with that word ('Texas Department of State Health Services'); 'the agency' → the last
        one mentioned as an agency; 'the company' → the organisation named last before;
        else the phrase itself ('interior ministry')."""
        words = generic.split()
        if not words:
            return None
        if words[-1].lower() in PERSONAL:
            person = person_before(sent, words[-1].lower())
            if person is not None:
                return person
        if words[-1].lower() in ("it", "its"):
            body = body_before(sent, words[-1].lower())
            if body is not None:
                return body if body.claimant else self.resolve(body.head, sent)
            if self.bodies:  # not the residents or the mayor who spoke
                return self.bodies[-1]
        if words[-1].lower() == "they":
            subject = subject_before(sent, "they")
            if subject is not None:
                return subject if subject.claimant else self.resolve(subject.head, sent)
        if titles().fullmatch(generic + " "):  # 'the minister', 'the chair'
            return self.titled(sent, words[-1].lower())
        if words[-1].lower() in PRONOUNS:
            return self.named[-1] if self.named else None  # 'they', 'we'
        head, marks = words[-1].lower(), describing_words(words[:-1])
        for known in reversed(self.named):
            if names_body(known.claimant or "", head, marks) or head == known.head and not marks:
                return known
        mention = longest_mention(head, marks, sent)
        if mention is not None:
            return Attribution(mention, head=head)
        for nouns, kind in ((OUTLETS, "outlet"), (AGENCIES, "agency")):
            same = [k for k in self.named if kinds().get(k.claimant or "") == kind]
            if head in nouns and same:
                return same[-1]
        spoke = self.organisation_that_spoke(sent.doc)
        if len(words) == 1 and head in AGENCIES and spoke is not None:
            return spoke
        introduced = introduced_name(sent, head)
        if introduced is not None:
            return introduced
        based = "based" in re.split(r"[-\s]", generic.lower())  # 'the London-based charity'
        if head in BUSINESSES or based:
            return main_organisation(sent.doc) or Attribution(generic, generic=True)
        return Attribution(generic, generic=True)  # a word for a body, not its name

    def titled(self, sent: Span, title: str) -> Attribution | None:
        """The person the article gave the title, in the form they last spoke under ('Lee' for
        'Mayor Ann Lee'); with no one so titled, the last person who spoke."""
        person = titled_person(sent, title)
        if person is None:
            return next((k for k in reversed(self.named) if k.person), None)
        surname = person.claimant.split()[-1]
        return next((k for k in reversed(self.named) if (k.claimant or "").split()[-1:] == [surname]), person)

    def organisation_that_spoke(self, doc: Doc) -> Attribution | None:
        """The last claimant so far that the article names as an organisation."""
        organisations = {with_name_tail(e) for e in doc.ents if e.label_ == "ORG"}
        return next((k for k in reversed(self.named) if k.claimant in organisations), None)


def person_before(sent: Span, pronoun: str) -> Attribution | None:
    """'he', 'she': the person last named as a subject before the pronoun, in its sentence or
    the PERSON_REACH sentences before it ('Mayor Ann Lee spoke after she had put the toll at
    13'); a person only mentioned ('a panel with retired judge Ann Lee') is not whom 'she' means."""
    doc = sent.doc
    at = next((t.i for t in sent if t.lower_ == pronoun), sent.start)
    start = sent.start
    for _ in range(PERSON_REACH):
        start = doc[start - 1].sent.start if start > 0 else start
    people = [
        e
        for e in ents_within(doc[start:at])
        if e.label_ == "PERSON" and e.end <= at and e.root.dep_ in ("nsubj", "nsubjpass", "appos")
    ]
    return Attribution(with_name_tail(people[-1]), person=True) if people else None


TITLE_REACH = 6  # words before a name in which the title it was given is looked for


def titled_person(sent: Span, title: str) -> Attribution | None:
    """'the minister', 'the chair': the person the article last named with that title before
    ('Irrigation Minister Dana Kowal', 'Lena Ortiz, the board's chair'), not whoever spoke last."""
    doc = sent.doc
    people = [e for e in ents_within(doc[: sent.end]) if e.label_ == "PERSON"]
    for ent in reversed(people):
        before = doc[max(ent.sent.start, ent.start - TITLE_REACH) : ent.end]
        described = [t for c in ent.root.children if c.dep_ == "appos" for t in c.subtree]
        if any(is_title_word(t, title) for t in [*before, *described]):
            unnamed = untagged_titled(doc[ent.end : sent.end], title)
            return Attribution(unnamed or with_name_tail(ent), person=True)
    return Attribution(unnamed, person=True) if (unnamed := untagged_titled(doc[: sent.end], title)) else None


def untagged_titled(words: Span, title: str) -> str | None:
    """'Governor Umaru Bago': the last name of two or more capitalised words right after the
    title that the model found no entity in (it tags some names of every region less often)."""
    found = None
    for word in words:
        if not is_title_word(word, title):
            continue
        name = []
        for after in words.doc[word.i + 1 : words.end]:
            if after.pos_ != "PROPN" or not after.is_title or after.ent_type_:
                break
            name.append(after)
        if len(name) >= 2:
            found = words.doc[name[0].i : name[-1].i + 1].text
    return found


def is_title_word(token: Token, title: str) -> bool:
    """'minister' for 'the minister'; 'Gov.' for 'the governor'."""
    word = token.lower_.rstrip(".")
    return word == title or token.lower_.endswith(".") and len(word) >= 3 and title.startswith(word)


def body_before(sent: Span, pronoun: str) -> Attribution | None:
    """'The union is seeking a deal, which it says ...': 'it' is the body that is the subject
    of a clause before the pronoun in its own sentence, when there is one; a person or a place
    is not. A body named by a word ('the union') comes back with that word to resolve."""
    for subject in reversed(subjects_before(sent, pronoun)):
        span = sent.doc[subject.left_edge.i : subject.i + 1]
        body = subject.ent_type_ == "ORG" or subject.lemma_.lower() in ORGANISATIONS
        if not body or is_person_noun(subject) or subject.ent_type_ == "PERSON":
            continue
        name, generic = name_of(span)
        if name or generic:
            return Attribution(name, head=generic_phrase(span))
    return None


def subjects_before(sent: Span, pronoun: str) -> list[Token]:
    """The subjects named by nouns, not places, in the sentence before the pronoun."""
    at = next((t.i for t in sent if t.lower_ == pronoun), sent.end)
    return [t for t in sent.doc[sent.start : at]
            if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in PLACES]


def subject_before(sent: Span, pronoun: str) -> Attribution | None:
    """'The union and the council offered a deal they say would save $2 million', 'a hacker
    posted what they said was data on 1 million users': 'they' in a clause hung on another is
    that clause's subject, people or a body, not a place."""
    # 'Three bodies were found, and they ...': what was found does not speak
    subjects = [t for t in subjects_before(sent, pronoun) if t.ent_type_ in ("ORG", "PERSON")
                or is_person_noun(t) or t.lemma_.lower() in ORGANISATIONS]
    if not subjects:
        return None
    span = sent.doc[subjects[-1].left_edge.i : subjects[-1].right_edge.i + 1]
    name, generic = name_of(span)
    return Attribution(name, head=generic_phrase(span)) if name or generic else None


def longest_mention(head: str, marks: list[str], sent: Span) -> str | None:
    """The body a generic phrase points to, under the longest name the article gives it: 'the
    department' → the department named last before (or, when none is, first after), 'the
    health ministry' → a ministry whose name has 'health' ('Ministry of Health'), never
    another ministry the article names."""
    doc = sent.doc
    ents = [e for e in doc.ents if e.label_ in ("ORG", "GPE", "FAC") and not is_common_word(e)]
    names = [(e.start, with_name_tail(e)) for e in ents]
    names = [(at, n) for at, n in names if names_body(n, head, marks) and kinds().get(n) != "outlet"]
    if not names:
        return None
    before = [(at, n) for at, n in names if at < sent.end]
    nearest = max(before)[1] if before else min(names)[1]
    return max((n for _, n in names if nearest.lower() in n.lower()), key=len)


def names_body(name: str, head: str, marks: list[str]) -> bool:
    """The name has the body's noun as its head and every word that describes it: 'Ministry of
    Health' for 'health ministry', 'Bureau of Labor Statistics' for 'statistical bureau'; not
    'County officials' for 'the county', nor "Ministry of Health's Monitoring Panel" (the panel)
    for 'the ministry'."""
    words = re.findall(r"\w+", re.split(r"['’]s ", name.lower())[-1])
    ends = [w for w, after in zip(words, [*words[1:], ""], strict=True) if after in ("", *NAME_JOINS)]
    return head in ends and all(any(same_stem(m, w) for w in words) for m in marks)


def same_stem(one: str, other: str) -> bool:
    return one == other or min(len(one), len(other)) >= 5 and one[:5] == other[:5]


@lru_cache(maxsize=1)
def demonym_words() -> frozenset[str]:
    return frozenset(word for demonym in places.demonyms() for word in demonym.split())


def describing_words(words: list[str]) -> list[str]:
    """The words before a body's noun that tell which body it is ('health' of 'the health
    ministry'); a nationality or place ('Spanish', 'Texas') may be left out of its name, an
    article or owner's word tells nothing."""
    people = demonym_words()
    kept = [w.lower() for w in words if w[:1].isalpha() and not re.search(r"['’]s?$", w)]
    return [w for w in kept if w not in people and w not in IDLE_WORDS]


def main_organisation(doc: Doc) -> Attribution | None:
    """The organisation the article names most often (not an outlet): 'the company'."""
    names = [with_name_tail(e) for e in doc.ents if e.label_ == "ORG"]
    names = [n for n in names if kinds().get(n) != "outlet"]
    if not names:
        return None
    most = max(names, key=names.count)  # under its longest name: 'ArcelorMittal Temirtau'
    return Attribution(max((n for n in names if n.startswith(most)), key=len))


def introduced_name(sent: Span, head: str) -> Attribution | None:
    """'the company' → the first name the article introduced after a describing noun ('The
    software maker Nimbus', 'The operator, Transportes de Lisboa'); 'the site' → the name
    introduced after that same noun ('the tracking site PowerOutage.us')."""
    doc = sent.doc
    for noun in doc[: sent.start]:
        same = noun.lemma_.lower() == head
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
        if noun.pos_ != "NOUN" or is_person_noun(noun) or not (same or definite and head in BUSINESSES):
            continue
        name = name_after(noun, sent.start)
        if name:
            return Attribution(name)
    return None


def name_after(noun: Token, limit: int) -> str:
    """The proper name right after a noun (past one comma): 'operator, Transportes de Lisboa'."""
    doc = noun.doc
    start = noun.i + 1 + (noun.i + 1 < len(doc) and doc[noun.i + 1].text == ",")
    end = start
    while end < limit and doc[end].pos_ == "PROPN" and doc[end].ent_type_ not in PLACES:
        end += 1
    return doc[start:end].text if end > start and doc[start].is_title else ""
