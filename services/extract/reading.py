"""One parsed article → its figures: amounts filtered to claims, each with what it counts,
its scope, its claimant and the sentence it was read from."""

import math
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from spacy.tokens import Doc, Span, Token

from schemas.articles import UniqueArticle
from schemas.figures import Figure
from services.claims.identity import claim_key
from services.extract import exclusions as excluded
from services.extract import figures as fig
from services.extract import runs
from services.extract.amounts import Amount, find_amounts
from services.extract.attribution import claimant_for, names_its_count, parts_share_source, remember
from services.extract.claimant import Attribution
from services.extract.coreference import Memory
from services.extract.counting import Counted, verb_qualifier, what_is_counted
from services.extract.currencies import local_currency
from services.extract.earlier import day_phrases, is_earlier, past_perfect
from services.extract.entities import aliases, entities_in
from services.extract.events import people_state
from services.extract.frame import ArticleFrame, FigureFrame, read_article_frame, read_frame
from services.extract.incidents import HEADLINE_END
from services.extract.metadata import days_before
from services.extract.names import distinctive_names
from services.extract.scope import Scope, find_scopes, one_day
from services.extract.scope_attachment import DIFFERENCE, counts_a_difference, counts_an_increment, scope_for


@dataclass(frozen=True)
class Context:
    doc: Doc
    article: UniqueArticle
    meta: dict
    scopes: list[Scope]
    frame: ArticleFrame
    source: str | None = None

    @property
    def published(self) -> datetime | None:
        """The article's publication time, from the feed or else from the page."""
        return self.article.published or self.meta.get("published")


def read_article(doc: Doc, article: UniqueArticle, meta: dict) -> list[Figure]:
    text = doc.text
    published = article.published or meta.get("published")
    scopes = find_scopes(text, *((published.year, published.month, published.day) if published else ()))
    title = article.title or meta.get("title")
    ends = headline_end(text, title)
    doc.user_data[HEADLINE_END] = ends
    frame = read_article_frame(doc, ends, meta.get("filed_from"))
    context = Context(doc, article, meta, scopes, frame, title_source(title))
    amounts = [
        replace(a, currency=local_currency(a.currency, text[a.start : a.end], text))
        for a in find_amounts(text)
        if not excluded.is_context_excluded(text, a) and not excluded.in_scope_phrase(a, scopes)
    ]
    memory = Memory(headline_end=ends)
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
        figures = parts_share_source(figures, [token for _, token in found])
        remember(sent, [f for f in figures if f is not None], memory)
    names = distinctive_names(title, article.text)  # which incident: read by the claims stage
    return [f.model_copy(update={"names": names})
            for f in credit_headlines(moved_on(memory.figures, memory.perfect), memory.vague)]


def moved_on(figures: list[Figure], perfect: set[str]) -> list[Figure]:
    """'The toll had stood at 233 late on Friday', 'On Saturday night, the count stood at 2,012':
    a value told in the past perfect, or dated to a day before another value of the same frame
    in the article (one with no day is of the day of publication), is an earlier value of the
    fact the article states as it is now; with nothing newer it is the fact itself ('Labour had
    won 412 seats', 'the ministry reported 36 cases on Thursday')."""
    def age(figure: Figure) -> float:
        """Days before publication the value was given for: a past perfect's are not known."""
        if figure.figure_id in perfect:
            return math.inf
        if figure.as_of is None or figure.published is None:
            return 0
        return (figure.published.astimezone(UTC).date() - figure.as_of).days

    if not any(age(figure) > 0 for figure in figures):
        return figures
    keys = {figure.figure_id: claim_key(figure) for figure in figures}
    current: dict[str, list[tuple[tuple, float]]] = {}
    for figure in figures:
        if figure.stated_as == "current" and figure.figure_id not in perfect:
            said = (figure.value, figure.value_max)
            current.setdefault(keys[figure.figure_id], []).append((said, age(figure)))

    def newer(figure: Figure) -> bool:
        """A value told later; for a value only dated before it, one no lower (a dated count above
        every later one of its frame is more likely another count, an estimate or a whole)."""
        said, others = (figure.value, figure.value_max), current.get(keys[figure.figure_id], [])
        dated_only = figure.figure_id not in perfect
        return any(value != said and days < age(figure) and not (dated_only and value[0] < figure.value)
                   for value, days in others)

    return [figure.model_copy(update={"stated_as": "earlier"}) if age(figure) > 0 and newer(figure)
            else figure for figure in figures]


def read_figure(
    context: Context,
    amount: Amount,
    token: Token,
    sent: Span,
    memory: Memory,
    found: list[tuple[Amount, Token]],
) -> Figure | None:
    """One amount → a Figure, or None when it is not a claim (hypothetical, a count of the
    sources quoted, nothing counted)."""
    noun = None if amount.percent or amount.currency else fig.counted_noun(token)
    if excluded.is_hypothetical(token) or excluded.is_source_description(noun):
        return None
    if excluded.is_pronoun_one(amount, token, noun) or excluded.is_name_number(token, noun):
        return None
    topic = memory.last_counted
    amount = replace(amount, qualifier=verb_qualifier(token, amount.qualifier))
    what = what_is_counted(context.doc, amount, token, noun, memory)
    if what is None:
        return None
    if amount.start < memory.headline_end and noun is not None and people_state(token) == noun:
        memory.last_counted = topic  # a headline's '9 hospitalized' is not whom 'up from 10' counts
    anchor = noun if noun is not None else token
    inside = {t.i for t in anchor.subtree}
    others = [a.start for a, t in found if a is not amount and t.i not in inside]
    scope = scope_for(token, anchor, (amount.start, amount.end), context.scopes, others, sent,
                      context.published.year if context.published else None)
    if scope is None and context.published and what.unit != "currency" and counts_an_increment(token, noun):
        day = context.published  # what one report added is a count of its day, as '24 hours' is;
        scope = one_day(day.year, day.month, day.day)  # a sum added is a budget's, of no day
    elif scope is None and counts_a_difference(token, noun):
        scope = DIFFERENCE  # never the count it is a difference of
    elided = noun is None and what.unit == "people"
    elided = elided and (memory.previous_counted or not names_its_count(token))
    who = claimant_for(token, sent, elided, memory, topic)
    frame = read_frame(context.frame, token, noun, sent, what.event, what.unit, what.counted)
    kind = runs.Kind(what.unit, scope, str(frame.place) if frame.place and frame.place_stated else None)
    carried = None  # a body figure with no source and no past perfect may be a run's (runs.py)
    unsourced = not who.claimant and not who.generic and amount.start >= memory.headline_end
    if unsourced and not past_perfect(anchor):
        carried = runs.goes_on(memory.run, token, sent, kind)
        who = carried or who
    memory.run = runs.note(memory.run, who, sent, kind, carried is not None)
    figure = build_figure(context, amount, sent, what, scope, who, amount.start < memory.headline_end)
    if past_perfect(anchor):
        memory.perfect.add(figure.figure_id)
    earlier = is_earlier(token, noun)
    days = [days_before(phrase, context.published) for phrase in day_phrases(token, anchor, earlier)]
    days = [d for d in days if d is not None][:1]  # the nearest phrase that names a day
    if days and context.published is not None:
        day = context.published.astimezone(UTC).date() - timedelta(days=days[0])
        figure = figure.model_copy(update={"as_of": day})
    if who.generic:
        memory.vague.add(figure.figure_id)
    if carried is not None:
        memory.carried.add(figure.figure_id)
    return with_frame(figure, frame, earlier)


def with_frame(figure: Figure, frame: FigureFrame, earlier: bool) -> Figure:
    return figure.model_copy(update={
        "measure": frame.measure, "place": str(frame.place) if frame.place else None,
        "place_stated": frame.place_stated, "incident": str(frame.incident) if frame.incident else None,
        "stated_as": "earlier" if earlier else "current", "rate": frame.rate, "holder": frame.holder,
    })


def build_figure(
    context: Context,
    amount: Amount,
    sent: Span,
    what: Counted,
    scope: str | None,
    who: Attribution,
    headline: bool,
) -> Figure:
    article, meta = context.article, context.meta
    carrier = who.carrier or (context.source if context.source != who.claimant else None)
    page = article.canonical_url or article.url  # one page, however its URL was spelled
    return Figure(
        figure_id=f"{page}#{amount.start}",
        article_url=page,
        outlet=article.outlet or meta.get("outlet"),
        title=article.title or meta.get("title"),
        published=context.published,
        value=amount.value,
        value_max=amount.value_max,
        qualifier=amount.qualifier,
        unit=what.unit,
        currency=amount.currency,
        converted_value=amount.converted_value,
        converted_value_max=amount.converted_value_max,
        converted_currency=amount.converted_currency,
        counted=what.counted,
        event=what.event,
        subject=f"{what.counted} {what.event}".strip(),
        scope=scope,
        claimant=who.claimant,
        carrier=carrier,
        evidence=sent.text.strip(),
        headline=headline,
        entities=entities_in(sent),
        span=(amount.start, amount.end),
        received_at=article.received_at,
    )


def credit_headlines(figures: list[Figure], vague: set[str]) -> list[Figure]:
    """A headline figure is claimed only by whom the headline names ('Taliban say'); one named
    by a word ('Media identifies 51 ...') by the body's claimant of the same figure. A headline
    that names nobody ('Death toll rises to 36') is the outlet's own, whoever the body quotes."""
    body = [f for f in figures if not f.headline and f.claimant]
    result = []
    for figure in figures:
        twin = next((b for b in body if b.value == figure.value and b.unit == figure.unit), None)
        if figure.headline and figure.figure_id in vague and twin is not None:
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
