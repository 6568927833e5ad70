"""What dedupe writes to its table changelog per article, and what a restart pays for it:
the LSH buckets persisted as table keys (before) against kept in memory and rebuilt from the
signatures after a restore (after).

    .venv/bin/python bench/dedupe_restore.py [N]

N generated articles (default 2,000: the fault test's generator, each article distinct) go
through `decide` as the agent runs it: each article's changed keys are one changelog record
each. "restore" is the time to apply those records to a dict, as faust's in-memory store
does, plus, after, the time to rebuild the LSH index; faust's own per-record cost on top
(about 1.2 ms per record in the fault test on this machine) is in the last row.
"""

import json
import platform
import sys
import time
from collections.abc import Iterator, MutableMapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parents[1]))
sys.path.insert(0, str(Path(__file__).parents[1] / "tests/integration"))

from fault_articles import fault_articles  # noqa: E402

from services.dedupe.bands import Indexed, rebuilt  # noqa: E402
from services.dedupe.decide import decide  # noqa: E402

FAUST_SECONDS_PER_RECORD = 0.0012  # faust recovery, measured in the fault test (22 s / 18,600)


class Changelog(MutableMapping[str, Any]):
    """A dict that records every change as the changelog record faust would write."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.records: list[tuple[str, str]] = []

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.data[key] = value
        self.records.append((key, json.dumps(value)))

    def __delitem__(self, key: str) -> None:
        del self.data[key]
        self.records.append((key, "null"))

    def __iter__(self) -> Iterator[str]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)


def run(count: int, in_memory: bool) -> dict[str, float]:
    changelog = Changelog()
    store: MutableMapping[str, Any] = Indexed(changelog, {}) if in_memory else changelog
    start = datetime(2025, 3, 1, tzinfo=UTC)
    for n, article in enumerate(fault_articles(count)):
        decide(article, store, start + timedelta(minutes=n))
    began = time.perf_counter()
    restored = {key: json.loads(value) for key, value in changelog.records}
    if in_memory:
        rebuilt(restored)
    seconds = time.perf_counter() - began
    return {
        "records": len(changelog.records),
        "bytes": sum(len(k) + len(v) for k, v in changelog.records),
        "restore": seconds,
    }


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000
    before, after = run(count, in_memory=False), run(count, in_memory=True)
    print(f"machine: {platform.machine()} {platform.processor() or ''}, "
          f"{platform.python_implementation()} {platform.python_version()}")
    print(f"command: .venv/bin/python bench/dedupe_restore.py {count}\n")
    rows = [
        ("changelog records", lambda r: f"{r['records']:,}"),
        ("records per article", lambda r: f"{r['records'] / count:.1f}"),
        ("changelog MB", lambda r: f"{r['bytes'] / 1e6:.1f}"),
        ("restore into a dict (+ index rebuild), s", lambda r: f"{r['restore']:.2f}"),
        ("+ faust's per-record recovery cost, s",
         lambda r: f"{r['restore'] + r['records'] * FAUST_SECONDS_PER_RECORD:.1f}"),
    ]
    print(f"| {count:,} articles | before (buckets persisted) | after (buckets in memory) |")
    print("|---|---|---|")
    for name, cell in rows:
        print(f"| {name} | {cell(before)} | {cell(after)} |")


if __name__ == "__main__":
    main()
