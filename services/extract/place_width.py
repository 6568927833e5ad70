"""How wide a figure's place is, from the words of its clause: the whole world or several
countries ('canceled worldwide', 'across four countries'), the article's whole country or
state ('nationwide', 'in the state', 'across the affected states'). No I/O."""

from spacy.tokens import Token

from services.extract.places import FIRST_LEVEL, Place, continents, countries, fold

# Prepositions that put a count somewhere ('died in Paiporta', 'cases across Texas').
LOCATIVE = frozenset("in at across throughout inside within near around on".split())

# Words that put a count everywhere: 'canceled worldwide', 'global deaths', 'around the world'.
WORLDWIDE = frozenset(["worldwide", "globally", "global"])
WORLD = frozenset(["world", "globe"])


def no_one_country(path: list[Token]) -> bool:
    """The clause counts the whole world, or several countries ('died in the floods across
    four countries'): no one country is the figure's place."""
    for word in path:
        for child in word.children:
            if child.lower_ in WORLDWIDE and child.dep_ in ("advmod", "amod", "npadvmod"):
                return True
            objects = [o for o in child.children if o.dep_ == "pobj"]
            if child.dep_ == "prep" and child.lower_ in LOCATIVE and any(
                    o.lemma_.lower() in WORLD or several_countries(o) for o in objects):
                return True
    return False


def several_countries(noun: Token) -> bool:
    """'four countries', 'several nations', a continent or a part of one ('across southern
    Africa', 'in Europe'), or an incident across them ('the floods across four countries'):
    more than one country."""
    if noun.tag_ == "NNS" and noun.lemma_.lower() in ("country", "nation"):
        return True
    if noun.ent_type_ == "LOC" and continental(noun):
        return True
    return any(several_countries(o) for p in noun.children if p.dep_ == "prep" and p.lower_ in LOCATIVE
               for o in p.children if o.dep_ == "pobj")


WIDE = {"statewide": "region", "provincewide": "region", "nationwide": "country", "national": "country"}


def level_word(holder: Token, country: str | None, region: Place | None) -> Place | None:
    """'statewide', 'in the state', 'nationwide': the article's own state or country."""
    for child in holder.children:
        level = WIDE.get(child.lower_)
        if child.dep_ == "prep" and child.lower_ in LOCATIVE:
            objects = [o for o in child.children if o.dep_ == "pobj" and o.ent_type_ == ""]
            regions = [o for o in objects if o.lemma_.lower() in FIRST_LEVEL]
            # 'across the six states', 'in several provinces': a count over regions is the country's
            level = "country" if any(o.tag_ == "NNS" and own_regions(o) for o in regions) else (
                "region" if regions else level)
        if level == "region" and region is not None:
            return region
        if level == "country" and country:
            return Place(country)
    return None


NAMED = frozenset(["GPE", "NORP", "ORG", "LOC"])


def own_regions(noun: Token) -> bool:
    """'the six states Helene struck' are the country's own; 'the member states of the EU', 'the
    Baltic states' are named as another whole's."""
    named = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.ent_type_ in NAMED]
    return not named and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


# Words that take a part of a continent ('southern Africa', 'East Asia', 'sub-Saharan Africa').
DIRECTIONS = frozenset("north south east west northern southern eastern western central sub-saharan".split())


def continental(noun: Token) -> bool:
    """The whole name ends on the noun: 'South America' and 'southern Africa' are continents or
    parts of one, 'South Africa' a country."""
    words = [t for t in noun.doc[noun.left_edge.i : noun.i + 1] if t.pos_ not in ("DET", "CCONJ", "PUNCT")]
    if fold(" ".join(t.text for t in words)) in countries():
        return False
    def written(tokens: list[Token]) -> str:
        return fold(" ".join(t.text for t in tokens))

    while words and words[0].lower_ in DIRECTIONS and written(words) not in continents():
        words = words[1:]
    return written(words) in continents()
