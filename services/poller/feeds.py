"""The feeds file: YAML or TOML with per-feed settings, or `.txt` with one URL per line.

    feeds:
      - https://example.org/rss
      - url: https://example.com/atom.xml
        interval: 300        # seconds; fixed instead of adaptive
        enabled: false
        full_text: false     # never fetch the article pages

TOML uses `[[feeds]]` tables with the same keys. A bad file raises ValueError with a
one-line reason. No network I/O."""

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from services.poller.guard import url_refusal

KNOWN_KEYS = {"url", "interval", "enabled", "full_text"}


@dataclass(frozen=True)
class FeedConfig:
    url: str
    interval: float | None = None
    enabled: bool = True
    full_text: bool = True


def load_feeds(path: Path) -> list[FeedConfig]:
    """Every feed in the file, first occurrence of each URL kept, in file order."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.__class__.__name__
        raise ValueError(f"poller: cannot read feeds file {path}: {reason}") from None
    entries = _txt_entries(text) if path.suffix.lower() == ".txt" else _document_entries(path, text)
    feeds: dict[str, FeedConfig] = {}
    for number, entry in enumerate(entries, start=1):
        feed = feed_config(entry, f"{path}: feed {number}")
        feeds.setdefault(feed.url, feed)
    return list(feeds.values())


def _txt_entries(text: str) -> list[Any]:
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def _document_entries(path: Path, text: str) -> list[Any]:
    try:
        if path.suffix.lower() == ".toml":
            document: Any = tomllib.loads(text)
        else:
            document = yaml.safe_load(text)
    except (tomllib.TOMLDecodeError, yaml.YAMLError) as error:
        reason = " ".join(str(error).split())[:160]
        raise ValueError(f"poller: malformed feeds file {path}: {reason}") from None
    if isinstance(document, dict):
        document = document.get("feeds")
    if not isinstance(document, list):
        raise ValueError(f"poller: feeds file {path} has no list of feeds")
    return document


def feed_config(entry: Any, where: str) -> FeedConfig:
    """One feed from a URL string or a mapping with `url` and optional settings."""
    if isinstance(entry, str):
        entry = {"url": entry}
    if not isinstance(entry, dict):
        raise ValueError(f"poller: {where}: expected a URL or a mapping")
    if unknown := sorted(set(entry) - KNOWN_KEYS):
        raise ValueError(f"poller: {where}: unknown setting {unknown[0]!r}")
    url = str(entry.get("url") or "").strip()
    if refusal := url_refusal(url):
        raise ValueError(f"{refusal} in {where} ({url or 'no url'})")
    interval = entry.get("interval")
    if interval is not None and (isinstance(interval, bool) or not _positive_number(interval)):
        raise ValueError(f"poller: {where}: interval must be a positive number of seconds")
    for flag in ("enabled", "full_text"):
        if not isinstance(entry.get(flag, True), bool):
            raise ValueError(f"poller: {where}: {flag} must be true or false")
    return FeedConfig(
        url, None if interval is None else float(interval),
        entry.get("enabled", True), entry.get("full_text", True),
    )


def _positive_number(value: Any) -> bool:
    return isinstance(value, int | float) and value > 0
