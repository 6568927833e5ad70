"""The model's lemmatizer, asked once per distinct word form.

spaCy's rule lemmatizer makes a Token, its part of speech and its morphology in Python for
every word, then works its lemma out again for most of them (it keeps only some): 9% of the
model's CPU time on news articles. Its lemma depends on the word, its part of speech and its
morphology only (the key of spaCy's own cache), so `known_lemmas`, just before it, reads
those as one array, asks the lemmatizer once per key and sets every lemma by array. The
lemmatizer then leaves each word alone (it skips a word that has a lemma), so every lemma is
the one it would have set.
"""

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

KNOWN_FORMS = 1 << 18  # past this many keys the memory starts again (a worker runs for weeks)


class KnownLemmas:
    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.ids: dict[tuple[int, int, int], int] = {}  # (word, part of speech, morphology) → lemma id

    def __call__(self, doc: Doc) -> Doc:
        if self.lemmatizer.overwrite or not len(doc):
            return doc
        if len(self.ids) > KNOWN_FORMS:
            self.ids.clear()
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = [lemma or self.lemma(doc, i, (orth, pos, morph))
                  for i, (orth, pos, morph, lemma) in enumerate(rows)]
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))
        return doc

    def lemma(self, doc: Doc, i: int, key: tuple[int, int, int]) -> int:
        if (known := self.ids.get(key)) is None:
            known = self.ids[key] = doc.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
        return known


@Language.factory("known_lemmas")
def make_known_lemmas(nlp: Language, name: str) -> KnownLemmas:
    return KnownLemmas(nlp.get_pipe("lemmatizer"))


def set_known_lemmas(nlp: Language) -> None:
    """`known_lemmas` just before the model's lemmatizer, if it is spaCy's (rule or lookup)."""
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode in ("rule", "lookup"):
        nlp.add_pipe("known_lemmas", before="lemmatizer")
