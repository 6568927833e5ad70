"""Who claims a figure: invented sentences for each way an article names its source."""

import pytest

from schemas.articles import UniqueArticle
from services.extract.pipeline import extract_batch


def claimants(nlp, text):
    article = UniqueArticle(url="https://example.org/c", text=text, content_hash="c")
    return [(f.value, f.claimant, f.carrier) for f in extract_batch(nlp, [article])[0]]


def test_known_name_inside_a_longer_name_is_the_longer_name(nlp):
    text = "The Texas Department of State Health Services reported 505 cases of measles."
    assert claimants(nlp, text) == [(505, "Texas Department of State Health Services", None)]


def test_bare_department_takes_the_longest_name_in_the_article(nlp):
    text = (
        "The Texas Department of State Health Services confirmed the outbreak on Friday.\n"
        "The department said 505 people had been infected."
    )
    assert claimants(nlp, text) == [(505, "Texas Department of State Health Services", None)]


@pytest.mark.parametrize(
    "text",
    [
        "The figures showed 3,000 people were displaced.",
        "Data released on Monday showed 1,200 people lost their jobs.",
        "The briefing said 12 people were arrested.",
        "An updated notice said 300 homes were damaged.",
    ],
    ids=["figures", "data", "briefing", "notice"],
)
def test_a_document_with_no_author_is_no_claimant(nlp, text):
    [(_, claimant, _)] = claimants(nlp, text)
    assert claimant is None


def test_a_document_speaks_for_whoever_sent_it(nlp):
    text = "A letter from the Harbour Housing Trust said 70 families were evicted."
    assert claimants(nlp, text) == [(70, "Harbour Housing Trust", None)]
    text = "According to the latest information from the Harbour Housing Trust, 70 families were evicted."
    assert claimants(nlp, text) == [(70, "Harbour Housing Trust", None)]


def test_detached_appositive_before_said_is_the_speaker(nlp):
    text = (
        "The junta has killed 6,000 civilians, the head of the military government, "
        "Senior General Min Aung Hlaing, said."
    )
    assert claimants(nlp, text) == [(6000, "Min Aung Hlaing", None)]


def test_people_word_before_a_speaker_noun_is_its_role(nlp):
    text = "A South Korean lawmaker said 100 North Korean soldiers had died."
    assert claimants(nlp, text) == [(100, "South Korean lawmaker", None)]


def test_people_cited_by_an_outlet_claim_as_described_and_the_outlet_carries(nlp):
    text = "Reuters, citing officials familiar with the matter, reported that 40 tanks were destroyed."
    assert claimants(nlp, text) == [(40, "officials familiar with the matter", "Reuters")]


def test_the_company_is_the_name_the_article_introduced(nlp):
    text = (
        "The software maker Kelvara said on Thursday it was restructuring.\n"
        "The company said it would cut 400 jobs."
    )
    assert claimants(nlp, text)[-1] == (400, "Kelvara", None)


def test_a_misread_date_subject_falls_back_to_the_described_noun(nlp):
    text = "Students who have led the movement since November said they had blocked 60 faculties."
    assert claimants(nlp, text) == [(60, "Students", None)]


def test_quotation_is_claimed_by_whoever_closes_it(nlp):
    text = (
        "Rescue teams worked through the night.\n"
        "“We have recovered 500 bodies so far. Many more are still missing under the rubble,” "
        "Governor Ali Rahman said on Sunday."
    )
    assert claimants(nlp, text) == [(500, "Ali Rahman", None)]


def test_verb_with_its_particle_names_the_event(nlp):
    text = "Soldiers came across a group of six armed men near the river, the army said."
    [figure] = extract_batch(nlp, [UniqueArticle(url="u", text=text, content_hash="p")])[0]
    assert figure.event == "encountered"


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "At least 64 people have died, the Ishikawa prefectural government said Tuesday.",
            "Ishikawa prefectural government",
        ),
        (
            "About 70 people were vaccinated on Friday, Lubbock's health department said.",
            "Lubbock's health department",
        ),
        (
            "The death toll rose to 10 on Thursday night, the county medical examiner said.",
            "county medical examiner",
        ),
        (
            "The storm also hit Malawi, where officials in neighbouring Mozambique said 12 people died.",
            "officials in neighbouring Mozambique",
        ),
    ],
    ids=["government named after its place", "owner name kept", "common word is no name",
         "where they serve, a country whatever the model tagged it"],
)
def test_speaker_description_is_kept_whole(nlp, text, claimant):
    assert [c for _, c, _ in claimants(nlp, text)] == [claimant]


def test_the_company_is_the_organisation_named_most_often(nlp):
    text = (
        "Halvorsen Foods said sales fell.\nAnalysts expect Halvorsen Foods to recover.\n"
        "Regulators fined Pellam Dairy.\nThe company reported a net loss of $12 million."
    )
    assert claimants(nlp, text)[-1] == (12_000_000, "Halvorsen Foods", None)


def test_members_of_an_organisation_speak_for_it(nlp):
    text = "Leaders of the Northern Rail Union said 4,000 members voted to strike."
    assert claimants(nlp, text)[0][1] == "Northern Rail Union"


def test_a_pronoun_inside_a_statement_is_the_outer_speaker(nlp):
    text = (
        "County Manager Ada Brooks said roads were closed.\n"
        "The state health department said it had confirmed 42 deaths statewide."
    )
    assert claimants(nlp, text)[-1] == (42, "state health department", None)


def test_whoever_raises_their_own_estimate_states_it(nlp):
    text = "The insurer Brantley Re raised its estimate of storm losses to $4 billion on Monday."
    assert claimants(nlp, text) == [(4_000_000_000, "Brantley Re", None)]


def test_part_of_a_count_stated_before_keeps_its_source(nlp):
    text = (
        "The death toll has risen to 202, the prefectural government said Tuesday.\n"
        "Of the 202 people confirmed dead, 91 were in Suzu."
    )
    assert claimants(nlp, text)[-1] == (91, "prefectural government", None)


def test_quoted_name_after_its_description_is_the_speaker(nlp):
    text = 'The opposition newspaper "Novy Vestnik" reported that 300 recruits had signed up.'
    assert claimants(nlp, text) == [(300, "Novy Vestnik", None)]


def test_the_county_is_the_county_the_article_names(nlp):
    text = "Storms hit Marlow County on Tuesday.\nAbout 64,000 customers lost power, the county said."
    assert claimants(nlp, text)[-1] == (64_000, "Marlow County", None)


def test_the_agency_is_the_organisation_that_spoke_before(nlp):
    text = (
        "The Coastal Emergency Office said 12 shelters were open.\n"
        "About 3,000 residents live in zones under mandatory orders, the agency said."
    )
    assert claimants(nlp, text)[-1] == (3_000, "Coastal Emergency Office", None)


def test_statement_on_the_counted_noun_is_its_speakers(nlp):
    text = (
        "At least 16 people have died, officials said, up from the 10 deaths that "
        "Secretary Ana Ruiz said on Thursday had been reported."
    )
    assert claimants(nlp, text) == [(16, "officials", None), (10, "Ana Ruiz", None)]


def test_a_spokesperson_speaks_for_the_body_named_before(nlp):
    text = (
        "The Data Protection Authority said it was investigating.\n"
        "A spokesperson for the regulator said it had received 2,300 complaints."
    )
    assert claimants(nlp, text)[-1] == (2_300, "Data Protection Authority", None)


def test_organisation_name_keeps_its_long_for_tail(nlp):
    text = (
        "More than 17 million people need aid, "
        "the UN Office for the Coordination of Humanitarian Affairs said."
    )
    assert claimants(nlp, text)[0][1] == "UN Office for the Coordination of Humanitarian Affairs"


def test_person_named_after_a_long_title_is_the_speaker(nlp):
    text = "Gujarat minister of state for home Harsh Sanghavi said 8 bodies had been identified."
    assert claimants(nlp, text) == [(8, "Harsh Sanghavi", None)]


def test_an_organisation_committing_to_a_figure_is_its_source(nlp):
    text = "Siemens will cut 6,000 jobs over the next two years as orders slow."
    assert claimants(nlp, text) == [(6000, "Siemens", None)]


@pytest.mark.parametrize(
    ("text", "value", "claimant"),
    [("The United Nations has launched a $14 million response plan for the islands.", 14_000_000,
      "United Nations"),
     ("In March, Verizon notified about 6 million customers that their data had been exposed.", 6_000_000,
      "Verizon"),
     ("The World Health Organization issued an emergency appeal for $38 million on Friday.", 38_000_000,
      "World Health Organization")],
    ids=["launch", "notify", "issue"],
)
def test_a_body_launching_notifying_or_issuing_states_the_figure(nlp, text, value, claimant):
    """What a named body launches (a plan), issues (an appeal) or notifies (customers) it states,
    as it does what it offers, spends or cuts."""
    assert [c for v, c, _ in claimants(nlp, text) if v == value] == [claimant]


def test_a_person_or_place_paying_a_sum_does_not_thereby_claim_it(nlp):
    text = "Mr. Hale must pay $2 million to the fund within 30 days."
    assert [c for v, c, _ in claimants(nlp, text) if v == 2_000_000] == [None]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [("Peru's foreign ministry had said on Monday that 32 of its citizens had died.",
      "Peru's foreign ministry"),
     ("Peruvian security and health sources told reporters that 19 people had died.",
      "Peruvian security and health sources")],
    ids=["owner-of-a-ministry-the-tagger-took-for-a-name", "people-word-through-another-modifier"],
)
def test_a_described_speaker_keeps_its_description(nlp, text, claimant):
    assert [c for _, c, _ in claimants(nlp, text)][-1] == claimant


def test_a_court_ruling_states_its_sum_and_nobody_speaks_in_an_absolute_clause(nlp):
    ruled = claimants(nlp, "A judge ruled on Friday that the firm must pay $12 million in damages.")
    counted = claimants(nlp, "With 98 of the 120 seats declared, the Greens had won 40 seats.")
    assert ruled == [(12_000_000, "judge", None)]
    assert [c for _, c, _ in counted] == [None, None, None]


def test_a_decision_reported_inside_a_statement_is_the_speakers_claim(nlp):
    text = "Transport Minister Ana Ruiz said the government had ordered checks of 40 aircraft."
    assert claimants(nlp, text) == [(40, "Ana Ruiz", None)]


@pytest.mark.parametrize(
    ("text", "tagged", "name"),
    [
        ("The Federation of All Nepal Teachers Associations said 14 schools had closed.",
         "Federation of All", "Federation of All Nepal Teachers Associations"),
        ("The figure was announced by army chief Ko Ko Naing on Monday.", "Ko Ko", "Ko Ko Naing"),
        ("The Machinists Union District 837 said 2,500 members had voted.",
         "Machinists Union District", "Machinists Union District 837"),
    ],
)
def test_a_name_the_model_cut_short_is_read_to_its_end(nlp, text, tagged, name):
    from spacy.tokens import Span

    from services.extract.entities import with_name_tail

    doc = nlp(text)
    start = next(t.i for t in doc if text.find(tagged) == t.idx)
    cut = Span(doc, start, start + len(tagged.split()), label="ORG")
    doc.ents = [cut]
    doc.user_data.pop("ents", None)
    assert with_name_tail(cut) == name


def test_who_speaks_as_the_noun_it_describes(nlp):
    text = ("The toll is higher than the one given by Governor Ana Ruiz, who said on Sunday that 31 "
            "people had died.")
    [(value, claimant, _)] = claimants(nlp, text)
    assert value == 31 and claimant.endswith("Ana Ruiz")


def test_i_inside_a_quotation_speaks_with_the_quotations_speaker(nlp):
    text = ('"Yesterday I asked my housing minister what the status of the rebuilding plan was, and he '
            'told me it was 40% complete," Ruiz told reporters in Lima.')
    assert claimants(nlp, text) == [(40, "Ruiz", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Nairobi recorded four deaths on Tuesday.",
        "The country recorded 512 dengue deaths in 2021.",
    ],
    ids=["city", "country"],
)
def test_a_place_that_records_a_count_is_where_it_happened_not_who_tells_it(nlp, text):
    [(_, claimant, _)] = claimants(nlp, text)
    assert claimant is None


def test_a_country_that_reports_deaths_among_its_citizens_tells_them(nlp):
    assert claimants(nlp, "Morocco has reported 12 deaths among its pilgrims.") == [(12, "Morocco", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Retail added 42,000 jobs in March.",
        "In May, 210 people died and 18,400 were admitted.",
    ],
    ids=["added", "admitted"],
)
def test_a_number_added_or_a_passive_admitted_names_no_speaker(nlp, text):
    assert {claimant for _, claimant, _ in claimants(nlp, text)} == {None}


def test_lower_case_words_tagged_as_names_keep_their_noun(nlp):
    text = "Of the dead, 84 were in the north, the national emergency coordination centre said."
    assert claimants(nlp, text) == [(84, "national emergency coordination centre", None)]


def test_a_generic_speaker_keeps_its_whole_compound(nlp):
    text = "Another 12 people were missing, the flood risk management agency said."
    assert claimants(nlp, text) == [(12, "flood risk management agency", None)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Floods killed 61 people, the Philippine Coast and Harbour Safety Authority said.",
         "Philippine Coast and Harbour Safety Authority"),
        ("Former President Carlos Alberto Mendes da Costa said 300 jobs would go.",
         "Carlos Alberto Mendes da Costa"),
    ],
    ids=["x-and-y-authority", "compound-person-name"],
)
def test_a_name_the_model_split_is_read_whole(nlp, text, name):
    [(_, claimant, _)] = claimants(nlp, text)
    assert claimant == name


def test_two_organisations_joined_by_and_stay_two(nlp):
    text = "Google and Microsoft said 300 engineers had signed the letter."
    [(_, claimant, _)] = claimants(nlp, text)
    assert claimant in ("Google", "Microsoft")


def test_a_name_the_parser_left_without_its_verb_still_speaks(nlp):
    text = ("The ferry, an old vessel bought from Japan, was carrying 212 passengers and nine crew members, "
            "the Ministry of Oceans and Fisheries said.")
    assert {claimant for _, claimant, _ in claimants(nlp, text)} == {"Ministry of Oceans and Fisheries"}


def test_a_projection_is_stated_by_whoever_made_it(nlp):
    text = "The survey, conducted by Datafolha, projects that the Liberal Party will fall to 88 seats."
    assert claimants(nlp, text) == [(88, "Datafolha", None)]


def test_a_speaker_described_by_where_it_is_based_is_the_articles_organisation(nlp):
    text = ("Nimbus Software posted record sales on Monday.\n"
            "The company spent about $90 million on the recall, the Oslo-based software maker said.")
    assert claimants(nlp, text) == [(90_000_000, "Nimbus Software", None)]


def test_two_bodies_joined_by_and_speak_first_as_the_first(nlp):
    text = ("Of the dead, 12 were in the town of Tarbes, according to the prefecture and the Lourdes "
            "city council.")
    [(_, claimant, _)] = claimants(nlp, text)
    assert claimant == "prefecture"


def test_a_body_of_a_larger_organisation_speaks_as_that_body(nlp):
    text = "The UN refugee agency said 2,400 people had crossed the border on Sunday."
    assert claimants(nlp, text) == [(2400, "UN refugee agency", None)]


def test_a_country_reporting_a_count_according_to_a_source_is_the_sources_claim(nlp):
    text = ("Uganda has reported more than 4,100 cases and 38 deaths so far this year, according to "
            "the Africa CDC.")
    assert {claimant for _, claimant, _ in claimants(nlp, text)} == {"Africa CDC"}


def test_a_regulator_that_imposes_a_fine_states_it(nlp):
    text = "Spain's data regulator has imposed a record €310 million fine on the bank."
    assert claimants(nlp, text) == [(310_000_000, "Spain's data regulator", None)]


def test_a_claimant_is_a_name_not_a_symbol(nlp):
    text = "The ruling party was on course to lose its majority after winning roughly 41% of the vote."
    named = [claimant for _, claimant, _ in claimants(nlp, text)]
    assert named and all(claimant is None or any(c.isalpha() for c in claimant) for claimant in named)


def test_a_name_the_model_took_for_a_number_still_speaks(nlp):
    text = "In a letter on Monday, 23andMe said 1,200 customers had closed their accounts."
    assert claimants(nlp, text) == [(1200, "23andMe", None)]


def test_people_named_by_whom_they_act_for_keep_it(nlp):
    text = "Lawyers for the families said the settlement would cover about 1,300 households."
    assert claimants(nlp, text) == [(1300, "Lawyers for the families", None)]


def test_the_company_is_the_articles_main_organisation_under_its_longest_name(nlp):
    text = ("Nordwerk Stahl Gdansk runs the plant. Nordwerk said on Monday that output had fallen.\n"
            "Nordwerk confirmed the closure on Tuesday.\n"
            "The company said 640 workers would lose their jobs.")
    assert claimants(nlp, text) == [(640, "Nordwerk Stahl Gdansk", None)]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [("Greek authorities have charged nine men with people smuggling.", "Greek authorities"),
     ("Police arrested 30 people after the march.", "Police"),
     ("The U.N. has registered more than 20,000 deaths on the route since 2014.", "United Nations"),
     ("GM has laid off about 2,000 workers at its Kansas plant.", "GM"),
     ("The storm killed 12 people on Monday.", None)],
    ids=["charged-by-authorities", "arrested-by-police", "registered-by-an-organisation",
         "laid-off-by-a-company", "a-storm-states-nothing"],
)
def test_whoever_charges_arrests_registers_or_lays_off_states_the_count(nlp, text, claimant):
    assert [said for _, said, _ in claimants(nlp, text)] == [claimant]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [("Meta has been hit with a record fine of 1.2 billion euros by the Data Protection Commission.",
      "Data Protection Commission"),
     ("The fine eclipses the record of 746 million euros, which was levied on Amazon by the data "
      "watchdog in 2021.", "data watchdog"),
     ("Last September, the DPC fined Instagram 405 million euros for breaching privacy rights.", "DPC")],
    ids=["agent-of-a-fine", "agent-of-a-relative-clause", "fined-read-as-fin"],
)
def test_whoever_imposes_a_fine_states_it_whatever_the_voice(nlp, text, claimant):
    assert [said for _, said, _ in claimants(nlp, text)] == [claimant]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [("Spain's insurance compensation consortium said it expected claims for 120,000 vehicles.",
      "Spain's insurance compensation consortium"),
     ("Spain's government on Tuesday approved a 10.6 billion-euro aid package.", "Spain's government"),
     ("The company approved a $10 million package.", None)],
    ids=["consortium-is-a-body", "a-countrys-government-commits", "a-bare-company-is-too-vague"],
)
def test_a_body_named_by_its_kind_and_its_country_is_the_claimant(nlp, text, claimant):
    assert [said for _, said, _ in claimants(nlp, text)] == [claimant]


def test_any_nationality_before_a_title_is_no_part_of_the_name(nlp):
    from spacy.tokens import Span

    from services.extract.entities import canonical

    doc = nlp.make_doc("Zambian Minister Sylvia Masebo said so.")
    assert canonical(Span(doc, 0, 4, label="PERSON")) == "Sylvia Masebo"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kigali Institute of Volcanology had given a toll of 41 people killed on Sunday.",
         "Kigali Institute of Volcanology"),
        ("Storms have killed 53 people in the south, a spokesman for the provincial administration said.",
         "provincial administration"),
        ("The employers raised their offer to a 61% wage increase, according to people familiar with the "
         "talks.", "people familiar with the talks"),
        ("Nine people were killed in the crush, the police officer in charge of security at the fair said.",
         "police officer in charge of security at the fair"),
    ],
    ids=["gave-a-toll", "spokesman-for-a-government", "people-familiar-with", "officer-in-charge-of"],
)
def test_who_gives_a_figure_and_who_is_described_after_the_noun(nlp, text, expected):
    assert [c for _, c, _ in claimants(nlp, text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Veltrix Telecom said on Friday that hackers had stolen call records of its customers. "
      "Its regulatory filing had put the figure at about 109 million customer accounts.\n\n"
      "Health Minister Sylvia Okonjo said on Monday that 400 people had died. \"We have recorded "
      "12 deaths in the last 24 hours,\" the Minister said.",
      {109_000_000: "Veltrix Telecom", 12: "Sylvia Okonjo"}),
     ("Veltrix Motors said on Monday it would close two plants. The company spent $872 million on "
      "the closures.\n\nThe union has demanded a 77% raise.",
      {872_000_000: "Veltrix Motors", 77: "union"})],
    ids=["owner-pronoun-and-bare-title", "body-named-by-its-kind-commits"],
)
def test_words_that_point_back_to_a_named_speaker_or_body(nlp, text, expected):
    got = {value: claimant for value, claimant, _ in claimants(nlp, text)}
    assert {value: got.get(value) for value in expected} == expected


def test_what_a_body_may_do_is_a_rule_not_its_figure(nlp):
    text = ("The Information Commissioner's Office is investigating Larkfield Water. Under the law, "
            "the regulator can fine a company up to 4% of its global turnover.")
    assert [c for v, c, _ in claimants(nlp, text) if v == 4] == [None]


def test_the_words_of_a_post_are_no_part_of_a_persons_name(nlp):
    """The model may start a person at the post's words; a word for people before a first name
    and a surname ends the post ('Mason Greenwood' is a name: one word follows)."""
    text = "Chief District Officer Rajan Kumar Thapa said 14 bodies had been recovered."
    assert [c for _, c, _ in claimants(nlp, text)] == ["Rajan Kumar Thapa"]
    text = "Police Officer Maria Lopez said 3 people were hurt. Mason Greenwood said 4 goals were scored."
    assert [c for _, c, _ in claimants(nlp, text)] == ["Maria Lopez", "Mason Greenwood"]
