"""The incident a figure belongs to: its kind (earthquake, flood, hurricane, outbreak, ...) and,
for the kinds agencies name (tropical cyclones, storms, wildfires), its name.

Read from the parse: an incident noun in the figure's sentence, else the article's main
incident (the one its headline names, else the one it names most). Named kinds carry the
proper noun attached to them ('Hurricane Helene', 'the Palisades Fire', 'Storm Boris'); a
bare name the article introduced with its kind ('Helene killed 230 people') resolves to it.
"""

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from services.extract.measures import STRUCTURES
from services.extract.speakers import SPEECH_VERBS
from services.extract.words import LEADERS, ORGANISATIONS

KIND_OF_LEMMA = {
    **dict.fromkeys("earthquake quake tremor aftershock".split(), "earthquake"),
    **dict.fromkeys("flood flooding deluge flash-flood".split(), "flood"),
    **dict.fromkeys("hurricane".split(), "hurricane"),
    **dict.fromkeys("typhoon".split(), "typhoon"),
    **dict.fromkeys("cyclone".split(), "cyclone"),
    **dict.fromkeys("storm tornado".split(), "storm"),
    **dict.fromkeys("wildfire fire blaze bushfire firestorm".split(), "fire"),
    **dict.fromkeys("outbreak epidemic pandemic".split(), "outbreak"),
    **dict.fromkeys("breach hack cyberattack ransomware leak".split(), "breach"),
    **dict.fromkeys("strike walkout".split(), "strike"),
    **dict.fromkeys("crash accident collision".split(), "crash"),
    **dict.fromkeys("derailment".split(), "derailment"),
    **dict.fromkeys("explosion blast".split(), "explosion"),
    **dict.fromkeys("shooting".split(), "shooting"),
    **dict.fromkeys("landslide mudslide avalanche".split(), "landslide"),
    **dict.fromkeys("war invasion".split(), "war"),
    **dict.fromkeys("protest demonstration unrest riot".split(), "protest"),
    **dict.fromkeys("election".split(), "election"),
    **dict.fromkeys("heatwave drought".split(), "heat"),
    **dict.fromkeys("collapse".split(), "collapse"),
    **dict.fromkeys("stampede crush".split(), "crush"),
}
# Words for what happened that name no kind of incident: 'the disaster', 'the tragedy'.
HAPPENINGS = frozenset("disaster catastrophe tragedy incident calamity".split())
NAMED_KINDS = frozenset(["hurricane", "typhoon", "cyclone", "storm", "fire"])
# Kinds one story's reports use for one incident ('the DANA storm', 'the floods'; 'Hurricane
# Helene', 'the storm'): the frame keeps the family, so wording does not split a claim.
FAMILY = {
    **dict.fromkeys("hurricane typhoon cyclone storm flood landslide".split(), "storm"),
    **dict.fromkeys("crash derailment collapse explosion crush".split(), "accident"),
    **dict.fromkeys("war shooting".split(), "violence"),
}


def family(kind: str) -> str:
    return FAMILY.get(kind, kind)


@dataclass(frozen=True)
class Incident:
    kind: str
    name: str | None = None

    def __str__(self) -> str:
        return f"{family(self.kind)} {self.name}" if self.name else family(self.kind)


def incident_at(token: Token) -> Incident | None:
    """The incident a noun names: 'Hurricane Helene', 'the Eaton Fire', 'floods'. A strike
    is an incident only as a noun of workers ('air strikes' are attacks, not walkouts)."""
    kind = KIND_OF_LEMMA.get(token.lemma_.lower())
    if kind is None or token.pos_ not in ("NOUN", "PROPN") or speaks(token):
        return None
    if kind == "strike" and any(c.lower_ in PHYSICAL_STRIKES for c in token.children):
        return None
    if not_an_incident(token, kind) or in_body_name(token) or names_an_office(token):
        return None
    name = None
    if kind in NAMED_KINDS and token.tag_ not in ("NNS", "NNPS"):
        name = proper_name(token)  # 'the fires' are several: all of them, not one named one
    if kind == "fire" and name is not None and not fire_named(token, name):
        name = None  # 'the Harlow fire' says where it burned
    return Incident(kind, name)


def fire_named(token: Token, name: str) -> bool:
    """'the Ridgeway Fire': a fire is named when the article writes its own word capitalised
    inside a sentence, here or with the same name elsewhere ('the Ridgeway fire' after 'the
    Ridgeway Fire'); 'the Harlow fire' and 'a fire at the Marlow nightclub' say where it burned."""
    if capitalised_in_prose(token):
        return True
    return any(KIND_OF_LEMMA.get(t.lemma_.lower()) == "fire" and t.i != token.i and capitalised_in_prose(t)
               and proper_name(t) == name for t in token.doc)


# Where the doc's headline ends (a character offset), in its user data: set by the reader.
HEADLINE_END = "headline_end"


def capitalised_in_prose(token: Token) -> bool:
    """The word is capitalised inside running prose: not a sentence's first word, nor a word of
    the headline, which may be written in title case ('Harlow Fire Toll Rises to 40')."""
    headline = token.idx < token.doc.user_data.get(HEADLINE_END, 0)
    return token.is_title and token.i != token.sent.start and not headline


# What strikes when a strike is a blow, not a walkout: 'air strikes', 'a bird strike'.
PHYSICAL_STRIKES = frozenset("air drone missile rocket bird lightning artillery".split())
# Words a landslide wins ('a landslide victory', 'won by a landslide').
VICTORIES = frozenset("victory win".split())


def names_an_office(token: Token) -> bool:
    """'Fire Chief Dana Ortiz', 'the D.C. Fire and EMS Chief John Donnelly': an incident word
    in a title before a person names the office the person holds. 'Flood victims' and
    'earthquake survivors' are people of the incident, and keep it."""
    # a person's name right after the word is the incident's own ('Storm Boris')
    own_name = token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_type_ == "PERSON"
    node = token
    while node.dep_ in ("compound", "nmod", "conj") and node.head.i != node.i:
        node = node.head
        if (node.ent_type_ == "PERSON" and not own_name) or node.lemma_.lower() in LEADERS:
            return True
    return False


# Words of an election in a landslide's sentence: 'a Labour landslide ... 410 seats'.
ELECTION_WORDS = VICTORIES | frozenset("election vote voter poll seat ballot majority parliament".split())


def election_landslide(token: Token) -> bool:
    """'A Labour landslide' with seats, 'won by a landslide', 'a landslide victory': a party's or a
    candidate's landslide is an election result, not earth moving. A landslide named after its
    place ('the Wayanad landslide killed 200') stays one, whatever the model took the place for."""
    prep = token.head
    by_win = token.dep_ == "pobj" and prep.lower_ in ("by", "in") and prep.head.lemma_.lower() == "win"
    won = token.head.lemma_.lower() in VICTORIES or by_win
    owned = any(c.dep_ in ("compound", "poss", "amod") and c.ent_type_ in ("ORG", "NORP", "PERSON")
                for c in token.children)
    return won or (owned and any(t.lemma_.lower() in ELECTION_WORDS for t in token.sent))


# What a 'breach of' something breaks when it is a broken obligation, not a break-in: 'breach
# of contract', 'in breach of EU law' (a 'breach of medical records' is a break-in).
OBLIGATIONS = frozenset("contract law duty rule regulation agreement ceasefire truce trust obligation code "
                        "peace bail order term condition treaty covenant warranty sanction protocol "
                        "promise".split())
# Dependencies along which a denial reaches an incident noun: 'no sign of a cyberattack', 'was
# not caused by a cyberattack', 'not a security incident or cyberattack'.
DENIED_THROUGH = frozenset(["pobj", "prep", "agent", "attr", "conj", "dobj", "acl", "relcl"])


def not_an_incident(token: Token, kind: str) -> bool:
    """Idioms that use an incident word for something else: police 'opened fire' or came
    'under fire'; 'a flood of refugees'; a 'breach of contract'; and an incident the text
    denies ('there was no sign of a cyberattack')."""
    if kind == "fire" and token.dep_ == "dobj" and token.head.lemma_.lower() in ("open", "return", "cease"):
        return True
    if kind == "fire" and token.dep_ == "pobj" and token.head.lower_ == "under":
        return True
    if names_a_body(token):
        return True
    # 'killed by police fire', 'under army fire': shots a force fired
    if kind == "fire" and any(c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in ORGANISATIONS
                              for c in token.children):
        return True
    of = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
          for o in c.children if o.dep_ == "pobj"]
    if kind == "breach" and any(o.lemma_.lower() in OBLIGATIONS for o in of):
        return True
    if kind == "landslide" and election_landslide(token):
        return True
    if kind == "collapse" and any(failed_body(o) for o in of):
        return True
    # 'a flood of refugees', 'a firestorm of criticism': a great many of something
    flood_of = bool(of) and (kind == "flood" or token.lemma_.lower() == "firestorm")
    return flood_of or surge(token, kind) or denied(token)


# Nouns for the people of a body ('fire officials', 'flood authorities') beside the bodies.
STAFF = frozenset("official officer authority crew".split())


def names_a_body(token: Token) -> bool:
    """'The fire service said', 'according to fire authorities', 'the earthquake commission': an
    incident word that qualifies a body or its staff names which body, not what happened."""
    return token.dep_ == "compound" and token.head.lemma_.lower() in ORGANISATIONS | STAFF


def failed_body(owner: Token) -> bool:
    """'The collapse of Enron', 'the collapse of Lehman Brothers': an organisation that fails
    is no accident; a named building or dam is one, as its name's head says ('the collapse of
    the Fundao dam', 'of the Grand Plaza Hotel'), whatever the model tagged it."""
    return owner.ent_type_ == "ORG" and owner.pos_ == "PROPN" and owner.lemma_.lower() not in STRUCTURES


def surge(token: Token, kind: str) -> bool:
    """'An explosion in cases', 'an explosion of prices': a growth of things counted, not a
    blast (which is in or at a place: 'an explosion in a coal mine')."""
    return kind == "explosion" and any(
        o.tag_ == "NNS" and not any(d.dep_ in ("det", "poss") for d in o.children)
        for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
        for o in c.children if o.dep_ == "pobj")


def denied(token: Token) -> bool:
    """'No indication of a cyberattack', 'the outage was not caused by a cyberattack': a
    negation or 'no' on the noun or on the words it hangs from within its clause. 'Not the
    first flood to hit the town' still tells of a flood."""
    if any(c.tag_ == "JJS" or c.ent_type_ == "ORDINAL" for c in token.children):
        return False
    node = token
    for _ in range(5):
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in node.children):
            return True
        if node.dep_ not in DENIED_THROUGH or node.head is node:
            return False
        node = node.head
    return False


def in_body_name(token: Token) -> bool:
    """'the National Fire Agency', 'the Flood Control Department': an incident word inside the
    name of an organisation names the organisation."""
    if token.ent_type_ != "ORG" or token.ent_iob_ == "":
        return False
    end = token.i
    while end + 1 < len(token.doc) and token.doc[end + 1].ent_iob_ == "I":
        end += 1
    return end > token.i and token.doc[end].lemma_.lower() in ORGANISATIONS


def speaks(token: Token) -> bool:
    """Incidents say nothing: 'Cal Fire said', 'according to Cal Fire', 'citing Cal Fire' name
    an agency, a source."""
    head = token.head
    if token.dep_ == "nsubj":
        return head.lemma_.lower() in SPEECH_VERBS
    if token.dep_ == "pobj" and head.lower_ == "to":
        return head.head.lower_ == "according"
    return token.dep_ == "dobj" and head.lower_ == "citing"


def proper_name(token: Token) -> str | None:
    """'Hurricane Helene' (the name is the head), 'Palisades Fire' (the name is a compound)."""
    if token.head.pos_ == "PROPN" and token.dep_ == "compound" and token.head.i > token.i:
        return token.head.lower_
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if token.dep_ == "compound" and after is not None and after.pos_ == "PROPN" and after.head == token.head:
        return after.lower_  # 'Hurricane Ida toll': kind and name both modify the noun
    names = [c for c in token.children if c.pos_ == "PROPN" and c.dep_ in ("compound", "appos", "npadvmod")]
    names = [c for c in names if c.lower_ not in KIND_OF_LEMMA]
    return names[-1].lower_ if names else None


def incidents_in(span: Span | Doc) -> list[Incident]:
    return [found for token in span if (found := incident_at(token)) is not None]


def article_incident(doc: Doc, headline_end: int, found: list[Incident]) -> Incident | None:
    """The headline's incident, else the one the article names most (`found`: every incident
    the article names, in order). A named one only when the article names no other of its
    family much: an article on two fires is about the fires."""
    if not found:
        return None
    names = {i.name: i for i in found if i.name}
    title = doc[: next((t.i for t in doc if t.idx >= headline_end), 0)]
    headline = incidents_in(title)
    # the storm or fire the headline names is what the article is about ('Helene death toll
    # climbs to 30'), whatever other storms it mentions in passing
    named = [names[t.lower_] for t in title if t.pos_ == "PROPN" and t.lower_ in names]
    if named or any(i.name for i in headline):
        return next(i for i in [*headline, *named] if i.name)
    counts = Counter(found)
    main = headline[0] if headline else max(counts, key=lambda i: (i.name is not None, counts[i]))
    mentions = Counter(t.lower_ for t in doc if t.pos_ == "PROPN" and t.lower_ in names)
    named = sum(n for name, n in mentions.items() if family(names[name].kind) == family(main.kind))
    if main.name and mentions[main.name] * 3 >= named * 2:
        return main  # an article on one storm that mentions another in passing
    return Incident(main.kind) if named else main


def sentence_incident(
    sent: Span, article: Incident | None, names: dict[str, Incident], figure: Token | None = None
) -> Incident | None:
    """The incident of a figure's sentence: the one named nearest the figure (before it rather
    than after: '... 23,713 acres, while the Eaton fire stood at 14,117'), a bare name the
    article gave a kind to, or the article's. A kind the article also has takes the article's
    name ('the hurricane')."""
    at = figure.i if figure is not None else sent.start
    if figure is not None and (after := incident_after(figure)) is not None:
        return after
    for token in sorted(sent, key=lambda t: abs(t.i - at) + (0.5 if t.i > at else 0)):
        if token.pos_ == "PROPN" and token.lower_ in names and not in_incident_phrase(token):
            return names[token.lower_]
        found = incident_at(token)
        if found is None:
            continue
        # 'the fires' of an article on a fire are all of them; 'tornadoes spawned by the storm'
        # or 'the floods' of a hurricane are that hurricane's
        several = found.kind in NAMED_KINDS and token.tag_ in ("NNS", "NNPS") and (
            article is None or article.kind == found.kind)
        if found.name or several or article is None or family(article.kind) != family(found.kind):
            return found
        return article
    return article


def in_incident_phrase(token: Token) -> bool:
    """'the Palisades and Eaton fires': a name inside a phrase an incident noun heads."""
    return any(incident_at(a) is not None for a in [token.head, token.head.head])


def incident_after(figure: Token) -> Incident | None:
    """'... 17 in the Eaton Fire and 12 in the Palisades Fire': an incident phrase right after
    the figure, however the parser attached the elided clause."""
    doc = figure.doc
    if figure.i + 1 >= len(doc) or doc[figure.i + 1].lower_ not in ("in", "from", "at"):
        return None
    for token in doc[figure.i + 2 : figure.i + 6]:
        if (found := incident_at(token)) is not None:
            return found if found.name or found.kind not in NAMED_KINDS else None
        if token.is_punct:
            break
    return None


# Verbs whose subject, in an article on a storm or a fire, is the storm or the fire itself.
HARM_VERBS = frozenset("kill hit strike batter sweep tear slam destroy damage flood ravage pound "
                       "lash devastate burn scorch".split())


def named_by_harm(doc: Doc, article: Incident | None, is_place) -> Incident | None:
    """An article that never writes 'Hurricane Helene' but says 'Helene has killed 139 people':
    the one bare name that is the subject of a harm verb names the article's unnamed storm or
    fire (a place that 'was hit' is not a name: `is_place` says which names are places)."""
    if article is None or article.name is not None or article.kind not in NAMED_KINDS:
        return None
    found = {t.lower_ for t in doc if t.pos_ == "PROPN" and t.dep_ == "nsubj"
             and t.head.lemma_.lower() in HARM_VERBS and t.ent_type_ not in ("GPE", "LOC", "ORG", "NORP")
             and not any(c.dep_ == "compound" for c in t.children) and not is_place(t.text)}
    return Incident(article.kind, found.pop()) if len(found) == 1 else None

