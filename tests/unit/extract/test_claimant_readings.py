"""Who speaks, read from what the parse says: a title alone is the person the article gave it,
officials' figures are claimed as written, a part of a count is told with the whole, a value
told in the past perfect is the writer's background. Invented sentences, one named case each."""

from tests.unit.extract.test_claimant import claimants


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


def test_the_total_a_part_is_taken_of_is_not_told_with_the_part(nlp):
    text = "The Electoral Board said 1,200 people voted early. 240 of the 543 seats were declared by noon."
    assert claimants(nlp, text)[-1] == (543, None, None)


def test_a_document_cited_beside_a_speaker_is_no_carrier(nlp):
    text = "Officials said 412 people died in Ortega province, according to official figures."
    assert claimants(nlp, text) == [(412, "Officials", None)]


def test_a_contrast_hung_on_a_verb_of_saying_goes_on_with_what_was_said(nlp):
    text = (
        "The toll from the storm has risen to 214, the Coastal Relief Agency said on Monday, "
        "while the number of injured people has reached 1,030."
    )
    assert [c for _, c, _ in claimants(nlp, text)] == ["Coastal Relief Agency"] * 2


def test_a_contrast_beside_a_verb_that_takes_an_object_is_not_its_statement(nlp):
    text = "Norway has pledged 20,000 doses, while Chile has agreed to send 15,000 doses."
    assert claimants(nlp, text)[-1][1] != "Norway"


def test_a_surname_is_the_person_introduced_first_not_a_relative_named_after(nlp):
    text = (
        "Governor Ruth Okafor toured the flooded district on Monday with her son, Daniel Okafor.\n\n"
        "Ms. Okafor said 300 homes had been lost."
    )
    assert claimants(nlp, text) == [(300, "Ruth Okafor", None)]
