import pytest

from services.extract.entities import canonical, load_gazetteer

ALIASES = [
    ("President Volodymyr Zelensky said so.", "Volodymyr Zelensky", "PERSON"),
    ("Zelenskyy said so.", "Volodymyr Zelensky", "PERSON"),
    ("Zelensky said so.", "Volodymyr Zelensky", "PERSON"),
    ("ISW said so.", "Institute for the Study of War", "ORG"),
    ("The Institute for the Study of War said so.", "Institute for the Study of War", "ORG"),
    ("Interfax reported it.", "Interfax", "ORG"),
    ("Fighting in Kursk continued.", "Kursk", "GPE"),
    ("The SBU announced it.", "Security Service of Ukraine", "ORG"),
]


@pytest.mark.parametrize(
    ("text", "name", "label"),
    ALIASES,
    ids=[
        "title and full name",
        "double y",
        "single y",
        "acronym",
        "full org name",
        "outlet not person",
        "place not product",
        "agency acronym",
    ],
)
def test_gazetteer_names_win_over_ner(nlp, text, name, label):
    doc = nlp(text)
    found = {(canonical(e), e.label_) for e in doc.ents}
    assert (name, label) in found


def test_acronym_aliases_are_case_sensitive(nlp):
    doc = nlp("Tell us what you think.")
    assert not [e for e in doc.ents if canonical(e) == "United States"]


def test_gazetteer_is_general_not_only_seed_names():
    names = {e["name"] for e in load_gazetteer()}
    assert len(names) > 150
    assert {"Emmanuel Macron", "World Health Organization", "Reuters", "Gaza"} <= names
