"""One figure read from an article (`figures.extracted`). Key: claim key."""

from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from schemas.times import UtcDatetime

Qualifier = Literal[
    "exact", "about", "at_least", "more_than", "at_most", "less_than", "up_to", "range"
]


# What a figure measures: the closed vocabulary of the claim frame (services/extract/measures.py
# maps events, counted nouns and verbs onto it). `other` with nothing particular counted is
# never a merge target (services/claims/identity.py).
Measure = Literal[
    "killed", "injured", "killed_or_injured", "missing", "displaced", "evacuated",
    "evacuation_warned", "affected", "cases", "hospitalised", "rescued", "recovered", "detained", "charged",
    "deployed", "fighting", "captured", "recruited", "conscripted", "returned", "arrived",
    "protesting", "striking", "structures_damaged", "structures_destroyed", "area_burned",
    "power_outages", "records_affected", "delivered", "cost", "loss", "damage", "paid", "fine",
    "salary", "bonus", "budget", "spending", "revenue", "price", "votes", "seats", "jobs",
    "increase", "decrease", "other",
]


EVIDENCE_CHARS = 2000  # a sentence longer than this is kept as its beginning


def clipped_evidence(text: str) -> str:
    return text if len(text) <= EVIDENCE_CHARS else text[: EVIDENCE_CHARS - 1] + "…"


Evidence = Annotated[str, AfterValidator(clipped_evidence)]


class Entity(BaseModel):
    text: str
    label: str = Field(description="PERSON, ORG, GPE, NORP, LOC, ...")
    canonical: str


class Figure(BaseModel):
    model_config = ConfigDict(allow_inf_nan=False)

    figure_id: str = Field(description="deterministic: article URL + character offset")
    claim_key: str = ""
    article_url: str
    outlet: str | None = None
    title: str | None = None
    published: UtcDatetime | None = None
    value: int | float
    value_max: int | float | None = None
    qualifier: Qualifier = "exact"
    unit: str = Field(description="people, currency, percent, count, ...")
    currency: str | None = Field(default=None, description="ISO 4217 code when unit is currency")
    converted_value: int | float | None = Field(default=None, description="amount given in parentheses")
    converted_value_max: int | float | None = Field(default=None, description="its upper end, for a range")
    converted_currency: str | None = None
    counted: str = Field(description="the counted noun phrase, e.g. 'Chinese nationals'")
    event: str = Field(description="what happened to the counted thing: fighting, killed, ...")
    subject: str = Field(description="human-readable subject: counted + event phrase")
    scope: str | None = Field(
        default=None,
        description="normalised time scope, e.g. '2023'; 'previous' for a count of an earlier incident "
        "than the article's; 'difference' for how many more than another period or group ('5 more "
        "deaths than last year')",
    )
    measure: Measure = Field(default="other", description="what the figure measures (claim frame)")
    place: str | None = Field(
        default=None,
        description="ISO 3166-1 alpha-2 country, then '/' and the narrower place the sentence names "
        "('ES/paiporta'); the country alone is inherited from the article when the sentence names none; "
        "none when the sentence counts worldwide ('canceled worldwide': place_stated true); "
        "countries counted together joined by '+', in code order ('killed in Turkey and Syria': 'SY+TR')",
    )
    place_stated: bool = Field(default=False, description="the sentence itself names the place")
    incident: str | None = Field(
        default=None, description="the kind of incident the figure belongs to, with its name when "
        "agencies name it: 'earthquake', 'hurricane helene', 'fire palisades'",
    )
    rate: Literal["day", "week", "month", "year"] | None = Field(
        default=None, description="a count per period ('$1 billion a month'), not a total"
    )
    holder: str | None = Field(
        default=None, description="for what an actor holds, wins, pays or cuts (seats, votes, jobs, "
        "sums paid or fined), the actor the sentence names: 'labour', 'volkswagen'",
    )
    stated_as: Literal["current", "earlier"] = Field(
        default="current", description="'earlier': a value given in passing as a previous one "
        "('up from 36 on Tuesday'); it joins a claim's history, never its current value",
    )
    as_of: date | None = Field(
        default=None, description="the day the sentence gives the value for, when it names one ('On "
        "Saturday night, the count stood at 2,012', 'a week ago', 'yesterday'), read against the "
        "publication time; a value dated before another of the same frame in the article is an earlier one",
    )
    names: dict[str, float] = Field(
        default_factory=dict, description="the article's distinctive names, lower-cased, with their "
        "weights ('balasore': 4.3): which incident of its kind the figure belongs to",
    )
    claimant: str | None = None
    carrier: str | None = Field(default=None, description="outlet that carried the claim")
    evidence: Evidence
    headline: bool = False
    entities: list[Entity] = Field(default_factory=list)
    span: tuple[int, int] = (0, 0)
    received_at: UtcDatetime | None = None
