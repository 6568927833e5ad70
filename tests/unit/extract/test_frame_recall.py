"""The claim frame of figures that one fact's other statements frame alike: the dead are
counted as dead wherever they died, what a rising or falling count is of is read from its
subject, and a clause that tells of the incident says where it was."""

import pytest

from tests.unit.extract.test_frame import by_value, figures_of


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        (
            "The toll from the bus crash rose to 41 on Tuesday after two more injured passengers died "
            "in hospital, police said.",
            2,
        ),
        ("More than 60 bodies had been taken to the district hospital by nightfall, officials said.", 60),
        (
            "The worst season was in 2017, when more than 50,000 people were admitted to hospital and "
            "112 died.",
            112,
        ),
    ],
    ids=["died-in-hospital", "bodies-taken-to-hospital", "died-beside-a-hospital-count"],
)
def test_the_dead_are_no_hospital_patients(nlp, sentence, value):
    assert by_value(figures_of(nlp, "Update\n\n" + sentence), value).measure == "killed"


def test_people_who_drowned_are_dead(nlp):
    text = "Boat capsizes\n\nAt least 31 people drowned when a ferry capsized on Sunday, police said."
    assert by_value(figures_of(nlp, text), 31).measure == "killed"


@pytest.mark.parametrize(
    ("sentence", "value", "measure"),
    [
        (
            "The number of people listed as missing after the storm has fallen to 12, the sheriff said.",
            12,
            "missing",
        ),
        (
            "The number of people still missing in the county has dropped to 40, officials said.",
            40,
            "missing",
        ),
    ],
    ids=["listed-as-missing", "still-missing"],
)
def test_what_a_falling_count_is_of_is_read_from_its_subject(nlp, sentence, value, measure):
    assert by_value(figures_of(nlp, "Storm\n\n" + sentence), value).measure == measure


def test_a_clause_telling_of_the_incident_puts_the_count_where_it_says(nlp):
    text = (
        "Floods in Italy\n\nAt least 14 people drowned after a violent storm unleashed flash "
        "floods in the northern Italian city of Bologna, the civil protection agency said."
    )
    assert str(by_value(figures_of(nlp, text), 14).place) == "IT/bologna"


def test_a_joined_clause_with_its_own_subject_lends_no_measure_to_an_earlier_value(nlp):
    text = (
        "Floods\n\nIn Slovakia, one person died in a swollen river and nine people were missing, "
        "up from five on Sunday, police said."
    )
    figures = figures_of(nlp, text)
    current, earlier = by_value(figures, 9), by_value(figures, 5)
    assert earlier.measure != "killed" and earlier.claim_key == current.claim_key


def test_deaths_and_injuries_listed_together_are_each_their_own_measure(nlp):
    text = "Quake\n\nOn Monday the ministry had reported 1,310 deaths and 2,002 injuries."
    figures = figures_of(nlp, text)
    assert (by_value(figures, 1310).measure, by_value(figures, 2002).measure) == ("killed", "injured")


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Provincial officials in Kunar had estimated at least 90 deaths.", "AF/kunar"),
        ("Officials in Kabul had estimated at least 90 deaths.", "AF"),
        ("The Red Crescent in Herat had estimated at least 90 deaths.", "AF"),
    ],
    ids=["officials-in-a-province", "officials-in-the-capital", "a-named-body-s-seat"],
)
def test_officials_put_in_a_province_speak_of_the_count_there(nlp, sentence, place):
    text = "Earthquake in Afghanistan\n\nThe earthquake struck Afghanistan on Sunday. " + sentence
    assert str(by_value(figures_of(nlp, text), 90).place) == place


def test_a_list_item_is_counted_in_the_place_named_before_its_with(nlp):
    text = "The worst-hit county was Kisumu with 45 deaths, followed by Nakuru with 12 and Mombasa with 3."
    figures = figures_of(nlp, text)
    assert [(f.value, f.place) for f in figures] == [(45, "KE/kisumu"), (12, "KE/nakuru"), (3, "KE/mombasa")]


def test_a_whole_split_by_a_passive_part_keeps_its_own_measure(nlp):
    """'Of the 41 injured, nine are being treated': 41 are injured, nine in hospital."""
    figures = figures_of(
        nlp, "Of the 41 injured, nine are being treated at a district hospital, police said."
    )
    assert [(f.value, f.measure) for f in figures] == [(41, "injured"), (9, "hospitalised")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Paramedics treated 40 people at the scene for minor injuries, police said.",
        "The new plant treated 40 million litres of water a day last year.",
    ],
    ids=["treated-at-the-scene", "treated-water"],
)
def test_being_treated_is_hospital_care_only_for_people_under_treatment(nlp, sentence):
    assert all(f.measure != "hospitalised" for f in figures_of(nlp, sentence))


def test_people_who_recovered_are_their_own_measure_bodies_recovered_are_the_dead(nlp):
    figures = figures_of(nlp, "Of the 61 patients, 44 had recovered and gone home, the health ministry said.")
    assert by_value(figures, 44).measure == "recovered"
    assert by_value(figures, 61).measure != "recovered"
    figures = figures_of(nlp, "Divers recovered 78 bodies from the river on Tuesday, police said.")
    assert by_value(figures, 78).measure == "killed"
    figures = figures_of(nlp, "The bodies of three fishermen were recovered on Friday, police said.")
    assert by_value(figures, 3).measure != "recovered"
    figures = figures_of(nlp, "Police recovered 40 stolen cars in the raid.")
    assert by_value(figures, 40).measure != "recovered"
    text = "More than 2,000 patients have recovered from the virus, while 40 remain in hospital."
    assert by_value(figures_of(nlp, text), 40).measure == "hospitalised"


def test_whose_the_counted_things_are_is_not_what_they_are(nlp):
    """'contacts of those cases' are no cases; 'the number of cases' and '40 of the cases' are."""
    text = "Health workers have traced about 300 contacts of those cases, the ministry said."
    assert by_value(figures_of(nlp, text), 300).measure != "cases"
    text = "Forty of the cases were in the capital, the ministry said."
    assert by_value(figures_of(nlp, text), 40).measure == "cases"


def test_a_share_a_thing_gained_or_lost_is_of_that_thing(nlp):
    text = ("Early results gave the ruling party 54% of the vote. The rand, which traded at 18 to the "
            "dollar before the vote, has lost more than 6% since.")
    assert by_value(figures_of(nlp, text), 6).counted == "rand"


def test_a_country_s_government_speaks_for_it_but_a_place_named_like_a_people_does_not(nlp):
    text = "MAPUTO - The storm hit on Sunday. Malawi's government said at least 190 people had been killed."
    assert by_value(figures_of(nlp, text), 190).place == "MW"
    text = "HANOI - Floods swept the north on Monday. Forty people died, Thai Binh officials said."
    assert by_value(figures_of(nlp, text), 40).place == "VN"


@pytest.mark.parametrize("written", ["79.5%", "79.5 percent", "79.5 per cent"])
def test_a_percentage_in_words_is_read_as_the_sign_and_a_copula_subject_is_what_it_counts(nlp, written):
    figure = by_value(figures_of(nlp, f"Turnout was {written}, the electoral commission said."), 79.5)
    assert figure.counted == "Turnout"


@pytest.mark.parametrize("where", ["in the floods across four countries", "across southern Africa",
                                   "across the Caribbean", "in Southeast Asia and China"])
def test_a_count_across_several_countries_is_no_one_country_s(nlp, where):
    text = f"DUBAI - The insurer said 33 people died {where}."
    figure = by_value(figures_of(nlp, text), 33)
    assert figure.place is None and figure.place_stated


def test_a_country_named_as_where_a_count_is_is_that_country_whatever_the_model_tagged(nlp):
    text = "PRETORIA, South Africa (AP) — Floods killed 30 people in South Africa, officials said."
    assert by_value(figures_of(nlp, text), 30).place == "ZA"  # a country, not a part of Africa
    # the model tags 'Malawi' here as a person; a one-word person stays one outside a locative
    text = "The cyclone killed 99 people in Malawi, officials said."
    assert by_value(figures_of(nlp, text), 99).place == "MW"
    assert by_value(figures_of(nlp, "Jordan said 40 people were hurt."), 40).place is None


@pytest.mark.parametrize("speaker", ["Peruvian authorities", "Omani officials"])
def test_officials_of_a_people_speak_for_its_country_wherever_the_article_is_filed(nlp, speaker):
    text = f"DUBAI - Heavy rain flooded Dubai on Tuesday. Dubai police closed roads. {speaker} said 21 died."
    assert by_value(figures_of(nlp, text), 21).place == ("PE" if speaker.startswith("Peru") else "OM")
    # a place the clause names is the count's, whoever gives it
    text = "NAIROBI - Kenyan police said 40 people were arrested in the protests in Uganda."
    assert by_value(figures_of(nlp, text), 40).place == "UG"


def test_a_countrys_government_speaks_for_it_even_where_a_town_has_its_name(nlp):
    """'Jamaica's government' in an article on Texas is Jamaica's, not Jamaica in New York;
    'Georgia's government' there is the state's."""
    text = ("HOUSTON (AP) — The storm killed eight people in Texas, officials said.\n\n"
            "Jamaica's government has confirmed four deaths. Georgia's government has confirmed two deaths.")
    figures = figures_of(nlp, text)
    assert (by_value(figures, 4).place, by_value(figures, 2).place) == ("JM", "US")


def test_a_place_with_a_number_is_no_list_item_without_a_list(nlp):
    figures = figures_of(nlp, "The boat left Tripoli with 400 migrants on board and sank off Lampedusa.")
    assert [f.place for f in figures if f.value == 400] == ["LY"]


def test_people_in_a_city_who_are_not_officials_speak_for_no_place(nlp):
    figures = figures_of(
        nlp, "Researchers in Boston estimated 4,600 deaths after the hurricane in Puerto Rico."
    )
    assert all(f.place != "US/boston" for f in figures)

