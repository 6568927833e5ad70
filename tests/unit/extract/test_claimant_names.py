"""Where a speaker's name starts and ends, and which words are no speaker at all, read from
spaCy's labels and parse: a title's portfolio is not part of a person's name, a body keeps its
'of' phrase, a date or a stage of something tells no figure."""

import pytest

from schemas.articles import UniqueArticle
from services.extract.pipeline import extract_batch


def claimants(nlp, text, title="News in brief"):
    text = f"{title}\n\n{text}"
    article = UniqueArticle(url="https://example.org/n", text=text, content_hash="n", title=title)
    return [(f.value, f.claimant) for f in extract_batch(nlp, [article])[0] if not f.headline]


def test_the_portfolio_after_a_ministers_title_is_not_part_of_her_name(nlp):
    text = "Federal Minister for Climate Change Maria Lopez warned that 12 million people were affected."
    assert claimants(nlp, text) == [(12_000_000, "Maria Lopez")]


def test_a_title_before_a_portfolio_does_not_become_a_bodys_name(nlp):
    text = "Federal Minister for Climate Change Nadia Rehmat warned that 12 million people were affected."
    assert claimants(nlp, text)[0][1] != "Federal Minister for Climate Change Nadia Rehmat"


def test_the_object_of_a_titles_of_phrase_is_not_part_of_his_name(nlp):
    text = "The toll has risen to 87, Undersecretary of the Interior Tomas Arriagada said on Tuesday."
    assert claimants(nlp, text) == [(87, "Tomas Arriagada")]


def test_a_body_named_without_an_entity_keeps_its_of_phrase(nlp):
    text = "The Rowing Club of Leeds said nine of its members were on the bus."
    assert claimants(nlp, text) == [(9, "Rowing Club of Leeds")]


def test_a_weekday_by_which_deaths_were_recorded_is_no_speaker(nlp):
    text = "The northern province accounted for 412 of the deaths recorded by Friday."
    assert claimants(nlp, text) == [(412, None)]


def test_a_stage_counted_by_an_ordinal_tells_no_figure(nlp):
    text = "According to the Electoral Board's figures, the third phase on May 2 recorded a turnout of 61.4%."
    assert claimants(nlp, text) == [(61.4, "Electoral Board")]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("National Agency for Relief (NAR", "National Agency for Relief"),
     ("National Agency for Relief (NAR)", "National Agency for Relief (NAR)"),
     ("NAR)", "NAR"),
     ("Civil Protection", "Civil Protection")],
    ids=["cut-inside-short-form", "whole-short-form", "stray-closing", "no-brackets"],
)
def test_a_name_cut_inside_its_bracketed_short_form_drops_it(name, expected):
    from services.extract.speaker_names import balanced

    assert balanced(name) == expected


def test_a_proper_name_the_model_missed_is_the_speaker_not_the_place_of_its_description(nlp):
    """'X Y, the mayor of the capital Z, said': when the model finds no entity in the subject's
    own name (as it misses many names), the name still speaks, not the place Z."""
    from services.extract.speaker_names import read_name

    doc = nlp("Kwabenyasi Ouedraogwe, the mayor of the capital Ouagadougou, said 14 people had died.")
    doc.ents = [e for e in doc.ents if e.label_ == "GPE"]  # as when the name goes unrecognised
    subject = next(t for t in doc if t.dep_ == "nsubj" and t.head.lemma_ == "say")
    span = doc[subject.left_edge.i : subject.right_edge.i + 1]
    assert read_name(span)[0] == "Kwabenyasi Ouedraogwe"
