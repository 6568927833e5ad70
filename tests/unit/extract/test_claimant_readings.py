"""Who speaks, read from what the parse says can speak: a time or a dateline never does, a
round or a phase that 'recorded' a count does not, a title alone is the person the article
gave it. Invented sentences, one named case each."""

from tests.unit.extract.test_claimant import claimants


def test_a_time_after_by_is_no_agent(nlp):
    text = (
        "Ortega province accounted for 412 of the deaths recorded by Tuesday, according to the "
        "Coastal Relief Agency."
    )
    assert claimants(nlp, text) == [(412, "Coastal Relief Agency", None)]


def test_a_dateline_place_is_not_the_speaker(nlp):
    text = (
        "Last update 4 Oct 2023\n\n"
        "Kathmandu, Nepal – At least 44 more people have died in storm-related incidents across Nepal, "
        "taking the death toll to 1,210, the country's Disaster Response Directorate (DRD) said on Sunday, "
        "as aid agencies warned of disease."
    )
    assert {c for _, c, _ in claimants(nlp, text)} == {"Disaster Response Directorate"}


def test_a_phase_that_recorded_a_count_does_not_speak_and_the_source_carries(nlp):
    text = (
        "According to the Electoral Board's figures, the first round on May 3 recorded a turnout of 58.2%. "
        "The second round recorded 61.4%."
    )
    assert claimants(nlp, text) == [(58.2, "Electoral Board", None), (61.4, "Electoral Board", None)]
