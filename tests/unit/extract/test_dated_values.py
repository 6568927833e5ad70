"""Values a sentence dates to a day before another value of the same frame in the article:
'On Saturday night, the count stood at 2,012' in an article that gives the toll now. They are
earlier values of that fact, with the day they were given for; a count of what happened on a
day, a running total 'as of' a day and a dated value above every later one are not."""

from datetime import UTC, date, datetime

import pytest

from services.extract.metadata import days_before
from tests.unit.extract import test_frame

MONDAY = datetime(2025, 3, 10, 15, 0, tzinfo=UTC)
by_value = test_frame.by_value


def figures_of(nlp, text: str):
    return test_frame.figures_of(nlp, text, published=MONDAY)


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [("Saturday night", MONDAY, 2), ("on Monday", MONDAY, 0), ("Sunday evening", MONDAY, 1),
     ("Tuesday", datetime(2025, 3, 10, 8, 0, tzinfo=UTC), 6), ("Tuesday", MONDAY, None),
     ("last Tuesday", MONDAY, 6), ("a week ago", MONDAY, 7), ("yesterday", MONDAY, 1),
     ("March 4", MONDAY, 6), ("4 March", MONDAY, 6), ("Sept. 4", MONDAY, 187),
     ("Saturday, March 1", MONDAY, 9),
     ("March 11", MONDAY, None), ("the week to Sunday", MONDAY, None), ("in May", MONDAY, None),
     ("last year", MONDAY, None), ("Saturday", None, None)],
    ids=["weekday-of-this-week", "publication-weekday-is-today", "day-before",
         "weekday-after-is-last-weeks", "a-weekday-that-may-be-today-east-of-utc-is-not-placed",
         "last-weekday", "ago", "yesterday", "month-day", "day-month", "abbreviated-month",
         "a-date-wins-over-its-weekday", "a-day-after-the-stamp-is-not-last-years",
         "a-period-ending-on-a-day",
         "a-month-is-a-period-not-a-day", "a-year-is-no-day", "no-publication-time"],
)
def test_days_before_publication(phrase, published, expected):
    assert days_before(phrase, published) == expected


def test_a_count_dated_before_the_toll_given_now_is_an_earlier_value_of_it(nlp):
    text = ("The death toll from the earthquake has risen to 2,497, the interior ministry said.\n"
            "On Saturday night, the official count stood at 2,012 dead.")
    figures = figures_of(nlp, text)
    now, before = by_value(figures, 2497), by_value(figures, 2012)
    assert now.stated_as == "current" and before.stated_as == "earlier"
    assert before.as_of == date(2025, 3, 8) and now.as_of is None
    assert before.claim_key == now.claim_key


def test_a_figure_a_speaker_gave_on_an_earlier_day_is_an_earlier_value(nlp):
    text = ("The outbreak has now infected 46 people, the health ministry said.\n"
            "On Thursday, the ministry reported 36 cases.")
    figures = figures_of(nlp, text)
    assert by_value(figures, 36).stated_as == "earlier"
    assert by_value(figures, 36).claim_key == by_value(figures, 46).claim_key


def test_a_dated_value_with_nothing_newer_is_the_fact_itself(nlp):
    text = "On Thursday, the ministry reported 36 cases of the disease."
    figure = by_value(figures_of(nlp, text), 36)
    assert figure.stated_as == "current" and figure.as_of == date(2025, 3, 6)


def test_what_happened_on_a_day_is_no_earlier_value(nlp):
    text = ("Rescuers have brought 132 miners to the surface so far, officials said.\n"
            "On Saturday, 26 miners were rescued.")
    figure = by_value(figures_of(nlp, text), 26)
    assert figure.stated_as == "current" and figure.as_of is None


def test_a_running_total_as_of_a_day_is_no_earlier_value(nlp):
    text = ("The state has recorded 90 cases of measles this year, officials said.\n"
            "As of Friday, 58 cases had been confirmed in the county.")
    assert by_value(figures_of(nlp, text), 58).as_of is None


def test_a_dated_count_above_every_later_one_is_not_made_earlier(nlp):
    text = ("The toll from the floods stands at 300, the civil defence agency said.\n"
            "On Saturday, the flood toll stood at 320.")
    figure = by_value(figures_of(nlp, text), 320)
    assert figure.as_of == date(2025, 3, 8) and figure.stated_as == "current"


def test_a_part_of_a_count_is_not_dated_into_an_earlier_value(nlp):
    text = ("The heat has killed 1,300 pilgrims, officials said.\n"
            "The foreign ministry said on Sunday that 14 of its citizens had died.")
    figure = by_value(figures_of(nlp, text), 14)
    assert figure.as_of is None and figure.stated_as == "current"


def test_a_count_over_a_period_ending_on_a_day_is_not_dated(nlp):
    text = ("The outbreak has now infected 460 people, the department said.\n"
            "In the week to Sunday, the department recorded 58 measles cases.")
    assert by_value(figures_of(nlp, text), 58).as_of is None


def test_a_conjunct_clause_is_dated_by_its_own_day(nlp):
    text = ("A week ago, the ministry said 900 people had died in the earthquake, and on Friday it gave "
            "a toll of 1,800.")
    assert by_value(figures_of(nlp, text), 1800).as_of == date(2025, 3, 7)


def test_a_value_compared_from_on_the_same_day_is_of_its_sentences_value(nlp):
    text = ("The toll in the prefecture reached 72 people on Sunday evening, up from 64 on Sunday morning, "
            "the prefectural government said.")
    figures = figures_of(nlp, text)
    assert by_value(figures, 64).stated_as == "earlier"
    assert by_value(figures, 64).claim_key == by_value(figures, 72).claim_key


def test_a_value_compared_from_is_dated_by_its_own_words_not_its_clause(nlp):
    text = ("The toll in the prefecture reached 72 people on Sunday evening, up from 64 on Saturday night, "
            "the prefectural government said.")
    figures = figures_of(nlp, text)
    before = by_value(figures, 64)
    assert before.stated_as == "earlier" and before.as_of == date(2025, 3, 8)
    assert before.claim_key == by_value(figures, 72).claim_key


def test_a_dated_earlier_value_keeps_its_own_frame_not_the_last_sentences(nlp):
    text = ("The protests in Kenya have killed 84 people, the health ministry said.\n"
            "Hospitals in the capital have treated 300 patients.\n"
            "On Saturday, the commission had put the number of deaths at 23.")
    figures = figures_of(nlp, text)
    before = by_value(figures, 23)
    assert before.stated_as == "earlier" and before.as_of == date(2025, 3, 8)
    assert before.claim_key == by_value(figures, 84).claim_key != by_value(figures, 300).claim_key


def test_a_dated_value_beside_another_count_of_that_day_stays_with_its_own_frame(nlp):
    text = ("Rescuers have now recovered 190 body parts, the district office said.\n"
            "The count of whole bodies stood at 230, with 170 body parts, on Saturday.")
    figures = figures_of(nlp, text)
    before = by_value(figures, 170)
    assert before.stated_as == "earlier" and before.claim_key == by_value(figures, 190).claim_key
    assert before.claim_key != by_value(figures, 230).claim_key


def test_a_when_clause_on_an_earlier_day_dates_the_values_it_gives(nlp):
    """'a sharp rise from Sunday, when the ministry reported 1,870 deaths', 'By Friday's count,
    when the national toll stood at 610': the clause is told of the day it hangs on."""
    text = ("The death toll from the earthquake has risen to 2,410, the interior ministry said.\n"
            "The new figures mark a sharp rise from Sunday, when the ministry reported 1,870 deaths.")
    figures = figures_of(nlp, text)
    now, before = by_value(figures, 2410), by_value(figures, 1870)
    assert before.stated_as == "earlier" and before.as_of == date(2025, 3, 9)
    assert before.claim_key == now.claim_key and now.stated_as == "current"
    text = ("The death toll from the floods climbed to 704, the disaster agency said.\n"
            "By Friday's count, when the national toll stood at 610, the agency had recorded "
            "212 deaths in the south.")
    figures = figures_of(nlp, text)
    assert by_value(figures, 610).stated_as == "earlier"
    assert by_value(figures, 610).claim_key == by_value(figures, 704).claim_key
    # a 'when' clause on no day dates nothing: the value is the article's own
    text = "When the ministry reported 36 cases, schools were closed."
    assert by_value(figures_of(nlp, text), 36).as_of is None


def test_a_value_joined_to_a_past_perfect_by_and_is_told_in_it_too(nlp):
    """'The toll had stood at 131 dead and 86 injured', 'the broadcaster had reported 512 dead and
    1,240 injured': the verb after 'and' has no auxiliary of its own and shares 'had'."""
    text = ("The toll from the crowd crush rose to 137 on Sunday evening, with 118 others "
            "injured, officials said.\nThe toll had stood at 131 dead and 86 injured earlier in the day.")
    figures = figures_of(nlp, text)
    assert [by_value(figures, v).stated_as for v in (137, 118, 131, 86)] == [
        "current", "current", "earlier", "earlier"]
    text = ("The death toll from the earthquake rose to 860, with 2,030 injured, the government said.\n"
            "Earlier, the state broadcaster had reported 512 dead and 1,240 injured.")
    figures = figures_of(nlp, text)
    assert by_value(figures, 1240).stated_as == "earlier"
    assert by_value(figures, 1240).claim_key == by_value(figures, 2030).claim_key
    # reported speech keeps its tense from the speech verb: nothing there is an earlier value
    text = "Officials said 860 people had died and 2,030 were injured."
    assert [f.stated_as for f in figures_of(nlp, text)] == ["current", "current"]
