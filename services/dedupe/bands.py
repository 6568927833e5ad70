"""The LSH band index kept in memory beside a persisted store. No I/O.

The index (`band:` keys, see state.py) is derived from the stored signatures: persisting it
wrote 42 of an article's 45 table records and made restoring the table after a restart take
tens of seconds. `Indexed` keeps the `band:` keys in a plain dict and everything else in the
store; `rebuilt` derives the dict again from the signatures once a table is restored.
"""

from collections.abc import Iterator, MutableMapping
from typing import Any

from services.dedupe.similarity import band_keys
from services.dedupe.state import BUCKET_LIMIT

BAND = "band:"
SIGNATURE = "sig:"


class Indexed(MutableMapping[str, Any]):
    """`store` seen with its LSH buckets held in `bands` (in memory only) instead."""

    def __init__(self, store: MutableMapping[str, Any], bands: dict[str, list[str]]) -> None:
        self.store, self.bands = store, bands

    def home(self, key: str) -> MutableMapping[str, Any]:
        return self.bands if key.startswith(BAND) else self.store

    def __getitem__(self, key: str) -> Any:
        return self.home(key)[key]

    def get(self, key: str, default: Any = None) -> Any:
        """As Mapping.get, without raising KeyError for the (mostly empty) buckets looked up."""
        return self.home(key).get(key, default)

    def __setitem__(self, key: str, value: Any) -> None:
        self.home(key)[key] = value

    def __delitem__(self, key: str) -> None:
        del self.home(key)[key]

    def __iter__(self) -> Iterator[str]:
        yield from (key for key in self.store if not key.startswith(BAND))
        yield from self.bands

    def __len__(self) -> int:
        return sum(1 for _ in self)


def rebuilt(store: MutableMapping[str, Any]) -> dict[str, list[str]]:
    """The buckets of every signature in `store`, each oldest first and cut to BUCKET_LIMIT,
    as filing the signatures one by one in the order they were remembered leaves them."""
    signatures = sorted(
        (value["t"], key.removeprefix(SIGNATURE), value["h"])
        for key, value in store.items() if key.startswith(SIGNATURE)
    )
    bands: dict[str, list[str]] = {}
    for _, url, hashvalues in signatures:
        for key in band_keys(hashvalues):
            bands.setdefault(key, []).append(url)
    return {key: urls[-BUCKET_LIMIT:] for key, urls in bands.items()}


def persisted_bands(store: MutableMapping[str, Any]) -> list[str]:
    """`band:` keys a store holds from a version that persisted the index."""
    return [key for key in store if key.startswith(BAND)]
