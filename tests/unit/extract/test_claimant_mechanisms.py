"""How English attributes a figure, each mechanism in sentences of the tests' own: a whole told
by a source and its parts told after it, a speaker named by a word that points back."""

from schemas.articles import UniqueArticle
from services.extract.pipeline import extract_batch


def claimants(nlp, text, title="News in brief"):
    text = f"{title}\n\n{text}"
    article = UniqueArticle(url="https://example.org/m", text=text, content_hash="m", title=title)
    return [(f.value, f.claimant) for f in extract_batch(nlp, [article])[0] if not f.headline]


def test_the_parts_of_a_total_are_told_by_whoever_told_the_total(nlp):
    text = (
        "The regional health board said on Friday that 412 people had died in the storm.\n\n"
        "The toll includes 37 children and 12 rescue workers."
    )
    board = "regional health board"
    assert claimants(nlp, text) == [(412, board), (37, board), (12, board)]


def test_a_sum_pointed_back_to_by_that_is_told_by_the_same_source(nlp):
    text = (
        "In its annual report, Norvale Mining said the closures had cost it $1.4 billion this year. "
        "That includes $310 million in the first quarter alone."
    )
    assert claimants(nlp, text) == [(1_400_000_000, "Norvale Mining"), (310_000_000, "Norvale Mining")]



def test_an_amount_described_as_pledged_by_a_body_is_that_bodys(nlp):
    text = (
        "Each family will receive 2 million pesos in total, including the 1.5 million pesos pledged "
        "by Halvorsen Holdings."
    )
    assert claimants(nlp, text)[1] == (1_500_000, "Halvorsen Holdings")


def test_people_confirmed_dead_tell_no_one_anything(nlp):
    text = "Four districts flooded, with 21 people confirmed dead and 40 unaccounted for, the agency said."
    assert dict(claimants(nlp, text))[40] == "agency"


def test_a_named_person_does_not_keep_the_counts_of_the_paragraph(nlp):
    text = (
        "Ruth Kelland, who runs the shelter, said 40 families had arrived overnight. Around 300 people "
        "live in the valley."
    )
    assert claimants(nlp, text) == [(40, "Ruth Kelland"), (300, None)]


def test_a_list_that_leaves_out_the_verb_gives_each_figure_its_own_name(nlp):
    text = "Toyota has offered a 12% raise over three years, Honda 14% and Nissan 9.5%."
    assert claimants(nlp, text) == [(12, "Toyota"), (14, "Honda"), (9.5, "Nissan")]



def headline_claimants(nlp, title, body):
    text = f"{title}\n\n{body}"
    article = UniqueArticle(url="https://example.org/h", text=text, content_hash="h", title=title)
    return [(f.value, f.claimant) for f in extract_batch(nlp, [article])[0] if f.headline]


def test_a_headline_names_its_source_before_a_colon(nlp):
    body = "The Kenya Red Cross Society (KRCS) said on Sunday that 12 people had been killed and 40 injured."
    found = headline_claimants(nlp, "KRCS: 12 killed, 40 injured in two days of floods", body)
    assert found == [(12, "Kenya Red Cross Society"), (40, "Kenya Red Cross Society")]


def test_a_headline_names_its_source_after_a_closing_dash(nlp):
    body = "Provincial administrator Sipho Mbeki said on Monday the toll could pass 300."
    assert headline_claimants(nlp, "Quake toll could pass 300 - Mbeki", body) == [(300, "Sipho Mbeki")]


def test_asking_someone_to_act_states_nothing_of_the_figures_beside_it(nlp):
    text = "Pollsters interviewed around 9,000 voters as they left 120 polling stations, asking them to vote."
    assert claimants(nlp, text) == [(9_000, None), (120, None)]


def test_a_headline_prefix_that_speaks_nowhere_below_is_no_source(nlp):
    body = "Workers at Boeing walked out on Monday. Union officials said 57 jobs had been cut."
    assert headline_claimants(nlp, "Boeing: 57 jobs cut at Leeds plant", body) == [(57, None)]


def test_a_state_that_arrests_states_the_count_of_arrests(nlp):
    assert claimants(nlp, "Portugal has arrested nine men over the shipwreck.") == [(9, "Portugal")]


def test_they_in_a_clause_hung_on_another_is_that_clauses_subject(nlp):
    text = (
        "Halvorsen Holdings said it would close two plants. The union and the works council have offered "
        "a package they say would save 40 million euros in labor costs."
    )
    assert claimants(nlp, text)[-1] == (40_000_000, "union")


def test_they_is_never_what_was_counted(nlp):
    text = (
        "Village leaders said the search went on. Three bodies were found in the mud, and they said "
        "four more were missing."
    )
    assert "bodies" not in [claimant for _, claimant in claimants(nlp, text)]


def test_whoever_compiles_a_list_states_what_it_holds(nlp):
    text = (
        "A volunteer in Ohio, Mara Quist, has compiled a list of 1,200 people reported missing; officials "
        "say many have been found."
    )
    assert claimants(nlp, text) == [(1_200, "Mara Quist")]


def test_whoever_raises_or_lowers_a_toll_states_it(nlp):
    text = "The Chilean government on Monday raised the death toll from the wildfires to 131."
    assert claimants(nlp, text) == [(131, "Chilean government")]
    text = "The storm battered the islands, raising the death toll to 11."
    assert claimants(nlp, text) == [(11, None)]  # a storm that raises a toll says nothing
    text = "New deaths in the north raised the toll to 57, officials said."
    assert claimants(nlp, text) == [(57, "officials")]  # nor do the deaths: the speaker does


def parsed(nlp, words, heads, deps, tags):
    """A parse written out by hand: the mechanism under test, whatever the model does."""
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)


def test_a_closing_speaker_the_parser_hung_as_a_relative_clause_still_speaks(nlp):
    from services.extract.speakers import speaker_tag

    # '500 tents are on their way, the agency (IOM) said.' with 'said' hung on 'agency' as a relcl
    words = ["500", "tents", "are", "on", "their", "way", ",", "the", "agency", "(", "IOM", ")", "said", "."]
    heads = [1, 2, 2, 2, 5, 3, 2, 8, 1, 10, 12, 10, 8, 2]
    deps = ["nummod", "nsubj", "ROOT", "prep", "poss", "pobj", "punct", "det", "appos", "punct", "nsubj",
            "punct", "relcl", "punct"]
    tags = ["CD", "NNS", "VBP", "IN", "PRP$", "NN", ",", "DT", "NN", "-LRB-", "NNP", "-RRB-", "VBD", "."]
    assert speaker_tag(parsed(nlp, words, heads, deps, tags)[12])
    # and the sentence's figures are its: 'a toll the government confirmed on Tuesday'
    text = "The quake killed 120 people, a toll the government confirmed on Tuesday."
    assert claimants(nlp, text) == [(120, "government")]
    # 'the income Kenya expects': a relative clause with no comma is no speaker
    words, heads = ["the", "income", "Kenya", "expects"], [1, 1, 3, 1]
    doc = parsed(nlp, words, heads, ["det", "ROOT", "nsubj", "relcl"], ["DT", "NN", "NNP", "VBZ"])
    assert not speaker_tag(doc[3])
    # 'the doses, which the agency said': a relative pronoun opens a clause about the noun
    words, heads = ["the", "doses", ",", "which", "agency", "said"], [1, 1, 1, 5, 5, 1]
    doc = parsed(nlp, words, heads, ["det", "ROOT", "punct", "dobj", "nsubj", "relcl"],
                 ["DT", "NNS", ",", "WDT", "NN", "VBD"])
    assert not speaker_tag(doc[5])


def test_a_speakers_role_starts_after_the_comma_before_it(nlp):
    text = ("An explosion at the plant has killed four workers and injured 37, municipal and regional "
            "officials said at an evening briefing.")
    assert (4, "municipal and regional officials") in claimants(nlp, text)
    text = "Twenty people were rescued, British, French and Belgian coast guard officials said."
    assert claimants(nlp, text) == [(20, "British, French and Belgian coast guard officials")]


def test_a_dateline_is_no_part_of_the_name_after_it(nlp):
    """The model runs one entity across 'FRANKFURT - Lufthansa', and the parser may hang the
    speaker on the dateline's city: the dateline is where the story was filed, not who spoke."""
    text = "FRANKFURT - Lufthansa said on Monday that 1,200 flights were cancelled."
    assert claimants(nlp, text) == [(1200, "Lufthansa")]
    text = "OSAKA, Japan (AP) — Kansai Electric Power said 48,000 homes were without power."
    assert claimants(nlp, text) == [(48000, "Kansai Electric Power")]
