"""Where a figure is: the place its clause gives it, read from the parse. No I/O.

The nearest place wins: a locative phrase right after the figure ('22 in Suzu'), on the
figure or its noun, on a clause describing the counted people, on a governor, on the subject
of a verb that gives the subject's value; 'statewide' and 'in the state' are the state the
article names most.
"""

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from services.extract.entities import canonical, entity_of, written_name
from services.extract.incidents import incident_at
from services.extract.place_width import LOCATIVE, level_word
from services.extract.places import (
    FIRST_LEVEL,
    LEVELS,
    Place,
    countries,
    demonyms,
    fold,
    geonames,
    population,
    resolve,
)
from services.extract.speakers import SPEECH_VERBS
from services.extract.subjects import OBJECT_LEVELS
from services.extract.words import GOVERNMENTS, vocabulary
from services.text.furniture import dateline_end

PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])
# Verbs whose subject is the thing the figure measures ('the toll rose to 211').
VALUE_VERBS = frozenset(
    "be rise reach stand climb increase grow jump fall drop hit top exceed surpass total number "
    "remain soar double".split()
)
# Modifiers that name a place ('Valencia's death toll', 'the Texas outbreak').
PLACE_MODIFIERS = frozenset(["poss", "compound", "nmod", "amod"])


def resolve_entity(ent: Span, hint: str | None) -> Place | None:
    """A place entity by its gazetteer name ('US' → 'United States'), else as written."""
    return resolve(canonical(ent), hint) or resolve(ent.text, hint)


def place_of_entity(token: Token, hint: str | None) -> Place | None:
    """A place entity, or a proper name the model left untagged (or took for an organisation)
    that a place library knows: 'in Paiporta', 'in St. Lucie County'. A dateline's names say
    where the story was filed from, not where its figures are."""
    if in_dateline(token):
        return None
    return library_place(token, hint) or described_place(token, hint)


def library_place(token: Token, hint: str | None) -> Place | None:
    if token.ent_type_ in PLACE_LABELS:
        ent = entity_of(token)
        return resolve_entity(ent, hint)
    if token.lower_ in LEVELS:  # 'in Valencia province', 'in the town of Anamizu'
        # the parser reads an unfamiliar name as an adjective now and then ('Taroudant province')
        named = [c for c in token.children if c.i < token.i and (
            (c.dep_ == "compound" and c.pos_ == "PROPN") or (c.dep_ == "amod" and c.is_title))]
        if named:  # 'the Libyan city of Derna': a nationality names no city, the object does
            written = token.doc[named[0].i : token.i + 1]
            if found := resolve(written.text, hint) or home_level(written[:-1].text, token.lower_, hint):
                return found
        of = [o for c in token.children if c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
        if of and of[0].pos_ == "PROPN":
            return resolve(f"{token.lower_} of {name_span(of[0]).text}", hint)
        return None
    if token.pos_ != "PROPN" or token.ent_type_ not in ("", "ORG", "PERSON"):
        return None
    if token.ent_type_ == "ORG":
        return organisation_place(token, hint)
    span = name_span(token)
    # the model takes unfamiliar place names for people ('Cao Bang'); a one-word name that a
    # place shares with people ('Jordan', 'Austin') stays a person
    if token.ent_type_ == "PERSON" and len(span) < 2:
        # but 'killed 99 people in Chad': a country's own name put somewhere is the country
        located = token.dep_ == "pobj" and token.head.lower_ in LOCATIVE
        code = countries().get(fold(token.text)) if located else None
        return Place(code) if code else None
    # 'Neighbouring Cao Bang': the longest run of words ending on the name that a library knows
    shortest = span.end - (2 if token.ent_type_ == "PERSON" else 1)
    runs = (token.doc[i : span.end].text for i in range(span.start, shortest + 1))
    place = next((place for run in runs if (place := resolve(run, hint))), None)
    # a name the model did not take for a place is one only at home: 'Delta Air Lines' of an
    # American article is no state of Nigeria, nor 'the Falcon sensor' a state of Venezuela
    return place if place is None or hint is None or place.country == hint else None


# Nouns an appositive uses to say a name is a place below the country: 'Kpashafu, a village'.
SETTLEMENTS = frozenset([*LEVELS, "parish", "hamlet", "community", "suburb", "neighbourhood", "neighborhood",
                         "commune", "township", "settlement"])


def described_place(token: Token, hint: str | None) -> Place | None:
    """'in Ntakata, a remote town in the west': a name no library knows that the text itself
    calls a village, a town or a district is a place of the article's country, narrower than it
    (a part is never its whole)."""
    if hint is None or token.pos_ != "PROPN" or token.ent_type_ not in (*PLACE_LABELS, "ORG", "PERSON", ""):
        return None
    level = next((c.lemma_.lower() for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                  and c.lemma_.lower() in SETTLEMENTS), None)
    if level is None:
        return None
    kind = "county" if level in ("county", "parish") else "region" if level in FIRST_LEVEL else "city"
    return Place(hint, fold(name_span(token).text), kind)


# A town the model took for an organisation is one only when it is a large one: 'Camp Mystic',
# 'the Black Hawk' and 'Silicon Valley Bank' name a camp, a helicopter and a bank, whatever
# small town shares a word of them.
LARGE_TOWN = 100_000


def organisation_place(token: Token, hint: str | None) -> Place | None:
    """A name the model took for an organisation ('Gaines County has reported 144 cases') is a
    place only as a whole, at home, and as a region, a county, a large city or the object of a
    locative word ('one in Hakui')."""
    ent = entity_of(token)
    place = resolve(written_name(ent), hint)
    if place is None or hint is None or place.country != hint:
        return None
    located = ent.root.dep_ == "pobj" and ent.root.head.lower_ in LOCATIVE
    return place if located or place.kind != "city" or population(place) >= LARGE_TOWN else None


def in_dateline(token: Token) -> bool:
    """'VIÑA DEL MAR, Chile (AP) — The death toll from wildfires that ravaged central Chile ...'"""
    text = doc_text(token.doc)
    line = text.rfind("\n", 0, token.idx) + 1
    return token.idx < line + dateline_end(text[line : line + 120])


def doc_text(doc: Doc) -> str:
    """The Doc's text, joined once (spaCy joins every token's text at each `doc.text`)."""
    if (text := doc.user_data.get(TEXT)) is None:
        text = doc.user_data[TEXT] = doc.text
    return text


TEXT = "claimstream.text"


def home_level(name: str, level: str, hint: str | None) -> Place | None:
    """'Taroudant province' where the libraries know Taroudant only as a town (the province is
    spelled 'Taroudannt'): a place of the article's country named with a level word is the
    place of that level."""
    found = resolve(name, hint)
    if found is None or hint is None or found.country != hint:
        return None
    kind = "county" if level == "county" else "region" if level in FIRST_LEVEL else "city"
    return Place(hint, fold(f"{name} {level}"), kind)


def name_span(token: Token) -> Span:
    """A proper name with its compound words: 'Lao Cai', 'St. Lucie County'."""
    words = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
    return token.doc[words[0].i if words else token.i : token.i + 1]


def stated_place(path: list[Token], country: str | None, region: Place | None) -> Place | None:
    """The nearest place the clause gives the figure: a locative phrase or a place modifier on
    the figure, its noun (or a clause describing it: 'nationals fighting in Donetsk') or a
    governor; and on the subject of a verb that gives the subject's value ('the toll in
    Valencia rose to 211'), never on an agent ('offices in Moscow processed 51 citizens')."""
    hint = country
    if place := place_after(path[0], hint):
        return place
    if (place := listed_place(path[0], hint)) is not None:
        return place
    for word in path:
        if word.dep_ == "relcl" and (place := place_of_entity(word.head, hint)):
            return place  # 'Buncombe County, where officials have confirmed 72 deaths'
        for subject in (c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")):
            # 'Gaines County has reported 144 cases'; a capital or a country as subject is
            # usually its government ('Moscow has used 12,000 troops'), not where they are
            if (place := place_of_entity(subject, hint)) and (
                    place.kind in ("region", "county") or (place.kind == "city" and not capital(place))):
                return place
        subjects = [c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")]
        clause = [*word.children, *(t for c in subjects for t in c.subtree)]
        there = next((c for c in clause if c.dep_ == "advmod" and c.lower_ == "there"), None)
        if there is not None and (place := place_before(there, hint)):
            return place  # 'Landslides there killed 17 people': the place just named
        holders = [word, *(c for c in word.children if c.dep_ == "acl")]
        if word.lemma_.lower() in VALUE_VERBS:
            holders += [c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")]
        for holder in holders:
            if place := place_on(holder, hint) or level_word(holder, country, region):
                return place
    speech = path[-1] if path[-1].lemma_.lower() in SPEECH_VERBS else path[-1].head
    return fronted_place(speech, hint) or speaker_place(speech, hint)


def listed_place(word: Token, hint: str | None) -> Place | None:
    """'worst hit was Nairobi with 45 deaths, followed by Mombasa with 12': a list item's
    number is in the place named right before its 'with'."""
    word = word.head if word.dep_ == "nummod" else word
    if word.dep_ != "pobj" or word.head.lower_ != "with" or word.head.i == 0:
        return None
    items = [t for t in word.sent if t.lower_ == "with" and any(c.dep_ == "pobj" for c in t.children)]
    if len(items) < 2:
        return None  # a list has items: 'left Tripoli with 400 migrants' is no list
    return place_of_entity(word.doc[word.head.i - 1], hint)


# Who speaks for a place they are put in: 'provincial officials in Kunar', 'police in Sindh'.
OFFICIALS = GOVERNMENTS | vocabulary("official authority police")


def speaker_place(speech: Token, hint: str | None) -> Place | None:
    """'Provincial officials in Kunar estimated 250 deaths': officials put in a province, a
    county or a town speak of the count there; officials in the capital or in a whole
    country speak for the country, and say nothing narrower."""
    if speech.lemma_.lower() not in SPEECH_VERBS | OBJECT_LEVELS:
        return None
    # 'officials', 'authorities', 'police': a named body's seat ('the Red Crescent in
    # Benghazi') says where it sits, not what it counts
    for speaker in (c for c in speech.children if c.dep_ == "nsubj" and c.lemma_.lower() in OFFICIALS):
        for prep in (c for c in speaker.children if c.dep_ == "prep" and c.lower_ in LOCATIVE):
            place = locative_object(prep, hint)
            if place is not None and place.kind in ("region", "county") and not capital(place):
                return place  # not 'researchers in Boston', nor 'health officials in Geneva'
    return None


def officials_country(path: list[Token], hint: str | None) -> Place | None:
    """'Peruvian authorities said 19 had died', 'Thai officials put the toll at 22', 'Chile's
    government said 190 had been killed': officials of a people or a country speak for it,
    wherever the article was filed; only where the clause names no place of its own ('Kenyan
    police said 40 were arrested in Uganda' is Uganda's count)."""
    speech = path[-1] if path[-1].lemma_.lower() in SPEECH_VERBS else path[-1].head
    if speech.lemma_.lower() not in SPEECH_VERBS | OBJECT_LEVELS:
        return None
    for speaker in (c for c in speech.children if c.dep_ == "nsubj" and c.lemma_.lower() in OFFICIALS):
        # 'Chilean officials', 'Chile's government'; not a word of a longer name ('Thai Binh
        # officials' are a Vietnamese province's)
        for word in (c for c in speaker.children if c.dep_ in ("amod", "compound", "poss")
                     and c.right_edge.i + 1 == speaker.i and c.left_edge.i == c.i):
            if code := people_country(word):
                return Place(code)
            place = resolve(word.text, hint) if word.dep_ == "poss" else None
            if place is not None and place.kind == "country":
                return place  # 'Congo's health ministry' in an article on the DRC is the DRC's
            # 'Jamaica's government' in an article on the US is not a town in New York's
            # ('Georgia's government' there is the state's, and no country's)
            town = place is None or place.kind == "city"
            if word.dep_ == "poss" and town and (code := countries().get(fold(word.text))):
                return Place(code)
    return None


def people_country(word: Token) -> str | None:
    """The country a people's name stands for ('South Korean', 'Peruvian'); the model does not
    always tag it, so a capitalised demonym is one."""
    named = word.ent_type_ == "NORP" or word.text[:1].isupper()
    return demonyms().get(fold(word.text)) if named else None


def fronted_place(speech: Token, hint: str | None) -> Place | None:
    """'In Bangkok, city officials said 10 people had been killed': a place put before the
    speaker frames everything the speaker says."""
    if speech.lemma_.lower() not in SPEECH_VERBS:
        return None
    # 'In Chile, the ministry said 12 people had been confirmed dead': up the speech verbs that
    # report one another, to the one the place is put before
    verbs = [speech]
    while verbs[-1].dep_ in ("ccomp", "xcomp") and verbs[-1].head.lemma_.lower() in SPEECH_VERBS:
        verbs.append(verbs[-1].head)
    for prep in (c for v in verbs for c in v.children if c.dep_ == "prep" and c.lower_ in LOCATIVE):
        if prep.i == speech.sent.start and (place := locative_object(prep, hint)):
            return place
    return None


def capital(place: Place) -> bool:
    """A national capital as a subject is usually its government ('Moscow has used ...')."""
    named = geonames().get_countries().get(place.country, {}).get("capital", "")
    return fold(named) == place.within


def place_before(token: Token, hint: str | None) -> Place | None:
    """The narrower place named last before `token` in its sentence or the one before it."""
    doc = token.doc
    start = doc[token.sent.start - 1].sent.start if token.sent.start > 0 else token.sent.start
    return last_named(doc[start : token.i], hint, lambda place: place.kind != "country")


def last_named(words: Span, hint: str | None, fits: Callable[[Place], bool]) -> Place | None:
    """The place named last among `words` that `fits`."""
    names = (w for w in reversed(words) if w.pos_ == "PROPN" or w.lower_ in LEVELS)
    return next((place for word in names if (place := place_of_entity(word, hint)) and fits(place)), None)


def place_after(anchor: Token, hint: str | None) -> Place | None:
    """'... 22 in Suzu, two in Anamizu': a locative phrase right after the figure, however the
    parser attached the elided clause."""
    doc = anchor.doc
    at = anchor.i + 1
    if at + 1 >= len(doc) or doc[at].lower_ not in LOCATIVE:
        return None
    target = doc[at + 2] if doc[at + 1].lower_ == "the" and at + 2 < len(doc) else doc[at + 1]
    found = place_of_entity(target.head if target.head.lower_ in LEVELS else target, hint) or (
        place_of_entity(target, hint))
    if found is not None or not hint or target.pos_ != "PROPN" or target.ent_type_ not in ("GPE", "LOC", ""):
        return found  # a building ('seats in the Lok Sabha', a FAC) is no town
    head = target.head
    if incident_at(head) is not None:
        return None  # '12 in the Palisades Fire' names the fire, not a town
    if target.dep_ == "compound" and head.pos_ == "PROPN":
        if head.ent_type_ not in ("GPE", "LOC", ""):
            return None  # a longer name of something else ('Camp Mystic')
        # 'in Viña del Mar'; a town of several words too small for the gazetteer ('9 in Lake
        # Lure') is one place by its whole name
        name = name_span(head).text
        return resolve(name, hint) or Place(hint, fold(name))
    # a town too small for the gazetteer ('22 in Suzu') is still a place of its own
    return Place(hint, fold(target.text))


def place_on(holder: Token, hint: str | None, modifiers: bool = True) -> Place | None:
    """A locative phrase or place modifier on a word, else a locative phrase on the noun of a
    phrase attached to it ('the toll from Hurricane Helene in North Carolina', 'customers
    without power in Florida'); a deeper modifier is not the count's place ('fighting in the
    ranks of the Russian army')."""
    for child in holder.children:
        if child.dep_ == "prep" and child.lower_ in LOCATIVE and (place := locative_object(child, hint)):
            return place
        if modifiers and child.dep_ in PLACE_MODIFIERS and (place := place_of_entity(child, hint)):
            return place
    if holder.pos_ not in ("NOUN", "PROPN"):
        return None  # 'fighting for Russia in Ukraine' says for whom, not where the count is
    for child in (c for c in holder.children if c.dep_ == "prep"):
        attached = [*child.children, *(o for c in child.children if c.dep_ == "pobj" for o in c.children)]
        for prep in (c for c in attached if c.dep_ == "prep" and c.lower_ in LOCATIVE):
            if place := locative_object(prep, hint):
                return place
    return None


def locative_object(prep: Token, hint: str | None) -> Place | None:
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        if place := place_of_entity(obj, hint) or named_before(obj, hint):
            return countries_together(obj, place, hint)
    return None


def countries_together(obj: Token, place: Place, hint: str | None) -> Place:
    """'killed in Turkey and Syria': a count over several countries is in all of them together
    ('SY+TR'), and one over several places of one country ('in Texas and Oklahoma') is in that
    country; neither is the first place named."""
    joined = [place_of_entity(c, hint) for c in obj.conjuncts]
    if not joined or any(p is None for p in joined):
        return place
    codes = {place.country, *(p.country for p in joined)}
    if len(codes) == 1:
        return place if all(p == place for p in joined) else Place(place.country)
    if place.kind != "country" or any(p.kind != "country" for p in joined):
        return place
    return Place("+".join(sorted(codes)))


# 'in the county', 'in the district': the place of that kind the article named last before it
ANAPHORIC_LEVELS = {
    "county": lambda place: place.kind == "county",
    "district": lambda place: (place.within or "").endswith("district"),
}


def named_before(noun: Token, hint: str | None) -> Place | None:
    """'24 cases had been identified in the county': the county named last before it."""
    fits = ANAPHORIC_LEVELS.get(noun.lower_)
    if fits is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    return last_named(noun.doc[: noun.i], hint, fits)
