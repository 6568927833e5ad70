"""The indexed attribute rules find exactly the matches of spaCy's own AttributeRuler, and
set the same attributes: on small rules of every kind, and on the model's rules over the
seeds and held-out articles."""

from pathlib import Path

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from services.extract.attribute_rules import IndexedAttributeRuler

ROOT = Path(__file__).resolve().parents[3]
RULES = [
    {"patterns": [[{"TAG": "NNS"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"LOWER": "his", "TAG": "PRP$"}]], "attrs": {"LEMMA": "his"}},
    {"patterns": [[{"LOWER": {"IN": ["was", "were"]}, "TAG": "VBD"}]], "attrs": {"LEMMA": "be"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux"]}}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"TEXT": "Was"}], [{"LOWER": "was"}]], "attrs": {"MORPH": "Tense=Past"}},
]
WORDS = ["His", "dogs", "was", "gon", "na", "nothin'", " ", "Was", "to", "were", "his"]
TAGS = ["PRP$", "NNS", "VBD", "VBG", "TO", "NN", "_SP", "VBD", "TO", "VBD", "PRP$"]
DEPS = ["poss", "nsubj", "aux", "ROOT", "aux", "dobj", "dep", "ROOT", "aux", "aux", "poss"]


def both(vocab, rules) -> tuple[AttributeRuler, IndexedAttributeRuler]:
    spacy_own, indexed = AttributeRuler(vocab), IndexedAttributeRuler(vocab)
    spacy_own.add_patterns(rules)
    indexed.add_patterns(rules)
    return spacy_own, indexed


def test_rules_of_every_kind_match_as_spacys_own():
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=list(range(len(WORDS))))
    spacy_own, indexed = both(vocab, RULES)
    assert len(indexed.compiled()[1]) == 2  # the regular expression and the two-token rule
    expected = spacy_own.match(doc)
    assert {rule for rule, *_ in expected} == set(range(len(RULES)))  # every rule matched somewhere
    assert indexed.match(doc) == expected


def test_an_empty_doc_has_no_matches():
    vocab = spacy.blank("en").vocab
    assert IndexedAttributeRuler(vocab).match(Doc(vocab, words=[])) == []
    assert both(vocab, RULES)[1].match(Doc(vocab, words=[])) == []


def test_a_rule_added_later_is_matched():
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["dogs"], tags=["NNS"])
    indexed = IndexedAttributeRuler(vocab)
    assert indexed.match(doc) == []
    indexed.add_patterns(RULES[:1])
    assert [rule for rule, *_ in indexed.match(doc)] == [0]


@pytest.fixture(scope="module")
def parsed(nlp) -> list[Doc]:
    """Seeds and held-out articles, tagged and parsed, before the attribute rules."""
    texts = [p.read_text(encoding="utf-8") for p in [*sorted((ROOT / "seeds").glob("*.txt")),
                                                     *sorted((ROOT / "tests/data/heldout").glob("*.txt"))]]
    before = nlp.pipe_names[: nlp.pipe_names.index("attribute_ruler")]
    with nlp.select_pipes(enable=before):
        return list(nlp.pipe(texts))


def test_the_models_rules_match_as_spacys_own_on_real_articles(nlp, parsed):
    indexed = nlp.get_pipe("attribute_ruler")
    assert isinstance(indexed, IndexedAttributeRuler)
    spacy_own = AttributeRuler(nlp.vocab).from_bytes(indexed.to_bytes())
    for doc in parsed:
        assert indexed.match(doc) == spacy_own.match(doc), doc.text[:80]


def attributes(doc: Doc) -> list[tuple[str, str, str, str]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_rules_of_every_kind_set_the_attributes_spacys_own_sets():
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=list(range(len(WORDS))))
    spacy_own, indexed = both(vocab, RULES)
    expected = attributes(spacy_own(doc.copy()))
    assert expected != attributes(doc)
    assert attributes(indexed(doc.copy())) == expected


def test_the_models_rules_set_the_attributes_spacys_own_sets_on_real_articles(nlp, parsed):
    indexed = nlp.get_pipe("attribute_ruler")
    spacy_own = AttributeRuler(nlp.vocab).from_bytes(indexed.to_bytes())
    for doc in parsed:
        assert attributes(indexed(doc.copy())) == attributes(spacy_own(doc.copy())), doc.text[:80]
