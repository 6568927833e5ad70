"""Organisation names the statistical NER cuts short, restored from the acronym that follows
them: 'the Center for Research, Transparency and Accountability (CRTA)' is one ORG, not
'Center for Research'."""

import numpy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

GLUE = frozenset(["for", "of", "and", "&", ",", "on", "the", "in", "de", "du", "des"])
LONGEST = 12  # tokens looked back from the parenthesis
OPENING, CLOSING = get_string_id("("), get_string_id(")")


def is_acronym(text: str) -> bool:
    return 2 <= len(text) <= 8 and text.isalpha() and text.isupper()


def abbreviates(short: str, name: str) -> bool:
    """'WHO' and 'U.N.' abbreviate 'World Health Organization' and 'the United Nations': the
    initials of the name's capitalised words, glue words left out."""
    letters = short.replace(".", "").removeprefix("the ").strip()
    words = [w for w in name.replace("-", " ").split() if w.lower() not in GLUE]
    return is_acronym(letters) and len(words) > 1 and all(w[:1].isupper() for w in words) and (
        "".join(w[0] for w in words) == letters)


def expanded(doc: Doc, opening: int, acronym: str) -> Span | None:
    """The span before '(' whose capitalised words' initials spell the acronym, or None."""
    letters, start = list(acronym), None
    for i in range(opening - 1, max(-1, opening - 1 - LONGEST), -1):
        token = doc[i]
        if token.lower_ in GLUE and letters:
            continue
        if not token.is_title and not token.is_upper or not letters:
            break
        if token.text[0] != letters[-1]:
            break
        letters.pop()
        start = i
    if letters or start is None:
        return None
    while doc[start].lower_ in GLUE:
        start += 1
    return Span(doc, start, opening, label="ORG") if opening - start > 1 else None


def in_parentheses(doc: Doc) -> list[int]:
    """Indices of the tokens alone between '(' and ')', found in the token texts' hashes
    (no Token object is made for the others)."""
    orth = doc.to_array(ORTH)
    return (numpy.flatnonzero((orth[:-2] == OPENING) & (orth[2:] == CLOSING)) + 1).tolist()


def defined(doc: Doc) -> list[tuple[Span, str]]:
    """Each name the text follows with its short form in parentheses, with that form."""
    return [(span, text) for i in in_parentheses(doc)
            if is_acronym(text := doc[i].text) and (span := expanded(doc, i - 1, text)) is not None]


@Language.component("acronym_names")
def acronym_names(doc: Doc) -> Doc:
    found = [span for span, _ in defined(doc)]
    if found:
        kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in found)]
        doc.ents = filter_spans([*kept, *found])
    return doc


SHORT_FORMS = "claimstream.short_forms"


def short_forms(doc: Doc) -> dict[str, str]:
    """Names the article gives a short form in parentheses, lower-cased, to that form: 'African
    National Congress (ANC)' → {'african national congress': 'ANC'}. Built once per Doc."""
    if (forms := doc.user_data.get(SHORT_FORMS)) is None:
        forms = doc.user_data[SHORT_FORMS] = {span.text.lower().removeprefix("the "): text
                                              for span, text in defined(doc)}
    return forms
