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
PERMUTATIONS = MinHash(NUM_PERM, SEED, scheme=SCHEME).permutations


def shingles(sentences: Iterable[str]) -> set[str]:
    """Overlapping runs of SHINGLE_WORDS words inside each (normalised) sentence."""
    found: set[str] = set()
    for sentence in sentences:
        tokens = sentence.split()
        last = max(len(tokens) - SHINGLE_WORDS, 0)
        found.update(" ".join(tokens[i : i + SHINGLE_WORDS]) for i in range(last + 1))
    return found


def signature(sentences: Iterable[str]) -> tuple[int, ...]:
    """MinHash hashvalues of the sentences' shingles; empty when there is no text."""
    found = shingles(sentences)
    if not found:
        return ()
    minhash = MinHash(
        NUM_PERM, SEED, hashfunc=zlib.crc32, permutations=PERMUTATIONS, scheme=SCHEME
    )
    minhash.update_batch([s.encode() for s in sorted(found)])
    return tuple(int(v) for v in minhash.hashvalues)


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity: the share of equal hashvalues."""
    if not a or len(a) != len(b):
        return 0.0
    return float(np.count_nonzero(np.asarray(a) == np.asarray(b))) / len(a)


def band_keys(hashvalues: Sequence[int]) -> list[str]:
    """One store key per band: `band:<i>:<hash of the band's rows>`."""
    if not hashvalues:
        return []
    values = np.asarray(hashvalues, dtype=np.uint64)
    return [f"band:{i}:{band_hash(values[i * ROWS : (i + 1) * ROWS])}" for i in range(BANDS)]


def band_hash(rows: np.ndarray) -> str:
    return hashlib.blake2b(rows.tobytes(), digest_size=8).hexdigest()


def candidate_probability(jaccard: float, bands: int = BANDS, rows: int = ROWS) -> float:
    """Chance that two texts of this Jaccard similarity share at least one band."""
    return 1.0 - (1.0 - jaccard**rows) ** bands
