"""Currency symbols, codes and names → ISO 4217 codes, from babel's CLDR data.

Kept by hand: which codes news prose uses (the full ISO list holds words like 'ALL' and
'mark'), which country a shared name defaults to ('dollar' alone is USD), and the few
adjectives CLDR does not spell ('American', 'U.S.').
"""

import re
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.numbers import get_currency_name

CODES = (
    "USD", "EUR", "GBP", "CNY", "RUB", "UAH", "JPY", "INR", "IDR", "RSD", "MXN", "ZAR", "NGN", "HUF",
    "SEK", "BRL", "KRW", "ILS", "TRY", "CHF", "CAD", "AUD", "PLN", "HKD", "VND", "PHP", "NZD", "SGD",
    "TWD", "NOK", "DKK", "CZK", "EGP", "PKR", "THB", "KES",
)  # fmt: skip
DEFAULT = {
    "dollar": "USD", "pound": "GBP", "peso": "MXN", "rupee": "INR", "dinar": "RSD", "franc": "CHF",
    "krona": "SEK", "krone": "NOK", "yuan": "CNY", "renminbi": "CNY", "rouble": "RUB", "kronor": "SEK",
    "roubles": "RUB",
}  # fmt: skip
ALIASES = {"us": "united states", "u.s.": "united states", "american": "us", "chinese": "chinese"}
# Names that are also everyday English words ('won 52 seats', 'the real cost'): money only in
# an article that names a country paying in it.
COMMON_WORDS = frozenset(["won", "real", "rand", "dong"])
# Abbreviations prose writes before a number that CLDR does not list as symbols: 'Rs 2 lakh'
# (the rupee of India, Pakistan, Sri Lanka and Nepal; the article's country decides).
ABBREVIATIONS = {"rs": "rupee", "rs.": "rupee"}


@cache
def names() -> dict[str, str]:
    """'euro' / 'euros' / 'canadian dollars' / 'south korean won' → ISO code."""
    found: dict[str, str] = {}
    for code in CODES:
        for count in (1, 2):
            full = get_currency_name(code, count=count, locale="en").lower()
            found[full] = code
            found.setdefault(full.split()[-1], code)
    found.update(DEFAULT)
    found.update({"pounds": "GBP", "dollars": "USD", "pesos": "MXN", "rupees": "INR", "reais": "BRL"})
    found.update({"american dollar": "USD", "american dollars": "USD", "u.s. dollars": "USD"})
    found.update({"us dollars": "USD", "us dollar": "USD", "pound sterling": "GBP", "pounds sterling": "GBP"})
    return found


@cache
def symbols() -> dict[str, str]:
    """'$' → USD, '£' → GBP, '₽' → RUB: English symbols, then each currency's home symbol."""
    found = {"us$": "USD"}
    likely = get_global("likely_subtags")
    for territory, history in get_global("territory_currencies").items():
        current = [c for c, _, end, tender in history if end is None and tender and c in CODES]
        if current and f"und_{territory}" in likely:
            home = home_symbol(likely[f"und_{territory}"], current[0])
            if home and not home.isalpha() and not home[-1].isalpha():
                found.setdefault(home.lower(), current[0])
    en = Locale("en").currency_symbols
    found.update({en[c].lower(): c for c in CODES if c in en and en[c] != c})
    return found


def home_symbol(locale: str, code: str) -> str:
    try:
        return Locale.parse(locale).currency_symbols.get(code, "")
    except (UnknownLocaleError, ValueError):
        return ""


def symbol_pattern() -> str:
    """Symbols that cannot be read as a word: '$', 'HK$', '€' (not 'kr.')."""
    found = [s for s in symbols() if not s[0].isalpha() or s[-1] in "$¥"]
    written = [rf"(?<![a-z]){re.escape(a)}\s?(?=\d)" for a in sorted(ABBREVIATIONS, key=len, reverse=True)]
    return "|".join([*(re.escape(s) for s in sorted(found, key=len, reverse=True)), *written])


def name_pattern() -> str:
    words = {n for n in names() if re.fullmatch(r"[a-z. ]+", n)}
    return r"(?:" + "|".join(re.escape(n) for n in sorted(words, key=len, reverse=True)) + r")\b"


NAME_PATTERN = name_pattern()


def currency_code(*parts: str | None) -> str | None:
    """The ISO code for a symbol ('€'), a code ('RUB') or a name ('Canadian dollars')."""
    for part in parts:
        token = " ".join((part or "").strip().lower().split())
        if not token:
            continue
        if token in symbols():
            return symbols()[token]
        if token in ABBREVIATIONS:
            return DEFAULT[ABBREVIATIONS[token]]
        if token.upper() in CODES:
            return token.upper()
        if token in names():
            return names()[token]
    return None


@cache
def countries_paying(code: str) -> tuple[str, ...]:
    """Last words of the English names of the countries whose tender is `code`:
    KRW → ('korea',), which also finds 'Korean'."""
    territories = Locale("en").territories
    paying = [
        t
        for t, history in get_global("territory_currencies").items()
        if any(c == code and end is None for c, _, end, _ in history)
    ]
    return tuple(territories[t].lower().split()[-1] for t in paying if t in territories)


def named_country_pays(code: str, text: str) -> bool:
    lowered = text.lower()
    return any(country in lowered for country in countries_paying(code))


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
    "¥": {"japan": "JPY", "china": "CNY", "chinese": "CNY"},  # CLDR's English '¥' is JPY; China writes it too
}  # fmt: skip


def local_currency(code: str | None, surface: str, text: str) -> str | None:
    """A shared currency name read as the currency of the country the article names most."""
    words = [ABBREVIATIONS.get(w, w) for w in surface.lower().split()]
    name = next((w.rstrip("s") for w in words if w.rstrip("s") in SHARED or w in SHARED), None)
    if "¥" in surface:
        name = "¥"
    if code is None or name is None or len(words) > 1 and " ".join(words[-2:]) in names():
        return code
    lowered = text.lower()
    counts: dict[str, int] = {}
    for cue, iso in SHARED[name].items():
        counts[iso] = counts.get(iso, 0) + lowered.count(cue)
    best = max(counts, key=counts.get)
    return best if counts[best] else code
