"""Speech verbs and their speakers: which verbs state a figure ("X said", "X estimated"),
in which order they are tried, and the subject that speaks."""

from spacy.tokens import Span, Token

from services.extract.entities import entity_of
from services.extract.events import is_person_noun
from services.extract.figures import subtree_span
from services.extract.roles import is_speaker_noun
from services.extract.subjects import OBJECT_LEVELS
from services.extract.words import DOCUMENTS, GOVERNMENTS, ORGANISATIONS, PLACE_NOUNS, VALUE_NOUNS, vocabulary

SPEECH_VERBS = vocabulary(
    "say tell add announce write report claim state note estimate reveal believe find "
    "confirm disclose insist acknowledge argue allege warn suggest indicate show summarize "
    "think assert declare tweet post publish conclude testify admit explain record document "
    "count tally calculate assess identify put ask request propose rule order list urge recommend"
)
# Verbs by which someone states a figure they commit to; a document or a deal that 'promised'
# is not someone ('the agreement promised a 25% raise': whose offer it was, the text says elsewhere).
PLEDGES = vocabulary("promise pledge vow")
SPEECH_VERBS = SPEECH_VERBS | PLEDGES
# Verbs that state a figure for the future ('the poll projects 131 seats'); unlike the others
# they do not close the clause a figure's frame is read in ('are projected to win 48 seats').
FORECASTS = vocabulary("project forecast predict expect")
# Verbs that state a figure when what they give is one: 'OCHA gave a far lower toll', 'the
# Red Crescent had given a figure of 500 dead', 'the ministry issued a new count'.
GIVING = vocabulary("give provide issue release")
# Verbs by which someone puts a thing at a figure as they read it: 'had him at 58%'.
PLACING = vocabulary("have place peg")
# Verbs by which someone makes a document of figures: 'compiled a list of 1,200 people'.
COMPILING = vocabulary("compile assemble")
# Conjunctions opening a clause that sets a scene rather than tells what was said.
ASIDES = vocabulary("as after while when before since although though whereas")
WEAK_SPEECH = vocabulary(
    "record document count tally calculate assess identify list find show indicate suggest believe "
    "think conclude put estimate project forecast predict"
)
MODALS = vocabulary("can could may might")
# Speech verbs that, after a modal, say what someone is entitled to ask for.
ENTITLEMENTS = vocabulary("claim ask request")

# Dependencies by which a number or a word describes the noun above it ('35,000 people').
NOUN_MODIFIERS = frozenset(["nummod", "quantmod", "compound", "amod"])


def modified_noun(token: Token, through: frozenset[str] | set[str] = NOUN_MODIFIERS) -> Token:
    """The noun a number (or the word it modifies) describes: '95' of 'the 95% target'."""
    noun = token
    while noun.dep_ in through and noun.head.i != noun.i:
        noun = noun.head
    return noun


def speakers(token: Token, sent: Span) -> list[Token]:
    """Speech verbs for a figure: those above it first (weak ones like 'estimated' after the
    others), then any other in its sentence ('At least 51 ... signed up, Important Stories
    reported'): 'Organisers said 35,000 ...; police estimated the crowd at 8,000' is police's.
    A statement on the counted noun comes first: 'up from the 10 deaths that X said ...'."""
    noun = modified_noun(token.head, NOUN_MODIFIERS | {"nmod"})  # '95' of 'the 95% target that officials say'
    described = [c for n in {token.head, noun} for c in n.children if describes(c) and is_speech(c)]
    aside = [a for a in token.ancestors if is_speech(a) and in_aside(token, a)]
    said_else = [a for a in token.ancestors if is_speech(a) and says_another(token, a)]
    above = described + [a for a in token.ancestors if is_speech(a) and a not in aside + said_else]
    taken = above + aside + said_else
    # not 'taxes, which the government says are needed' (of the taxes), nor 'asking them to vote'
    beside = [t for t in sent if is_speech(t) and t not in taken and t is not token and not subordinate(t)
              and (t.dep_ != "relcl" or speaker_tag(t)) and not asks_to_act(t)]
    ordered = above + sorted(beside, key=lambda t: abs(t.i - token.i))
    return sorted(ordered, key=lambda t: (t not in above, t.lemma_.lower() in WEAK_SPEECH and not own_say(t)))


def speaker_tag(verb: Token) -> bool:
    """'... are on their way to the region, the agency (IOM) said on Friday.': a speech verb the
    parser hung as a relative clause, with a named subject of its own and nothing said after it,
    set off by a comma, is the sentence's closing 'X said' (not 'taxes, which the government says
    are needed', 'the doses the agency said it sent', 'the income Kenya expects', 'up from $64
    million when the judge ruled')."""
    children = list(verb.children)
    subjects = [c for c in children if c.dep_ == "nsubj"]
    own_clause = any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in children)
    relative = any(c.tag_ in ("WP", "WDT", "WP$", "WRB") or c.dep_ == "mark" for c in children)
    if not subjects or own_clause or relative or subjects[0].pos_ == "PRON" or verb.i < subjects[0].i:
        return False
    # set off by a comma, the speaker or the name the parser hung it on: not 'the income Turkey expects'
    starts = (subjects[0].left_edge.i, verb.head.left_edge.i)
    return any(start > 0 and verb.doc[start - 1].text == "," for start in starts)


def says_another(token: Token, verb: Token) -> bool:
    """'Toll rises to 58, Ruiz warns it will grow': a clause put before a speaker whose verb
    has a statement of its own after it is the writer's, not what the speaker said."""
    child = next((a for a in [token, *token.ancestors] if a.head.i == verb.i and a.i != verb.i), None)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if child is None or child.dep_ != "ccomp" or not subjects or child.i > subjects[0].i:
        return False
    return any(c.dep_ == "ccomp" and c.left_edge.i == verb.i + 1 for c in verb.children)


# Verbs by which someone asks another to do something ('asking them to fill in a ballot').
REQUESTS = vocabulary("ask request urge")


def asks_to_act(verb: Token) -> bool:
    """'Pollsters interviewed 9,000 voters, asking them to fill in a ballot': asking someone to
    do something states nothing about the figures beside it."""
    children = {c.dep_ for c in verb.children}
    return verb.lemma_.lower() in REQUESTS and {"dobj", "xcomp"} <= children


def describes(clause: Token) -> bool:
    """A clause on the counted noun that tells who gave it: 'the 10 deaths that X reported',
    'the $5 million pledged by X'."""
    return clause.dep_ == "relcl" or clause.dep_ == "acl" and agent_of(clause) is not None


def agent_of(verb: Token) -> Token | None:
    """The 'by' object of a passive: 'pledged by the trust' → trust."""
    return next((o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None)


def own_say(verb: Token) -> bool:
    """'an officer had said 279, and the department put the toll at 275': a weak verb joined to
    another with a subject of its own is a statement of its own."""
    return verb.dep_ == "conj" and bool(own_subjects(verb))


def subordinate(verb: Token) -> bool:
    """'Flights cut by 68,000 as the regulator orders checks': a clause opened by 'as', 'after',
    'while' ... speaks only of what it holds."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ASIDES for c in verb.children)


def in_aside(token: Token, verb: Token) -> bool:
    """'Masebo announced the doses on Monday, as the toll reached 365': a clause opened by 'as',
    'after', 'while' ... hung on the speech verb itself is the writer's, not what was said."""
    child = next((a for a in [token, *token.ancestors] if a.head.i == verb.i and a.i != verb.i), None)
    return child is not None and subordinate(child) and not goes_on(child, verb)


def goes_on(clause: Token, verb: Token) -> bool:
    """'The toll rose to 2,497, the ministry said, while the injured reached 2,476': a contrast
    ('while', 'whereas') hung on a verb of saying goes on with what was said; one hung on a verb
    that does something with its object ('pledged 50,000 doses, while Japan ...') does not."""
    contrast = any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in clause.children)
    return contrast and not any(c.dep_ == "dobj" for c in verb.children)


def gives_figure(token: Token) -> bool:
    """'OCHA gave a far lower toll'; 'a volunteer compiled a list of 1,200 people'; 'the
    government raised the death toll to 48': whoever makes, gives or moves the list, tally or
    count states what it holds (a person or a body: not the deaths or the fighting that raised it)."""
    objects = [c.lemma_.lower() for c in token.children if c.dep_ == "dobj"]
    lemma = token.lemma_.lower()
    made = lemma in COMPILING and any(o in DOCUMENTS for o in objects)
    # not 'new deaths raised the toll', 'the storm hit, raising the toll'
    speaker = body_speaks(token) or any(c.dep_ == "nsubj" and is_speaker_noun(c) for c in token.children)
    revised = lemma in OBJECT_LEVELS and speaker
    given = (lemma in GIVING or revised) and any(o in VALUE_NOUNS for o in objects)
    return made or given or places_at(token)


def places_at(token: Token) -> bool:
    """'Pollster Litbang Kompas had him at 58.45 per cent', 'analysts have the party at 40%':
    whoever has someone or something at a figure states that figure."""
    placed = [c for c in token.children if c.dep_ == "dobj"]  # a party, a person or a count
    if token.lemma_.lower() not in PLACING or not any(
            o.pos_ in ("PRON", "PROPN") or o.lemma_.lower() in VALUE_NOUNS for o in placed):
        return False
    at = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "at"]
    return any(w.like_num for p in at for w in p.subtree)


def is_speech(token: Token) -> bool:
    if token.lemma_.lower() not in SPEECH_VERBS | FORECASTS and not gives_figure(token):
        return False
    if not acts_as_verb(token):
        return False
    if token.lemma_.lower() in PLEDGES and not pledged_by_someone(token):
        return False
    # not 'an estimated 900,000', nor '... to find other ways': no statement hangs on these;
    # nor 'with 648 of the 650 seats declared', where nobody speaks
    if any(c.dep_ == "mark" and c.lower_ == "with" for c in token.children):
        return False
    # '67,769 were admitted', '13 were reported missing': a passive without its agent names no
    # one who speaks; 'Health care added 55,000 jobs': adding a number is not adding words
    passive = any(c.dep_ == "auxpass" for c in token.children)
    if passive and not any(c.dep_ == "agent" for c in token.children):
        return False
    if token.lemma_.lower() == "add" and any(c.dep_ == "dobj" for c in token.children):
        return False
    if tells_a_state(token) or asks_a_question(token):
        return False
    # 'members can claim up to $75', 'closer examination can show': what someone may do or
    # ask for is no statement; what a named body or a person can confirm is one
    modal = any(c.dep_ == "aux" and c.lower_ in MODALS for c in token.children)
    if modal and (token.lemma_.lower() in ENTITLEMENTS or not body_speaks(token)):
        return False
    # 'Losses put at $5 billion', 'only 32 victims identified' (a headline's passive): a verb
    # that tells by what it takes ('put the toll at', 'identified 32 victims') takes nothing
    if token.lemma_.lower() in WEAK_SPEECH and token.dep_ != "parataxis" and not takes_object(token):
        return False
    return token.dep_ != "amod" and (token.dep_ != "xcomp" or any(c.dep_ == "ccomp" for c in token.children))


def asks_a_question(verb: Token) -> bool:
    """'Senators ask why the carrier kept records of 110 million customers': what a question
    holds is asked, not stated."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    return bool(clauses) and all(
        any(w.tag_ == "WRB" or w.lower_ in ("whether", "if") for w in c.children if w.i < c.i)
        for c in clauses
    )


def tells_a_state(verb: Token) -> bool:
    """'53 people confirmed dead', '12 reported missing': a verb whose only complement is an
    adjective tells the state of what it counts, not what anyone said."""
    state = any(c.dep_ in ("oprd", "acomp") and c.pos_ == "ADJ" for c in verb.children)
    return state and not any(c.dep_ in ("dobj", "ccomp", "dative") for c in verb.children)


def pledged_by_someone(verb: Token) -> bool:
    """The subject of 'promised' is a person, people, a body or a government ('the state has
    promised'), reached through 'who'/'which' to the noun it stands for."""
    subjects = own_subjects(verb)
    subject = subjects[0] if subjects else agent_of(verb)
    if subject is not None and subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        subject = verb.head
    if subject is None:
        return False
    bodies = ORGANISATIONS | GOVERNMENTS | PLACE_NOUNS
    named = subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or subject.pos_ == "PRON"
    return named or is_person_noun(subject) or subject.lemma_.lower() in bodies


def body_speaks(verb: Token) -> bool:
    """The verb's subject is a name or an organisation's word ('the ministry', 'Reuters')."""
    named = ("ORG", "PERSON", "GPE", "NORP")
    return any(c.dep_ == "nsubj" and (c.ent_type_ in named or c.lemma_.lower() in ORGANISATIONS)
               for c in verb.children)


def takes_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "ccomp", "xcomp", "agent", "dative", "attr", "oprd") for c in verb.children)


def acts_as_verb(token: Token) -> bool:
    """A verb, or a root the tagger took for a noun that still governs a clause
    ('..., interior ministry data show.')."""
    clause = token.dep_ == "ROOT" and any(c.dep_ in ("ccomp", "parataxis") for c in token.children)
    return token.pos_ in ("VERB", "AUX") or clause


def own_subjects(verb: Token) -> list[Token]:
    """The verb's subjects, nearest first; not a date the parser took for one ('since November
    said')."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.ent_type_ not in ("DATE", "TIME")]
    return sorted(subjects, key=lambda c: abs(c.i - verb.i))


def noun_before(verb: Token) -> Span | None:
    """For a root tagged as a noun, the words before it: 'interior ministry data (show)'."""
    if verb.pos_ in ("VERB", "AUX"):
        return None
    mods = [c for c in verb.lefts if c.dep_ in ("compound", "amod")]
    return verb.doc[mods[0].left_edge.i : verb.i] if mods else None


def detached_speaker(verb: Token) -> Span | None:
    """'..., the head of the government, Min Aung Hlaing, said.': the phrase just before a
    subjectless speech verb that the parser hung on a word before it (an appositive)."""
    doc, j = verb.doc, verb.i - 1
    while j >= 0 and doc[j].is_punct:
        j -= 1
    if j < 0 or j == verb.i - 1:
        return None
    chain = [doc[j], *doc[j].ancestors]
    outer = [a for a in chain if a.i < verb.i and a.dep_ == "appos" and a.right_edge.i == j]
    return doc[outer[-1].left_edge.i : j + 1] if outer else None


def name_before(verb: Token) -> Span | None:
    """'..., six crew members, the Ministry of Land, Infrastructure and Transport said.': a
    subjectless speech verb right after a name the parser hung elsewhere speaks with that name."""
    if verb.i == 0 or verb.pos_ not in ("VERB", "AUX"):
        return None
    name = entity_of(verb.doc[verb.i - 1])
    return name if name is not None and name.end == verb.i and name.label_ in ("ORG", "PERSON") else None


def subject_of(verb: Token) -> Span | None:
    """nsubj of the verb, or of the verb it is conjoined with ('X notes ... and reports')
    or hangs on as a participle ('X rejected the claims, saying ...'); a detached appositive
    before it ('..., the head of Y, Z, said'); the noun a relative clause describes when
    the verb was hung on that clause ('Students who have led ... since November said')."""
    while verb is not None:
        subjects = own_subjects(verb)
        if subjects and subjects[0].tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            noun = verb.head  # 'President William Ruto, who said ...': who is the noun described
            named = noun.head.pos_ == "PROPN" and noun.head.ent_type_ in ("ORG", "PERSON", "")
            if noun.dep_ == "appos" and named:
                noun = noun.head  # 'Corvane, the logistics contractor, which said': the name
            return verb.doc[noun.left_edge.i : noun.i + 1]
        if subjects:
            return subtree_span(subjects[0])
        if verb.dep_ == "acl" and agent_of(verb) is not None:  # 'the $5 million pledged by X'
            return subtree_span(agent_of(verb))
        detached = detached_speaker(verb) or noun_before(verb) or name_before(verb)
        if detached is not None:
            return detached
        if verb.dep_ == "advcl" and verb.head.dep_ == "relcl":
            noun = verb.head.head
            return subtree_span(noun)
        for child in verb.children:
            if child.dep_ == "agent":
                pobj = [c for c in child.children if c.dep_ == "pobj"]
                if pobj:
                    return subtree_span(pobj[0])
        if verb.dep_ == "xcomp":
            objects = [c for c in verb.head.children if c.dep_ == "dobj"]
            if objects:
                return subtree_span(objects[0])
        # '..., saying it had ...': a participle clause speaks with its main clause's subject
        participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
        verb = verb.head if (verb.dep_ in ("conj", "xcomp") or participle) and verb.head is not verb else None
    return None


OPENING, CLOSING = '"“', '"”'
QUOTE_REACH = 4  # sentences a quotation runs on before its speaker is named


def is_open_quote(sent: Span) -> bool:
    """The sentence opens a quotation it does not close: '“We have counted 500 dead.'"""
    text = sent.text.strip()
    marks = sum(text.count(c) for c in set(OPENING + CLOSING))
    return bool(text) and text[0] in OPENING and marks % 2 == 1


def quote_speaker(sent: Span) -> Span | None:
    """Who speaks an open quotation: the subject of the speech verb after its closing mark,
    a few sentences on ('“We have counted 500 dead. More are missing,” the governor said.')."""
    if not is_open_quote(sent):
        return None
    doc, end = sent.doc, sent.end
    for _ in range(QUOTE_REACH):
        if end >= len(doc):
            return None
        following = doc[end].sent
        closing = [t.i for t in following if t.text in CLOSING]
        if closing:
            verbs = [t for t in following if t.i > closing[0] and is_speech(t)]
            return subject_of(verbs[0]) if verbs else None
        end = following.end
    return None
