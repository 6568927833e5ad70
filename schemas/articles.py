"""Articles as they enter (`articles.raw`) and leave dedupe (`articles.unique`, `articles.duplicates`)."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from schemas.times import UtcDatetime

MAX_URL_CHARS = 8192
MAX_GUID_CHARS = 2048
Url = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_URL_CHARS)]


class RawArticle(BaseModel):
    """One article from a feed, a page or a fixture file. Key: canonical URL."""

    model_config = ConfigDict(extra="ignore")

    url: Url = Field(description="the article's URL as its feed or input file gave it "
                                 "(or a replay: URI for fixtures)")
    canonical_url: Url | None = Field(
        default=None, description="one spelling per page (the topic key, dedupe's identity); "
                                  "computed from url when absent",
    )
    title: str | None = None
    published: UtcDatetime | None = Field(default=None, description="publication time, ISO 8601")
    outlet: str | None = None
    text: str = Field(default="", description="main text; empty when only html is known")
    html: str | None = None
    guid: str | None = Field(
        default=None, max_length=MAX_GUID_CHARS, description="feed entry GUID when the feed has one"
    )
    feed_url: str | None = None
    source: Literal["replay", "poller"] = "replay"
    received_at: UtcDatetime | None = Field(
        default=None, description="when claimstream first saw it (for end-to-end latency)"
    )


class UniqueArticle(RawArticle):
    """An article that passed dedupe; revisions of an article already seen are marked."""

    content_hash: str
    revision_of: str | None = Field(
        default=None, description="URL of the earlier version when this one is a revision"
    )


class DuplicateNotice(BaseModel):
    """An article dropped as a copy, and what it is a copy of."""

    type: Literal["article.duplicate"] = "article.duplicate"
    url: str = Field(description="the copy's URL as it was given")
    canonical_url: str | None = None
    duplicate_of: str = Field(description="canonical URL of the article this one copies")
    kind: Literal["exact", "near"]
    reason: Literal["url", "guid", "content", "near"] = "content"
    similarity: float = 1.0
    original_url: str | None = Field(default=None, description="the original's URL as given")
    original_title: str | None = None
    original_outlet: str | None = None
