"""Who states a figure the sentence does not attribute by a verb of saying: a verb that shares
its subject with another, a source whose run of figures goes on past its own sentence, and
where that run ends."""

from schemas.articles import UniqueArticle
from services.extract.pipeline import extract_batch


def claimants(nlp, text, title="News in brief"):
    text = f"{title}\n\n{text}"
    article = UniqueArticle(url="https://example.org/c", text=text, content_hash="c", title=title)
    return [(f.value, f.claimant) for f in extract_batch(nlp, [article])[0] if not f.headline]


def test_a_verb_joined_to_another_shares_its_subject(nlp):
    text = (
        "Pellmark Energy said on Monday that a storm had cut power to its grid.\n\n"
        "The company apologized and offered affected households a $20 credit."
    )
    assert claimants(nlp, text) == [(20, "Pellmark Energy")]
