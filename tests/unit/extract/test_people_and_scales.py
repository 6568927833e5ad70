"""Counts of people named by what befell them, 'one', tallies and Indian scale words, each on
an invented sentence."""

import pytest

from schemas.articles import UniqueArticle
from services.extract.amounts import find_amounts
from services.extract.currencies import local_currency
from services.extract.numbers import parse_number
from services.extract.pipeline import extract_batch


def figures_of(nlp, text):
    article = UniqueArticle(url="https://example.org/p", text=text, content_hash="p")
    return extract_batch(nlp, [article])[0]


def by_value(nlp, text):
    return {f.value: f for f in figures_of(nlp, text)}


@pytest.mark.parametrize(
    ("written", "value"),
    [("2.5 lakh", 250_000), ("12 lakhs", 1_200_000), ("1.25 crore", 12_500_000), ("ten crore", 100_000_000)],
    ids=["decimal-lakh", "plural-lakhs", "decimal-crore", "spelled-crore"],
)
def test_indian_scale_words(written, value):
    assert parse_number(written) == value


def test_rs_before_a_number_is_the_rupee_of_the_articles_country():
    text = "The state will pay Rs 3 lakh to each family in Nepal."
    [amount] = find_amounts(text)
    assert (amount.value, amount.currency) == (300_000, "INR")
    assert local_currency(amount.currency, "Rs 3 lakh", text) == "NPR"
    assert [a.currency for a in find_amounts("Officials in India paid Rs. 40 each.")] == ["INR"]


def test_rs_inside_a_word_is_no_currency():
    assert [a.currency for a in find_amounts("He counts 5 yrs 5 hours")] == [None, None]


def test_participle_after_a_number_counts_people_by_what_befell_them(nlp):
    found = by_value(nlp, "Ferry disaster: 12 dead, 7 missing as rescuers comb the river")
    assert (found[12].unit, found[12].counted, found[12].event) == ("people", "dead", "killed")
    assert (found[7].unit, found[7].counted, found[7].event) == ("people", "missing", "missing")


def test_killed_after_a_number_in_a_headline_is_people_killed(nlp):
    [figure] = figures_of(nlp, "Bus plunge: 14 killed on mountain road in Peru")
    assert (figure.unit, figure.counted, figure.event) == ("people", "killed", "killed")


def test_an_elided_clause_counts_the_people_named_before(nlp):
    found = by_value(nlp, "Eleven workers were killed and 20 injured when the roof fell, police said.")
    assert found[20].counted == "workers"


def test_bodies_are_people_governing_bodies_are_not(nlp):
    found = by_value(nlp, "Divers recovered 9 bodies on Monday. Three governing bodies met.")
    assert (found[9].unit, found[3].unit) == ("people", "count")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Three men and one woman were rescued from the roof.", [3, 1]),
        ("The report noted one death in the northern district.", [1]),
        ("Of the victims, two were in Ardlow and one in Bexfield.", [2, 1]),
        ("It was one of the largest fires in the valley.", []),
        ("Thirty-one of the dead were children.", [31]),
        ("The board raised one key issue with the plan.", []),
    ],
    ids=["listed-person", "one-death", "place-share", "one-of", "thirty-one", "thing"],
)
def test_one_counts_only_people_deaths_or_shares(nlp, text, values):
    assert [f.value for f in figures_of(nlp, text)] == values


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("The landslide death toll rose to 40 on Monday.", "death toll"),
        ("Doctors said 15 more patients died overnight.", "patients"),
    ],
    ids=["tally-keeps-its-own-word", "more-is-not-counted"],
)
def test_what_is_counted_leaves_out_the_incident_and_the_comparison(nlp, text, counted):
    [figure] = figures_of(nlp, text)
    assert figure.counted == counted


def test_a_headline_state_is_not_whom_a_later_elided_count_counts(nlp):
    text = (
        "Mumps outbreak reaches 30 cases, 4 hospitalized\n\n"
        "The county said 31 cases had been confirmed, up from 12 reported last week."
    )
    found = by_value(nlp, text)
    assert (found[4].unit, found[4].counted) == ("people", "hospitalized")
    assert 12 not in found or found[12].counted != "hospitalized"


LENGTHS = [
    pytest.param("The tremor struck 35 km (22 miles) northwest of the town.", id="distance-with-conversion"),
    pytest.param("A 375-metre bridge over the river collapsed on Monday.", id="hyphenated-length"),
    pytest.param("The ferry, 20 to 30 meters long, sank in water 5,000 feet deep.", id="length-and-depth"),
]


@pytest.mark.parametrize("text", LENGTHS)
def test_a_length_is_never_a_count(nlp, text):
    assert figures_of(nlp, text) == []


def test_rain_in_inches_is_still_a_figure(nlp):
    assert [f.value for f in figures_of(nlp, "Officials said 6 to 22 inches of rain fell.")] == [6]
