"""Currency symbols, codes and names → ISO 4217 codes."""

SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "₽": "RUB", "₴": "UAH", "₹": "INR"}
NAMES = {
    "dollar": "USD", "euro": "EUR", "ruble": "RUB", "rouble": "RUB", "yuan": "CNY",
    "renminbi": "CNY", "pound": "GBP", "hryvnia": "UAH", "yen": "JPY", "rupee": "INR",
    "rupiah": "IDR", "dinar": "RSD", "peso": "MXN", "rand": "ZAR", "naira": "NGN",
    "zloty": "PLN", "forint": "HUF", "krona": "SEK", "kronor": "SEK", "real": "BRL",
    "reais": "BRL", "won": "KRW", "shekel": "ILS", "lira": "TRY", "franc": "CHF",
}  # fmt: skip
DOLLAR_COUNTRIES = {
    "canadian": "CAD",
    "australian": "AUD",
    "hong kong": "HKD",
    "new zealand": "NZD",
    "singapore": "SGD",
    "us": "USD",
    "u.s.": "USD",
    "american": "USD",
}
CODES = (
    "USD",
    "EUR",
    "GBP",
    "CNY",
    "RUB",
    "UAH",
    "JPY",
    "INR",
    "IDR",
    "RSD",
    "MXN",
    "ZAR",
    "NGN",
    "HUF",
    "SEK",
    "BRL",
    "KRW",
    "ILS",
    "TRY",
    "CHF",
    "CAD",
    "AUD",
    "PLN",
    "HKD",
)
NAME_PATTERN = (
    r"(?:(?:chinese|us|u\.s\.|american|canadian|australian|hong kong|new zealand|singapore)\s+)?"
    r"(?:dollars?|euros?|rubles?|roubles?|yuan|renminbi|pounds?(?: sterling)?|hryvnias?|yen"
    r"|rupees?|rupiah|dinars?|pesos?|rand|naira|zloty|forints?|kronor|krona|reais|won|shekels?"
    r"|lira|francs?)\b"
)


def currency_code(*parts: str | None) -> str | None:
    """The ISO code for a symbol ('€'), a code ('RUB') or a name ('Canadian dollars')."""
    for part in parts:
        token = (part or "").strip().lower()
        if not token:
            continue
        if token in SYMBOLS:
            return SYMBOLS[token]
        if token.upper() in CODES:
            return token.upper()
        code = _named(token)
        if code:
            return code
    return None


def _named(token: str) -> str | None:
    word = token.split()[-1]
    noun = word if word in NAMES else word.removesuffix("s")
    if noun not in NAMES:
        return None
    country = token[: -len(word)].strip()
    if noun == "dollar" and country in DOLLAR_COUNTRIES:
        return DOLLAR_COUNTRIES[country]
    return NAMES[noun]


# Names several countries share: the article's country decides ('pesos' in Cebu are PHP).
SHARED = {
    "peso": {"philippin": "PHP", "filipino": "PHP", "argentin": "ARS", "chile": "CLP", "colombia": "COP",
             "mexic": "MXN", "cuba": "CUP", "dominican": "DOP", "urugua": "UYU"},
    "dinar": {"serbia": "RSD", "iraq": "IQD", "jordan": "JOD", "kuwait": "KWD", "alger": "DZD",
              "tunisia": "TND", "libya": "LYD", "bahrain": "BHD"},
    "rupee": {"india": "INR", "pakistan": "PKR", "sri lanka": "LKR", "nepal": "NPR"},
    "franc": {"swiss": "CHF", "switzerland": "CHF", "congo": "CDF", "rwanda": "RWF", "guinea": "GNF"},
    "krona": {"swed": "SEK", "iceland": "ISK"},
    "lira": {"turk": "TRY", "leban": "LBP", "syria": "SYP"},
}  # fmt: skip


def local_currency(code: str | None, surface: str, text: str) -> str | None:
    """A shared currency name read as the currency of the country the article names most."""
    words = surface.lower().split()
    name = next((w.rstrip("s") for w in words if w.rstrip("s") in SHARED or w in SHARED), None)
    if code is None or name is None or len(words) > 1 and words[-2] in DOLLAR_COUNTRIES:
        return code
    lowered = text.lower()
    counts: dict[str, int] = {}
    for cue, iso in SHARED[name].items():
        counts[iso] = counts.get(iso, 0) + lowered.count(cue)
    best = max(counts, key=counts.get)
    return best if counts[best] else code
