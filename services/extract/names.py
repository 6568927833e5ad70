"""An article's distinctive names: what tells one incident apart from another of its kind
(`services.claims.threads`). No I/O.

A name is a capitalised word inside a sentence (a sentence's first word is capitalised whatever
it is), weighted by how rare the word is in English (wordfreq's Zipf scale: 'the' 7.7, 'India'
5.0, 'Boeing' 3.8, 'Balasore' 1.7); a word at COMMON_ZIPF or above weighs nothing. Countries,
their demonyms, continents, months and weekdays are not names here: the claim key already
holds the country, and two earthquakes in Afghanistan two years apart share 'Afghanistan',
'Afghan' and 'October' without being one incident.
"""

import calendar
import math
import re
from functools import lru_cache

from wordfreq import zipf_frequency

from services.extract import places
from services.text.story import main_text

COMMON_ZIPF = 6.0
NAMES_KEPT = 12
CAPITALISED = re.compile(r"\b[A-Z][\w'’\-]*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Capitalised words that name no incident: countries, demonyms, continents, months, days."""
    calendar_words = {w.lower() for w in [*calendar.month_name, *calendar.day_name] if w}
    return frozenset({*places.countries(), *places.demonyms(), *places.continents(), *calendar_words})


def distinctive_names(title: str | None, text: str) -> dict[str, float]:
    """The NAMES_KEPT heaviest names of an article, lower-cased: rarity times (1 + ln of how
    often the article uses them). 'balasore', 'coromandel' for one train crash; 'tempi',
    'larissa' for another."""
    counts: dict[str, int] = {}
    for line in [title or "", *main_text(text).splitlines()]:
        for sentence in SENTENCE_END.split(line):
            for match in CAPITALISED.finditer(sentence):
                name = places.fold(match.group())
                if match.start() > 0 and name and name not in not_names():
                    counts[name] = counts.get(name, 0) + 1
    weights = {name: (COMMON_ZIPF - zipf_frequency(name, "en")) * (1 + math.log(n))
               for name, n in counts.items()}
    kept = sorted(((w, name) for name, w in weights.items() if w > 0), reverse=True)[:NAMES_KEPT]
    return {name: round(w, 2) for w, name in kept}
