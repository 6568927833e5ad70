"""Who claims each figure across an article: the figure's own attribution, generic
speakers ('the agency', 'he') resolved to names seen earlier, and the previous sentence's
claimant carried into a sentence that continues it."""

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from schemas.figures import Figure
from services.extract.claimant import Attribution, attribute, generic_phrase, name_of
from services.extract.entities import kinds
from services.extract.speakers import SPEECH_VERBS, subject_of

PRONOUNS = frozenset(["he", "she", "they", "it", "we"])
AGENCY_WORDS = frozenset(
    [
        "agency",
        "organization",
        "organisation",
        "body",
        "commission",
        "authority",
        "watchdog",
        "regulator",
        "charity",
        "group",
    ]
)
OUTLET_WORDS = frozenset(["outlet", "media", "newspaper", "publication", "paper", "site"])
CONNECTIVES = (
    "in addition",
    "also",
    "additionally",
    "moreover",
    "furthermore",
    "of those",
    "of them",
    "among them",
)


@dataclass
class Memory:
    """What earlier sentences of the article tell later ones."""

    named: list[Attribution] = field(default_factory=list)
    previous: Attribution | None = None
    last_counted: str | None = None
    last_thing: tuple[Token, str] | None = None
    last_percent: str = ""
    headline_end: int = 0
    figures: list[Figure] = field(default_factory=list)

    def resolve(self, generic: str) -> Attribution | None:
        """'he' → the last named claimant; 'the agency' → the last one mentioned as an agency
        ('... Mitigation Agency (BNPB) said'); else the phrase itself ('interior ministry')."""
        words = generic.split()
        if not words:
            return None
        if words[-1].lower() in PRONOUNS:
            return self.named[-1] if self.named else None
        head = words[-1].lower()
        for known in reversed(self.named):
            if head in (known.claimant or "").lower() or head == known.head:
                return known
        for words, kind in ((OUTLET_WORDS, "outlet"), (AGENCY_WORDS, "agency")):
            if head in words:
                same = [k for k in self.named if kinds().get(k.claimant or "") == kind]
                return same[-1] if same else Attribution(generic)
        return Attribution(generic)


def sentence_attribution(sent: Span, memory: Memory) -> Attribution | None:
    """'X writes that ...': who speaks in a sentence, figures or not."""
    root = sent.root
    if root.lemma_.lower() not in SPEECH_VERBS:
        return None
    subject = subject_of(root)
    name, generic = name_of(subject)
    if name:
        return Attribution(name, head=subject.root.lower_ if subject is not None else "")
    return memory.resolve(generic_phrase(subject)) if generic else None


def claimant_for(token: Token, sent: Span, elided: bool, memory: Memory, topic: str | None) -> Attribution:
    """The figure's own claimant; a generic one resolved; else the previous sentence's when
    this one continues it (connective, elided noun, or the same people counted)."""
    own, generic = attribute(token, sent)
    if own.claimant:
        memory.named.append(own)
        return own
    if own.generic:
        return memory.resolve(generic) or own
    text = sent.text.lower()
    topic = (topic or "").lower()
    specific = len(topic.split()) > 1
    continues = text.startswith(CONNECTIVES) or elided or (specific and topic in text)
    continues = continues or pronoun_subject(sent)
    if memory.previous and continues:
        return memory.previous
    return own


def pronoun_subject(sent: Span) -> bool:
    """'It has since hired 40 staff': the sentence goes on about whoever spoke before."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in PRONOUNS for c in sent.root.children)


def remember(sent: Span, figures: list[Figure], memory: Memory) -> None:
    memory.figures.extend(figures)
    own = sentence_attribution(sent, memory)
    attributed = [f for f in figures if f.claimant]
    if own is None and attributed:
        own = Attribution(attributed[-1].claimant, attributed[-1].carrier)
    if own and own.claimant:
        memory.named.append(own)
    memory.previous = own
