"""Who states a figure the sentence does not attribute by a verb of saying: a verb that shares
its subject with another, a source whose run of figures goes on past its own sentence, and
where that run ends."""

from tests.unit.extract.test_claimant_mechanisms import claimants


def test_a_verb_joined_to_another_shares_its_subject(nlp):
    text = (
        "Pellmark Energy said on Monday that a storm had cut power to its grid.\n\n"
        "The company apologized and offered affected households a $20 credit."
    )
    assert claimants(nlp, text) == [(20, "Pellmark Energy")]


TRACKER = "Retail is the worst-affected sector, with 38.2% of victim firms, according to Norvale Security."
HERDS = "Bird flu has been confirmed in more than 640 herds, according to the Department of Agriculture."


def test_figures_after_an_according_to_go_on_with_its_source(nlp):
    text = (
        "Health care was the hardest hit, with losses of $1.9 billion, according to the insurer Coverline. "
        "The six airlines on the list lost about $860 million."
    )
    assert claimants(nlp, text) == [(1_900_000_000, "Coverline"), (860_000_000, "Coverline")]


def test_a_run_stops_where_a_body_named_by_a_common_noun_acts(nlp):
    text = "The storm killed 40 people, according to the Red Cross. The government sent 300 soldiers there."
    assert dict(claimants(nlp, text))[300] is None


def test_a_run_of_figures_goes_on_into_the_next_paragraph(nlp):
    text = f"{TRACKER}\n\nFirms based in the United States make up 71.5% of the total, with Canada at 12%."
    assert claimants(nlp, text) == [(38.2, "Norvale Security"), (71.5, "Norvale Security"),
                                    (12, "Norvale Security")]


def test_a_run_ends_two_paragraphs_on(nlp):
    text = f"{TRACKER}\n\nThe attack was first seen in May.\n\nFirms in the US make up 71.5% of the total."
    assert claimants(nlp, text)[1] == (71.5, None)


def test_a_run_does_not_reach_figures_of_another_kind(nlp):
    assert claimants(nlp, f"{TRACKER}\n\nAbout 4,100 firms have been hit.")[1] == (4100, None)


def test_a_run_does_not_reach_a_figure_given_for_a_time_of_its_own(nlp):
    waiting = claimants(nlp, f"{HERDS} Another 35 herds were awaiting tests.")
    assert waiting[1] == (35, "Department of Agriculture")
    assert claimants(nlp, f"{HERDS} In early June, the count stood at 112 herds.")[1] == (112, None)


def test_a_run_does_not_reach_what_a_named_party_does(nlp):
    text = f"{HERDS} Pellmark Foods, which runs 30 herds, closed its farms."
    assert claimants(nlp, text)[1] == (30, None)


def test_a_person_who_said_a_figure_starts_no_run(nlp):
    text = (
        "Olivia Brandt, a farm inspector, said bird flu had been confirmed in 640 dairy herds. "
        "Another 35 herds were awaiting tests."
    )
    assert claimants(nlp, text)[1] == (35, None)


def test_people_from_a_named_body_keep_their_role(nlp):
    text = "There have been 2,140 wildfires so far this year, officials from Forestry Canada told a briefing."
    assert claimants(nlp, text) == [(2140, "officials from Forestry Canada")]


def test_a_clause_before_a_speaker_who_says_something_else_is_not_hers(nlp):
    text = "The flood toll has risen to 58, Governor Lina Ortega warned it would grow."
    assert claimants(nlp, text) == [(58, None)]
    said = "The flood toll has risen to 58, Governor Lina Ortega said."
    assert claimants(nlp, said) == [(58, "Lina Ortega")]


def test_a_country_written_in_capitals_that_records_a_count_is_where_it_happened(nlp):
    text = "MALAWI has recorded 14 cholera deaths and 230 new cases in the last 24 hours."
    assert claimants(nlp, text) == [(14, None), (230, None)]


def test_a_figure_in_a_question_is_asked_not_stated(nlp):
    text = "Lawmakers asked why Veltra had kept the call records of 110 million customers on a cloud."
    assert claimants(nlp, text) == [(110_000_000, None)]


def test_a_named_count_after_a_sentence_with_no_figure_keeps_no_speaker(nlp):
    text = (
        "A group representing the families said officials had walked away from responsibility. "
        "The toll from the crush rose to 158 in November."
    )
    assert claimants(nlp, text) == [(158, None)]


def test_a_named_count_goes_on_with_the_source_of_the_count_before_it(nlp):
    text = (
        "Floods have killed 152 people across the north, the Varnland Disaster Management Authority said. "
        "The toll rose to 160 on Thursday as rescuers reached remote villages."
    )
    assert claimants(nlp, text) == [(152, "Varnland Disaster Management Authority"),
                                    (160, "Varnland Disaster Management Authority")]


def test_an_event_named_by_a_common_noun_records_nothing(nlp):
    text = "The mumps epidemic that began in 2021 recorded 4,150 cases before it was declared over."
    assert claimants(nlp, text) == [(4150, None)]


def test_whoever_has_a_party_at_a_share_states_it(nlp):
    text = "Pollster Indikator Varnway had him at 58.45% with most of its sample counted."
    assert claimants(nlp, text) == [(58.45, "Pollster Indikator Varnway")]
    assert claimants(nlp, "The hospital had 40 patients at one point.") == [(40, None)]


def test_whose_count_stands_at_a_value_states_it(nlp):
    assert claimants(nlp, "The Varnland Authority's count of bodies stood at 221 on Monday.") == [
        (221, "Varnland Authority")]
    text = "Kestrelcom's latest estimate is that about 2.1 million customers were hit."
    assert claimants(nlp, text) == [(2100000, "Kestrelcom")]



def test_a_partys_tally_is_what_it_holds_not_what_it_says(nlp):
    text = "The Varnland People's Party's tally fell to 33 from 62."
    assert claimants(nlp, text) == [(33, None), (62, None)]
