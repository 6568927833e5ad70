"""The claim frame of a figure, read from the parse: what it measures, where, and which
incident it belongs to. The article's place and incident are read once per article and
inherited by the figures whose sentence names none.
"""

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from schemas.figures import Measure
from services.claims.identity import counted_head, singular
from services.extract.currencies import names as currency_names
from services.extract.entities import canonical
from services.extract.events import excepted, has_own_subject, lemmas, partitive
from services.extract.holders import figure_holder
from services.extract.incidents import (
    Incident,
    article_incident,
    incident_at,
    named_by_harm,
    sentence_incident,
)
from services.extract.locating import (
    PLACE_LABELS,
    VALUE_VERBS,
    officials_country,
    place_of_entity,
    place_on,
    resolve_entity,
    stated_place,
)
from services.extract.measures import (
    BODIES,
    CHANGE_NOUNS,
    MONEY_NOUNS,
    MONEY_VERBS,
    NOUN_MEASURE,
    measure_of,
    vote_share,
)
from services.extract.place_width import no_one_country
from services.extract.places import Place, candidates, demonyms, fold, resolve
from services.extract.speakers import SPEECH_VERBS
from services.extract.words import VALUE_NOUNS

# One step further from the clause: 'without power', 'evacuation orders covered ...'.
REACH = frozenset([("prep", "pobj"), ("nsubj", "compound"), ("acl", "acomp"), ("acl", "oprd")])
PHRASE_WORDS = 16  # words of a subject or object phrase read for what a sum is of
PLACE_WEIGHT = {"country": 3, "region": 2}  # a city's vote is 1
LEAD_CHARS = 400  # the dateline and first lines after the headline, whose places count double


@dataclass(frozen=True)
class ArticleFrame:
    country: str | None
    incident: Incident | None
    names: dict[str, Incident]
    region: Place | None = None  # the state or province the article names most


@dataclass(frozen=True)
class FigureFrame:
    measure: Measure
    place: Place | None
    place_stated: bool
    incident: Incident | None
    rate: str | None = None
    holder: str | None = None


def read_article_frame(doc: Doc, headline_end: int, filed_from: list[str] | None = None) -> ArticleFrame:
    """The country the article is about: every place mention votes for its country, a country
    named outright three times a city, a state or province twice, the headline and the first
    lines double. The dateline (`filed_from`, widest last: ['SANTO DOMINGO', 'Dominican
    Republic']) votes as a mention in the first lines: bureaus file on countries nearby
    ('SYDNEY' on Papua New Guinea, 'BANGKOK' on Myanmar), so it is no more than that. The
    place an incident word is put in ('the landslide in Enga') votes as two such mentions, a
    nationality ('South Korean') as a city."""
    votes: Counter[str] = Counter()
    regions: Counter[Place] = Counter()

    def vote(place: Place, lead: bool, times: float = 1) -> None:
        votes[place.country] += PLACE_WEIGHT.get(place.kind, 1) * (2 if lead else 1) * times
        regions[place] += place.kind == "region"

    if filed := dateline_place(filed_from or []):  # a mention in the first lines like any other
        vote(filed, lead=True)
    lead_end = headline_end + LEAD_CHARS
    places = [e for e in doc.ents if e.label_ in PLACE_LABELS and not names_a_currency(e)]
    # a name several countries share votes for each of them, so the article's other places decide
    options = {ent: candidates(canonical(ent)) | candidates(ent.text) for ent in places}
    listed = list_sizes(options)
    plausible = Counter(c for found in options.values() for c in found)
    for ent in places:
        ranked = sorted(options[ent], key=lambda c: (-plausible[c], c))
        # a tie is no evidence: the name's own most likely place stands
        tied = len(ranked) > 1 and plausible[ranked[0]] == plausible[ranked[1]]
        hint = None if not ranked or tied else ranked[0]
        if place := resolve_entity(ent, hint):
            # 'victims from 14 countries, including Iran, China, Russia and Japan': a list of
            # places shares one mention's vote; none of them is where the story is
            vote(place, lead=ent.start_char < lead_end, times=1 / listed[ent] if listed[ent] >= LIST else 1)
    named = [(token, found) for token in doc if (found := incident_at(token)) is not None]
    # where it happened outweighs who helped from where: as two mentions in the first lines
    for place in incident_places([token for token, _ in named]):
        vote(place, lead=True, times=INCIDENT_PLACE_VOTES)
    for ent in doc.ents:  # 'South Korean officials', 'Congolese health ministry': a city's vote
        if ent.label_ == "NORP" and (code := demonyms().get(fold(ent.text))):
            vote(Place(code), lead=ent.start_char < lead_end)
    country = votes.most_common(1)[0][0] if votes else None
    region = next((p for p, n in regions.most_common() if n and p.country == country), None)
    found = [incident for _, incident in named]
    names = {i.name: i for i in found if i.name}
    incident = article_incident(doc, headline_end, found)
    if named := named_by_harm(doc, incident, lambda name: country in candidates(name)):
        incident, names = named, {**names, named.name: named}
    return ArticleFrame(country, incident, names, region)


INCIDENT_PLACE_VOTES = 2
INCIDENT_PREPOSITIONS = frozenset("in at near off across".split())
LIST = 3  # places named together in a list of this many or more share one vote


def names_a_currency(ent: Span) -> bool:
    """'292 to the US dollar', 'the Australian dollar': a country's name in its currency's."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return after is not None and after.pos_ == "NOUN" and after.lower_ in currency_names()


def list_sizes(options: dict[Span, set[str]]) -> dict[Span, int]:
    """How many countries the list a place is named in holds ('Iran, China, Russia and Japan':
    four; 'Texas, Oklahoma and Kansas': one), by the coordination that joins their heads;
    `options`: the countries each place's name may be in."""
    def top(token: Token) -> Token:
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        return token

    heads = {ent: top(ent.root) for ent in options}
    countries: dict[Token, set[str]] = {}
    for ent, head in heads.items():
        found = options[ent]
        countries.setdefault(head, set()).add(min(found) if len(found) == 1 else ent.text)
    return {ent: len(countries[head]) for ent, head in heads.items()}


def incident_places(incident_words: list[Token]) -> list[Place]:
    """The places incident words are put in: 'the landslide in Papua New Guinea', 'a fire at
    the Kostenko mine'."""
    found = []
    for token in incident_words:
        for prep in (c for c in token.children if c.lower_ in INCIDENT_PREPOSITIONS):
            for place in (o for o in prep.children if o.dep_ == "pobj"):
                if place.ent_type_ in PLACE_LABELS and (resolved := place_of_entity(place, None)):
                    found.append(resolved)
    return found


# What is done with the dead once they are counted: a count of it is another fact than the toll.
# News also writes these as adjectives ('187 bodies still unidentified'): `done_with_dead`.
HANDLED_DEAD = frozenset(["identify", "repatriate", "claim"])


def done_with_dead(word: Token) -> bool:
    """The word is one of HANDLED_DEAD, as a verb or as its participle used as an adjective,
    negated or not ('identified', 'unclaimed'): the tagger gives an adjective its own form as
    its lemma, so the verb is read back from the '-ed' form ('identified' → 'identify')."""
    if word.lemma_.lower() in HANDLED_DEAD:
        return True
    form = word.lower_.removeprefix("un")
    verbs = {form[:-2], form[:-1], form[:-3] + "y"} if form.endswith("ed") else set()
    return bool(verbs & HANDLED_DEAD)


def handled_dead(token: Token) -> bool:
    """The figure's own verb, the first one above it, says what was done with the dead; not
    to a whole the part is taken from ('Of the 275 bodies, 88 have been identified')."""
    above = list(token.ancestors)
    verb = next((a for a in above if a.pos_ in ("VERB", "AUX")), None)
    between = above[: above.index(verb)] if verb is not None else above
    if any(a.dep_ == "prep" and a.lower_ == "of" for a in between):
        return False
    # 'bodies still unidentified', 'the unidentified bodies'
    words = [*between, *(c for c in token.head.children if c.dep_ in ("amod", "acl"))]
    if verb is not None:
        # 'Nineteen of the dead are yet to be identified': the verb's complement says it
        words += [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "acomp"))]
    return any(done_with_dead(w) for w in words)


def incident_place(clause: list[Token], hint: str | None) -> Place | None:
    """'116 people were killed in a stampede at a gathering in Hathras district': the place the
    clause puts the figure's incident in is the figure's place (the incident's name is not:
    the Eaton Fire is no town of Eaton)."""
    for token in clause:
        if incident_at(token) is not None and (place := place_on(token, hint, modifiers=False)):
            return place
    return None


def incident_clause_place(near: list[Token], hint: str | None) -> Place | None:
    """'2,000 people drowned after a storm unleashed floods in the city of Derna': a clause on
    the figure's verb that tells of its incident puts the incident, and the count, where it
    says."""
    for clause in (c for c in near if c.dep_ == "advcl"):
        told = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        if not any(incident_at(t) is not None for t in told):
            continue
        if place := place_on(clause, hint, modifiers=False):
            return place
    return None


def dateline_place(names: list[str]) -> Place | None:
    """The narrowest place of a dateline the place library knows, read in the widest one's
    country ('ASHEVILLE, N.C.' is Asheville in the US; 'WABAG, Enga' the province of Enga)."""
    wide = None
    for name in reversed(names):
        if found := resolve(name, wide.country if wide else None):
            wide = found if wide is None or found.country == wide.country else wide
    return wide


def noun_lemma(noun: Token | None) -> str | None:
    """The counted noun, or the compound that names the measure ('9,000 job cuts' are jobs)."""
    if noun is None:
        return None
    lemma = noun.lemma_.lower()
    compounds = [c.lemma_.lower() for c in noun.children if c.dep_ == "compound"]
    named = [c for c in compounds if c in NOUN_MEASURE]
    return named[0] if lemma not in NOUN_MEASURE and named else lemma


# Verbs of putting a count on record: a count recorded somewhere is a count of that place.
RECORDING = frozenset("report record register log".split())


def clause_path(token: Token, figure: Token | None = None) -> list[Token]:
    """The figure and its governors up to the clause a speech verb introduces, or up to the
    part a whole is split into ('Of the 72 deaths, 39 were in Wajima': 72 is not in Wajima)."""
    path = [token]
    for ancestor in token.ancestors:
        if ancestor.lemma_.lower() in SPEECH_VERBS:
            if path[-1].head == ancestor and (path[-1].dep_ == "dobj" or path[-1].dep_ == "nsubjpass"
                                              and ancestor.lemma_.lower() in RECORDING):
                # 'reported 24 cases in the county', '24 cases were recorded in the county': the
                # report is the count
                path.append(ancestor)
            break
        if ancestor != figure and partitive(path[-1], ancestor):
            break
        path.append(ancestor)
    return path


POSTMODIFIER_TAGS = frozenset(["VBN", "VBD", "JJ", "RB"])  # the parser takes some participles for verbs


def postmodifiers(noun: Token) -> list[str]:
    """Lemmas of the participles and adjectives right after a noun, whatever the parser hung
    them on: 'people confirmed dead', 'people reported missing', 'patients still hospitalised'."""
    lemmas = []
    for word in noun.doc[noun.i + 1 : noun.i + 4]:
        if word.tag_ not in POSTMODIFIER_TAGS or word.dep_ in ("aux", "auxpass"):
            break  # 'residents were evacuated': the noun's own verb, not a participle after it
        lemmas.append(word.lemma_.lower())
    return lemmas


def own_clause(path: list[Token]) -> list[Token]:
    """The path up to a clause with its own subject joined to another ('one person drowned
    ... and seven were missing, up from four'): the clause it is joined to is another
    statement, and lends the figure no measure."""
    joined = next((n for n, t in enumerate(path) if t.dep_ == "conj" and has_own_subject(t)), None)
    return path if joined is None else path[: joined + 1]


def value_subjects(path: list[Token], shared: bool = False) -> list[Token]:
    """The subjects of the verb that gives the figure's value ('The toll rose to 40'); `shared`:
    a verb joined to another without a subject of its own takes that one's ('Compensation paid
    to victims has reached £499m', parsed as joined to 'paid')."""
    verb = next((t for t in path if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.lemma_.lower() not in VALUE_VERBS:
        return []
    if shared and verb.dep_ == "conj" and not has_own_subject(verb):
        verb = verb.head
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def subject_words(path: list[Token]) -> list[str]:
    """'The number of people listed as missing has fallen to three': the subject of the verb
    that gives the figure's value ('rise', 'fall', 'stand') says what is counted, however far
    down its phrase the word for it is."""
    subjects = value_subjects(path)
    # 'missing' as written: its lemma 'miss' says nothing of people
    words = [w for s in subjects for w in s.subtree][:PHRASE_WORDS]
    return [form for w in words for form in (w.lemma_.lower(), w.lower_)]


def treated_in_care(path: list[Token], unit: str) -> bool:
    """'36 were being treated at a medical college': people under treatment are in hospital;
    not 'paramedics treated 40 people at the scene', nor 'the plant treated 40 million litres'."""
    verbs = [t for t in path if t.lemma_.lower() == "treat"]
    return unit == "people" and any(c.dep_ == "auxpass" for v in verbs for c in v.children)


def owners_of(noun: Token | None, token: Token) -> set[Token]:
    """'400 contacts of those cases', '120 families of the dead': whose the counted things are
    says nothing of what they are; a count's own noun that is no word for a value ('a toll of
    40 deaths', 'the number of cases') or the figure itself ('40 of the cases') is read through."""
    if noun is None or noun.i == token.i or noun.lemma_.lower() in VALUE_NOUNS:
        return set()
    return {t for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree}


def got_well(path: list[Token]) -> bool:
    """'44 had recovered': people who recovered themselves, the figure the verb's subject; not
    'rescuers recovered 78 bodies', 'the bodies of two workers were recovered', nor the 40 of
    '2,000 have recovered, while 40 remain in hospital'."""
    verbs = [t for t in path if t.lemma_.lower() == "recover" and t.pos_ == "VERB"]
    return any(not any(c.dep_ in ("auxpass", "dobj") for c in v.children)
               and any(c.dep_ == "nsubj" and path[0] in c.subtree for c in v.children) for v in verbs)


def money_kind(path: list[Token]) -> Measure | None:
    """What the nouns and verbs on a sum's path call it ('a $787.5 million settlement', 'will
    receive Rs 10,000'), or the subject its value is given for ('compensation paid ... has
    reached £499m'); not what a verb off its path says ('Amazon offers a subscription for $139'
    is a price: 'offer' counts as a noun only)."""
    named = [w for t in path for w in (t, *(c for c in t.children if c.dep_ == "compound"))]
    for word in [*named, *value_subjects(path, shared=True)]:
        lemma = word.lemma_.lower()
        if word.pos_ == "NOUN" and lemma in MONEY_NOUNS:
            return MONEY_NOUNS[lemma]
        if word.pos_ == "VERB" and lemma in MONEY_VERBS:
            return MONEY_VERBS[lemma]
    return None


def changed_by(path: list[Token]) -> bool:
    """'revenue rose by $2 billion', 'a pay rise of 420 euros': the sum is the size of a change,
    not a level."""
    verb = next((n for n, t in enumerate(path) if t.pos_ in ("VERB", "AUX")), len(path))
    return any(t.dep_ == "prep" and t.lower_ == "by" or t.pos_ == "NOUN" and t.lemma_.lower() in CHANGE_NOUNS
               for t in path[:verb])


# Verbs that give a value to their object at a figure: 'put its estimate of damage at $48 billion'.
VALUING = frozenset("put estimate peg place value set tally".split())


def valued_objects(path: list[Token]) -> list[Token]:
    """'The forecaster put its estimate of damage at $48 billion': a sum at which a verb of valuing
    puts its object is the value of that object, though the verb (one of saying) ends the
    figure's clause."""
    top = path[-1]
    verb = top.head if top.dep_ == "prep" and top.lower_ == "at" else None
    if verb is None or verb.lemma_.lower() not in VALUING:
        return []
    return [c for c in verb.children if c.dep_ == "dobj"]


def counted_share(token: Token, path: list[Token]) -> bool:
    """'with 85% of ballots counted': the share is what has been counted, not what was won,
    whether the parser made 'counted' the verb of the share or a participle on the ballots."""
    if any(t.lemma_.lower() == "count" and any(c.dep_ in ("nsubj", "nsubjpass") and c in path
                                               for c in t.children) for t in token.ancestors):
        return True
    shares = [token, *(t for t in path[:2] if t.lower_ in ("%", "percent", "per"))]
    objects = [o for t in shares for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
               for o in c.children if o.dep_ == "pobj"]
    return any(c.dep_ == "acl" and c.lemma_.lower() == "count" for o in objects for c in o.children)


def read_frame(
    article: ArticleFrame, token: Token, noun: Token | None, sent: Span, event: str, unit: str,
    counted: str = "",
) -> FigureFrame:
    path = clause_path(noun if noun is not None else token, token)
    if noun is not None and token not in path:
        path.insert(0, token)
    # a conjoined clause is another statement: '41 died ... and 3,000 were admitted'
    clause = own_clause(path)
    near = [c for t in clause for c in t.children if c.dep_ != "conj"]
    near += [o for c in near for o in c.children if (c.dep_, o.dep_) in REACH]
    near = [t for t in near if t not in owners_of(noun, token)]
    governors = [lemma for t in [*clause, *near] for lemma in lemmas(t)]
    # 'insured losses' of a sum; not whose they are ('contacts of those cases': `owners_of`)
    what = counted.lower().split(" of ")[0] if owners_of(noun, token) else counted.lower()
    governors += [singular(w) for w in what.split()]
    if "treat" in governors and not treated_in_care(path, unit):
        governors = [g for g in governors if g != "treat"]  # 'paramedics treated 40 at the scene'
    if "recover" in governors and not got_well(path):
        governors = [g for g in governors if g != "recover"]
    # 'Of the 202 people confirmed dead, 91 were in Suzu': the words after a counted noun
    described = [noun] if noun is not None else []
    described += [t for t in near if t.dep_ == "pobj" and t.head.lower_ == "of"]
    governors += [lemma for t in described for lemma in postmodifiers(t)]
    governors += subject_words(path)
    if unit == "currency":  # 'raised its estimate of total damage and economic loss to $135 billion'
        objects = [c for t in path for c in t.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
        objects += valued_objects(path)
        governors += [w.lemma_.lower() for o in objects for w in o.subtree][:PHRASE_WORDS]
    kind, change = (money_kind(path), changed_by(path)) if unit == "currency" else (None, False)
    measure = "other" if excepted(token) else measure_of(
        event, unit, noun_lemma(noun), governors, money_kind=kind, change=change)
    counting = counted_share(token, path)
    if measure == "other" and unit == "percent" and vote_share(counted_head(what), governors, counting):
        measure = "votes"
    if measure == "other" and noun is not None and noun.lemma_.lower() in BODIES:
        measure = "killed"  # '78 bodies had been recovered' counts the dead ('body bags' do not)
    if measure == "killed" and handled_dead(token):
        measure = "other"  # '88 of the dead have been identified' is not the toll
    everywhere = no_one_country(path)  # 'canceled worldwide': stated, and in no one country
    place = None if everywhere else stated_place(path, article.country, article.region) or (
        incident_place([*path, *near], article.country) or incident_clause_place(near, article.country)
        or officials_country(path, article.country))
    stated = place is not None or everywhere
    if place is None and article.country and not everywhere:
        place = Place(article.country)
    incident = sentence_incident(sent, article.incident, article.names, token)
    holder = figure_holder(path, measure, unit, counted, incident)
    rate = rate_after(noun if noun is not None else token)
    return FigureFrame(measure, place, stated, incident, rate, holder)


# Words after 'a day', 'a week' that make it a time in the past, not a rate ('$1,200 a month
# before the rent increase' is still a rate, so 'before' and 'after' are not among them).
TIME_SHIFTS = frozenset("earlier later ago previously".split())
PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year", "daily": "day",
           "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year"}


def rate_after(anchor: Token) -> str | None:
    """'$1 billion a month', '15 billion transactions a year', '500 trucks per day': a count
    per period is another fact than a total."""
    words = [t.lower_ for t in anchor.doc[anchor.i + 1 : anchor.i + 4]]
    if words and words[0] in ("daily", "weekly", "monthly", "annually", "yearly"):
        return PERIODS[words[0]]
    if len(words) > 2 and words[2] in TIME_SHIFTS:
        return None  # 'put the toll at 640 a day earlier' says when, not how often
    if len(words) > 1 and words[0] in ("a", "per", "each", "every", "an") and words[1] in PERIODS:
        return PERIODS[words[1]]
    return None
