"""The form a claimant goes by: a name given in apposition, a known surname that the article
gives to someone else, people joined by 'and', a role with where they work, 'it' inside its
own sentence. Invented sentences, one named case each."""

import pytest

from tests.unit.extract.test_claimant import claimants


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A spokesperson for the Nevada DMV, Carla Ruiz, said the breach reached about 60% of the files.",
            "Carla Ruiz",
        ),
        (
            "In France, the country's jobs agency, Travail emploi, said data on 4 million people may "
            "have been exposed.",
            "Travail emploi",
        ),
        (
            "The largest victim is Corvane, the logistics contractor, which said in May that the records "
            "of about 2 million people had been taken.",
            "Corvane",
        ),
    ],
    ids=["person-after-a-role", "body-after-a-description", "described-name-with-which"],
)
def test_a_speaker_named_in_apposition_speaks_under_the_name(nlp, text, speaker):
    assert claimants(nlp, text)[-1][1] == speaker


def test_a_known_surname_is_the_person_the_article_names_in_full(nlp):
    text = (
        "Nora Vance, a hydrologist at the state water board, toured the valley on Monday.\n"
        "Vance said 40 wells had run dry."
    )
    assert claimants(nlp, text) == [(40, "Nora Vance", None)]


def test_given_names_before_a_known_surname_make_another_person(nlp):
    text = "Nora Vance, a hydrologist at the state water board, said on Monday that 40 wells had run dry."
    assert claimants(nlp, text) == [(40, "Nora Vance", None)]


def test_people_joined_by_and_speak_together(nlp):
    text = "Officials and medics said on Friday that 1,200 people had died."
    assert claimants(nlp, text) == [(1200, "Officials and medics", None)]


def test_an_outlet_joined_to_people_is_not_part_of_the_speaker(nlp):  # a guard on the rule above
    text = "More than 100 miners were trapped, rights activists and local media said."
    assert claimants(nlp, text)[0][1] == "rights activists"


def test_people_at_a_named_body_keep_their_role(nlp):
    text = "There have been 2,214 wildfires in Canada this year, officials from Parks Canada told a briefing."
    assert claimants(nlp, text)[0][1] == "officials from Parks Canada"


def test_a_prefix_joined_by_a_hyphen_stays_on_the_role(nlp):
    text = '"We were offered a 3% rise," the co-chairs said.'
    assert claimants(nlp, text) == [(3, "co-chairs", None)]


def test_chair_is_a_title_before_a_name(nlp):
    text = '"This was 100% preventable," NTSB Chair Jennifer Homendy told reporters.'
    assert claimants(nlp, text) == [(100, "Jennifer Homendy", None)]


def test_it_is_the_body_that_is_the_subject_of_its_own_sentence(nlp):
    text = (
        "The Regional Nurses Union met ministers on Monday. The Harbour Board said 40 ships were idle.\n"
        "The Regional Nurses Union is seeking full restoration, which it says would need a rise of about 35%."
    )
    assert claimants(nlp, text)[-1] == (35, "Regional Nurses Union", None)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Red Cross has appealed for $40 million.", "International Committee of the Red Cross"),
        ("The Halvorsen Group accepted an offer of $12 million for its port unit.", "Halvorsen Group"),
    ],
    ids=["appeal-for", "accept"],
)
def test_a_body_that_asks_for_or_accepts_an_amount_states_it(nlp, text, speaker):
    assert claimants(nlp, text)[0][1] == speaker
