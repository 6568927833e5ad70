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


def test_the_minister_is_the_person_named_minister_not_the_last_speaker(nlp):
    text = (
        "The Water Authority said 310 wells had failed, as Irrigation Minister Dana Kowal warned that "
        "2 million people could lose supply.\n\n"
        "The southern valley received 640 per cent more rain than usual, the minister said on Friday."
    )
    assert claimants(nlp, text)[-1] == (640, "Dana Kowal", None)


def test_the_chair_is_the_person_named_chair_not_the_last_person_named(nlp):
    text = (
        "Board chair Lena Ortiz opened the meeting. Treasurer Paul Grant presented the accounts.\n\n"
        "The chair said 45 staff would be hired."
    )
    assert claimants(nlp, text) == [(45, "Lena Ortiz", None)]


def test_senator_is_a_title_not_part_of_the_name(nlp):
    text = "Marta Vance opened the hearing.\n\nSenator Vance said 300 jobs would go."
    assert claimants(nlp, text) == [(300, "Marta Vance", None)]


def test_a_senator_unnamed_is_the_role(nlp):
    assert claimants(nlp, "A senator said 300 jobs would go.") == [(300, "senator", None)]


def test_official_figures_with_no_body_named_are_claimed_as_written(nlp):
    text = "The floods killed 214 people in the north, according to the latest official figures."
    assert claimants(nlp, text) == [(214, "latest official figures", None)]


def test_bare_figures_still_name_nobody(nlp):
    text = "The floods killed 214 people in the north, according to the latest figures."
    assert claimants(nlp, text) == [(214, None, None)]


def test_a_part_of_a_count_is_told_by_whoever_told_the_whole(nlp):
    text = (
        "According to the Harbour Authority's latest report, 1,200 people have been injured since May 2. "
        "In the 24 hours up to Monday morning, 35 more people were killed, among them 8 children."
    )
    assert [c for _, c, _ in claimants(nlp, text)] == ["Harbour Authority"] * 3


def test_an_earlier_value_in_the_past_perfect_is_not_the_last_speakers(nlp):
    text = (
        "The toll from the mudslide rose to 57 on Monday, the Coastal Relief Agency said. "
        "The toll had stood at 41 earlier on Monday."
    )
    assert claimants(nlp, text) == [(57, "Coastal Relief Agency", None), (41, None, None)]


def test_body_and_outlet_words_have_one_home():
    """The words for kinds of body and for outlets are read from words.py by every module."""
    from services.extract import claimant, coreference, roles, words

    assert roles.BODY_KINDS is words.BODY_KINDS and words.BUSINESSES <= words.BODY_KINDS
    assert not any(hasattr(coreference, n) for n in ("AGENCY_WORDS", "BUSINESS_WORDS", "OUTLET_WORDS"))
    assert not hasattr(words, "MEDIA_WORDS") and claimant.OUTLETS is words.OUTLETS
