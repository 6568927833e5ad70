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


def test_a_count_in_the_paragraph_of_a_source_is_that_sources(nlp):
    text = (
        "The county health department said 30 cases had been confirmed. Nine patients have been "
        "hospitalized.\n\nTwelve schools closed."
    )
    department = "county health department"
    assert claimants(nlp, text) == [(30, department, False), (9, department, False), (12, None, False)]


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


# (id, the article's text after a plain headline, (value, claimant, headline) of each figure)
BODY_CASES = [
    pytest.param(
        "The Ministry of Education closed schools on Monday.\n\n"
        "The health ministry said 90 people had died. The ministry said 300 people were in hospital.",
        [(90, "health ministry", False), (300, "health ministry", False)],
        id="a-described-body-is-never-another-body-of-its-kind",
    ),
    pytest.param(
        "The Ministry of Agriculture and Rural Development lost half its budget.\n\n"
        "Staff at the Ministry of Health worked through the night.\n\n"
        "On Tuesday the ministry said 300 people were in hospital.",
        [(300, "Ministry of Health", False)],
        id="a-bare-body-word-is-the-one-named-last-before-it",
    ),
    pytest.param(
        "The head of the regional disaster agency said at least 41 people had died.",
        [(41, "head of the regional disaster agency", False)],
        id="the-head-of-a-body-keeps-what-they-head",
    ),
    pytest.param(
        "The union said 4,000 members had voted. Lawyers for the company filed 20 motions.",
        [(4000, "union", False), (20, None, False)],
        id="what-someone-else-does-in-the-paragraph-is-not-the-sources",
    ),
    pytest.param(
        '"We have lost everything," said Maria Lopez, a teacher. '
        '"Our school had 300 pupils."',
        [(300, "Maria Lopez", False)],
        id="a-quotation-that-goes-on-is-its-speakers",
    ),
    pytest.param(
        "Eight villagers are still missing, Lao Cai officials said.",
        [(8, "Lao Cai officials", False)],
        id="a-name-before-people-in-the-plural-is-where-they-serve",
    ),
    pytest.param(
        "The death toll has risen to 2,445, authorities in Herat province said.",
        [(2445, "authorities in Herat province", False)],
        id="speakers-keep-where-they-serve",
    ),
    pytest.param(
        "The union said members rejected the Harland Group's offer, which included a 12% raise.",
        [(12, "Harland Group", False)],
        id="what-an-owned-offer-holds-is-its-owners",
    ),
    pytest.param(
        "Smith's lawyers said 40 banks had refused the loan.",
        [(40, "Smith's lawyers", False)],
        id="whom-people-work-for-describes-them",
    ),
    pytest.param(
        "A police officer had said 90 bodies were found, and the fire service later put the toll at 85.",
        [(90, "police officer", False), (85, "fire service", False)],
        id="a-second-statement-joined-to-a-first-is-its-own-speakers",
    ),
    pytest.param(
        "Firefighters said they had pulled 23 people from the wreckage. More than 150 rescuers were sent.",
        [(23, "Firefighters", False), (150, None, False)],
        id="witnesses-tell-what-they-saw-and-no-count-after-it",
    ),
    pytest.param(
        "Health workers in Karsa province told the radio that 60 new patients arrived every day.",
        [(60, "Health workers", False)],
        id="people-described-before-their-noun-keep-no-place-after-it",
    ),
    pytest.param(
        "Many homes were damaged, with a total of 186 buildings confirmed to have collapsed.",
        [(186, None, False)],
        id="what-is-counted-does-not-speak",
    ),
    pytest.param(
        "The Metal Workers Union, which is demanding a 7% raise, said 5,000 members would strike.",
        [(7, "Metal Workers Union", False), (5000, "Metal Workers Union", False)],
        id="a-speaker-described-by-a-figure-still-speaks",
    ),
    pytest.param(
        "Marlow County officials said six shelters were open.\n\nThe county said 6,400 homes lost power.",
        [(6, "Marlow County officials", False), (6400, "Marlow County", False)],
        id="the-county-is-the-place-not-people-it-describes",
    ),
    pytest.param(
        "About 14% of pupils in the district were unvaccinated last year, according to state data.",
        [(14, "state", False)],
        id="data-a-place-keeps-are-that-places",
    ),
    pytest.param(
        "The bill sought to raise 300 million dollars in new taxes, which the government says are needed.",
        [(300_000_000, None, False)],
        id="a-relative-clause-speaks-of-its-own-noun",
    ),
    pytest.param(
        "Coverage stood at 82%, well below the 95% target that federal health officials say is needed.",
        [(82, None, False), (95, "federal health officials", False)],
        id="a-statement-on-the-noun-a-figure-measures-is-the-figures",
    ),
]


@pytest.mark.parametrize(("text", "expected"), BODY_CASES)
def test_who_claims_a_body_figure(nlp, text, expected):
    assert claimants(nlp, text) == expected
