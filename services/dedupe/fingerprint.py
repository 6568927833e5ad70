"""Article fingerprints: canonical URL, story-text hash, figures and sentence digests. No I/O.

Each story sentence is filed twice: as itself, and with its numbers masked, so "the same
sentence with another figure" is recognised without keeping the sentence."""

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from schemas.articles import RawArticle
from services.text.story import main_text

TRACKING_PARAMS = re.compile(
    r"^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|_ga|yclid"
    r"|ref|ref_src|cmpid|ocid|smid|amp|outputtype)$",
    re.IGNORECASE,
)
HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.")
DEFAULT_PORTS = {("http", 80), ("https", 443)}
NUMBER_WORDS = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "thousand", "million", "billion", "dozen", "dozens", "half", "double", "doubled", "tripled"
})
MIN_SENTENCE_WORDS = 4
ENDS_WORDS = 8


def canonical_url(url: str) -> str:
    """One spelling per page: https, lower-case host without www./m./amp., no fragment,
    tracking parameters, /amp suffix or trailing slash; remaining query parameters sorted."""
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return url.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").removesuffix(".")
    for prefix in HOST_PREFIXES:
        host = host.removeprefix(prefix)
    if parts.port and (scheme, parts.port) not in DEFAULT_PORTS:
        host = f"{host}:{parts.port}"
    path = re.sub(r"/+(amp/*)?$", "", parts.path)
    query = sorted((k, v) for k, v in parse_qsl(parts.query) if not TRACKING_PARAMS.match(k))
    scheme = "https" if scheme in {"http", "https"} else scheme
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def normalised_text(text: str) -> str:
    return " ".join(words(text))


def content_hash(text: str) -> str:
    """Hash of the normalised text: case, punctuation and line breaks do not count."""
    return hashlib.sha256(normalised_text(text).encode()).hexdigest()[:32]


def sentences(text: str) -> list[str]:
    """Normalised sentences of at least a few words, in text order."""
    pieces = (s for line in text.splitlines() for s in re.split(r"(?<=[.!?])\s+", line))
    normalised = (normalised_text(piece) for piece in pieces)
    return [s for s in normalised if len(s.split()) >= MIN_SENTENCE_WORDS]


def figures(sentence: str) -> frozenset[str]:
    """Every number a normalised sentence states, in digits or words ("1,400" is 1 and 400)."""
    return frozenset(w for w in sentence.split() if w.isdigit() or w in NUMBER_WORDS)


def digest(sentence: str) -> str:
    return hashlib.blake2b(sentence.encode(), digest_size=4).hexdigest()


def ends(sentence: str) -> list[str]:
    """A long sentence's first and last ENDS_WORDS words: what survives a prefixed dateline,
    a caption run into it or a changed tail."""
    tokens = sentence.split()
    if len(tokens) < 2 * ENDS_WORDS:
        return []
    return [" ".join(tokens[:ENDS_WORDS]), " ".join(tokens[-ENDS_WORDS:])]


def masked(sentence: str) -> str:
    """A normalised sentence with every number, in digits or words, replaced by `#`."""
    return " ".join("#" if w.isdigit() or w in NUMBER_WORDS else w for w in sentence.split())


@dataclass(frozen=True)
class Fingerprint:
    url: str  # canonical
    given_url: str
    guid: str | None
    content_hash: str
    has_text: bool
    hashvalues: tuple[int, ...]
    figures: frozenset[str]
    sentences: frozenset[str]
    masked: frozenset[str]
    ends: frozenset[str]
    story: tuple[str, ...] = ()  # the normalised sentences themselves; never stored


def feed_guid(article: RawArticle) -> str | None:
    """The entry's GUID, qualified by its feed: feeds number their entries independently."""
    if not article.guid:
        return None
    return f"{canonical_url(article.feed_url)} {article.guid}" if article.feed_url else article.guid


def fingerprint(article: RawArticle) -> Fingerprint:
    # Imported here: MinHash brings numpy and scipy (~60 MB), which the poller and replay,
    # importing this module for `canonical_url` only, never need.
    from services.dedupe.similarity import signature

    body = main_text(article.text, article.html)
    story = sentences(body)
    return Fingerprint(
        url=article.canonical_url or canonical_url(article.url),
        given_url=article.url,
        guid=feed_guid(article),
        content_hash=content_hash(body),
        has_text=bool(story),
        hashvalues=signature(story),
        figures=frozenset().union(*(figures(s) for s in story)),
        sentences=frozenset(digest(s) for s in story),
        masked=frozenset(digest(masked(s)) for s in story),
        ends=frozenset(digest(end) for s in story for end in ends(s)),
        story=tuple(story),
    )
