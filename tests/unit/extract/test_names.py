"""An article's distinctive names: rare capitalised words inside sentences, weighted by rarity
and use; countries, demonyms, months and weekdays are no names."""

from services.extract.names import distinctive_names

TEXT = (
    "BALASORE, India — At least 288 people were killed when the Coromandel Express derailed near "
    "Balasore in Odisha on Friday, officials said.\n\n"
    "Railway Minister Ashwini Vaishnaw said the Coromandel Express hit a goods train in June. "
    "Indian officials said the Coromandel Express had been running on time."
)


def test_rare_names_weigh_most_and_use_adds_weight():
    names = distinctive_names("Train crash in Odisha", TEXT)
    assert list(names)[:2] == ["coromandel", "vaishnaw"]  # used three times / very rare
    assert names["coromandel"] > names["vaishnaw"] > names["odisha"] > names["ashwini"]
    assert names["balasore"] < names["odisha"]  # once in a sentence (the dateline opens one)


def test_countries_demonyms_months_days_and_sentence_openers_are_no_names():
    names = distinctive_names(None, TEXT)
    assert not {"india", "indian", "june", "friday", "railway", "at"} & set(names)


def test_common_words_weigh_little_or_nothing_and_at_most_twelve_are_kept():
    names = distinctive_names(None, "It was said by The Minister and Zorblat.")
    assert set(names) == {"minister", "zorblat"} and names["zorblat"] > 3 * names["minister"]
    many = distinctive_names(None, "Said by " + ", ".join(f"Name{i}x" for i in range(20)) + ".")
    assert len(many) == 12
