"""One parsed article → its figures: amounts filtered to claims, each with what it counts,
its scope, its claimant and the sentence it was read from."""

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from schemas.articles import UniqueArticle
from schemas.figures import Figure
from services.extract import figures as fig
from services.extract import subjects
from services.extract.amounts import Amount, find_amounts
from services.extract.attribution import Memory, claimant_for, remember
from services.extract.entities import aliases, entities_in
from services.extract.events import MONEY_EVENTS, event_of
from services.extract.scope import Scope, find_scopes, scope_for

HARM_EVENTS = frozenset(
    ["killed", "wounded", "killed_or_wounded", "captured", "detained", "evacuated", "displaced"]
)


@dataclass(frozen=True)
class Context:
    doc: Doc
    article: UniqueArticle
    meta: dict
    scopes: list[Scope]
    source: str | None = None


def read_article(doc: Doc, article: UniqueArticle, meta: dict) -> list[Figure]:
    text = doc.text
    published = article.published or meta.get("published")
    scopes = find_scopes(text, published.year if published else None)
    title = article.title or meta.get("title")
    context = Context(doc, article, meta, scopes, title_source(title))
    amounts = [
        a
        for a in find_amounts(text)
        if not fig.is_context_excluded(text, a) and not fig.in_scope_phrase(a, scopes)
    ]
    memory = Memory(headline_end=headline_end(text, article.title or meta.get("title")))
    sents = list(doc.sents)
    sentence_start = {t.i: sent.start for sent in sents for t in sent}
    by_sentence: dict[int, list[tuple[Amount, Token]]] = {}
    for amount in amounts:
        token = fig.number_token(doc, amount)
        if token is not None:
            by_sentence.setdefault(sentence_start[token.i], []).append((amount, token))
    for sent in sents:
        found = by_sentence.get(sent.start, [])
        figures = [read_figure(context, amount, token, sent, memory, found) for amount, token in found]
        remember(sent, [f for f in figures if f is not None], memory)
    return credit_headlines(memory.figures)


def read_figure(
    context: Context,
    amount: Amount,
    token: Token,
    sent: Span,
    memory: Memory,
    found: list[tuple[Amount, Token]],
) -> Figure | None:
    noun = None if amount.percent or amount.currency else fig.counted_noun(token)
    if fig.is_hypothetical(token) or fig.is_source_description(noun):
        return None
    unit = fig.unit_of(amount, noun)
    anchor = noun if noun is not None else token
    event = event_of(anchor, noun)
    inside = {t.i for t in anchor.subtree}
    others = [a.start for a, t in found if a is not amount and t.i not in inside]
    topic = memory.last_counted
    counted, unit, event = counted_text(context.doc, amount, noun, unit, event, token, memory)
    if unit == "currency" and event not in MONEY_EVENTS:
        event = "other"
    if counted is None:
        return None
    elided = noun is None and unit == "people"
    who = claimant_for(token, sent, elided, memory, topic)
    article, meta = context.article, context.meta
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
        scope=scope_for(token, anchor, (amount.start, amount.end), context.scopes, others, sent),
        claimant=who.claimant,
        carrier=who.carrier or (context.source if context.source != who.claimant else None),
        evidence=sent.text.strip(),
        headline=amount.start < memory.headline_end,
        entities=entities_in(sent),
        span=(amount.start, amount.end),
        received_at=article.received_at,
    )


def counted_text(
    doc: Doc, amount: Amount, noun: Token | None, unit: str, event: str, token: Token, memory: Memory
) -> tuple[str | None, str, str]:
    """(counted, unit, event); an elided noun ('another 20') takes the last people counted."""
    if unit == "currency":
        counted, event = subjects.money_counted(event, token, amount.start, amount.end)
        return counted, unit, event
    if unit == "percent":
        memory.last_percent = subjects.percent_counted(token) or memory.last_percent
        return memory.last_percent, unit, event
    if noun is not None:
        end = doc.char_span(amount.start, amount.end, alignment_mode="expand").end
        phrase = fig.noun_phrase(noun, end) or noun.text
        if unit == "count":
            phrase = fig.with_of_tail(noun, phrase)
        if unit == "people" and noun.lower_ not in ("other", "others"):
            memory.last_counted = phrase
        return phrase, unit, event
    level = subjects.level_subject(token)
    if level is not None:
        if level.lemma_.lower() == "toll":
            return subjects.level_phrase(level), "people", "killed"
        person = fig.is_person_noun(level)
        return subjects.level_phrase(level), "people" if person else "count", event
    if event != "other" and memory.last_counted:
        return memory.last_counted, "people", event
    if event in HARM_EVENTS and token.dep_ in ("dobj", "nsubjpass"):
        return "people", "people", event
    return None, unit, event


def credit_headlines(figures: list[Figure]) -> list[Figure]:
    """A headline figure takes the claimant of the body figure with the same value."""
    body = [f for f in figures if not f.headline and f.claimant]
    result = []
    for figure in figures:
        twin = next((b for b in body if b.value == figure.value and b.unit == figure.unit), None)
        if figure.headline and twin is not None:
            figure = figure.model_copy(update={"claimant": twin.claimant, "carrier": twin.carrier})
        result.append(figure)
    return result


def title_source(title: str | None) -> str | None:
    """'ISW: Chinese Embassy in Moscow Knew ...' → Institute for the Study of War."""
    prefix = title.split(":", 1)[0].strip() if title and ":" in title[:45] else ""
    return aliases().get(prefix)


def headline_end(text: str, title: str | None) -> int:
    if not title:
        return 0
    at = text.find(title.strip())
    return at + len(title.strip()) if 0 <= at < 600 else 0
