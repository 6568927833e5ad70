"""The claim frame read from real sentences: where, what is measured, which incident, and
values given in passing. Each case is one trap a claim identity must not fall into."""

from datetime import UTC, datetime

import pytest

from schemas.articles import UniqueArticle
from services.claims.in_article import resolve_in_article
from services.extract.pipeline import extract_batch
from services.extract.places import resolve


def figures_of(nlp, text: str, title: str | None = None, published: datetime | None = None):
    article = UniqueArticle(url="https://news.example/a", title=title, text=text, content_hash="h",
                            published=published)
    return resolve_in_article(extract_batch(nlp, [article])[0])


def by_value(figures, value):
    [figure] = [f for f in figures if f.value == value and not f.headline]
    return figure


@pytest.mark.parametrize(
    ("name", "hint", "expected"),
    [("Spain", None, "ES"), ("the province of Valencia", None, "ES/valencia region"),
     ("Valencia province", None, "ES/valencia region"), ("Paiporta", None, "ES/paiporta"),
     ("Gaines County", None, "US/gaines county"), ("St. Lucie County", None, "US/st lucie county"),
     ("Georgia", None, "GE"), ("Georgia", "US", "US/georgia"), ("Santa Ana", "US", "US/santa ana")],
    ids=["country", "province-of", "province-suffix", "town", "us-county", "county-with-period",
         "country-over-state", "state-in-a-us-article", "shared-city-name-takes-the-article-country"],
)
def test_place_names_resolve_to_iso_codes(name, hint, expected):
    assert str(resolve(name, hint)) == expected


def test_a_hyphenated_standard_name_is_found_as_news_writes_it():
    from services.extract.places import candidates

    # the standard spells the South African province 'North-West'; news writes 'North West'
    assert "ZA" in candidates("North West") and "ZA" in candidates("the North West")
    assert str(resolve("North West", "ZA")) == "ZA/north west"


def test_a_town_its_region_and_the_country_are_three_places(nlp):
    text = ("VALENCIA, Spain — At least 62 people died in Paiporta, the mayor said. "
            "The death toll in Valencia province rose to 211 on Monday. "
            "Across Spain, the floods have killed 217 people, the government said.")
    figures = figures_of(nlp, text)
    places = {f.value: f.place for f in figures}
    assert places == {62: "ES/paiporta", 211: "ES/valencia region", 217: "ES"}
    assert len({f.claim_key for f in figures}) == 3


def test_the_same_measure_in_two_countries_is_two_claims(nlp):
    ph = figures_of(nlp, "MANILA, Philippines — The typhoon killed 94 people in the Philippines.")
    it = figures_of(nlp, "ROME — Seven people were killed when a train derailed near Lodi, Italy.")
    assert by_value(ph, 94).claim_key != by_value(it, 7).claim_key
    assert (by_value(ph, 94).place, by_value(it, 7).place[:2]) == ("PH", "IT")


def test_two_named_storms_in_one_country_stay_apart(nlp):
    helene = figures_of(nlp, "Hurricane Helene has killed at least 230 people in the United States.")
    milton = figures_of(nlp, "Hurricane Milton has killed at least 24 people in the United States.")
    assert by_value(helene, 230).incident == "storm helene"
    assert by_value(milton, 24).incident == "storm milton"
    assert by_value(helene, 230).claim_key != by_value(milton, 24).claim_key


def test_a_bare_name_takes_the_kind_the_article_gave_it(nlp):
    text = ("Hurricane Milton made landfall near Siesta Key on Wednesday night. "
            "Milton killed at least 16 people in Florida, officials said.")
    assert by_value(figures_of(nlp, text), 16).incident == "storm milton"


def test_the_fires_are_all_of_them_not_the_one_in_the_headline(nlp):
    text = ("Palisades Fire grows as crews gain ground\n\n"
            "The Palisades Fire and the Eaton Fire have burned for a week. "
            "The fires have killed 24 people, the county medical examiner said.")
    figure = by_value(figures_of(nlp, text, title="Palisades Fire grows as crews gain ground"), 24)
    assert figure.incident == "fire"


@pytest.mark.parametrize(
    ("sentence", "value", "measure"),
    [("Evacuation orders covered 180,000 people on Friday.", 180000, "evacuated"),
     ("Another 200,000 people were under evacuation warnings on Friday.", 200000, "evacuation_warned"),
     ("Thirteen people have been hospitalised in the outbreak, officials said.", 13, "hospitalised"),
     ("At least 20 people died in the crush, and 36 were being treated at a medical college.", 36,
      "hospitalised"),
     ("The fire has destroyed 5,316 structures, Cal Fire said.", 5316, "structures_destroyed"),
     ("The fire has burned 23,448 acres, Cal Fire said.", 23448, "area_burned"),
     ("The death toll rose to 216 on Monday, officials said.", 216, "killed"),
     ("The death toll of 205 was reported on Thursday.", 205, "killed"),
     ("About 40,000 customers remained without power on Sunday, the utility said.", 40000, "power_outages"),
     ("The storm knocked out power to 2 million customers before crews restored it.", 2000000,
      "power_outages"),
     ("Crews have restored power to more than 60% of customers, the power company said.", 60, "other"),
     ("Power has been restored to 12,000 homes, the utility said.", 12000, "other"),
     ("More than 140 people had been pulled out alive since the collapse, he said.", 140, "rescued"),
     ("Police said 34 miners had been brought up alive and 18 bodies retrieved by Wednesday.", 18,
      "killed")],
    ids=["evacuation-orders", "evacuation-warnings", "hospitalised", "being-treated", "structures-destroyed",
         "acres-burned", "toll-level-not-a-rise", "a-toll-of-n", "without-power", "outage-restored-later",
         "restored-share-is-no-outage", "restored-homes-are-no-outage", "pulled-out-alive",
         "bodies-beside-the-living"],
)
def test_measures(nlp, sentence, value, measure):
    assert by_value(figures_of(nlp, sentence), value).measure == measure


@pytest.mark.parametrize(
    ("sentence", "current", "earlier"),
    [("Forty people have now been confirmed dead, up from 36 on Tuesday.", 40, 36),
     ("The death toll stands at 215, slightly below the 217 given by the emergency services "
      "at the weekend.", 215, 217),
     ("The state government on Sunday revised the death toll in the crash to 275 from 288.", 275, 288),
     ("The minister said the toll had risen to 16,700 cases and 570 deaths, up from 16,000 cases "
      "and 548 deaths reported days earlier.", 570, 548),
     ("Evacuation orders still covered 12,000 people, down from a peak of about 95,000 people "
      "ordered to leave on Friday.", 12000, 95000),
     ("The ministry said 240 people had died, above an earlier count of 205.", 240, 205),
     ("The firm lost $315 million in the quarter, compared with $290 million a year earlier.", 315_000_000,
      None),
     ("The agency said it would need an initial $15 million for surveillance.", 15_000_000, None)],
    ids=["up-from", "below-the-figure-given", "to-a-from-b", "second-of-two-earlier-values",
         "down-from-a-peak-of", "an-earlier-count-of", "a-year-earlier-is-another-period",
         "an-initial-sum-is-a-first-part"],
)
def test_values_given_in_passing_are_earlier_statements(nlp, sentence, current, earlier):
    figures = figures_of(nlp, sentence)
    assert by_value(figures, current).stated_as == "current"
    if earlier is not None:
        assert by_value(figures, earlier).stated_as == "earlier"
    else:  # nothing in it is a previous statement of the value
        assert {f.stated_as for f in figures} == {"current"}


def test_national_toll_and_people_killed_are_one_counted_population(nlp):
    text = ("MADRID — The national death toll rose to 217 on Monday. "
            "The floods have killed 217 people, the government said on Tuesday.")
    figures = [f for f in figures_of(nlp, text) if f.value == 217]
    assert len({f.claim_key for f in figures}) == 1


def test_a_shared_place_name_with_no_other_evidence_keeps_its_own_most_likely_place(nlp):
    text = ("Insurers brace for Milton losses\n\n"
            "Insured losses in Florida could reach $30 billion, modelers said on Thursday.")
    figure = by_value(figures_of(nlp, text, title="Insurers brace for Milton losses"), 30_000_000_000)
    assert figure.place.startswith("US")


def test_the_incident_named_nearest_the_figure_is_its_incident(nlp):
    text = ("The Palisades Fire had burned 23,713 acres, while the Eaton Fire stood at 14,117 acres, "
            "fire officials said.")
    figures = figures_of(nlp, text)
    assert (by_value(figures, 23713).incident, by_value(figures, 14117).incident) == (
        "fire palisades", "fire eaton")


def test_a_fire_is_named_only_by_a_capitalised_fire_in_prose(nlp):
    """'the Harlow fire' says where it burned; 'the Ridgeway Fire' names one, and names it again
    where the same article writes 'the Ridgeway fire'."""
    text = "The toll from the Harlow fire rose to 41, officials said."
    assert by_value(figures_of(nlp, text), 41).incident == "fire"
    text = "The toll from the Ridgeway Fire rose to 12, officials said."
    assert by_value(figures_of(nlp, text), 12).incident == "fire ridgeway"
    text = ("Crews contained the Ridgeway Fire on Monday. "
            "The toll from the Ridgeway fire rose to 12, officials said.")
    assert by_value(figures_of(nlp, text), 12).incident == "fire ridgeway"


def test_a_title_case_headline_names_no_fire_and_a_first_paragraph_is_no_headline(nlp):
    """The headline is where the article's title ends, not the first line: a first paragraph
    of prose names its fire when no title stands above it."""
    text = ("Crews said on Monday that the toll from the Ridgeway Fire rose to 12.\n"
            "The fire burned for three days.")
    assert by_value(figures_of(nlp, text), 12).incident == "fire ridgeway"
    title = "Harlow Fire Toll Rises to 41"
    text = f"{title}\nThe toll from the Harlow fire rose to 41, officials said."
    assert by_value(figures_of(nlp, text, title=title), 41).incident == "fire"


def test_an_agency_named_like_an_incident_is_no_incident(nlp):
    text = "Cal Fire said the Eaton Fire had destroyed 9,418 structures."
    assert by_value(figures_of(nlp, text), 9418).incident == "fire eaton"
    # a source is no incident either: 'according to', 'citing'
    text = "The blaze has destroyed 140 homes, according to Metro Fire."
    assert by_value(figures_of(nlp, text), 140).incident == "fire"
    text = "Crews counted 30 homes lost, citing Metro Fire."
    assert by_value(figures_of(nlp, text), 30).incident is None


def test_an_incident_word_that_names_a_body_or_shots_fired_is_no_incident(nlp):
    """'The fire service said', 'fire officials', 'caused by police fire': a train crash and a
    protest stay what they are, whoever counts their dead and however they died."""
    text = ("The rail crash near Larissa on Tuesday night was the country's worst. "
            "The fire service said 31 bodies had been recovered by Wednesday evening.")
    assert by_value(figures_of(nlp, text), 31).incident == "accident"
    text = ("Protesters marched on parliament on Tuesday. The protests turned deadly when police "
            "opened fire. Rights groups recorded 17 deaths, caused by police fire.")
    assert by_value(figures_of(nlp, text), 17).incident == "protest"
    # a fire of the story stays the incident
    text = "The fire has killed 93 people, fire officials said."
    assert by_value(figures_of(nlp, text), 93).incident == "fire"


def test_six_of_the_deaths_were_in_a_county(nlp):
    text = "Hurricane Milton killed 16 people in Florida. Six of the deaths were in St. Lucie County."
    assert by_value(figures_of(nlp, text), 6).place == "US/st lucie county"


def test_elided_counts_take_the_incident_right_after_them(nlp):
    text = ("The fires killed 29 people, according to the county medical examiner: 17 in the Eaton "
            "Fire and 12 in the Palisades Fire.")
    figures = figures_of(nlp, text)
    assert [by_value(figures, v).incident for v in (29, 17, 12)] == ["fire", "fire eaton", "fire palisades"]


def test_a_name_inside_a_phrase_of_several_incidents_is_all_of_them(nlp):
    text = ("The Eaton Fire destroyed homes in Altadena. "
            "At least 16 people have died in the Palisades and Eaton fires, officials said.")
    assert by_value(figures_of(nlp, text), 16).incident == "fire"


@pytest.mark.parametrize(
    "sentence",
    ["Three former employees were charged with fraud in Madrid.",
     "The company raised $5 million from 40 investors in Texas."],
    ids=["former-people", "from-without-a-new-value"],
)
def test_words_of_the_past_that_give_no_earlier_value(nlp, sentence):
    assert all(f.stated_as == "current" for f in figures_of(nlp, sentence))


def test_an_earlier_value_follows_its_current_value_to_its_own_claim(nlp):
    text = ("The flood death toll rose to 95, up from 70, officials said. "
            "Across Spain, 200 people died in the floods.")
    figures = figures_of(nlp, text)
    assert by_value(figures, 70).claim_key == by_value(figures, 95).claim_key
    assert by_value(figures, 95).claim_key != by_value(figures, 200).claim_key


def test_police_opening_fire_is_no_fire(nlp):
    text = "Police opened fire on protesters in Nairobi, killing 12 people, witnesses said."
    assert by_value(figures_of(nlp, text), 12).incident != "fire"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Oklahoma City", "US/oklahoma city"), ("Mexico City", "MX/mexico city"),
     ("Solomon Islands", "SB")],
    ids=["city-in-the-name", "capital-city", "islands-country"],
)
def test_a_level_word_that_is_part_of_the_name_stays(name, expected):
    assert str(resolve(name)) == expected


def test_a_sum_per_month_is_another_claim_than_a_total(nlp):
    text = ("Analysts estimate the strike is costing Boeing about $1 billion a month. "
            "The strike has cost Boeing $5 billion so far, analysts said.")
    figures = figures_of(nlp, text)
    monthly, total = by_value(figures, 1_000_000_000), by_value(figures, 5_000_000_000)
    assert (monthly.rate, total.rate) == ("month", None)
    assert monthly.claim_key.split("|")[3] == "* per month"


def test_a_sentence_that_opens_on_a_group_counts_its_parts(nlp):
    text = ("Of the dead, 31 were in the city of Wajima and 22 in Suzu, while five died in Nanao, "
            "two in Anamizu.")
    figures = figures_of(nlp, text)
    assert {f.value for f in figures} >= {31, 22, 5, 2}
    assert {(f.value, f.measure) for f in figures if f.value in (31, 22)} == {(31, "killed"), (22, "killed")}
    assert by_value(figures, 22).place == "JP/suzu" and by_value(figures, 31).place == "JP/wajima"


def test_a_sentence_that_opens_on_bodies_counts_the_part_a_speaker_gives(nlp):
    figures = figures_of(nlp, "Of the 275 bodies, 88 have been identified, officials said.")
    assert (by_value(figures, 88).counted, by_value(figures, 88).measure) == ("bodies", "other")


def test_the_storm_the_headline_names_is_the_storm_of_its_unnamed_mentions(nlp):
    title = "Hurricane Ida toll climbs to 26 in Louisiana"
    text = (f"{title}\n\nThe storm has killed at least 26 people, state officials said on Friday. "
            "Forecasters compared it with Hurricane Katrina, which struck in 2005, and with "
            "Hurricane Laura, which hit the same coast a year earlier.")
    assert by_value(figures_of(nlp, text, title=title), 26).incident == "storm ida"


def test_a_place_on_the_phrase_the_count_is_of_is_its_place(nlp):
    text = ("The death toll from Hurricane Ida in Mississippi rose to 4 on Tuesday. "
            "About 900,000 customers without power in Louisiana waited for crews.")
    figures = figures_of(nlp, text)
    assert by_value(figures, 4).place == "US/mississippi"
    assert by_value(figures, 900000).place == "US/louisiana"


def test_a_place_deeper_in_a_name_is_not_the_place_of_the_count(nlp):
    text = "At least 40 volunteers fighting in the ranks of the Russian army were captured, Kyiv said."
    assert by_value(figures_of(nlp, text), 40).place_stated is False


def test_seats_of_two_parties_are_two_claims_and_each_party_one(nlp):
    first = figures_of(nlp, "The Greens are projected to win 48 seats, while the Social Democrats "
                            "are on course for 120 seats in the 300-seat chamber.")
    later = figures_of(nlp, "With all votes counted, the Greens won 52 seats.")
    assert by_value(first, 48).claim_key != by_value(first, 120).claim_key
    assert by_value(first, 48).holder == "green"
    assert by_value(later, 52).claim_key == by_value(first, 48).claim_key


def test_in_the_county_is_the_county_named_last_before_it(nlp):
    named = figures_of(nlp, "Flooding swept through Marion County, Ohio, on Monday. "
                            "At least 12 people died in the county, the sheriff said.")
    unnamed = figures_of(nlp, "Flooding swept through Ohio on Monday. "
                              "At least 12 people died in the county, the sheriff said.")
    assert by_value(named, 12).place == "US/marion county"
    assert by_value(unnamed, 12).place == "US"


def test_a_share_of_the_vote_is_the_party_s_own(nlp):
    found = figures_of(nlp, "With 97% of the vote counted, the Greens had 31% of the national vote.")
    assert by_value(found, 31).holder == "green"
    assert by_value(found, 97).holder is None
    assert by_value(found, 31).claim_key != by_value(found, 97).claim_key


def test_a_company_and_its_possessive_name_one_holder_of_job_cuts(nlp):
    said = figures_of(nlp, "Nissan will cut 9,000 jobs worldwide, the carmaker said on Thursday.")
    owned = figures_of(nlp, "Nissan's 9,000 job cuts will fall mostly on its factories.")
    assert by_value(said, 9000).holder == by_value(owned, 9000).holder == "nissan"


def test_a_place_put_before_the_speaker_frames_what_the_speaker_says(nlp):
    text = "In Manila, city officials said 31 people had been killed by the floods."
    assert by_value(figures_of(nlp, text), 31).place == "PH/manila"


def test_a_place_put_before_the_speaker_frames_a_report_inside_the_speech(nlp):
    """'confirmed' is itself a speech verb: the place is put before the outer one."""
    text = ("Floods killed 140 people in Peru, the government said. In Chile, the interior "
            "ministry said 12 people had been confirmed dead and 40 injured.")
    figures = figures_of(nlp, text)
    assert by_value(figures, 140).place == "PE"
    assert by_value(figures, 12).place == by_value(figures, 40).place == "CL"


def test_a_place_before_another_clause_is_not_the_count_s(nlp):
    """The place frames the meeting, not what reports showed while it met."""
    text = ("MADRID, Spain — Floods swept Valencia on Tuesday. In Brussels, EU leaders met as "
            "reports showed 400 people had died in the floods.")
    assert by_value(figures_of(nlp, text), 400).place == "ES"


def test_a_count_across_several_states_is_the_country_s(nlp):
    text = ("DENVER, Colo. — Across the four states the blizzard crossed, at least 31 people have "
            "died. In Colorado, 12 people died, state officials said.")
    figures = figures_of(nlp, text)
    assert by_value(figures, 31).place == "US"
    assert by_value(figures, 12).place == "US/colorado"


def test_there_is_the_place_just_named(nlp):
    text = ("The northern province of Cagayan was among the worst hit. "
            "Landslides there killed 14 people, provincial officials said.")
    assert by_value(figures_of(nlp, text), 14).place.startswith("PH/cagayan")


def test_a_city_reporting_a_count_is_where_the_count_is_but_a_capital_is_its_government(nlp):
    city = figures_of(nlp, "Osaka reported 40 new cases on Monday.")
    capital = figures_of(nlp, "Moscow has sent 12,000 troops to the border.")
    assert by_value(city, 40).place == "JP/osaka"
    assert by_value(capital, 12000).place_stated is False


def test_tornadoes_of_a_hurricane_are_that_hurricane(nlp):
    text = ("Hurricane Ida made landfall on Sunday. Three of the deaths were in Jefferson Parish, "
            "where tornadoes spawned by the storm flattened homes.")
    assert by_value(figures_of(nlp, text), 3).incident == "storm ida"


def test_a_storm_named_only_as_the_subject_of_its_harm_is_named(nlp):
    title = "Ida: 26 deaths confirmed as crews clear roads"
    text = (f"{title}\n\nOfficials confirmed 26 storm-related deaths on Tuesday. "
            "Across the region, Ida has killed at least 40 people, according to a tally by reporters.")
    figures = figures_of(nlp, text, title=title)
    assert by_value(figures, 26).incident == by_value(figures, 40).incident == "storm ida"


def test_a_dateline_places_an_article_that_names_its_city_only_there(nlp):
    text = ("Quake toll rises to 31\n\nQUITO.- At least 31 people have died after the earthquake, "
            "the risk management secretariat said on Sunday, and rescuers were still searching.")
    figure = next(f for f in figures_of(nlp, text) if f.value == 31 and not f.headline)
    assert figure.place == "EC"


def test_a_small_namesake_abroad_is_not_the_place_a_sentence_names():
    assert resolve("Nu", "VN") is None  # a town of 27,000 in Egypt, not a hamlet in Vietnam
    assert str(resolve("Bangkok", "MM")) == "TH/bangkok"  # a large city abroad still resolves


def test_words_after_the_counted_noun_say_what_is_measured(nlp):
    text = ("Quake toll rises\n\nThe earthquake struck Peru on Monday. Of the 118 people confirmed dead "
            "as of noon, 70 were in the port city, officials said.")
    assert by_value(figures_of(nlp, text), 118).measure == "killed"


def test_a_conjoined_clause_does_not_lend_its_measure(nlp):
    text = ("Cholera update\n\nZambia's health ministry said 41 people died of cholera last week and "
            "nearly 3,000 were admitted to treatment centres.")
    assert by_value(figures_of(nlp, text), 41).measure == "killed"


def test_an_earlier_value_in_a_sentence_of_its_own_joins_the_value_stated_before_it(nlp):
    text = ("Flood toll\n\nFloods in Kenya have killed 228 people, the interior ministry said on Friday. "
            "The figure is up from 210 given on Wednesday.")
    figures = figures_of(nlp, text)
    current, earlier = by_value(figures, 228), by_value(figures, 210)
    assert earlier.stated_as == "earlier" and earlier.claim_key == current.claim_key


def test_a_count_of_one_day_is_dated_to_that_day():
    from services.extract.scope import find_scopes

    [scope] = find_scopes("Officials recorded 14 deaths in the past 24 hours.", 2024, 8, 3)
    assert scope.value == "2024-08-03"
    [scope] = find_scopes("It killed 40 people last month.", 2024, 1, 3)
    assert scope.value == "2023-12"


def test_an_incident_word_inside_an_organisations_name_is_no_incident(nlp):
    text = ("A passenger ferry carrying 212 people sank off the coast on Sunday, the National Fire "
            "Agency said.")
    assert by_value(figures_of(nlp, text), 212).incident is None


def test_a_value_in_the_past_perfect_is_an_earlier_value_of_the_fact_stated_now(nlp):
    text = ("The toll from the floods in Greece rose to 288 on Saturday, the civil protection agency said.\n"
            "The toll had stood at 233 late on Friday night.")
    figures = figures_of(nlp, text)
    now, before = by_value(figures, 288), by_value(figures, 233)
    assert before.stated_as == "earlier" and now.stated_as == "current"
    assert before.claim_key == now.claim_key


def test_a_past_perfect_with_nothing_newer_is_the_fact_itself(nlp):
    text = "With 648 of the 650 seats declared, the Liberal Party had won 301 seats."
    assert by_value(figures_of(nlp, text), 301).stated_as == "current"


def test_reported_speech_in_the_past_perfect_is_current(nlp):
    text = ("The toll from the floods in Greece rose to 288 on Saturday.\n"
            "Port officials said 41 people had died in the harbour town.")
    assert by_value(figures_of(nlp, text), 41).stated_as == "current"


def test_an_accident_or_a_collision_is_the_incident_of_its_toll(nlp):
    text = "The toll in the bus accident in Kenya rose to 31 on Sunday, police said."
    assert by_value(figures_of(nlp, text), 31).incident == "accident"


def test_a_stampede_or_a_crowd_crush_is_the_incident_of_its_toll(nlp):
    stampede = "At least 40 people were killed in a stampede at a temple festival in Kerala, police said."
    crush = "The toll from the crowd crush at the stadium rose to 40 on Monday."
    assert by_value(figures_of(nlp, stampede), 40).incident == "accident"
    assert by_value(figures_of(nlp, crush), 40).incident == "accident"


@pytest.mark.parametrize("code", ["ANC", "MK", "COE"])
def test_a_code_a_city_is_also_known_by_is_no_place(code):
    # airport and other codes among a city's alternate names are also parties' and agencies' acronyms
    assert resolve(code) is None
    assert resolve("Anchorage") is not None


def test_the_tail_of_an_inverted_subdivision_name_is_no_place():
    # pycountry writes 'Virgin Islands, U.S.' and 'Murcia, Región de': 'U.S.' is not a US
    # region, so 'the U.S. Department of Agriculture' places nothing in one
    assert resolve("U.S. Department", "US") is None
    assert str(resolve("Murcia", "ES")) == "ES/murcia"
    assert str(resolve("Virgin Islands", "US")) == "US/virgin islands"


@pytest.mark.parametrize(
    ("name", "hint", "expected"),
    [("Democratic Republic of Congo", None, "CD"), ("DR Congo", None, "CD"), ("DRC", None, "CD"),
     ("Congo", None, "CD"), ("Congo", "CG", "CG"), ("Republic of Congo", None, "CG"),
     ("PNG", None, "PG"), ("UAE", None, "AE")],
    ids=["of-without-the", "initials-before-of", "initials", "shared-name-most-populous",
         "shared-name-article-country", "the-other-congo", "png", "uae"],
)
def test_countries_resolve_in_the_forms_news_writes_them(name, hint, expected):
    assert str(resolve(name, hint)) == expected


@pytest.mark.parametrize(
    ("name", "hint"), [("Lebanon", "US"), ("Panama", "US"), ("Jamaica", "US"), ("Peru", "US")])
def test_a_country_is_no_town_named_after_it_in_the_articles_country(name, hint):
    """A US story that names Lebanon speaks of the country, not of Lebanon, Pennsylvania; only a
    state or province of the name ('Georgia') is read in the article's country."""
    assert resolve(name, hint) == resolve(name)
    assert resolve(name, hint).within is None


@pytest.mark.parametrize("name", ["Africa", "Europe", "South America"])
def test_a_continent_is_no_countrys_place(name):
    assert resolve(name) is None


def test_the_whole_a_part_is_taken_from_is_not_what_happened_to_the_part(nlp):
    figures = figures_of(nlp, "The crash killed 179 of the 181 people on board the jet, officials said.")
    assert (by_value(figures, 179).measure, by_value(figures, 181).measure) == ("killed", "other")
    figures = figures_of(nlp, "Most of the 300 residents were evacuated on Monday, the mayor said.")
    assert by_value(figures, 300).measure == "other"


def test_the_ones_all_but_spares_are_not_counted_by_the_event(nlp):
    figures = figures_of(nlp, "All but two of the 181 people on board died, the fire agency said.")
    assert by_value(figures, 2).measure == "other"


def test_a_past_form_the_lemmatizer_misreads_still_names_the_measure(nlp):
    text = "The data watchdog has fined the testing firm £2.31m for failing to protect users."
    figures = figures_of(nlp, text)
    assert by_value(figures, 2_310_000).measure == "fine"


def test_a_participle_after_a_clause_on_a_year_happened_in_that_year(nlp):
    text = ("The accident is the deadliest on the railways since 1995, when two trains collided near "
            "Firozabad, killing more than 300 people.")
    assert by_value(figures_of(nlp, text), 300).scope == "1995"


def test_the_place_an_incident_happened_in_outweighs_the_countries_that_help(nlp):
    text = ("Landslide toll rises\n\nThe landslide in Papua New Guinea has killed 670 people, the "
            "migration agency said. Australia sent a team of engineers, and Australia's foreign "
            "minister said Australia would send more aid.")
    assert by_value(figures_of(nlp, text), 670).place == "PG"


def test_a_nationality_votes_for_its_country(nlp):
    text = ("Jet crash\n\nA passenger jet returning from Bangkok crashed on landing on Sunday, killing "
            "179 people, South Korean officials said. South Korean investigators were at the scene.")
    assert by_value(figures_of(nlp, text), 179).place == "KR"


@pytest.mark.parametrize("denial", [
    "There was no sign of a cyberattack, a company spokesman said.",
    "The outage was not caused by a cyberattack, the company said.",
    '"This is not a security incident or cyberattack," the chief executive wrote.',
    "Investigators found no evidence the failure had been caused by a hack.",
])
def test_an_incident_the_text_denies_is_not_the_figure_s_incident(nlp, denial):
    text = f"About 3,000 flights were cancelled across the United States on Friday. {denial}"
    assert by_value(figures_of(nlp, text), 3000).incident != "breach"


@pytest.mark.parametrize(("text", "accident"), [
    ("Regulators were reeling from the collapse of Lehman Brothers, which left 3,000 staff without jobs.",
     False),
    ("Investors lost $3,000 in the collapse of Enron, prosecutors said.", False),
    ("The toll from the collapse of the Morandi Bridge rose to 3,000 on Friday.", True),
    ("The collapse of the Grand Plaza Hotel killed 3,000 people, officials said.", True),
    ("The collapse of Tower Semiconductor cost 3,000 jobs, the union said.", False),
], ids=["bank", "company", "bridge", "named-hotel", "company-named-like-a-building"])
def test_an_organisation_that_collapses_is_no_accident(nlp, text, accident):
    assert (by_value(figures_of(nlp, text), 3000).incident == "accident") is accident


@pytest.mark.parametrize(("text", "breach"), [
    ("It was not the first breach at the insurer: hackers stole the records of 3,000 patients.", True),
    ("The airline sued the software maker for negligence and breach of contract, saying the failed "
     "update forced it to cancel 3,000 flights.", False),
], ids=["affirmed-not-the-first", "breach-of-contract"])
def test_a_breach_is_a_break_in_only_where_the_text_tells_of_one(nlp, text, breach):
    assert (by_value(figures_of(nlp, text), 3000).incident == "breach") is breach


def test_a_count_made_worldwide_has_no_country(nlp):
    text = ("WASHINGTON — More than 5,000 flights were canceled worldwide on Friday. In the United States, "
            "1,100 flights had been canceled by 8 a.m., federal officials said.")
    figures = figures_of(nlp, text)
    world, home = by_value(figures, 5000), by_value(figures, 1100)
    assert (world.place, world.place_stated, home.place) == (None, True, "US")
    assert world.claim_key != home.claim_key and "|world|" in world.claim_key


@pytest.mark.parametrize(("text", "value", "place"), [
    # Nigeria has a Delta State; an American airline is not in it
    ("ATLANTA — The airline said the outage forced it to cancel 7,000 flights across the United States. "
     "Delta is seeking losses of more than $500 million from the software company.", 500_000_000, "US"),
    # the parser reads the unfamiliar name as an adjective; the place libraries know the town
    ("RABAT — The earthquake killed 2,946 people. Taroudant province has recorded 764 deaths, according "
     "to the ministry.", 764, "MA/taroudant province"),
], ids=["organisation-named-like-a-region-abroad", "province-known-only-as-a-town"])
def test_names_that_are_places_only_at_home(nlp, text, value, place):
    assert by_value(figures_of(nlp, text), value).place == place


def test_an_explosion_in_cases_is_a_surge_not_a_blast(nlp):
    surge = "Experts blame the explosion in cases on the heat; 1,200 people have died so far."
    blast = "An explosion in a coal mine killed 12 miners."
    assert by_value(figures_of(nlp, surge), 1200).incident is None
    assert by_value(figures_of(nlp, blast), 12).incident == "accident"


@pytest.mark.parametrize("done", ["have been identified", "are yet to be identified",
                                  "were still to be identified"])
def test_a_count_of_the_dead_identified_is_not_the_toll(nlp, done):
    text = f"HONOLULU — The fire killed 115 people. Of the dead, 74 {done}, police said."
    figures = figures_of(nlp, text)
    assert (by_value(figures, 115).measure, by_value(figures, 74).measure) == ("killed", "other")


def test_the_city_a_story_was_filed_from_is_not_where_its_figures_are(nlp):
    text = ("Fire toll rises\n\nPORTO ALEGRE, Brazil (AP) — The death toll from floods that swept "
            "southern Brazil rose to 83 on Sunday, the civil defense agency said.")
    figure = by_value(figures_of(nlp, text), 83)
    assert (figure.place, figure.place_stated) == ("BR", False)


def test_a_nationality_before_a_city_of_names_the_city(nlp):
    text = "The death toll in the northern Moroccan city of Marrakesh rose to 18, officials said."
    assert by_value(figures_of(nlp, text), 18).place == "MA/marrakesh"


def test_a_count_over_several_countries_is_in_all_of_them_together(nlp):
    text = ("The floods killed 24 people in Poland, Romania, Austria and the Czech Republic, officials "
            "said. In Texas and Oklahoma, 12 people died.")
    figures = figures_of(nlp, text)
    assert by_value(figures, 24).place == "AT+CZ+PL+RO"
    assert by_value(figures, 12).place == "US"  # two states of one country: that country


@pytest.mark.parametrize("sentence, value, scope", [
    ("In August, 342 people died of dengue.", 342, "2023-08"),  # the month of a toll
    ("In August, the count stood at 1,000 organisations.", 1000, None),  # when, not a period
    ("In April, officials said 500 people had been killed.", 500, None),  # when it was said
    ("Officials reported 610 cases in June.", 610, "2023-06"),
    ("In January, the ministry recorded 41 dengue deaths.", 41, "2023-01"),  # a toll's noun
    ("In the past month, the ministry recorded 40 dengue deaths.", 40, "2023-09"),  # no month name
])
def test_a_month_that_opens_a_sentence_is_the_period_of_a_toll_only(nlp, sentence, value, scope):
    article = UniqueArticle(url="https://news.example/a", text=f"Dengue\n\n{sentence}", content_hash="h",
                            published=datetime(2023, 10, 2, tzinfo=UTC))
    [figure] = [f for f in extract_batch(nlp, [article])[0] if f.value == value]
    assert figure.scope == scope


def test_a_month_that_opens_a_sentence_of_a_capture_dates_it(nlp):
    article = UniqueArticle(url="https://news.example/a", content_hash="h",
                            text="War\n\nIn April, Russian forces captured 12 Ukrainian soldiers, "
                                 "the ministry said.",
                            published=datetime(2026, 5, 2, tzinfo=UTC))
    [figure] = [f for f in extract_batch(nlp, [article])[0] if f.value == 12]
    assert figure.scope is None


@pytest.mark.parametrize("sentence, value, measure", [
    ("The coast guard said 78 bodies had been recovered.", 78, "killed"),
    ("Of the 275 bodies, 88 have been identified.", 275, "killed"),
    ("Of the 275 bodies, 88 have been identified.", 88, "other"),
    ("With 187 bodies still unidentified, officials appealed for help.", 187, "other"),
    ("With 64 bodies still unrepatriated, families waited at the border.", 64, "other"),
    ("Aid groups sent some 6,000 body bags to the province.", 6000, None),  # bags, not the dead
])
def test_bodies_count_the_dead_unless_the_text_says_what_was_done_with_them(nlp, sentence, value, measure):
    figure = by_value(figures_of(nlp, sentence), value)
    assert figure.measure == measure if measure else figure.measure != "killed"


def test_a_name_inside_a_fires_name_is_not_a_town(nlp):
    """'four in the Cedar Fire' is in the fire called Cedar, not in a town called Cedar."""
    figures = figures_of(nlp, "LOS ANGELES — Officials said nine people died in the Ridgeline Fire and "
                              "four in the Cedar Fire.")
    assert (by_value(figures, 4).place, by_value(figures, 4).incident) == ("US", "fire cedar")
    assert by_value(figures, 9).place == "US"


def test_a_bank_named_after_a_town_is_not_the_town(nlp):
    """An organisation's name is a place only as a whole: 'Lexington Trust Bank' is no town
    called 'Bank', whatever small town geonames knows by that name."""
    figures = figures_of(nlp, "BOSTON — Lexington Trust Bank held about $4 billion in deposits when "
                              "regulators closed it.")
    assert by_value(figures, 4_000_000_000).place == "US"


def test_one_companys_breach_is_not_anothers(nlp):
    """People affected by one retailer's breach are that retailer's count: another company's
    breach the same week, told the same way, is another claim."""
    said = "told Vermont regulators on Friday that 18,305 people had been affected by its breach."
    harlow = by_value(figures_of(nlp, f"NEW YORK — Harlow Outfitters, a CloudVault customer, {said}"), 18305)
    bexley = by_value(figures_of(nlp, f"NEW YORK — Bexley Pharmacy, a CloudVault customer, {said}"), 18305)
    assert harlow.claim_key.startswith("person of harlow outfitter|affected|")
    assert harlow.claim_key != bexley.claim_key


def test_the_gang_that_stole_records_does_not_hold_them(nlp):
    """The subject of 'stole' is the thief: what a breach exposed is held by the company the
    text says was breached, or by no one."""
    stolen = by_value(figures_of(nlp, "NEW YORK — GreyMoth stole 41 million records from Bexley "
                                      "Pharmacy in the breach."), 41_000_000)
    named = by_value(figures_of(nlp, "NEW YORK — The retailer said 41 million customers were affected "
                                     "by the Bexley Pharmacy breach."), 41_000_000)
    assert "greymoth" not in stolen.claim_key
    assert named.claim_key.startswith("customer of bexley pharmacy|affected|")


def test_a_sum_a_month_before_an_event_is_still_a_monthly_sum(nlp):
    figures = figures_of(nlp, "CHICAGO — Tenants paid $1,200 a month before the rent increase, the "
                              "agency said.")
    assert by_value(figures, 1200).rate == "month"


def test_the_firestorms_are_all_the_fires_not_the_one_named(nlp):
    """A firestorm is a fire: 'the firestorms raging across the county' are all of them, not
    the one fire the article named first."""
    text = ("RIVERSIDE, Calif. — The Ridgeline Fire has destroyed 210 homes, fire officials said. "
            "The death toll from the firestorms raging across the county rose to 14 on Friday, "
            "the coroner said.")
    figures = figures_of(nlp, text)
    assert by_value(figures, 210).incident == "fire ridgeline"
    assert by_value(figures, 14).incident == "fire"


@pytest.mark.parametrize(
    ("text", "value", "incident"),
    [("LONDON — The exit poll points to a Labour landslide, with the party on 410 seats, the "
      "broadcaster said.", 410, None),
     ("MUAN, South Korea — The jet crash at the airport was the deadliest in the country. A bird "
      "strike brought down the jet, killing 179 people, officials said.", 179, "accident"),
     ("SACRAMENTO, Calif. — The crash on the highway left 40 people hurt, Fire Chief Dana Ortiz "
      "said.", 40, "accident"),
     ("BUCHAREST — Storm Boris has killed at least seven people in Romania, officials said.", 7,
      "storm boris"),
     ("LOS ANGELES — Wildfire evacuees numbered 30,000 on Sunday, officials said.", 30000, "fire"),
     ("NEW DELHI — The Wayanad landslide killed 200 people, officials said.", 200, "storm"),
     ("WASHINGTON — The decision set off a firestorm of criticism, and 5,000 people signed a "
      "petition.", 5000, None)],
    ids=["a-partys-landslide-is-a-victory", "a-bird-strike-is-no-walkout",
         "a-fire-chief-is-an-office-not-a-fire", "a-storms-own-name-is-no-office",
         "evacuees-of-a-fire-keep-it", "a-landslide-named-after-its-place-stays-one",
         "a-firestorm-of-criticism-is-no-fire"],
)
def test_incident_words_that_name_something_else(nlp, text, value, incident):
    assert by_value(figures_of(nlp, text), value).incident == incident


def test_a_date_misparsed_as_subject_is_not_what_a_toll_counts(nlp):
    """'The death toll from storms ... since mid-March climbed to 412', parsed with 'March' as the
    subject of 'climbed': the level is the toll's."""
    figures = figures_of(nlp, "MANILA — The death toll from storms that have battered the coast since "
                              "mid-March climbed to 412 on Friday, the agency said.")
    assert by_value(figures, 412).counted == "death toll"
    assert by_value(figures, 412).claim_key.startswith("person|killed|people|*|PH|")
    homes = figures_of(nlp, "MANILA — The count of homes destroyed by storms since mid-June climbed to "
                            "1,061, the agency said.")
    assert by_value(homes, 1061).counted == "homes"


def test_a_toll_a_day_earlier_is_the_tolls_earlier_value_not_a_daily_rate(nlp):
    """'a day earlier' says when, not how often; and a running total given in passing is an
    earlier value of the toll, not of the day's count stated just before it."""
    text = ("MANILA — The death toll from the storms rose to 655 on Sunday, the agency said. In the 24 "
            "hours to Sunday morning, 19 more people died, officials said. The agency had put the toll "
            "at 640 a day earlier.")
    article = UniqueArticle(url="https://news.example/a", text=text, content_hash="h",
                            published=datetime(2024, 9, 15, 10, tzinfo=UTC))
    figures = resolve_in_article(extract_batch(nlp, [article])[0])
    earlier, toll, day = by_value(figures, 640), by_value(figures, 655), by_value(figures, 19)
    assert earlier.rate is None and earlier.stated_as == "earlier"
    assert earlier.claim_key == toll.claim_key != day.claim_key


def test_a_fires_containment_is_one_claim_as_it_grows(nlp):
    """'8% contained', then '15% contained': a percentage of a state counts that state, so the
    containment of one fire is one claim whose value changes, not a claim per number. '50%
    higher' still counts what is higher."""
    friday = by_value(figures_of(nlp, "LOS ANGELES — The Ridgeline Fire was 8% contained on Friday, "
                                      "officials said."), 8)
    sunday = by_value(figures_of(nlp, "LOS ANGELES — Crews had the Ridgeline Fire 15% contained by "
                                      "Sunday, officials said."), 15)
    assert friday.counted == sunday.counted == "contained"
    assert friday.claim_key == sunday.claim_key
    higher = by_value(figures_of(nlp, "LONDON — Waiting lists were roughly 50% higher, the report said."), 50)
    assert higher.counted == "Waiting lists"


@pytest.mark.parametrize(
    ("sentence", "value", "measure"),
    [("Each family in the camps will receive Rs 10,000 as immediate assistance, the cabinet said.",
      10000, "paid"),
     ("Under the deal, the founders will contribute up to $6.5 billion over 15 years.", 6500000000, "paid"),
     ("Those cleared can take a fixed compensation offer of £600,000, the minister said.", 600000, "paid"),
     ("The agency launched an appeal for $71 million on Tuesday.", 71000000, "budget"),
     ("Reform UK took 14% of the vote but only four seats.", 14, "votes"),
     ("Labour's share of the vote was 33.7%, the commission said.", 33.7, "votes"),
     ("With 85% of ballots counted, the party was ahead.", 85, "other"),
     ("Union members voted on a 35% wage increase.", 35, "salary")],
    ids=["money-received", "money-contributed", "money-offered", "money-appealed-for", "share-of-the-vote",
         "owned-share-of-the-vote", "ballots-counted-is-progress", "voted-on-a-raise"],
)
def test_what_a_sum_or_a_share_measures_when_its_verb_says_nothing(nlp, sentence, value, measure):
    assert by_value(figures_of(nlp, sentence), value).measure == measure


def test_a_partys_share_of_the_vote_is_held_by_the_party(nlp):
    figure = by_value(figures_of(nlp, "Labour's share of the vote was 33.7%, the commission said."), 33.7)
    assert figure.claim_key.startswith("votes of labour|votes|percent")


def test_a_sum_in_passing_is_no_earlier_value_of_a_head_count(nlp):
    text = ("About £438m has now been paid to more than 3,100 victims of the scandal, government "
            "figures show, up from £363m a month earlier.")
    figures = figures_of(nlp, text)
    assert by_value(figures, 363000000).claim_key == by_value(figures, 438000000).claim_key
    assert by_value(figures, 363000000).claim_key != by_value(figures, 3100).claim_key


def test_a_dateline_city_the_model_left_unlabelled_holds_nothing(nlp):
    from services.extract.holders import actor_name

    doc = nlp("SAO PAULO (AP) - The federal government signed a settlement worth 170 billion reais.")
    city = [t for t in doc if t.text == "PAULO"]
    assert city and city[0].ent_type_ == "" and actor_name(city[0]) is None


def test_a_dateline_city_tagged_as_an_organisation_holds_nothing(nlp):
    from services.extract.holders import actor_name

    doc = nlp("WILMINGTON, Del. (AP) — Fox News and Dominion reached a $787.5 million settlement.")
    assert doc[0].ent_type_ == "ORG" and actor_name(doc[0]) is None
    assert actor_name(next(t for t in doc if t.text == "News")) is not None


def test_a_list_of_countries_the_victims_came_from_is_not_where_it_happened(nlp):
    text = ("Police received 11 calls before the crush in an alley of Seoul on Saturday. Among the 156 dead "
            "were 26 foreign nationals from 14 countries, including Iran, China, Russia, the United States "
            "and Japan.")
    assert by_value(figures_of(nlp, text), 156).place.startswith("KR")


def test_a_country_in_a_currencys_name_is_no_place_of_the_story(nlp):
    text = ("Colombo's stocks rose after the vote in Sri Lanka. The NPP won 159 seats. The rupee was steady "
            "at 292 to the US dollar, and the US dollar bond rallied, US traders said.")
    assert by_value(figures_of(nlp, text), 159).place == "LK"


@pytest.mark.parametrize(
    ("sentence", "value", "measure"),
    [("Apple's revenue rose by $2 billion in the quarter.", 2000000000, "increase"),
     ("Apple's revenue was $90 billion in the quarter.", 90000000000, "revenue"),
     ("Compensation paid to victims has reached £499m, government figures show.", 499000000, "paid"),
     ("Staff will also receive a pay rise of 420 euros a month.", 420, "increase"),
     ("Amazon offers a Prime subscription for $139 a year.", 139, "other"),
     ("Police seized $2 million in cash from the sale of drugs.", 2000000, "other"),
     ("Reform UK won 14% of the vote in Wales.", 14, "votes")],
    ids=["rise-by-a-sum", "level-of-revenue", "level-of-what-was-paid", "pay-rise", "price-offered",
         "cash-seized", "share-of-the-vote-somewhere"],
)
def test_what_a_sum_measures_is_read_from_its_own_path(nlp, sentence, value, measure):
    assert by_value(figures_of(nlp, sentence), value).measure == measure


def test_a_holder_is_read_through_a_common_noun_that_stands_at_a_sum(nlp):
    text = "Toyota's payout at $1.6 billion is the largest settlement in the industry."
    assert by_value(figures_of(nlp, text), 1600000000).claim_key.startswith("paid of toyota|")


def test_a_company_named_like_a_town_still_holds_its_job_cuts(nlp):
    figure = by_value(figures_of(nlp, "Orange will cut 2,000 jobs in France, the company said."), 2000)
    assert figure.claim_key.startswith("jobs of orange|")


@pytest.mark.parametrize("text", ["At 9 pm on Sunday, the ANC was at 40.2% of the vote.",
                                  "On 29 May, the ANC was at 40.2% of the vote."], ids=["time", "date"])
def test_a_time_that_sets_the_scene_takes_no_share_from_its_holder(nlp, text):
    assert by_value(figures_of(nlp, text), 40.2).claim_key.startswith("votes of anc|")


def test_the_later_items_of_a_list_of_shares_are_not_the_subjects(nlp):
    text = "The ANC's share of the vote stood at 42.8%, with the DA on 25.6% and the EFF on 8.3%."
    assert "of anc" not in by_value(figures_of(nlp, text), 8.3).claim_key


def test_one_value_said_again_in_its_sentence_is_one_fact(nlp):
    figures = figures_of(nlp, "Labour won 412 seats, and its 412 seats give it a majority of 174.")
    assert len({f.claim_key for f in figures if f.value == 412}) == 1


def test_a_list_of_places_in_one_country_still_places_the_story(nlp):
    text = ("Storms swept through Texas, Oklahoma and Kansas on Monday. At least 12 people were killed. "
            "Canadian forecasters in Toronto said the system would reach Ontario, Canada on Wednesday.")
    assert by_value(figures_of(nlp, text), 12).place.startswith("US")


@pytest.mark.parametrize(
    ("sentence", "value", "measure"),
    [("Nurses will get a pay cut of 300 euros a month, the union said.", 300, "decrease"),
     ("Apple's sales were $90 billion in the quarter.", 90000000000, "revenue"),
     ("The relief fund has reached $3 million, the charity said.", 3000000, "budget")],
    ids=["pay-cut-is-a-change", "sales-level", "fund-level"],
)
def test_the_size_of_a_change_and_the_level_of_a_sum(nlp, sentence, value, measure):
    assert by_value(figures_of(nlp, sentence), value).measure == measure


def test_a_sum_a_verb_of_valuing_puts_its_object_at_is_that_objects_value(nlp):
    """'The forecaster put its estimate of damage at $48 billion': the sum is the damage, though
    'put' (a verb of saying) ends the figure's clause; 'put the economic loss at' is a loss."""
    text = "Floods hit the valley.\nThe forecaster put its estimate of damage at $48 billion."
    assert by_value(figures_of(nlp, text), 48_000_000_000).measure == "damage"
    text = "Floods hit the valley.\nThe ministry put the economic loss from the floods at $3 billion."
    assert by_value(figures_of(nlp, text), 3_000_000_000).measure == "loss"


@pytest.mark.parametrize(
    ("text", "value", "place"),
    [("Floods hit Tanzania on Monday. Four people died in Ntakata, a remote town in the west, officials "
      "said.", 4, "TZ/ntakata"),
     ("The storm hit Jamaica on Tuesday. Police in Sainte Rosalie, a parish on the coast, confirmed four "
      "deaths.", 4, "JM/sainte rosalie"),
     ("Floods hit Tanzania on Monday. Four people died in Ntakata, officials said.", 4, "TZ")],
    ids=["a-town-by-apposition", "police-in-a-parish", "an-unknown-name-alone-is-not-placed"],
)
def test_a_name_the_text_calls_a_town_or_parish_is_a_place_within_the_country(nlp, text, value, place):
    """No library knows every village; the text saying 'a village', 'a town' or 'a parish' does,
    and a count placed there is a part of the country's, never the whole."""
    assert by_value(figures_of(nlp, text), value).place == place


def test_a_count_recorded_somewhere_is_a_count_of_that_place(nlp):
    """'Two deaths have been reported in Haiti': a count put on record in a place is that
    place's, as 'reported two deaths in Haiti' is."""
    text = "The storm hit Jamaica on Tuesday. At least two deaths have been reported in Haiti."
    assert by_value(figures_of(nlp, text), 2).place == "HT"
    assert by_value(figures_of(nlp, text.replace("have been reported", "were recorded")), 2).place == "HT"


def test_a_party_is_held_under_the_short_form_the_article_gives_it(nlp):
    """'the Party of Renewal and Democracy (PRD)' and a later report's 'the PRD' hold one share."""
    long = "The ruling Party of Renewal and Democracy (PRD) won 41% of the vote, the commission said."
    short = "The PRD won 40.2% of the vote on Saturday, the commission said."
    assert by_value(figures_of(nlp, long), 41).claim_key == by_value(figures_of(nlp, short), 40.2).claim_key


def test_the_share_of_votes_counted_as_a_participle_is_no_party_s_share(nlp):
    """'With 97% of the votes counted, the NDP had 40%': the 97% is how far the count got."""
    text = "With 97.84% of the votes counted, the NDP had won just over 40% of the national vote."
    found = figures_of(nlp, text)
    assert by_value(found, 97.84).measure == "other"
    assert by_value(found, 40).measure == "votes"
