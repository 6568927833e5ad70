import pytest

from services.extract.amounts import find_amounts

QUALIFIERS = [
    ("at least 155 people", 155, "at_least"),
    ("more than 150 citizens", 150, "more_than"),
    ("over 10,000 troops", 10000, "more_than"),
    ("some 12,000 troops", 12000, "about"),
    ("about 40 people", 40, "about"),
    ("around 160.000 men", 160000, "about"),
    ("roughly 300 homes", 300, "about"),
    ("nearly 15,000 residents", 15000, "about"),
    ("almost 70 villages", 70, "about"),
    ("near 50,000 dead", 50000, "about"),
    ("nearing 2,000 cases", 2000, "about"),
    ("up to 500 workers", 500, "up_to"),
    ("as many as 140,000 people", 140000, "up_to"),
    ("fewer than 10 faculties", 10, "less_than"),
    ("no more than 20 boats", 20, "at_most"),
    ("31 Chinese citizens", 31, "exact"),
]


@pytest.mark.parametrize(
    ("text", "value", "qualifier"), QUALIFIERS, ids=[q[0].rsplit(" ", 2)[0] for q in QUALIFIERS]
)
def test_qualifiers(text, value, qualifier):
    [amount] = find_amounts(text)
    assert (amount.value, amount.qualifier) == (value, qualifier)
    assert amount.start == 0


RANGES = [
    ("salaries from 60,000 to 200,000 Chinese yuan", 60000, 200000, "CNY", "to, currency after"),
    ("between $8,200 to $27,300", 8200, 27300, "USD", "dollar signs both ends"),
    ("a bonus of 7000€-24.000€", 7000, 24000, "EUR", "euro suffix with dot thousands"),
    ("lost between 200.000 and 1 million people", 200000, 1000000, None, "between and"),
    ("11,000 to 12,000 soldiers", 11000, 12000, None, "plain to"),
]


@pytest.mark.parametrize(
    ("text", "low", "high", "currency"), [r[:4] for r in RANGES], ids=[r[4] for r in RANGES]
)
def test_ranges_are_one_amount(text, low, high, currency):
    [amount] = find_amounts(text)
    assert (amount.value, amount.value_max, amount.qualifier) == (low, high, "range")
    assert amount.currency == currency


def test_and_without_between_is_two_amounts():
    assert [a.value for a in find_amounts("31 signed up in May and 20 in June")] == [31, 20]


def test_percent_and_money_do_not_make_a_range():
    amounts = find_amounts("rise by 3.5% to €512 million")
    assert [(a.value, a.percent, a.currency) for a in amounts] == [
        (3.5, True, None),
        (512_000_000, False, "EUR"),
    ]


CONVERSIONS = [
    ("paid 300,000 rubles (about $3,500) to", 300000, "RUB", 3500, "USD"),
    ("a payment of 2 million rubles (almost $24,000).", 2000000, "RUB", 24000, "USD"),
    ("1.5 trillion rupiah (about $94 million)", 1500000000000, "IDR", 94000000, "USD"),
]


@pytest.mark.parametrize(
    ("text", "value", "currency", "converted", "converted_currency"),
    CONVERSIONS,
    ids=["rubles about", "rubles almost", "rupiah"],
)
def test_conversion_kept_with_original(text, value, currency, converted, converted_currency):
    [amount] = find_amounts(text)
    assert (amount.value, amount.currency) == (value, currency)
    assert (amount.converted_value, amount.converted_currency) == (converted, converted_currency)


def test_converted_range_keeps_both_ends():
    [amount] = find_amounts("salaries of 60,000 to 200,000 Chinese yuan (approximately $8,200 to $27,300).")
    assert (amount.value, amount.value_max, amount.currency) == (60000, 200000, "CNY")
    assert (amount.converted_value, amount.converted_value_max, amount.converted_currency) == (
        8200, 27300, "USD")


@pytest.mark.parametrize(
    "text",
    ["the 157th Motorized Rifle Brigade", "at 6:17 a.m.", "2nd Battalion"],
    ids=["ordinal unit", "time of day", "ordinal battalion"],
)
def test_not_amounts(text):
    assert find_amounts(text) == []


CURRENCIES = [
    ("5 Canadian dollars", "CAD"),
    ("100 Hong Kong dollars", "HKD"),
    ("US$5", "USD"),
    ("2 million CNY", "CNY"),
    ("1.2 trillion rupiah", "IDR"),
    ("2.4 billion dinars", "RSD"),
    ("£11.44", "GBP"),
]


@pytest.mark.parametrize(("text", "code"), CURRENCIES, ids=[c[0] for c in CURRENCIES])
def test_currency_codes(text, code):
    [amount] = find_amounts(text)
    assert amount.currency == code


def test_percent_words():
    [amount] = find_amounts("turnout of 61 per cent")
    assert (amount.value, amount.percent) == (61, True)


@pytest.mark.parametrize(
    ("text", "value"),
    [("£1.2m", 1_200_000), ("$2.5bn", 2_500_000_000), ("$40k", 40_000)],
    ids=["m", "bn", "k"],
)
def test_attached_scales_with_currency(text, value):
    [amount] = find_amounts(text)
    assert amount.value == value


def test_attached_m_without_currency_is_not_millions():
    assert find_amounts("a 5m wall") == []


def test_digits_in_brackets_restating_words_are_one_amount():
    text = "Records show that thirty-nine (39) people died and three hundred and sixty-one (361) were hurt."
    assert [(a.value, text[a.start:a.end]) for a in find_amounts(text)] == [
        (39, "thirty-nine"), (361, "three hundred and sixty-one")]


def test_a_share_in_brackets_is_no_restatement_of_a_count():
    text = "Of the 100 patients, 10 (10%) died in hospital."
    assert [(a.value, a.percent) for a in find_amounts(text)] == [(100, False), (10, False), (10, True)]
