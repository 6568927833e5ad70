"""Who claims a figure when the text names them indirectly: a pronoun, a document, a rate, an
outlet relaying someone, a modal verb, an accent. Invented sentences, one named case each."""

import pytest
from spacy.tokens import Doc

from services.extract.entities import with_name_tail
from services.extract.speaker_names import name_of
from tests.unit.extract.test_claimant_context import claimants

# (the article's text after a plain headline, (value, claimant) of each body figure)
CASES = [
    pytest.param(
        "Fire Chief Nora Fenwick briefed reporters at noon, hours after she had put the number of "
        "injured at 14.",
        [(14, "Nora Fenwick")],
        id="she-in-an-aside-is-the-person-named-before-her",
    ),
    pytest.param(
        "The city said 20 homes burned. Mayor Tomas Reyes thanked the crews. "
        "At least 12 people were still missing, he said.",
        [(20, "city"), (12, "Tomas Reyes")],
        id="he-is-the-person-last-named-as-a-subject",
    ),
    pytest.param(
        "Governor Lena Ortiz named a panel led by retired judge Omar Hale. "
        "She announced aid of $5,000 for each family.",
        [(5000, "Lena Ortiz")],
        id="a-person-only-mentioned-is-not-whom-she-means",
    ),
    pytest.param(
        "The Port Relief Office issued an appeal on Monday. Residents said they had no water. "
        "It estimated that about 90,000 people need food.",
        [(90000, "Port Relief Office")],
        id="it-is-the-body-last-seen-acting-not-the-people-who-spoke",
    ),
    pytest.param(
        "The incidence stands at 412.5 cases per 100,000 residents, according to the Harbor Health Agency.",
        [(412.5, "Harbor Health Agency")],  # 100,000 is the rate's base, not a figure
        id="per-before-a-count-divides-and-according-to-still-speaks",
    ),
    pytest.param(
        "The payout works out to $2.40 per affected subscriber.",
        [(2.4, None)],
        id="per-before-a-bare-noun-names-no-source",
    ),
    pytest.param(
        "The Wall Street Journal reported that the bank paid $12 million, according to people familiar "
        "with the talks.",
        [(12_000_000, "people familiar with the talks")],
        id="an-outlet-relays-whom-it-reports-according-to",
    ),
    pytest.param(
        "Under the deal, account holders can claim up to $900 for lost time.",
        [(900, None)],
        id="what-someone-can-claim-is-no-statement",
    ),
    pytest.param(
        "The ministry can confirm 40 deaths.",
        [(40, "ministry")],
        id="what-a-body-can-confirm-is-its-statement",
    ),
    pytest.param(
        "As of Friday, the country had reported 52,310 cases, according to the Ministry of Health.",
        [(52310, "Ministry of Health")],
        id="a-country-that-reported-gives-way-to-according-to",
    ),
    pytest.param(
        "Health Minister Ines Duarte said the government had declared an emergency in nine districts.",
        [(9, "Ines Duarte")],
        id="a-body-named-by-its-kind-inside-a-statement-is-the-speakers",
    ),
    pytest.param(
        "The Federal Farm Board listed 42 affected farms last week.",
        [(42, "Federal Farm Board")],
        id="listing-states",
    ),
    pytest.param(
        "The Coastal Safety Board urged the owners of 31 ferries to inspect their hulls.",
        [(31, "Coastal Safety Board")],
        id="urging-states",
    ),
    pytest.param(
        "The Rural Roads Administration released $40 million in emergency funds.",
        [(40_000_000, "Rural Roads Administration")],
        id="a-body-that-releases-an-amount-commits-to-it",
    ),
    pytest.param(
        "About 1,800 homes were damaged, according to an estimate by the Valley Risk Center. "
        "The estimate put the cost of rebuilding at $2.3 billion.",
        [(1800, "Valley Risk Center"), (2_300_000_000, "Valley Risk Center")],
        id="the-estimate-is-the-one-whose-author-was-given-before",
    ),
    pytest.param(
        "Moody's analysts put the damage at $6 billion.",
        [(6_000_000_000, "Moody's analysts")],
        id="people-of-a-named-body-are-not-a-name-of-its-own",
    ),
    pytest.param(
        "Organisers expect about 80,000 runners on Sunday.",
        [(80000, "Organisers")],
        id="expecting-forecasts",
    ),
    pytest.param(
        "Prime Minister Pedro Sanchez said 15 gigawatts were lost.",
        [(15, "Pedro Sanchez")],
        id="a-known-name-keeps-the-articles-spelling",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_who_claims_a_figure_named_indirectly(nlp, text, expected):
    assert [(value, claimant) for value, claimant, _ in claimants(nlp, text)] == expected


def parsed(nlp, rows: list[tuple[str, int, str, str, str, str]]) -> Doc:
    """A sentence parsed by hand (word, head, dependency, part of speech, lemma, entity), so a
    rule is tested on the parse it is for, whatever the model makes of the words."""
    words, heads, deps, pos, lemmas, ents = map(list, zip(*rows, strict=True))
    spaces = [not after.startswith("'") for after in [*words[1:], ""]]
    return Doc(
        nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents
    )


def test_a_persons_name_stops_before_where_they_work(nlp):
    doc = parsed(
        nlp,
        [
            ("Ann", 1, "compound", "PROPN", "Ann", "B-PERSON"),
            ("Lee", 5, "nsubj", "PROPN", "Lee", "I-PERSON"),
            ("of", 1, "prep", "ADP", "of", "I-PERSON"),
            ("Westbrook", 4, "compound", "PROPN", "Westbrook", "I-PERSON"),
            ("College", 2, "pobj", "PROPN", "College", "I-PERSON"),
            ("spoke", 5, "ROOT", "VERB", "speak", "O"),
        ],
    )
    assert with_name_tail(doc.ents[0]) == "Ann Lee"


def test_capitalised_words_owned_by_a_name_are_one_name(nlp):
    doc = parsed(
        nlp,
        [
            ("Kestrel", 2, "poss", "PROPN", "Kestrel", "B-ORG"),
            ("'s", 0, "case", "PART", "'s", "I-ORG"),
            ("Analytics", 3, "nsubj", "NOUN", "analytic", "O"),
            ("spoke", 3, "ROOT", "VERB", "speak", "O"),
        ],
    )
    assert name_of(doc[0:3]) == ("Kestrel's Analytics", False)


def test_a_document_speaks_through_whom_it_is_from_before_any_name_in_it(nlp):
    doc = parsed(
        nlp,
        [
            ("Preliminary", 1, "amod", "ADJ", "preliminary", "B-ORG"),  # the tagger's mistake
            ("estimates", 4, "nsubj", "NOUN", "estimate", "O"),
            ("from", 1, "prep", "ADP", "from", "O"),
            ("modelers", 2, "pobj", "NOUN", "modeler", "O"),
            ("put", 4, "ROOT", "VERB", "put", "O"),
        ],
    )
    assert name_of(doc[0:4]) == ("modelers", False)


def test_the_title_means_a_titled_name_the_model_did_not_tag(nlp):
    """'Governor Ayo Ibe ... the governor said': a name of capitalised words right after the
    title is the person the title later means, though the model found no entity in it."""
    text = (
        "Floods hit Nigeria last week.\n\n"
        "Governor Ayo Ibe, who was represented by his deputy, Ali Garba, gave the figures in Lokoja on "
        "Tuesday.\n\n"
        '"So far, 207 deaths have been recorded," the governor said.'
    )
    assert [who for _, who, _ in claimants(nlp, text)] == ["Ayo Ibe"]
