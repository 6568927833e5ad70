"""`known_lemmas` sets the lemma spaCy's own lemmatizer sets, on every word of the seeds and
held-out articles, read twice (the second time from what it has kept)."""

from pathlib import Path

from spacy.tokens import Doc

from services.extract.lemmas import KnownLemmas

ROOT = Path(__file__).resolve().parents[3]
TEXTS = [p.read_text(encoding="utf-8") for p in [*sorted((ROOT / "seeds").glob("*.txt")),
                                                 *sorted((ROOT / "tests/data/heldout").glob("*.txt"))]]


def before_lemmas(nlp) -> list[Doc]:
    """The articles tagged, parsed and through the attribute rules, before any lemma is set."""
    with nlp.select_pipes(enable=nlp.pipe_names[: nlp.pipe_names.index("known_lemmas")]):
        return list(nlp.pipe(TEXTS))


def test_known_lemmas_runs_just_before_the_lemmatizer(nlp):
    at = nlp.pipe_names.index("known_lemmas")
    assert nlp.pipe_names[at + 1] == "lemmatizer"
    assert isinstance(nlp.get_pipe("known_lemmas"), KnownLemmas)


def test_every_lemma_is_the_one_spacys_lemmatizer_sets(nlp):
    lemmatizer = nlp.get_pipe("lemmatizer")
    expected = [[t.lemma_ for t in lemmatizer(doc)] for doc in before_lemmas(nlp)]
    known = KnownLemmas(lemmatizer)
    for _ in range(2):  # asked once per form, then read from what was kept
        docs = [known(doc) for doc in before_lemmas(nlp)]
        assert all(t.lemma != 0 for doc in docs for t in doc)  # nothing left for the lemmatizer
        assert [[t.lemma_ for t in doc] for doc in docs] == expected
    assert 0 < len(known.ids) < sum(len(doc) for doc in docs)  # once per form, not per word


def test_a_lemma_the_attribute_rules_set_is_kept(nlp):
    doc = before_lemmas(nlp)[0]
    doc[0].lemma_ = "set-by-a-rule"
    assert KnownLemmas(nlp.get_pipe("lemmatizer"))(doc)[0].lemma_ == "set-by-a-rule"
