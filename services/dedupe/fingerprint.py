"""Article fingerprints: canonical URL, story-text hash, figures and sentence digests. No I/O.

Each story sentence is filed twice: as itself, and with its numbers masked, so "the same
sentence with another figure" is recognised without keeping the sentence."""

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
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


WORD = re.compile(r"\w+")
# a sentence's stop and the space after it: a line break (the stop would be read as a space)
SENTENCE_BREAK = re.compile(r"[.!?]\s+")
NON_ASCII = re.compile(r"[^\x00-\x7f]")
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # where str.splitlines splits
# UTF-8 bytes of a text whose non-ASCII characters are all word characters: a byte of a word
# kept, a line break made "\n", anything else a space
WORD_BYTES = bytes(
    c if c > 127 or WORD.match(chr(c)) else ord("\n") if chr(c) in LINE_BREAKS else ord(" ")
    for c in range(256)
)


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def normalised_text(text: str) -> str:
    return " ".join(words(text))


def content_hash(text: str) -> str:
    """Hash of the normalised text: case, punctuation and line breaks do not count."""
    return text_hash(normalised_text(text).encode())


def text_hash(normalised: bytes) -> str:
    return hashlib.sha256(normalised).hexdigest()[:32]


def sentences(text: str) -> list[str]:
    """Normalised sentences of at least a few words, in text order."""
    return [b" ".join(sentence).decode() for sentence in read(text)[1]]


def read(text: str) -> tuple[bytes, list[list[bytes]]]:
    """The normalised text, and the words of its sentences of at least MIN_SENTENCE_WORDS
    words, from one pass over the text: the words are `words(text)`, found by translating
    the UTF-8 bytes once rather than by a regular expression per sentence."""
    lowered = SENTENCE_BREAK.sub("\n", text.lower())
    for char in {c for c in set(NON_ASCII.findall(lowered)) if not WORD.match(c)}:
        lowered = lowered.replace(char, "\n" if char in LINE_BREAKS else " ")
    pieces = [piece.split() for piece in lowered.encode().translate(WORD_BYTES).split(b"\n")]
    normalised = b" ".join(chain.from_iterable(pieces))
    return normalised, [piece for piece in pieces if len(piece) >= MIN_SENTENCE_WORDS]


def figures(sentence: str) -> frozenset[str]:
    """Every number a normalised sentence states, in digits or words ("1,400" is 1 and 400)."""
    tokens = sentence.split()
    return NUMBER_WORDS.intersection(tokens).union(filter(str.isdigit, tokens))


def digest(sentence: str) -> str:
    return hashlib.blake2b(sentence.encode(), digest_size=4).hexdigest()


def ends(sentence: str) -> list[str]:
    """A long sentence's first and last ENDS_WORDS words: what survives a prefixed dateline,
    a caption run into it or a changed tail."""
    tokens = sentence.split()
    if len(tokens) < 2 * ENDS_WORDS:
        return []
    return [" ".join(tokens[:ENDS_WORDS]), " ".join(tokens[-ENDS_WORDS:])]


def masked(sentence: str, numbers: frozenset[str] | None = None) -> str:
    """A normalised sentence with every number, in digits or words, replaced by `#`
    (`numbers`: the sentence's figures, when already known)."""
    numbers = figures(sentence) if numbers is None else numbers
    if not numbers:
        return sentence
    return " ".join("#" if w in numbers else w for w in sentence.split())


@dataclass(frozen=True)
class Fingerprint:
    """What dedupe compares of an article. The canonical URL, GUID and story hash are read
    first; the rest (sentence digests, MinHash signature, LSH bands) is worked out when first
    asked for, so an article already known by one of those three never pays for it."""

    url: str  # canonical
    given_url: str
    guid: str | None
    content_hash: str
    story: tuple[str, ...] = ()  # the normalised sentences themselves; never stored
    words: tuple[list[bytes], ...] = field(default=(), repr=False, compare=False)  # of story

    @property
    def has_text(self) -> bool:
        return bool(self.story)

    @cached_property
    def hashvalues(self) -> tuple[int, ...]:
        # Imported here: MinHash brings numpy and scipy (~60 MB), which the poller and replay,
        # importing this module for `canonical_url` only, never need.
        from services.dedupe.similarity import minhash, shingle_bytes

        return minhash(shingle_bytes(self.words))

    @cached_property
    def bands(self) -> tuple[str, ...]:
        """Its LSH band keys (similarity.band_keys)."""
        from services.dedupe.similarity import band_keys

        return tuple(band_keys(self.hashvalues))

    @cached_property
    def numbers(self) -> tuple[frozenset[str], ...]:
        """The figures of each story sentence."""
        return tuple(map(figures, self.story))

    @cached_property
    def digests(self) -> tuple[str, ...]:
        return tuple(map(digest, self.story))

    @cached_property
    def figures(self) -> frozenset[str]:
        return frozenset().union(*self.numbers)

    @cached_property
    def sentences(self) -> frozenset[str]:
        return frozenset(self.digests)

    @cached_property
    def masked(self) -> frozenset[str]:
        return frozenset(
            digest(masked(s, n)) if n else d
            for s, n, d in zip(self.story, self.numbers, self.digests, strict=True)
        )

    @cached_property
    def ends(self) -> frozenset[str]:
        return frozenset(digest(end) for s in self.story for end in ends(s))


def feed_guid(article: RawArticle) -> str | None:
    """The entry's GUID, qualified by its feed: feeds number their entries independently."""
    if not article.guid:
        return None
    return f"{canonical_url(article.feed_url)} {article.guid}" if article.feed_url else article.guid


def fingerprint(article: RawArticle) -> Fingerprint:
    normalised, story_words = read(main_text(article.text, article.html))
    return Fingerprint(
        url=article.canonical_url or canonical_url(article.url),
        given_url=article.url,
        guid=feed_guid(article),
        content_hash=text_hash(normalised),
        story=tuple(b" ".join(sentence).decode() for sentence in story_words),
        words=tuple(story_words),
    )
