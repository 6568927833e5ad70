"""The extractor on short inline articles: one behaviour per test, expectations by hand."""

import pytest

from schemas.articles import UniqueArticle
from services.extract.pipeline import extract_batch


def figures_of(nlp, text, title=None):
    article = UniqueArticle(url="https://example.org/a", text=text, title=title, content_hash="h")
    return extract_batch(nlp, [article])[0]


def only(nlp, text):
    [figure] = figures_of(nlp, text)
    return figure


def test_people_figure_with_claimant_and_event(nlp):
    f = only(nlp, "President Zelenskyy said that at least 155 Chinese nationals are fighting for Russia.")
    assert (f.value, f.qualifier, f.unit) == (155, "at_least", "people")
    assert (f.counted, f.event, f.claimant) == ("Chinese nationals", "fighting", "Volodymyr Zelensky")
    assert f.scope is None


def test_counted_keeps_all_modifiers(nlp):
    f = only(nlp, "Moscow has used some 12,000 North Korean army troops dispatched by Pyongyang.")
    assert (f.value, f.qualifier) == (12000, "about")
    assert (f.counted, f.event) == ("North Korean army troops", "deployed")


def test_according_to_and_per_give_claimant_and_carrier(nlp):
    f = only(
        nlp,
        "Zelensky added that Ukraine knows of at least 155 Chinese nationals fighting "
        "for Russia, per Meduza.",
    )
    assert (f.claimant, f.carrier) == ("Volodymyr Zelensky", "Meduza")


def test_citing_chain_keeps_speaker_and_carrier(nlp):
    f = only(nlp, "ISW, citing Important Stories, reported that 51 Chinese citizens signed up in 2023.")
    assert (f.claimant, f.carrier, f.event, f.scope) == (
        "Important Stories",
        "Institute for the Study of War",
        "recruited",
        "2023",
    )


def test_each_figure_gets_its_own_scope(nlp):
    figures = figures_of(
        nlp,
        "The outlet Verstka found that 31 Chinese citizens signed up in "
        "2023 and another 20 in the first five months of 2024.",
    )
    assert [(f.value, f.counted, f.scope) for f in figures] == [
        (31, "Chinese citizens", "2023"),
        (20, "Chinese citizens", "2024-01/2024-05"),
    ]


def test_money_with_conversion(nlp):
    f = only(nlp, "One prisoner said he paid 300,000 rubles (about $3,500) to an intermediary.")
    assert (f.value, f.unit, f.currency) == (300000, "currency", "RUB")
    assert (f.converted_value, f.converted_currency, f.event) == (3500, "USD", "paid")


@pytest.mark.parametrize(
    "text",
    [
        "Kovalenko said that even if there were 150 Chinese citizens fighting, it would not matter.",
        "Two U.S. officials told Reuters that the men were mercenaries.",
        "The youngest recruit was 20, while the oldest was 51.",
        "Some traveled in pairs, such as 38-year-old Mingliang Wang.",
        "Kyiv said one was in the 2nd Battalion of Russia's 157th Motorized Rifle Brigade.",
        "The peace plan was released in 2023, a year after the war started.",
        "They visited the recruitment center two days later.",
    ],
    ids=["hypothetical", "sources quoted", "ages", "age adjective", "unit designations", "year", "duration"],
)
def test_not_claims(nlp, text):
    assert figures_of(nlp, text) == []


def test_headline_figure_is_marked_and_credited(nlp):
    text = (
        "Media identifies 51 Chinese citizens who joined Russian army\n\n"
        "At least 51 Chinese citizens signed up for military service, Important Stories "
        "reported on April 11."
    )
    headline, body = figures_of(
        nlp, text, title="Media identifies 51 Chinese citizens who joined Russian army"
    )
    assert (headline.headline, body.headline) == (True, False)
    assert headline.claimant == body.claimant == "Important Stories"


def test_ids_spans_and_evidence(nlp):
    text = "Intro line without figures.\nAt least 163 Chinese nationals serve in Russia's army."
    f = only(nlp, text)
    start = text.index("At least 163")
    assert f.figure_id == f"https://example.org/a#{start}"
    assert f.span == (start, start + len("At least 163"))
    assert f.evidence == "At least 163 Chinese nationals serve in Russia's army."
    assert isinstance(f.value, int)


def test_furniture_lines_give_no_figures(nlp):
    text = (
        "Help us reach 20,000 members.\nRead Time: 2 Minute\n"
        "Sign up today and dive into over 10,000 fresh daily articles for just $1 a month!\n"
        "Police said 22 people were detained."
    )
    assert [f.value for f in figures_of(nlp, text)] == [22]


def test_deterministic(nlp):
    text = "Police said 22 people were detained and 6 officers were injured in 2024."
    assert figures_of(nlp, text) == figures_of(nlp, text)


def test_respectively_pairs_amounts_with_nouns(nlp):
    figures = figures_of(
        nlp, "Wages and pensions rose by 5% and 3% respectively, the statistics office said."
    )
    assert [(f.value, f.unit, f.counted, f.event) for f in figures] == [
        (5, "percent", "Wages", "increased"),
        (3, "percent", "pensions", "increased"),
    ]


def test_generic_speaker_resolves_to_named_agency(nlp):
    text = (
        "Indonesia's National Disaster Mitigation Agency said 212 people were killed.\n"
        "The quake damaged more than 3,200 houses, the agency said."
    )
    first, second = figures_of(nlp, text)
    assert second.claimant == first.claimant
    assert (second.counted, second.unit, second.event) == ("houses", "count", "damaged")


def test_death_toll_counts_people(nlp):
    f = only(nlp, "The death toll has risen to 212, the ministry said.")
    assert (f.value, f.unit, f.counted, f.event) == (212, "people", "death toll", "killed")


def test_multipliers_are_not_counts(nlp):
    assert figures_of(nlp, "The hospital was operating at more than three times its capacity.") == []


def test_separate_objects_are_separate_events(nlp):
    figures = figures_of(nlp, "An airstrike killed 12 people and injured 30 others, the governor said.")
    assert [(f.value, f.unit, f.event) for f in figures] == [
        (12, "people", "killed"),
        (30, "people", "wounded"),
    ]


def test_shared_object_is_killed_or_wounded(nlp):
    f = only(nlp, "Hamas said 34 Palestinians had been killed or wounded in the strike.")
    assert (f.counted, f.event, f.claimant) == ("Palestinians", "killed_or_wounded", "Hamas")


def test_estimated_cost(nlp):
    f = only(nlp, "The total cost is estimated at $2.5bn.")
    assert (f.value, f.currency, f.counted, f.event) == (2_500_000_000, "USD", "total cost", "cost")


def test_told_outlet_is_the_carrier(nlp):
    f = only(
        nlp,
        "Fire service spokesman Yiannis Artopios told state broadcaster ERT that more "
        "than 700 firefighters were battling the blaze.",
    )
    assert (f.claimant, f.carrier) == ("Yiannis Artopios", "ERT")


def test_analysts_at_a_firm_keep_their_role_with_the_firm(nlp):
    f = only(nlp, "Analysts at Morgan Stanley said they expected 400 to 500 jobs to go by the end of 2025.")
    assert (f.value, f.value_max, f.qualifier) == (400, 500, "range")
    assert (f.claimant, f.scope) == ("Analysts at Morgan Stanley", "/2025")


def test_people_from_a_workplace_name_it_by_its_one_name(nlp):
    short = only(nlp, "Officials from MSF said 300 people were treated at the camp.")
    full = only(nlp, "Officials from Medecins Sans Frontieres said 300 people were treated at the camp.")
    assert short.claimant == full.claimant == "Officials from Medecins Sans Frontieres"


def test_verb_top_means_more_than(nlp):
    f = only(nlp, "Cholera cases top 12,000 in the region, the agency said.")
    assert (f.value, f.qualifier) == (12000, "more_than")


def test_people_who_remain_are_counted_not_named_by_their_number(nlp):
    """'59 remain missing': the number is the subject of 'remain', not what it counts."""
    f = only(nlp, "Rescuers pulled survivors out overnight, but 59 remain missing, the police said.")
    assert (f.value, f.unit) == (59, "people") and f.counted != "59"


def test_a_bare_number_as_passive_subject_counts_the_people_named_before(nlp):
    figures = figures_of(
        nlp, "Nine miners were trapped underground. Four were rescued on Tuesday, officials said."
    )
    assert [(f.value, f.unit, f.counted) for f in figures] == [
        (9, "people", "miners"),
        (4, "people", "miners"),
    ]
    # with no people named before, a passive subject is not guessed to be people
    assert [f.value for f in figures_of(nlp, "The firm sold 40 buses. Twelve were sold abroad.")] == [40]


def test_an_apposition_that_renames_a_figure_lends_it_no_period(nlp):
    text = (
        "Malawi's cholera death toll this year has reached 700, a bleak record in what is already "
        "the country's deadliest epidemic since the illness was first seen there in 1998."
    )
    article = UniqueArticle(
        url="https://example.org/a", text=text, content_hash="h", published="2023-10-02T05:40:00Z"
    )
    [f] = extract_batch(nlp, [article])[0]
    assert (f.value, f.scope) == (700, "2023")


def test_a_list_of_parts_with_bare_numbers_counts_what_the_sentence_counted(nlp):
    figures = figures_of(
        nlp, "The north was hardest hit with 212 deaths, followed by the coast with 87 and the hills with 9."
    )
    assert [(f.value, f.counted, f.event) for f in figures] == [
        (212, "deaths", "killed"),
        (87, "deaths", "killed"),
        (9, "deaths", "killed"),
    ]
    tally = figures_of(
        nlp,
        "The highest numbers of confirmed cases are in the capital, with 640, followed by the port, "
        "with 310.",
    )
    assert [(f.value, f.counted) for f in tally] == [(640, "cases"), (310, "cases")]


def test_a_number_after_with_outside_a_list_counts_no_earlier_duration(nlp):
    text = "Flooding hit 12 districts, killing 40 people over 3 days; Sylhet was worst hit, with 20."
    assert all(f.counted != "days" for f in figures_of(nlp, text))


def test_a_passive_number_counts_no_people_named_before_a_count_of_things(nlp):
    text = "Some 2,000 people attended the rally. Rioters damaged 40 cars. Twelve were towed away."
    assert all(f.value != 12 or f.unit != "people" for f in figures_of(nlp, text))


def test_elided_thing_in_the_same_sentence(nlp):
    figures = figures_of(nlp, "Warsaw ordered 1,000 K2 tanks, of which 180 have already been delivered.")
    assert [(f.value, f.unit, f.counted) for f in figures] == [
        (1000, "count", "K2 tanks"),
        (180, "count", "K2 tanks"),
    ]
    assert figures[1].event == "delivered"


def test_hiring_assistants_is_recruiting_people(nlp):
    f = only(nlp, "About 2,300 new teaching assistants will be hired in the first half of 2026.")
    assert (f.unit, f.event, f.scope) == ("people", "recruited", "2026-01/2026-06")


def test_its_soldiers_take_the_owner_country(nlp):
    f = only(nlp, "North Korea helped Putin by sending 10.000 of its soldiers to fight against Ukraine.")
    assert (f.value, f.counted, f.event) == (10000, "North Korean soldiers", "deployed")
