"""Rules added for unseen text, each on an invented sentence (not held-out text)."""

from schemas.articles import UniqueArticle
from services.extract.currencies import local_currency
from services.extract.pipeline import extract_batch
from services.extract.scope import find_scopes


def figures_of(nlp, text):
    article = UniqueArticle(url="https://example.org/r", text=text, content_hash="r")
    return extract_batch(nlp, [article])[0]


def only(nlp, text):
    [figure] = figures_of(nlp, text)
    return figure


def test_shared_currency_name_takes_the_articles_country():
    text = "Floods in Argentina: losses of 40 million pesos, Argentine officials said."
    assert local_currency("MXN", "40 million pesos", text) == "ARS"
    assert local_currency("MXN", "40 million pesos", "losses of 40 million pesos") == "MXN"
    assert local_currency("USD", "$40 million", text) == "USD"


def test_month_without_year_is_the_last_such_month_before_publication():
    assert [s.value for s in find_scopes("rose to 12 in December", 2026, 2)] == ["2025-12"]
    assert [s.value for s in find_scopes("rose to 12 in January", 2026, 2)] == ["2026-01"]
    # found here; whether it is the period of a figure is for the attachment ('In April, forces
    # captured two' dates the capture: test_a_month_that_opens_a_sentence_is_the_period_of_a_toll_only)
    assert [s.value for s in find_scopes("In April, forces captured two", 2026, 5)] == ["2026-04"]


def test_by_month_year_is_an_end_bound():
    assert [s.value for s in find_scopes("to 90% by June 2027", 2026)] == ["/2027-06"]


def test_measurements_durations_and_one_are_not_claims(nlp):
    text = "Winds of 180 km/h hit the coast. Listen · 3 min\n\nSome residents had more than one home."
    assert figures_of(nlp, text) == []


def test_a_hyphenated_magnitude_is_a_label_not_a_count(nlp):
    found = figures_of(nlp, "At least 30 people died after a magnitude-6.9 earthquake struck the coast.")
    assert [(f.value, f.event) for f in found] == [(30, "killed")]


def test_things_do_not_fight(nlp):
    found = figures_of(nlp, "The city said 200 of its 900 tram runs operated on Monday.")
    assert [(f.value, f.unit, f.event) for f in found] == [(200, "count", "other"), (900, "count", "other")]


def test_joining_a_rally_is_protesting(nlp):
    f = only(nlp, "Organisers said 20,000 people joined the rally in the capital.")
    assert (f.counted, f.event, f.claimant) == ("people", "protesting", "Organisers")


def test_estimate_clause_has_its_own_claimant_and_object(nlp):
    *_, f = figures_of(nlp, "Organisers said 20,000 people marched; police estimated the crowd at 6,000.")
    assert (f.value, f.counted, f.claimant, f.event) == (6000, "crowd", "police", "protesting")


def test_number_of_people_counts_people(nlp):
    f = only(nlp, "The number of people killed in the floods rose to 37, the agency Civil Protection said.")
    assert (f.counted, f.unit, f.event) == ("people", "people", "killed")


def test_organisation_name_restored_from_its_acronym(nlp):
    f = only(nlp, "The Institute for Energy, Climate and Transport (IECT) said 41% of homes lost power.")
    assert f.claimant == "Institute for Energy, Climate and Transport"


def test_place_dateline_is_not_part_of_the_first_sentence(nlp):
    text = (
        "Storm hits coast\n\nVARNA, Bulgaria — At least nine people were hurt when a roof fell "
        "in the port, the regional police said."
    )
    f = only(nlp, text)
    assert (f.value, f.claimant) == (9, "regional police")


def test_conjunct_with_its_own_subject_has_its_own_event(nlp):
    first, second = figures_of(nlp, "Five people were killed and 30 injured in the blast, officials said.")
    assert (first.event, second.event) == ("killed", "wounded")


def test_conjunct_clause_with_its_own_subject_keeps_its_own_event_and_scope(nlp):
    text = "The union said the firm had cut its budget by 12% since 2021 and that 300 posts remained vacant."
    posts = next(f for f in figures_of(nlp, text) if f.value == 300)
    assert (posts.event, posts.scope) == ("other", None)


def test_participle_clause_speaks_with_the_main_subject(nlp):
    f = only(nlp, "The operator Nordbahn rejected the report, saying it had spent €900 million on repairs.")
    assert f.claimant == "Nordbahn"


def test_pronoun_subject_continues_the_previous_speaker(nlp):
    text = "The outage lasted two days, the utility Westgrid said. It has since hired 25 engineers."
    f = only(nlp, text)
    assert f.claimant == "Westgrid"


def test_organisation_name_keeps_its_capitalised_for_tail(nlp):
    f = only(nlp, "The Northern Alliance for the Elderly estimated that 4,000 residents were affected.")
    assert f.claimant == "Northern Alliance for the Elderly"


def test_place_compound_of_a_people_noun_is_kept_with_it(nlp):
    f = only(nlp, "County officials said 70 workers were sent home.")
    assert f.claimant == "County officials"


def test_percent_of_a_number_of_people_counts_the_people(nlp):
    f = only(nlp, "The number of families in temporary housing rose 9% in a year, the council said.")
    assert (f.counted, f.event) == ("families", "increased")


def test_percent_cut_by_counts_the_verbs_object(nlp):
    f = only(nlp, "The board said it had cut road spending by 15%.")
    assert (f.counted, f.event) == ("road spending", "decreased")


def test_a_count_released_by_an_organisation_is_its_claim(nlp):
    text = "Rough sleeping rose 8%, according to the annual count published by the Harbour Housing Trust."
    assert only(nlp, text).claimant == "Harbour Housing Trust"


def test_earlier_level_after_up_from_counts_the_same_people(nlp):
    figures = figures_of(nlp, "Inspectors counted 840 tenants, up from 760 in the previous survey.")
    assert [(f.value, f.counted) for f in figures] == [(840, "tenants"), (760, "tenants")]


def test_raising_a_limit_from_one_number_to_another_is_not_a_count(nlp):
    assert figures_of(nlp, "The law raised the retirement age from 62 to 64.") == []


def test_subject_taken_out_of_a_named_group_counts_that_group(nlp):
    *_, f = figures_of(nlp, "Officials registered 5,200 applicants. Of those, 1,100 were rejected.")
    assert (f.value, f.counted, f.unit) == (1100, "applicants", "people")


def test_a_year_that_dates_the_subject_dates_its_count(nlp):
    """A past incident named as the subject: its count is of that year, not the story's now."""
    assert only(nlp, "Landslides in 2017 killed 312 people in the district.").scope == "2017"
    # a year in a clause on the subject, or in a comparison, dates something else
    assert only(nlp, "The company, founded in 1998, will cut 3,000 jobs, it said.").scope is None
    assert only(nlp, "Fires worse than those in 2018 have killed 40 people.").scope is None


def test_a_past_year_naming_the_subjects_incident_dates_its_count(nlp):
    from datetime import UTC, datetime

    def scope(text):
        article = UniqueArticle(url="https://example.org/y", text=text, content_hash="y",
                                published=datetime(2024, 8, 20, tzinfo=UTC))
        [figure] = extract_batch(nlp, [article])[0]
        return figure.scope

    text = "Unofficial counts of the 2015 election put the number of poll-worker deaths at about 600."
    assert scope(text) == "2015"
    assert scope("The 2017 floods killed 400 people in the province.") == "2017"
    assert scope("The 2024 floods killed 200 people.") is None  # this year's incident: the story's now
    assert scope("Floods worse than the 2018 floods killed 40 people.") is None  # a comparison
    # a total told in the present perfect runs to now
    text = "Russia's 2022 invasion of Ukraine has killed more than 10,000 civilians, the UN said."
    assert scope(text) is None


def test_a_count_of_an_earlier_incident_or_stage_is_of_its_own_period(nlp):
    """No year says which incident: an earlier-word or an ordinal on the subject does, when the
    count is told in the simple past; a count of now keeps the story's period."""
    def scopes(text):
        return [f.scope for f in figures_of(nlp, text)]

    assert scopes("The previous typhoid epidemic infected 4,150 people across the province.") == ["previous"]
    assert scopes("The last flood killed 42 people in the valley, officials said.") == ["previous"]
    assert scopes("The first wave ended with 3,400 infections and 61 deaths.") == ["previous", "previous"]
    # a later stage may be the one reported, and people are no stage
    assert scopes("The second wave killed 42 people last week, officials said.") == [None]
    assert scopes("The first responders rescued 42 people from the river.") == [None]
    # a count of now: present perfect, or no earlier incident
    assert scopes("The first wave has infected 8,200 people so far, officials said.") == [None]
    assert scopes("The outbreak killed 42 people in the valley, officials said.") == [None]
    assert scopes("The previous government hired 3,000 nurses.") == [None]  # no incident, no stage


def test_a_verb_the_parser_left_without_a_subject_takes_the_noun_before_it(nlp):
    """The parse seen on '... after two crashes in 2018 and 2019 killed 346 people': the subject
    hung on 'after', the verb a conjunct with no subject of its own. Built by hand, as the
    model parses most such sentences right."""
    from spacy.tokens import Doc

    from services.extract.scope_attachment import subject_year

    words = "It was shut after two fires in 2012 and 2013 killed 31 people .".split()
    heads = [1, 1, 1, 2, 5, 3, 5, 6, 5, 1, 1, 12, 10, 1]
    deps = ["nsubj", "ROOT", "acomp", "prep", "nummod", "pobj", "prep", "pobj", "cc", "punct", "conj",
            "nummod", "dobj", "punct"]
    pos = ["PRON", "AUX", "VERB", "ADP", "NUM", "NOUN", "ADP", "NUM", "CCONJ", "NUM", "VERB", "NUM",
           "NOUN", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, sent_starts=[True] + [False] * 13,
              ents=["O", "O", "O", "O", "O", "O", "O", "B-DATE", "O", "B-DATE", "O", "B-CARDINAL", "O", "O"])
    assert subject_year(doc[11]) == "2012"
    # a verb with its own subject keeps it: the year of a noun before it is no one's
    words = "After fires in 2012 officials counted 31 people .".split()
    doc = Doc(nlp.vocab, words=words, heads=[4, 0, 1, 2, 4, 4, 7, 4, 4],
              deps=["prep", "pobj", "prep", "pobj", "nsubj", "ROOT", "nummod", "dobj", "punct"],
              pos=["ADP", "NOUN", "ADP", "NUM", "NOUN", "VERB", "NUM", "NOUN", "PUNCT"],
              sent_starts=[True] + [False] * 8,
              ents=["O", "O", "O", "B-DATE", "O", "O", "B-CARDINAL", "O", "O"])
    assert subject_year(doc[6]) is None


def test_a_past_incident_dated_on_the_noun_a_relative_clause_hangs_on_dates_its_count(nlp):
    def scope(text):
        article = UniqueArticle(url="https://example.org/p", text=text, content_hash="p",
                                published="2024-06-01T10:00:00+00:00")
        [figure] = extract_batch(nlp, [article])[0]
        return figure.scope

    assert scope("Experts compared it with the 1985 Mexico City earthquake, which killed about 5,000 "
                 "people.") == "1985"
    assert scope("The 2004 tsunami, which killed 230,000 people, was the deadliest.") == "2004"
    # no incident, or a clause of what still is: a thing dated, not a count of that year
    assert scope("The ship, a 1998 ferry which carried 300 passengers, sank on Tuesday.") is None
    assert scope("The company, founded in 2015, which employs 3,000 people, said it would close.") is None
    assert scope("The 2010 law, which requires 500 new inspectors, is under review.") is None


def test_clause_on_a_year_is_scoped_to_that_year(nlp):
    text = "It was the city's worst flood since 2009, when 14 people drowned in the old town."
    assert only(nlp, text).scope == "2009"


def test_number_of_the_injured_counts_the_injured(nlp):
    text = "Four of the injured were taken to hospital by helicopter, the fire service said."
    assert only(nlp, text).counted == "injured"


def test_who_asks_for_a_sum_states_it(nlp):
    f = only(nlp, "The governor Anna Lindqvist has asked parliament for a further €30 million for schools.")
    assert f.claimant == "Anna Lindqvist"


def test_headline_number_with_a_people_adjective_is_a_count(nlp):
    f = figures_of(nlp, "Nine dead as ferry sinks off Crete\n\nNine people died, the coastguard said.")[0]
    assert (f.value, f.counted, f.event, f.unit) == (9, "dead", "killed", "people")


def test_part_of_them_counts_the_people_named_before(nlp):
    text = "Police detained 40 protesters on Sunday, the ministry said. Six of them were later charged."
    *_, f = figures_of(nlp, text)
    assert (f.value, f.counted, f.unit) == (6, "protesters", "people")


def test_a_number_in_an_address_is_no_figure_and_near_it_no_qualifier(nlp):
    text = "Protesters gathered near 10 Downing Street, where police said 40 people were arrested."
    assert [(f.value, f.qualifier) for f in figures_of(nlp, text)] == [(40, "exact")]


def test_a_number_on_a_makers_name_still_counts(nlp):
    text = "The airline has grounded 101 Boeing jets for checks."
    assert [f.value for f in figures_of(nlp, text)] == [101]


def test_a_group_a_sentence_opens_with_says_what_its_numbers_count(nlp):
    """'Of the dead, ...' splits the dead, even after another count of people was read; a
    group described by a participle ('people confirmed dead') is of that event too."""
    text = ("The storm killed 190 people and injured 600, officials said. Of the dead, 27 lived "
            "in coastal villages, according to the department.")
    assert [(f.value, f.measure) for f in figures_of(nlp, text)][-1] == (27, "killed")
    text = "Of the 140 people confirmed dead on Monday, 61 were in the port city."
    assert [(f.value, f.measure) for f in figures_of(nlp, text)] == [(140, "killed"), (61, "killed")]


def test_what_a_report_added_is_a_count_of_its_day_not_the_total(nlp):
    """'14 more deaths', 'an additional 400 soldiers' count what one report added: the day of the
    report is their period, as for '24 hours'; 'more than' compares, and 'another 3,900 injured'
    after a toll is the injured, another group."""
    from datetime import UTC, datetime

    text = ("Floods hit the region on Tuesday. The agency confirmed 14 more deaths on Friday. "
            "More than 300 people have died. The quake killed 2,040 people, with another 3,900 injured.")
    article = UniqueArticle(url="https://example.org/i", text=text, content_hash="i",
                            published=datetime(2024, 7, 12, 15, tzinfo=UTC))
    assert [(f.value, f.scope) for f in extract_batch(nlp, [article])[0]] == [
        (14, "2024-07-12"), (300, None), (2040, None), (3900, None)]
    # a difference from another period is neither the total nor a day's; a sum added to a
    # budget is of no day
    text = ("The region recorded 5 more deaths than last year. "
            "The government pledged an additional $2 billion for repairs.")
    article = UniqueArticle(url="https://example.org/j", text=text, content_hash="j",
                            published=datetime(2024, 7, 12, 15, tzinfo=UTC))
    assert [(f.value, f.scope) for f in extract_batch(nlp, [article])[0]] == [
        (5, "difference"), (2_000_000_000, None)]
    # deaths a report 'added' (to a toll) are what it added, not the toll
    text = ("Health officials said the toll rose to 48. "
            "On Friday the authorities added five deaths in the river valley to the count.")
    article = UniqueArticle(url="https://example.org/m", text=text, content_hash="m",
                            published=datetime(2024, 7, 12, 15, tzinfo=UTC))
    assert [(f.value, f.scope) for f in extract_batch(nlp, [article])[0]][-1] == (5, "2024-07-12")
    # a 'than' deeper in a clause on the counted noun compares nothing the report added
    text = "Health officials reported 40 more cases among children younger than five."
    article = UniqueArticle(url="https://example.org/k", text=text, content_hash="k",
                            published=datetime(2024, 7, 12, 15, tzinfo=UTC))
    assert [(f.value, f.scope) for f in extract_batch(nlp, [article])[0]] == [(40, "2024-07-12")]
