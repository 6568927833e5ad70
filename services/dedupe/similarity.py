"""MinHash signatures over word shingles, and the LSH bands they are filed under. No I/O.

Shingles never cross a sentence boundary, so reordered paragraphs keep their shingles.
NEAR_THRESHOLD, BANDS and ROWS (BANDS x ROWS <= NUM_PERM) come from `bench/dedupe_threshold.py`: on the
labelled corpus, copies of one story are >= 0.45 similar and distinct stories <= 0.03;
42 bands of 3 rows make pairs at 0.45 candidates with p = 0.98, at 0.03 with p = 0.001.
"""

import hashlib
import zlib
from collections.abc import Iterable, Sequence

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
SEED = 1
SHINGLE_WORDS = 4
BANDS = 42
ROWS = 3
NEAR_THRESHOLD = 0.3
SCHEME = "affine32"
FROM_EACH = [slice(i, None) for i in range(SHINGLE_WORDS)]  # a shingle's words, as slices
PERMUTATIONS = MinHash(NUM_PERM, SEED, scheme=SCHEME).permutations


def shingles(sentences: Iterable[str]) -> set[str]:
    """Overlapping runs of SHINGLE_WORDS words inside each (normalised) sentence."""
    return {shingle.decode() for shingle in shingle_bytes(s.encode().split() for s in sentences)}


def shingle_bytes(sentences: Iterable[list[bytes]]) -> list[bytes]:
    """The shingles of sentences given as their words, each as often as it occurs; a
    sentence shorter than SHINGLE_WORDS words is one shingle."""
    found: list[bytes] = []
    for tokens in sentences:
        if len(tokens) <= SHINGLE_WORDS:
            found.append(b" ".join(tokens))
        else:
            runs = zip(*map(tokens.__getitem__, FROM_EACH), strict=False)  # shortest
            found.extend(map(b" ".join, runs))
    return found


def signature(sentences: Iterable[str]) -> tuple[int, ...]:
    """MinHash hashvalues of the sentences' shingles; empty when there is no text."""
    return minhash(shingle_bytes(s.encode().split() for s in sentences))


def minhash(shingles: list[bytes]) -> tuple[int, ...]:
    """MinHash hashvalues of the shingles; a repeated shingle changes no minimum."""
    if not shingles:
        return ()
    sketch = MinHash(NUM_PERM, SEED, hashfunc=zlib.crc32, permutations=PERMUTATIONS, scheme=SCHEME)
    sketch.update_batch(shingles)
    return tuple(sketch.hashvalues.tolist())


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity: the share of equal hashvalues."""
    if not a or len(a) != len(b):
        return 0.0
    return float(np.count_nonzero(np.asarray(a) == np.asarray(b))) / len(a)


def band_keys(hashvalues: Sequence[int]) -> list[str]:
    """One store key per band: `band:<i>:<hash of the band's rows as uint64>`."""
    if not hashvalues:
        return []
    raw = np.asarray(hashvalues, dtype=np.uint64).tobytes()
    width = ROWS * 8
    return [f"band:{i}:{band_hash(raw[i * width : (i + 1) * width])}" for i in range(BANDS)]


def band_hash(rows: bytes) -> str:
    return hashlib.blake2b(rows, digest_size=8).hexdigest()


def candidate_probability(jaccard: float, bands: int = BANDS, rows: int = ROWS) -> float:
    """Chance that two texts of this Jaccard similarity share at least one band."""
    return 1.0 - (1.0 - jaccard**rows) ** bands
