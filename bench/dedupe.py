"""Dedupe stage beside exact-hash-only dedupe on the labelled corpus: precision, recall, speed.

    .venv/bin/python bench/dedupe.py [--threshold 0.3] [--seconds 20] [--fill 50000]
                                     [--before CHECKOUT]

Both run in this process over tests/data/dedupe/corpus.jsonl in stream order, on a store that
holds values decoded in memory, counts writes and encodes each written value as JSON, as a
faust Table with a JSON value serializer does (each write and delete is a changelog record;
reads are served from memory), with the LSH buckets in memory beside it as the stage keeps
them (`services.dedupe.bands.Indexed`). A duplicate is right only with the
labelled duplicate_of; a revision only with revision_of naming an earlier version of its story.
With --before, the same speed measurement runs at the same time, in a second process, on the
code of another checkout (e.g. `git worktree add /tmp/dd-base <commit>`), so both rows see
the same machine load. `bench/dedupe_threshold.py` prints the measurement behind the threshold
and LSH bands.
"""

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, MutableMapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

# --code CHECKOUT: measure that checkout's services (the "before" row's child process)
CODE = Path(sys.argv[sys.argv.index("--code") + 1]) if "--code" in sys.argv else Path(
    __file__).parents[1]
sys.path.insert(0, str(CODE))

from schemas.articles import RawArticle  # noqa: E402
from services.dedupe.bands import Indexed, rebuilt  # noqa: E402
from services.dedupe.decide import decide, expire  # noqa: E402
from services.dedupe.fingerprint import canonical_url, content_hash  # noqa: E402
from services.dedupe.similarity import NEAR_THRESHOLD, NUM_PERM  # noqa: E402
from services.text.story import main_text  # noqa: E402

CORPUS = Path(__file__).parents[1] / "tests/data/dedupe/corpus.jsonl"
SAMPLE = 300  # unique articles timed through a full store
Verdict = tuple[str, str | None]  # outcome, duplicate_of or revision_of
Judge = Callable[[RawArticle, MutableMapping, datetime], Verdict]


class TableLike(MutableMapping):
    """Values held decoded; each write counted and encoded as JSON, as for its changelog."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        self.data, self.writes = dict(data or {}), 0

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.writes += 1
        json.dumps(value).encode()  # the changelog record's value
        self.data[key] = value

    def __delitem__(self, key: str) -> None:
        self.writes += 1
        del self.data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)


def load() -> list[tuple[RawArticle, dict, datetime]]:
    rows = [json.loads(line) for line in CORPUS.read_text().splitlines()]
    return [(RawArticle.model_validate(r), r["label"], datetime.fromisoformat(r["published"]))
            for r in rows]


def stage(threshold: float) -> Judge:
    def run(article: RawArticle, store: MutableMapping, now: datetime) -> Verdict:
        d = decide(article, store, now, threshold)
        return d.outcome, d.duplicate.duplicate_of if d.duplicate else d.unique.revision_of
    return run


class Filled:
    """A stage's memory: the table (JSON values) and the LSH buckets held beside it."""

    def __init__(self, table: "TableLike", bands: dict[str, list[str]]) -> None:
        self.table, self.bands = table, bands

    def copy(self) -> Indexed:
        """A fresh copy to run on (bucket lists are replaced, never changed in place)."""
        return Indexed(TableLike(self.table.data), dict(self.bands))


def exact_only(article: RawArticle, store: MutableMapping, now: datetime) -> Verdict:
    """The baseline: canonical URL, GUID and main-text hash; a known URL or GUID with other
    content is a revision, as in the stage."""
    url, digest = canonical_url(article.url), content_hash(main_text(article.text, article.html))
    prior = store.get(url) or (store.get(article.guid) if article.guid else None)
    if prior and prior[1] != digest:
        store[url] = [url, digest]
        return "revision", prior[0]
    if found := prior or store.get(digest):
        return "duplicate", found[0]
    store[url] = store[digest] = [url, digest]
    if article.guid:
        store[article.guid] = [url, digest]
    return "unique", None


def score(corpus: list, judge: Judge) -> dict[str, float]:
    table, url_of = TableLike(), {}
    store = Indexed(table, {})
    said = {"duplicate": 0, "right duplicate": 0, "right revision": 0, "revision dropped": 0}
    for article, label, now in corpus:
        url_of[label["id"]] = canonical_url(article.url)
        outcome, of = judge(article, store, now)
        allowed = {url_of[i] for i in label.get("of_any", [label["of"]]) if i}
        right = outcome == label["expect"] and (of in allowed if allowed else of is None)
        said["duplicate"] += outcome == "duplicate"
        said[f"right {outcome}"] = said.get(f"right {outcome}", 0) + right
        said["revision dropped"] += label["expect"] == "revision" and outcome == "duplicate"
    labelled = {k: sum(lab["expect"] == k for _, lab, _ in corpus) for k in ("duplicate",
                                                                             "revision")}
    return {"precision": said["right duplicate"] / max(said["duplicate"], 1),
            "recall": said["right duplicate"] / labelled["duplicate"],
            "revision recall": said["right revision"] / labelled["revision"],
            "revisions dropped": said["revision dropped"], "writes": table.writes / len(corpus)}


def speed(corpus: list, judge: Judge, seconds: float, base: Filled | None = None,
          ) -> tuple[float, float]:
    """Articles/s through `judge`, best and median of the passes made in `seconds` (on a
    shared machine the best pass is the one least slowed by others); each pass starts from
    a copy of `base` (copy not timed)."""
    rates: list[float] = []
    ends = time.perf_counter() + seconds
    while not rates or time.perf_counter() < ends:
        store = base.copy() if base else Indexed(TableLike(), {})
        started = time.perf_counter()
        for article, _, now in corpus:
            judge(article, store, now)
        rates.append(len(corpus) / (time.perf_counter() - started))
    return max(rates), statistics.median(rates)


def new_articles(base: Filled, corpus: list, sample: int = SAMPLE) -> float:
    """The rate at which `sample` unique articles of real length (the costliest outcome)
    go through a filled store."""
    rng, now = random.Random(11), corpus[0][2]
    words = sorted({w for a, _, _ in corpus for w in a.text.split()})
    texts = ["\n".join(" ".join(rng.choices(words, k=25)) + "." for _ in range(20))
             for _ in range(sample)]
    memory = Indexed(base.table, base.bands)
    started = time.perf_counter()
    for i, text in enumerate(texts):
        decide(RawArticle(url=f"https://sample.example/{i}", text=text), memory, now)
    return sample / (time.perf_counter() - started)  # base.table.writes: the sample's


def filled_store(n: int, corpus: list) -> Filled:
    """A store holding n distinct articles, as after days of traffic. The entries are
    written in the store's layout (state.py) from random signatures of 30 sentences, so a
    large store is built in seconds."""
    rng, now = random.Random(7), corpus[0][2] - timedelta(days=1)
    table = TableLike()
    for i in range(n):
        write_entry(table, f"https://filler.example/{i}", rng, now.timestamp())
    return Filled(table, rebuilt(table))


def write_entry(store: TableLike, url: str, rng: random.Random, t: float) -> None:
    """One remembered article under every table key state.py files it under (its LSH
    buckets are derived from the signatures, as after a restore: bands.rebuilt)."""
    hashvalues = [rng.getrandbits(32) for _ in range(NUM_PERM)]
    digests = sorted(f"{rng.getrandbits(32):08x}" for _ in range(30))
    content = f"{rng.getrandbits(128):032x}"
    store.data[f"url:{url}"] = {"hash": content, "of": url, "t": t, "u": url}
    store.data[f"hash:{content}"] = {"url": url, "t": t}
    store.data[f"sig:{url}"] = {"h": hashvalues, "f": ["12", "2025"], "s": digests, "m": digests,
                                "e": digests[:20], "t": t}


def table(title: str, header: list[str], rows: list[list]) -> None:
    cells = [header] + [[f"{c:.3f}" if isinstance(c, float) else str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    print(f"\n{title}")
    for n, row in enumerate(cells):
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                        for i, (c, w) in enumerate(zip(row, widths, strict=True))))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def print_comparison(corpus: list, threshold: float) -> None:
    rows = []
    for name, judge in [("exact hash only (baseline)", exact_only),
                        (f"dedupe stage, threshold {threshold}", stage(threshold))]:
        s = score(corpus, judge)
        rows.append([name, s["precision"], s["recall"], s["revision recall"],
                     s["revisions dropped"], round(s["writes"], 1)])
    table(f"{len(corpus)} labelled articles",
          ["method", "dup precision", "dup recall", "revision recall", "revisions dropped",
           "writes/article"], rows)


def measure(corpus: list, args: argparse.Namespace) -> dict:
    """The stage's rates through a store holding args.fill articles, an empty one, and for
    new articles; each phase starts when the parent says so (a line on stdin), so that two
    versions measured side by side run each phase at the same time."""
    base, judge = filled_store(args.fill, corpus), stage(args.threshold)
    phases = {"full": lambda: speed(corpus, judge, args.seconds, base),
              "empty": lambda: speed(corpus, judge, args.seconds),
              "unique": lambda: new_articles(base, corpus)}
    rates = {}
    for name, run in phases.items():
        print(name, flush=True)
        sys.stdin.readline()
        rates[name] = run()
    return rates


def commit(checkout: Path) -> str:
    found = subprocess.run(["git", "-C", str(checkout), "rev-parse", "--short", "HEAD"],
                           capture_output=True, text=True, check=False).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(checkout), "status", "--porcelain", "services"],
                           capture_output=True, text=True, check=False).stdout.strip()
    return f"{found or '?'}{' + changes' if dirty else ''}"


def print_speed(rows: list[tuple[str, dict]], args: argparse.Namespace, load: list) -> None:
    print(f"\nmachine: {platform.machine()}, {os.cpu_count()} cores, {platform.python_version()}"
          f"; load average (1 min) at start and end: {load[0]:.1f}, {load[1]:.1f}")
    print(f"command: .venv/bin/python bench/dedupe.py --seconds {args.seconds:g} --fill {args.fill}"
          f"{f' --before {args.before}' if args.before else ''}")
    table(f"Speed of `decide`, one process: articles/s over the labelled corpus in stream "
          f"order (best / median of the passes made in {args.seconds:g} s), and for {SAMPLE} new articles;"
          " the rows measured at the same time",
          ["code", f"articles/s @{args.fill} in store", "articles/s, empty store",
           f"new articles/s @{args.fill}"],
          [[name, rates(r["full"]), rates(r["empty"]), round(r["unique"])] for name, r in rows])


def rates(best_and_median: list[float]) -> str:
    best, median = best_and_median
    return f"{best:.0f} / {median:.0f}"


def print_state(base: Filled, unique_rate: float, n: int) -> None:
    data = base.table.data
    size = sum(len(k) + len(json.dumps(v).encode()) for k, v in data.items())
    now = datetime.now().astimezone()
    started = time.perf_counter()
    kept = expire(Indexed(TableLike(data), dict(base.bands)), now, timedelta(days=3650))
    scan = time.perf_counter() - started
    started = time.perf_counter()
    everything = Indexed(TableLike(data), dict(base.bands))
    keys = len(everything)
    removed = expire(everything, now, timedelta(0))
    table("State of the stage's store after unique articles (retention keeps it bounded); "
          "MB and bytes: the table's JSON (the LSH buckets are held in memory beside it)",
          ["articles", "table keys", "MB", "bytes/article", "writes/unique article",
           "unique articles/s", "expire s (none due)", "expire s (all due)"],
          [[n, len(data), round(size / 1e6, 1), size // n, base.table.writes // SAMPLE,
            round(unique_rate), round(scan, 3) if kept == 0 else "?",
            round(time.perf_counter() - started, 3) if removed == keys else "?"]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=NEAR_THRESHOLD)
    parser.add_argument("--seconds", type=float, default=20, help="per measurement")
    parser.add_argument("--fill", type=int, default=50000)
    parser.add_argument("--before", type=Path, help="another checkout, measured at the same time")
    parser.add_argument("--code", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--speed-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    corpus = load()
    if args.speed_only:
        print(json.dumps(measure(corpus, args)))
        return
    load_start = os.getloadavg()[0]
    checkouts = [("before", args.before)] if args.before else []
    checkouts.append(("this code", CODE))
    runs = [(f"{name} ({commit(checkout)})", subprocess.Popen(
        [sys.executable, __file__, "--code", str(checkout), "--speed-only", "--seconds",
         str(args.seconds), "--fill", str(args.fill), "--threshold", str(args.threshold)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)) for name, checkout in checkouts]
    for _ in range(3):  # the phases: each started in every process at once
        for _, run in runs:
            run.stdout.readline()
        for _, run in runs:
            run.stdin.write("go\n")
            run.stdin.flush()
    rows = [(name, json.loads(run.communicate()[0])) for name, run in runs]
    print_speed(rows, args, [load_start, os.getloadavg()[0]])
    print_comparison(corpus, args.threshold)
    base = filled_store(args.fill, corpus)
    print_state(base, new_articles(base, corpus), args.fill)

if __name__ == "__main__":
    main()
