"""Fixture inputs -> raw articles: directories, .txt (the seed format), .jsonl, RSS/Atom.

Reading files is the only I/O here; a bad file raises InputError with a one-line reason.
"""

import json
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from schemas import RawArticle
from services.dedupe.fingerprint import canonical_url
from services.extract.pipeline import infer_metadata
from services.poller.parse import parse_feed
from services.runtime.errors import InputError
from services.text.markup import text_from_html

FEED_SUFFIXES = {".xml", ".rss", ".atom"}
SUFFIXES = {".txt", ".jsonl", *FEED_SUFFIXES}


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files in argument order; a directory contributes its files sorted by name."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(p for p in sorted(path.iterdir()) if p.is_file() and p.suffix in SUFFIXES)
        elif path.is_file():
            if path.suffix not in SUFFIXES:
                raise InputError(f"{path}: unsupported input (expected .txt, .jsonl, .xml, .rss, .atom)")
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or directory")
    return files


def from_text(path: Path, text: str) -> RawArticle:
    meta = infer_metadata(text)
    return RawArticle(
        url=f"replay:{path.name}", title=meta.get("title"), outlet=meta.get("outlet"),
        published=meta.get("published"), text=text,
    )


def from_json_line(path: Path, number: int, line: str) -> RawArticle:
    try:
        fields = json.loads(line)
        article = RawArticle.model_validate(fields)
    except (json.JSONDecodeError, ValidationError) as exc:
        first = str(exc).splitlines()[0]
        raise InputError(f"{path}:{number}: not a raw article ({first})") from None
    text = article.text or (text_from_html(article.html) if article.html else "")
    if not text.strip():
        raise InputError(f"{path}:{number}: article has neither text nor readable html")
    return article.model_copy(update={"canonical_url": canonical_url(article.url), "text": text})


def read_file(path: Path) -> list[RawArticle]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror}") from None
    if path.suffix in FEED_SUFFIXES:
        try:
            articles = parse_feed(path.as_uri(), data)
        except ValueError as exc:
            raise InputError(f"{path}: {exc}") from None
        if not articles:
            raise InputError(f"{path}: no feed entries found")
        return [a.model_copy(update={"source": "replay"}) for a in articles]
    text = data.decode("utf-8", errors="replace")
    if path.suffix == ".txt":
        return [from_text(path, text)]
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    return [from_json_line(path, n, line) for n, line in lines]


def read_inputs(paths: Iterable[Path]) -> list[RawArticle]:
    return [article for path in expand(paths) for article in read_file(path)]
