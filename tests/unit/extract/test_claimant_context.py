"""Who claims a figure, read from around it: the headline, the paragraph, the body a generic
word points to, the clause the figure sits in. Invented sentences."""

import pytest

from schemas.articles import UniqueArticle
from services.extract.pipeline import extract_batch


def claimants(nlp, text, title="News in brief"):
    text = text if text.startswith(title) else f"{title}\n\n{text}"
    article = UniqueArticle(url="https://example.org/c", text=text, content_hash="c", title=title)
    return [(f.value, f.claimant, f.headline) for f in extract_batch(nlp, [article])[0]]


def test_a_headline_that_names_nobody_is_the_outlets_own(nlp):
    title = "Ferry toll rises to 44 off the northern coast"
    text = f"{title}\n\nThe coastguard said on Sunday that 44 passengers had died when the ferry sank."
    assert claimants(nlp, text, title) == [(44, None, True), (44, "coastguard", False)]


def test_a_headline_that_names_its_speaker_keeps_it(nlp):
    title = "Harbour Relief Trust says 120 families evicted"
    text = f"{title}\n\nThe Harbour Relief Trust said on Monday that 120 families had been evicted."
    trust = "Harbour Relief Trust"
    assert claimants(nlp, text, title) == [(120, trust, True), (120, trust, False)]


def test_a_headline_speaker_named_by_a_word_takes_the_bodys_name(nlp):
    title = "Media identifies 51 volunteers"
    text = f"{title}\n\nThe outlet Verstka said 51 volunteers had joined."
    assert claimants(nlp, text, title) == [(51, "Verstka", True), (51, "Verstka", False)]


def test_a_described_body_is_never_another_body_of_its_kind(nlp):
    text = (
        "The Ministry of Education closed schools on Monday.\n\n"
        "The health ministry said 90 people had died. The ministry said 300 people were in hospital."
    )
    assert claimants(nlp, text) == [(90, "health ministry", False), (300, "health ministry", False)]


def test_a_bare_body_word_is_the_one_named_last_before_it(nlp):
    text = (
        "The Ministry of Agriculture and Rural Development lost half its budget.\n\n"
        "Staff at the Ministry of Health worked through the night.\n\n"
        "On Tuesday the ministry said 300 people were in hospital."
    )
    assert claimants(nlp, text) == [(300, "Ministry of Health", False)]


def test_the_head_of_a_body_keeps_what_they_head(nlp):
    text = "The head of the regional disaster agency said at least 41 people had died."
    assert claimants(nlp, text) == [(41, "head of the regional disaster agency", False)]


def test_a_count_in_the_paragraph_of_a_source_is_that_sources(nlp):
    text = (
        "The county health department said 30 cases had been confirmed. Nine patients have been "
        "hospitalized.\n\nTwelve schools closed."
    )
    department = "county health department"
    assert claimants(nlp, text) == [(30, department, False), (9, department, False), (12, None, False)]


def test_what_someone_else_does_in_the_paragraph_is_not_the_sources(nlp):
    text = "The union said 4,000 members had voted. Lawyers for the company filed 20 motions."
    assert claimants(nlp, text) == [(4000, "union", False), (20, None, False)]


def test_a_quotation_that_goes_on_is_its_speakers(nlp):
    text = (
        '"We have lost everything," said Maria Lopez, a teacher. '
        '"Our school had 300 pupils."'
    )
    assert claimants(nlp, text) == [(300, "Maria Lopez", False)]


@pytest.mark.parametrize(
    "text",
    [
        "Health Minister Ana Roy announced the aid package on Monday, as the death toll reached 365.",
        "The commission declared the vote free and fair, as the ruling party slumped to 40%.",
    ],
    ids=["as-the-toll", "as-the-party"],
)
def test_a_scene_set_beside_a_statement_is_the_writers(nlp, text):
    [(_, claimant, _)] = claimants(nlp, text)
    assert claimant is None


def test_a_weak_speech_verb_that_takes_nothing_states_nothing(nlp):
    title = "Storm losses put at 3 billion dollars"
    text = f"{title}\n\nThe storm hit the coast on Monday."
    assert claimants(nlp, text, title) == [(3_000_000_000, None, True)]


def test_a_name_before_people_in_the_plural_is_where_they_serve(nlp):
    text = "Eight villagers are still missing, Lao Cai officials said."
    assert claimants(nlp, text) == [(8, "Lao Cai officials", False)]


def test_speakers_keep_where_they_serve(nlp):
    text = "The death toll has risen to 2,445, authorities in Herat province said."
    assert claimants(nlp, text) == [(2445, "authorities in Herat province", False)]


def test_what_an_owned_offer_holds_is_its_owners(nlp):
    text = "The union said members rejected the Harland Group's offer, which included a 12% raise."
    assert claimants(nlp, text) == [(12, "Harland Group", False)]


def test_whom_people_work_for_describes_them(nlp):
    text = "Smith's lawyers said 40 banks had refused the loan."
    assert claimants(nlp, text) == [(40, "Smith's lawyers", False)]


def test_a_second_statement_joined_to_a_first_is_its_own_speakers(nlp):
    text = (
        "A police officer had said 90 bodies were found, and the fire service later put the toll at 85."
    )
    assert claimants(nlp, text) == [(90, "police officer", False), (85, "fire service", False)]


def test_witnesses_tell_what_they_saw_and_no_count_after_it(nlp):
    text = "Firefighters said they had pulled 23 people from the wreckage. More than 150 rescuers were sent."
    assert claimants(nlp, text) == [(23, "Firefighters", False), (150, None, False)]


def test_people_described_before_their_noun_keep_no_place_after_it(nlp):
    text = "Health workers in Karsa province told the radio that 60 new patients arrived every day."
    assert claimants(nlp, text) == [(60, "Health workers", False)]


def test_what_is_counted_does_not_speak(nlp):
    text = "Many homes were damaged, with a total of 186 buildings confirmed to have collapsed."
    assert claimants(nlp, text) == [(186, None, False)]


def test_a_speaker_described_by_a_figure_still_speaks(nlp):
    text = "The Metal Workers Union, which is demanding a 7% raise, said 5,000 members would strike."
    assert claimants(nlp, text) == [(7, "Metal Workers Union", False), (5000, "Metal Workers Union", False)]


def test_the_county_is_the_place_not_people_it_describes(nlp):
    text = "Marlow County officials said six shelters were open.\n\nThe county said 6,400 homes lost power."
    assert claimants(nlp, text) == [(6, "Marlow County officials", False), (6400, "Marlow County", False)]


def test_data_a_place_keeps_are_that_places(nlp):
    text = "About 14% of pupils in the district were unvaccinated last year, according to state data."
    assert claimants(nlp, text) == [(14, "state", False)]


def test_a_relative_clause_speaks_of_its_own_noun(nlp):
    text = "The bill sought to raise 300 million dollars in new taxes, which the government says are needed."
    assert claimants(nlp, text) == [(300_000_000, None, False)]


def test_a_statement_on_the_noun_a_figure_measures_is_the_figures(nlp):
    text = "Coverage stood at 82%, well below the 95% target that federal health officials say is needed."
    assert claimants(nlp, text) == [(82, None, False), (95, "federal health officials", False)]
