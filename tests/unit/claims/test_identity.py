import pytest

from services.claims.identity import claim_id, claim_key, counted_key, singular
from services.claims.in_article import resolve_in_article


@pytest.mark.parametrize(
    ("word", "expected"),
    [("nationals", "national"), ("men", "man"), ("casualties", "casualty"),
     ("troops", "troop"), ("status", "status"), ("witnesses", "witness")],
    ids=["plain-s", "irregular", "ies", "troops", "us-ending", "sses"],
)
def test_singular(word, expected):
    assert singular(word) == expected


@pytest.mark.parametrize(
    ("counted", "expected"),
    [("Chinese nationals", "chinese person"),
     ("Chinese citizens", "chinese person"),
     ("North Korean army troops", "north korean person"),
     ("North Korean soldiers", "north korean person"),
     ("people", "person"),
     ("injured people", "person"),
     ("missing residents", "missing resident"),
     ("bodies", "person")],
    ids=["nationals", "citizens", "army-troops", "soldiers", "bare-people", "measure-word",
         "not-a-person-head", "bodies-are-the-dead"],
)
def test_counted_key_folds_people(counted, expected):
    assert counted_key(counted, "people") == expected


def test_paraphrases_of_one_fact_share_a_key(figure):
    a = figure(155, counted="Chinese nationals", event="fighting")
    b = figure(163, counted="Chinese nationals", event="serving")
    c = figure(150, counted="Chinese citizens", event="fighting", qualifier="more_than")
    assert claim_key(a) == claim_key(b) == claim_key(c) == "chinese person|fighting|people|*|*|war"


@pytest.mark.parametrize(
    ("other", "why"),
    [(dict(event="recruited", scope="2023-06/2024-05"), "different event and scope"),
     (dict(scope="2023"), "different scope"),
     (dict(event="killed"), "killed"),
     (dict(event="wounded"), "wounded"),
     (dict(event="killed_or_wounded"), "killed or wounded"),
     (dict(counted="North Korean troops"), "different population")],
    ids=["recruited", "scope", "killed", "wounded", "killed-or-wounded", "population"],
)
def test_different_facts_get_different_keys(other, why, figure):
    base = figure(155)
    assert claim_key(figure(155, **other)) != claim_key(base), why


def test_currency_is_part_of_the_unit(figure):
    rub = figure(300000, unit="currency", counted="payment", event="paid")
    rub = rub.model_copy(update={"currency": "RUB"})
    usd = rub.model_copy(update={"currency": "USD"})
    assert claim_key(rub) != claim_key(usd)


def test_claim_id_is_stable_and_short():
    key = "chinese person|fighting|people|*|*|violence"
    assert claim_id(key) == claim_id(key)
    assert claim_id(key) != claim_id(key + "x")
    assert len(claim_id(key)) == 13 and claim_id(key).startswith("c")


def test_headline_repeating_a_body_figure_is_dropped(figure):
    headline = figure(51, url="u", event="recruited").model_copy(update={"headline": True})
    body = figure(51, url="u", event="recruited")
    only_in_headline = figure(7, url="u", event="captured").model_copy(update={"headline": True})
    kept = resolve_in_article([headline, body, only_in_headline])
    assert [(f.value, f.headline) for f in kept] == [(51, False), (7, True)]


def test_bare_re_mention_takes_the_modified_phrase_of_the_same_number(figure):
    full = figure(10000, url="u", counted="North Korean soldiers", event="deployed", qualifier="exact")
    bare = figure(10000, url="u", counted="soldiers", event="deployed", qualifier="exact")
    other_number = figure(500, url="u", counted="soldiers", event="deployed", qualifier="exact")
    resolved = resolve_in_article([full, bare, other_number])
    assert [f.claim_key for f in resolved] == [
        "north korean person|deployed|people|*|*|war", "north korean person|deployed|people|*|*|war",
        "person|deployed|people|*|RU|war"]
    assert all(f.claim_key for f in resolved)


@pytest.mark.parametrize(
    "counted", ["civilians", "children", "Ukrainians"], ids=["civilians", "children", "demonym"]
)
def test_bare_populations_that_are_not_generic_people_stay_apart(figure, counted):
    assert claim_key(figure(12, counted=counted, event="killed")) != claim_key(
        figure(12, counted="people", event="killed"))
    assert counted_key(counted, "people") != "person"


def test_bare_re_mention_does_not_borrow_another_population(figure):
    civilians = figure(12, url="u", counted="civilians", event="killed", qualifier="exact")
    named = figure(12, url="u", counted="Ukrainian soldiers", event="killed", qualifier="exact")
    resolved = resolve_in_article([civilians, named])
    assert resolved[0].claim_key.startswith("civilian|")


def test_headline_with_a_looser_scope_and_qualifier_still_repeats_the_body(figure):
    headline = figure(51, url="u", event="recruited", qualifier="exact", scope="2023-06/")
    headline = headline.model_copy(update={"headline": True})
    body = figure(51, url="u", event="recruited", qualifier="at_least", scope="2023-06/2024-05")
    assert [f.scope for f in resolve_in_article([headline, body])] == ["2023-06/2024-05"]


def test_two_values_of_one_frame_in_one_article_are_two_facts(figure):
    first = figure(62, url="u", event="killed", at=10)
    second = figure(4, url="u", event="killed", at=90)
    resolved = resolve_in_article([first, second])
    assert resolved[0].claim_key == claim_key(first)
    assert resolved[1].claim_key != resolved[0].claim_key and "|own:" in resolved[1].claim_key


def test_an_earlier_value_keeps_the_key_and_comes_after_the_current_one(figure):
    earlier = figure(36, url="u", event="killed", stated_as="earlier", at=40)
    current = figure(40, url="u", event="killed", at=0)
    resolved = resolve_in_article([earlier, current])
    assert [(f.value, f.claim_key) for f in resolved] == [(40, claim_key(current)), (36, claim_key(current))]


def test_a_frame_with_no_place_and_no_incident_is_its_own_claim(figure):
    vague = figure(7, counted="people", event="killed", place=None, incident=None)
    other = figure(7, url="https://b.example/2", counted="people", event="killed", place=None, incident=None)
    assert claim_key(vague) != claim_key(other)


def test_different_incidents_and_places_never_share_a_key(figure):
    typhoon = figure(94, counted="people", event="killed", place="PH", incident="storm")
    derailment = figure(94, counted="people", event="killed", place="IT", incident="accident")
    flood = figure(94, counted="people", event="killed", place="ES", incident="storm")
    assert len({claim_key(typhoon), claim_key(derailment), claim_key(flood)}) == 3


def test_a_headline_restating_a_body_figure_with_a_looser_measure_is_dropped(figure):
    headline = figure(7, url="u", counted="dead", event="other").model_copy(update={"headline": True})
    body = figure(7, url="u", counted="people", event="killed", at=50)
    assert [f.value for f in resolve_in_article([headline, body])] == [7]


def test_a_capital_that_only_starts_the_sentence_is_no_proper_name(figure):
    start = figure(300, counted="Elderly residents", event="evacuated", place="ES")
    start = start.model_copy(update={"evidence": "Elderly residents numbering 300 were evacuated."})
    inside = figure(300, counted="elderly residents", event="evacuated", place="ES")
    assert claim_key(start) == claim_key(inside)




def test_a_company_s_name_on_the_counted_thing_is_no_population_of_everywhere(figure):
    # 'Chinese nationals' are the same population wherever the article is; 'Boeing aircraft'
    # grounded in Korea and in India are two counts, each in its own country
    from schemas.figures import Entity

    def planes(place, sentence):
        f = figure(101, counted="Boeing aircraft", event="inspected", place=place, incident="accident")
        return f.model_copy(update={"evidence": sentence, "entities": [Entity(text="Boeing", label="ORG",
                                                                              canonical="Boeing")]})
    korea = planes("KR", "Officials said 101 Boeing aircraft would be inspected.")
    india = planes("IN", "Officials said 101 Boeing aircraft would be inspected.")
    assert claim_key(korea) != claim_key(india)
    nationals = figure(155, counted="Chinese nationals", place="UA").model_copy(update={"entities": [
        Entity(text="Chinese", label="NORP", canonical="Chinese")]})
    assert claim_key(nationals).split("|")[4] == "*"


def test_a_sum_in_a_nations_currency_is_no_population_of_everywhere(figure):
    """'2 trillion Turkish lira' and '2 trillion lira' in one article are one sum, in its country."""
    from schemas.figures import Entity

    def cost(counted):
        f = figure(2e12, counted=counted, event="other", measure="cost", unit="currency", place="TR",
                   incident="earthquake", evidence=f"The quake will cost the economy 2 trillion {counted}.")
        return f.model_copy(update={"currency": "TRY", "holder": "economy",
                                    "entities": [Entity(text="Turkish", label="NORP", canonical="Turkish")]})
    assert claim_key(cost("Turkish lira")) == claim_key(cost("lira"))
    assert claim_key(cost("Turkish lira")).split("|")[4] == "TR"


def test_an_own_key_is_what_the_sentence_says_so_a_copy_shares_it(figure):
    said = "About 700 people were seated and 700 people stood, the club said."

    def article(url):
        return resolve_in_article([
            figure(700, url=url, counted="people", event="", place=None, incident=None,
                   evidence=said, at=at) for at in (6, 37)])

    original, copy = article("https://a.example/1"), article("https://wire.example/9")
    assert all("|own:" in f.claim_key for f in original)
    assert original[0].claim_key != original[1].claim_key  # two figures of one sentence: two facts
    assert [f.claim_key for f in copy] == [f.claim_key for f in original]  # the copy says the same


@pytest.mark.parametrize("approx, qualifier, kept", [
    (400, "more_than", [412]),  # 'killed more than 400 people' ... '412 deaths'
    (3000, "about", [2946]),  # 'nearly 3,000' ... 'killed 2,946'
    (200, "more_than", [412, 200]),  # too far below to be 412 rounded: another fact
    (420, "more_than", [412, 420]),  # more than 420 cannot be 412
    (400, "exact", [412, 400]),  # an exact 400 is another value
])
def test_a_round_mention_of_a_precise_value_is_that_value_again(figure, approx, qualifier, kept):
    rounded = figure(approx, qualifier=qualifier, event="killed", counted="people", at=1)
    precise = figure(412 if approx != 3000 else 2946, qualifier="exact", event="killed",
                     counted="people", at=2)
    resolved = resolve_in_article([rounded, precise])
    assert sorted((f.value for f in resolved), key=lambda v: v not in (412, 2946)) == kept


@pytest.mark.parametrize("counted, joins", [
    ("derailed cars", False),  # an earlier value of another thing than the sentence before
    ("gallons", True),
    ("", True),  # 'the figure had been 50,000': the count the sentence before gave
])
def test_a_sentence_of_earlier_values_joins_only_a_count_of_the_same_thing(figure, counted, joins):
    current = figure(115580, url="u", counted="gallons of vinyl chloride", event="other", unit="count",
                     evidence="Five cars held a total of 115,580 gallons of vinyl chloride.")
    earlier = figure(50, url="u", counted=counted, event="other", unit="count", stated_as="earlier",
                     evidence="Early reports had put it at about 50.")
    current, earlier = (f.model_copy(update={"span": (at, at + 2)})
                        for f, at in ((current, 10), (earlier, 70)))
    resolved = resolve_in_article([current, earlier])
    assert (resolved[1].claim_key == resolved[0].claim_key) is joins


def test_a_sentence_of_earlier_values_in_another_currency_is_another_estimate(figure):
    current = figure(2_000_000_000_000, url="u", counted="cost", event="cost", unit="currency",
                     evidence="The quake will cost the economy about 2 trillion lira, officials said.")
    other = figure(84_000_000_000, url="u", counted="cost", event="cost", unit="currency",
                   stated_as="earlier", evidence="A business group had put the cost at $84 billion.")
    current, other = (f.model_copy(update={"span": (at, at + 2), "currency": c})
                      for f, at, c in ((current, 10, "TRY"), (other, 90, "USD")))
    resolved = resolve_in_article([current, other])
    assert resolved[1].claim_key != resolved[0].claim_key


def test_a_placed_count_of_nothing_in_particular_joins_only_the_same_number(figure):
    def aboard(value, url):
        return figure(value, url=url, counted="people", event="other", place="GR", incident="accident",
                      evidence=f"There were {value} people on the boat, {url} reported.")

    assert claim_key(aboard(400, "a")) == claim_key(aboard(400, "b"))
    assert claim_key(aboard(400, "a")) != claim_key(aboard(750, "b"))
    assert claim_key(aboard(400, "a")) != claim_key(aboard(400, "a").model_copy(update={"place": "IT"}))


def test_people_of_whom_nothing_known_happened_join_only_the_same_number(figure):
    """'171 passengers' aboard and 'four passengers ... have sued' are passengers both: with no
    measure, nothing says they are the same people, and only the same number said again is."""
    def passengers(value, url):
        return figure(value, url=url, counted="passengers", event="other", place="US", incident="accident",
                      evidence=f"{value} passengers, {url} reported.")

    assert claim_key(passengers(171, "a")) == claim_key(passengers(171, "b"))
    assert claim_key(passengers(171, "a")) != claim_key(passengers(4, "b"))


def sum_of(figure, value, measure, holder=None, url="https://a.example/1"):
    money = figure(value, url=url, counted="", event="other", qualifier="exact", unit="currency",
                        measure=measure, place="US", incident="strike")
    return money.model_copy(update={"currency": "USD", "holder": holder})


def test_a_sum_in_nobodys_books_joins_only_the_same_sum_said_again(figure):
    """'The strike cost $5 billion' and, in another article, 'put the cost at $500 million'
    (another party's cost): without a holder, two sums of one story are two facts; the
    same sum said again is one."""
    a, b, again = (sum_of(figure, 5e9, "cost"), sum_of(figure, 5e8, "cost", url="https://b.example/2"),
                   sum_of(figure, 5e9, "cost", url="https://c.example/3"))
    assert claim_key(a) != claim_key(b)
    assert claim_key(a) == claim_key(again)
    # nowhere and in no incident, a sum is its own claim: 'The program cost $5 billion'
    unplaced = a.model_copy(update={"place": None, "incident": None})
    assert claim_key(unplaced) != claim_key(unplaced.model_copy(update={"article_url": "https://d.example/4",
                                                                          "evidence": "It cost $5 billion."}))


def test_a_held_sum_and_what_the_incident_did_still_change_value(figure):
    """The carmaker's settlement raised ('Ford will pay $800 million', then '$1.3 billion'),
    and a storm's damage estimate raised: one claim each."""
    assert claim_key(sum_of(figure, 8e8, "paid", "ford")) == claim_key(sum_of(figure, 1.3e9, "paid", "ford"))
    assert claim_key(sum_of(figure, 2e10, "damage")) == claim_key(sum_of(figure, 3.4e10, "damage"))


def test_records_exposed_in_no_named_companys_breach_join_only_the_same_count(figure):
    """'560 million customers' of one breach and '2.9 billion records' of another, neither with a
    company named in its clause: two breaches' counts never share a claim."""
    one = figure(560e6, counted="customers", event="other", measure="records_affected", unit="count",
                 place=None, incident="breach")
    other = one.model_copy(update={"value": 2.9e9, "counted": "records", "article_url": "https://b.example/2"})
    again = one.model_copy(update={"article_url": "https://c.example/3"})
    assert claim_key(one) != claim_key(other) and claim_key(one) == claim_key(again)
    held = one.model_copy(update={"holder": "ticketmaster"})
    assert claim_key(held) == claim_key(held.model_copy(update={"value": 540e6}))
