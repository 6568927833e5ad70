"""One parsed article → its figures: amounts filtered to claims, each with what it counts,
its scope, its claimant and the sentence it was read from."""

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from schemas.articles import UniqueArticle
from schemas.figures import Figure
from services.extract import figures as fig
from services.extract.amounts import Amount, find_amounts
from services.extract.claimant import (
    SPEECH_VERBS,
    Attribution,
    attribute,
    name_of,
    reference,
    subject_of,
)
from services.extract.entities import entities_in
from services.extract.scope import Scope, find_scopes

INHERIT_SENTENCES = 2


@dataclass
class Memory:
    """What earlier sentences of the article tell later ones."""

    last_named: Attribution | None = None
    last_counted: str | None = None
    previous: Attribution | None = None
    previous_age: int = 0
    headline_end: int = 0
    figures: list[Figure] = field(default_factory=list)


def sentence_attribution(sent: Span, memory: Memory) -> Attribution | None:
    """'X writes that ...', 'according to X': who speaks in a sentence, figures or not."""
    root = sent.root
    if root.lemma_.lower() in SPEECH_VERBS:
        name, generic = name_of(subject_of(root))
        if name:
            return Attribution(name)
        if generic and memory.last_named:
            return memory.last_named
    ref, kind = reference(sent)
    name, _ = name_of(ref) if ref is not None else (None, False)
    return Attribution(name) if name and kind == "according" else None


def scope_for(amount: Amount, scopes: list[Scope], amounts: list[Amount], sent: Span) -> str | None:
    """The nearest scope after the figure in its sentence, else the nearest before it, never
    across another figure."""
    inside = [s for s in scopes if sent.start_char <= s.start < sent.end_char]
    others = [
        a.start for a in amounts if a is not amount and sent.start_char <= a.start < sent.end_char
    ]
    after = [
        s
        for s in inside
        if s.start >= amount.end and not any(amount.end <= o < s.start for o in others)
    ]
    if after:
        return after[0].value
    before = [
        s
        for s in inside
        if s.end <= amount.start and not any(s.end <= o < amount.start for o in others)
    ]
    return before[-1].value if before else None


def claimant_for(token: Token, sent: Span, memory: Memory) -> Attribution:
    own = attribute(token, sent)
    if own.claimant:
        return own
    if own.generic and memory.last_named:
        return memory.last_named
    if memory.previous and memory.previous_age <= INHERIT_SENTENCES:
        return memory.previous
    return own


def read_article(doc: Doc, article: UniqueArticle, meta: dict) -> list[Figure]:
    text = doc.text
    published = article.published or meta.get("published")
    scopes = find_scopes(text, published.year if published else None)
    amounts = [
        a
        for a in find_amounts(text)
        if not fig.is_context_excluded(text, a) and not fig.in_scope_phrase(a, scopes)
    ]
    memory = Memory(headline_end=headline_end(text, article.title or meta.get("title")))
    by_sentence: dict[int, list[Amount]] = {}
    for amount in amounts:
        token = fig.number_token(doc, amount)
        if token is not None:
            by_sentence.setdefault(token.sent.start, []).append(amount)
    for sent in doc.sents:
        found = by_sentence.get(sent.start, [])
        for amount in found:
            figure = read_figure(doc, amount, sent, scopes, found, memory, article, meta)
            if figure is not None:
                memory.figures.append(figure)
        remember(sent, memory)
    return memory.figures


def remember(sent: Span, memory: Memory) -> None:
    own = sentence_attribution(sent, memory)
    if own is None and memory.figures and memory.figures[-1].evidence == sent.text.strip():
        last = memory.figures[-1]
        own = Attribution(last.claimant, last.carrier) if last.claimant else None
    if own and own.claimant:
        memory.previous, memory.previous_age = own, 0
        memory.last_named = own
    else:
        memory.previous_age += 1


def headline_end(text: str, title: str | None) -> int:
    if not title:
        return 0
    at = text.find(title.strip())
    return at + len(title.strip()) if 0 <= at < 600 else 0


def read_figure(
    doc: Doc,
    amount: Amount,
    sent: Span,
    scopes: list[Scope],
    found: list[Amount],
    memory: Memory,
    article: UniqueArticle,
    meta: dict,
) -> Figure | None:
    token = fig.number_token(doc, amount)
    noun = fig.counted_noun(token, amount)
    if fig.is_hypothetical(token) or fig.is_source_description(noun):
        return None
    unit = fig.unit_of(amount, noun)
    event = fig.event_of(noun if noun is not None else token, noun)
    counted = counted_text(doc, amount, noun, unit, event, token, memory)
    if counted is None:
        return None
    who = claimant_for(token, sent, memory)
    return Figure(
        figure_id=f"{article.url}#{amount.start}",
        article_url=article.url,
        outlet=article.outlet or meta.get("outlet"),
        title=article.title or meta.get("title"),
        published=article.published or meta.get("published"),
        value=amount.value,
        value_max=amount.value_max,
        qualifier=amount.qualifier,
        unit=unit,
        currency=amount.currency,
        converted_value=amount.converted_value,
        converted_currency=amount.converted_currency,
        counted=counted,
        event=event,
        subject=f"{counted} {event}".strip(),
        scope=scope_for(amount, scopes, found, sent),
        claimant=who.claimant,
        carrier=who.carrier,
        evidence=sent.text.strip(),
        headline=amount.start < memory.headline_end,
        entities=entities_in(sent),
        span=(amount.start, amount.end),
        received_at=article.received_at,
    )


def counted_text(
    doc: Doc,
    amount: Amount,
    noun: Token | None,
    unit: str,
    event: str,
    token: Token,
    memory: Memory,
) -> str | None:
    """The counted phrase; an elided noun ('another 20') takes the last one counted."""
    if unit == "currency":
        return fig.money_counted(event, token)
    if noun is not None:
        end = doc.char_span(amount.start, amount.end, alignment_mode="expand").end
        phrase = fig.noun_phrase(noun, end) or noun.text
        if unit == "people":
            memory.last_counted = phrase
        return phrase
    if unit == "percent":
        return fig.percent_subject(token)
    if event != "other" and memory.last_counted:
        return memory.last_counted
    return None
