"""Claim events on `claims.new` and `claims.updated`. Key: claim id."""

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from schemas.figures import Evidence, Measure, Qualifier
from schemas.times import UtcDatetime

Change = Literal[
    "new", "value_changed", "qualifier_changed", "corroborated", "contested", "late_source",
    "earlier_value",
]


class ClaimSource(BaseModel):
    model_config = ConfigDict(allow_inf_nan=False)

    article_url: str
    outlet: str | None = None
    claimant: str | None = None
    value: int | float
    value_max: int | float | None = None
    qualifier: Qualifier = "exact"
    published: UtcDatetime | None = None
    stated_as: Literal["current", "earlier"] = "current"
    as_of: date | None = Field(default=None, description="the day the article gives the value for")


class Previous(BaseModel):
    model_config = ConfigDict(allow_inf_nan=False)

    value: int | float
    value_max: int | float | None = None
    qualifier: Qualifier
    claimant: str | None = None


class ClaimEvent(BaseModel):
    model_config = ConfigDict(allow_inf_nan=False)

    type: Literal["claim.new", "claim.updated"]
    event_id: str = Field(
        description="one id per statement about one claim: the same statement gets the same id "
        "in any arrival order (but when one frame holds several incidents, which of them keeps "
        "the frame's first claim id follows arrival); a repeat delivery carries the id already seen",
    )
    claim_id: str
    claim_key: str
    version: int = Field(description="statements applied to the claim so far, this one included")
    change: Change = "new"
    subject: str
    counted: str
    event: str
    scope: str | None = None
    measure: Measure = Field(default="other", description="claim frame: what is measured")
    place: str | None = Field(default=None, description="claim frame: ISO country code[/narrower place], "
                              "or several codes joined by '+' for a count over several countries ('SY+TR')")
    incident: str | None = Field(default=None, description="claim frame: incident kind [name]")
    holder: str | None = Field(default=None, description="claim frame: the actor whose seats, votes, "
                               "jobs or payments are counted")
    names: list[str] = Field(
        default_factory=list, description="the heaviest distinctive names of the claim's articles: "
        "which incident of its frame the claim is (two crashes in one country stay two claims)",
    )
    value: int | float
    value_max: int | float | None = None
    qualifier: Qualifier
    unit: str
    currency: str | None = None
    claimant: str | None = None
    article_url: str
    outlet: str | None = None
    published: UtcDatetime | None = None
    evidence: Evidence
    contested: bool = False
    previous: Previous | None = None
    sources: list[ClaimSource] = Field(
        default_factory=list, description="one per article, the latest 50 by publication time",
    )
    source_count: int = Field(default=0, description="articles that stated the claim so far")
    statement: ClaimSource | None = Field(
        default=None, description="the statement this event applied (for `earlier_value`, the "
        "earlier value given in passing; the current value is unchanged)",
    )
    emitted_at: UtcDatetime | None = Field(default=None, description="wall clock, not part of id")
