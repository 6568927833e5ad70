"""Pydantic v2 models of every topic value. Topics carry JSON bytes validated by these."""

from schemas.articles import DuplicateNotice, RawArticle, UniqueArticle
from schemas.claims import ClaimEvent, ClaimSource
from schemas.deadletter import DeadLetter
from schemas.figures import Entity, Figure

__all__ = [
    "ClaimEvent",
    "ClaimSource",
    "DeadLetter",
    "DuplicateNotice",
    "Entity",
    "Figure",
    "RawArticle",
    "UniqueArticle",
]
