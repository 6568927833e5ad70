"""The extract stage's public API: load the model once, then articles → figures, in batches.

`extract_batch` is pure and deterministic: no Kafka, no global state besides `nlp`.
"""

import re

import numpy
import spacy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from schemas.articles import UniqueArticle
from schemas.figures import Figure
from services.extract.acronyms import acronym_names  # noqa: F401  (registers the component)
from services.extract.attribute_rules import index_attribute_rules
from services.extract.entities import add_entity_ruler
from services.extract.intake import normalised
from services.extract.lemmas import set_known_lemmas
from services.extract.metadata import infer_metadata
from services.extract.reading import read_article
from services.text.furniture import clean_text
from services.text.markup import text_from_html

__all__ = ["extract_batch", "infer_metadata", "load_nlp"]
# The rules read every other component's output (tag_, pos_, lemma_, dep_, ents); sentences
# come from the parser, so the model's own sentence recogniser is not even loaded.
UNUSED_COMPONENTS = ("senter",)
LINE_BREAK = re.compile("\n")


@Language.component("line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and captions have no full stop. The token
    after a break (in a token's text or the space after it) starts the next one, and the token
    after that does not: a line's first word is no sentence of its own ('Joe | Biden said',
    'Acme | factory workers voted'), which the parser makes of some after a break."""
    breaks = [found.start() for found in LINE_BREAK.finditer(doc.text)]
    starts = set(numpy.searchsorted(doc.to_array(IDX), breaks, side="right").tolist()) if breaks else set()
    for i in sorted(starts - {0, len(doc)}):
        doc[i].is_sent_start = True
    for i in {0, *starts}:
        if i + 1 < len(doc) and i + 1 not in starts and not (doc[i].is_space or doc[i + 1].is_space):
            doc[i + 1].is_sent_start = False
    return doc


def load_nlp(model_name: str) -> Language:
    """The spaCy model with the gazetteer's EntityRuler before "ner" and line-break sentences."""
    nlp = spacy.load(model_name, exclude=UNUSED_COMPONENTS)
    index_attribute_rules(nlp)
    set_known_lemmas(nlp)
    add_entity_ruler(nlp)
    nlp.add_pipe("line_sentences", before="parser" if "parser" in nlp.pipe_names else None)
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("acronym_names", after="ner")
    return nlp


def article_text(article: UniqueArticle) -> str:
    if article.text:
        return article.text
    return text_from_html(article.html) if article.html else ""


def extract_batch(nlp: Language, articles: list[UniqueArticle]) -> list[list[Figure]]:
    """One list of figures per article, in order; span offsets index the article text
    (once normalised: the one place text enters extraction)."""
    articles = [normalised(article) for article in articles]
    texts = [article_text(article) for article in articles]
    cleaned = [clean_text(text) for text in texts]
    docs = nlp.pipe(cleaned)
    return [
        read_article(doc, article, infer_metadata(text, article.received_at))
        for doc, article, text in zip(docs, articles, texts, strict=True)
    ]
