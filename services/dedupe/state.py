"""What dedupe remembers, laid out as small JSON values under string keys. No I/O.

The store is any MutableMapping[str, JSON value]: a dict in tests and in `claimstream
process`, a faust Table at runtime (one changelog record per key). Values are always
replaced, never mutated in place, so a Table sees every change.

    url:<canonical url>   {"hash", "of", "t"}   "of": the URL this one was judged a copy of;
                          an article that passed also keeps "u", "ti", "o": its URL as given,
                          title and outlet, for the notices of its copies; "at": the place
                          (partition:offset) of the record last judged under this URL
    guid:<feed> <guid>    {"url", "hash", "t"}   a GUID is unique within its feed only
    hash:<content hash>   {"url", "t"}
    sig:<url>             {"h": minhash hashvalues, "f": figures, "s": sentence digests,
                           "m": digests of the sentences with numbers masked,
                           "e": digests of the long sentences' first and last words, "t"}
    band:<i>:<band hash>  [url, ...]            the LSH index, one key per bucket, oldest first
    lede:<sentence digest> {"url", "t"}          the story's first sentence: finds a copy cut
                                                 to its first paragraphs, too short for LSH
"""

from collections.abc import MutableMapping
from typing import Any

from schemas.articles import RawArticle
from services.dedupe.fingerprint import Fingerprint, digest
from services.dedupe.similarity import band_keys, similarity

Store = MutableMapping[str, Any]
BUCKET_LIMIT = 64  # URLs per LSH bucket, newest kept: bounds the value if many texts collide


def seen_url(store: Store, url: str) -> dict | None:
    return store.get(f"url:{url}")


def seen_guid(store: Store, guid: str | None) -> dict | None:
    return store.get(f"guid:{guid}") if guid else None


def seen_content(store: Store, content_hash: str) -> dict | None:
    return store.get(f"hash:{content_hash}")


def judged_at(store: Store, url: str) -> str | None:
    return (seen_url(store, url) or {}).get("at")


def remember_place(store: Store, url: str, at: str) -> None:
    """Where the record judged under `url` sits in its topic, to know it if it comes again."""
    if entry := seen_url(store, url):
        store[f"url:{url}"] = {**entry, "at": at}


def signature(store: Store, url: str) -> dict | None:
    return store.get(f"sig:{url}")


def original(store: Store, url: str) -> dict:
    """What is remembered of an article that passed: its URL as given, title, outlet."""
    return store.get(f"url:{url}") or {}


def candidates(store: Store, fp: Fingerprint, threshold: float) -> list[tuple[str, float, dict]]:
    """Remembered articles sharing an LSH band with fp and at least `threshold` similar,
    most similar first (ties by URL, so the order is deterministic)."""
    urls = {url for key in fp.bands for url in store.get(key, ())}
    scored = []
    for url in urls - {fp.url}:
        sig = store.get(f"sig:{url}")
        if sig and (score := similarity(fp.hashvalues, sig["h"])) >= threshold:
            scored.append((url, score, sig))
    return sorted(scored, key=lambda found: (-found[1], found[0]))


def opened_alike(store: Store, fp: Fingerprint) -> dict | None:
    """The signature of the last article whose story opened with fp's first sentence."""
    entry = store.get(f"lede:{digest(fp.story[0])}") if fp.story else None
    if entry is None or entry["url"] == fp.url:
        return None
    sig = store.get(f"sig:{entry['url']}")
    return {**sig, "url": entry["url"]} if sig else None


def remember_original(store: Store, fp: Fingerprint, t: float, article: RawArticle) -> None:
    """File an article that passed (unique or revision) under every key that finds it."""
    forget_signature(store, fp.url)
    remember_copy(store, fp, fp.url, t)
    store[f"url:{fp.url}"] = {
        **store[f"url:{fp.url}"], "u": article.url, "ti": article.title, "o": article.outlet,
    }
    if not fp.has_text:
        return
    store[f"hash:{fp.content_hash}"] = {"url": fp.url, "t": t}
    if fp.story:
        store[f"lede:{digest(fp.story[0])}"] = {"url": fp.url, "t": t}
    store[f"sig:{fp.url}"] = {
        "h": list(fp.hashvalues), "f": sorted(fp.figures), "s": sorted(fp.sentences),
        "m": sorted(fp.masked), "e": sorted(fp.ends), "t": t,
    }
    for key in fp.bands:
        bucket = [url for url in store.get(key, ()) if url != fp.url]
        store[key] = [*bucket, fp.url][-BUCKET_LIMIT:]


def remember_copy(store: Store, fp: Fingerprint, of: str, t: float) -> None:
    """Remember a URL (and GUID) so its next delivery is recognised as a copy of `of`.
    An original seen again under other furniture keeps what it was first given as."""
    kept = original(store, of) if fp.url == of else {}
    store[f"url:{fp.url}"] = {**kept, "hash": fp.content_hash, "of": of, "t": t}
    if fp.guid:
        store[f"guid:{fp.guid}"] = {"url": of, "hash": fp.content_hash, "t": t}


def forget_signature(store: Store, url: str) -> int:
    """Remove a URL's signature and its place in the LSH buckets; returns keys removed."""
    sig = store.pop(f"sig:{url}", None)
    if sig is None:
        return 0
    removed = 1
    for key in band_keys(sig["h"]):
        rest = [other for other in store.get(key, ()) if other != url]
        if rest:
            store[key] = rest
        elif key in store:
            del store[key]
            removed += 1
    return removed


def expire(store: Store, cutoff: float) -> int:
    """Remove every entry last seen before `cutoff` (epoch seconds); returns keys removed.
    LSH buckets go with their signatures, so their (many) values are never read here."""
    removed = 0
    for key in [k for k in store if not k.startswith("band:")]:
        entry = store.get(key)
        if not isinstance(entry, dict) or entry.get("t", cutoff) >= cutoff:
            continue
        if key.startswith("sig:"):
            removed += forget_signature(store, key.removeprefix("sig:"))
        else:
            del store[key]
            removed += 1
    return removed
