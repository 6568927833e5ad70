"""Throughput of the pipeline on real-length articles: an earlier commit beside this checkout,
on the same articles, in one table.

    .venv/bin/python bench/throughput.py [--before fa62baf] [--before-python PATH] [--paced 60]

The articles: every story batch's articles of 300 words or more (tests/data/stories/*/) and
the seeds, 250 to 1,100 words, from several stories. For each checkout (the earlier one is
checked out into a temporary git worktree and run by --before-python, default this
interpreter: a venv with the earlier commit's pins measures its libraries too):

- bare `process`: the `claimstream process` pipeline in one command, with no broker, once its
  model is loaded, in articles per wall second and in CPU seconds per article (every thread of
  the process and of its NLP processes: on a shared machine the figure that measures the
  code, where wall time also measures the neighbours); its output is compared between the two
  checkouts;
- burst: `claimstream worker all` on a fresh local broker of its own (claim state must start
  empty, so CLAIMSTREAM_KAFKA_BOOTSTRAP is not used), every article published at once,
  articles over the time from the first publish to the last claim event (a warm-up article
  goes through first, so the model is loaded), and the CPU seconds per article the worker and
  its NLP processes spent on them (and the worker's own process: faust, Kafka clients, JSON,
  dedupe and claims);
- streaming overhead: burst ÷ bare;
- paced: seed revisions published 5 a second, seconds from publish to the first claim event;
- the peak RSS of each of the worker's NLP processes.
"""

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_broker import bench_broker, free_port  # noqa: E402
from checkouts import before_options, checked_out, children, cpu_seconds, libraries, machine  # noqa: E402
from end_to_end import articles as seed_revisions  # noqa: E402
from end_to_end import collect, paced, start_worker  # noqa: E402

from schemas import RawArticle  # noqa: E402
from services.dedupe.fingerprint import canonical_url  # noqa: E402
from services.replay.inputs import read_inputs  # noqa: E402
from services.replay.publish import publish  # noqa: E402

MIN_WORDS = 300
# Run by each checkout's own code: its `process` pipeline, timed once the model is loaded.
BARE = """
import json, os, sys, time
from contextlib import nullcontext
from pathlib import Path
import services.process as p
from services.extract.pipeline import load_nlp
from services.replay.inputs import read_inputs
from services.runtime.settings import Settings
sys.path.insert(0, sys.argv[2])  # this checkout's bench/, for cpu_seconds
from checkouts import cpu_seconds
settings, articles = Settings(), read_inputs([Path(sys.argv[1])])
reader = getattr(p, "reader", None)
opened = reader(settings.spacy_model, settings.nlp_processes) if reader else nullcontext((None, None))
with opened as (nlp, extract):
    given = (nlp, settings.near_duplicate_threshold, extract) if reader else (
        load_nlp(settings.spacy_model), settings.near_duplicate_threshold)
    list(p.Pipeline(*given).run(articles[:8]))  # every NLP process loads its model
    pipeline = p.Pipeline(*given)
    started, started_cpu = time.perf_counter(), cpu_seconds(os.getpid())
    events = [e.model_dump_json() for e in pipeline.run(articles)]
    print(json.dumps({"seconds": time.perf_counter() - started, "cpu": cpu_seconds(os.getpid()) - started_cpu,
                      "events": events}))
"""


def mix() -> tuple[list[RawArticle], RawArticle]:
    """The articles, and a shorter story article (not among them) to warm a worker up with."""
    stories = read_inputs(sorted((REPO / "tests/data/stories").glob("*/articles.jsonl")))
    chosen = [a for a in stories if len(a.text.split()) >= MIN_WORDS]
    warm = next(a for a in stories if len(a.text.split()) < MIN_WORDS)
    return chosen + read_inputs([REPO / "seeds"]), warm


def bare(repo: Path, inputs: Path, python: str) -> dict:
    run = subprocess.run([python, "-c", BARE, str(inputs), str(REPO / "bench")], cwd=repo,
                         capture_output=True, env=os.environ | {"PYTHONPATH": str(repo)}, text=True)
    if run.returncode:
        raise SystemExit(f"bare process in {repo} failed:\n{run.stderr[-3000:]}")
    return json.loads(run.stdout.splitlines()[-1])


def nlp_rss_mb(worker: int) -> list[float]:
    """Peak RSS of the worker's spawned processes that hold a model (over 100 MB)."""
    peaks = []
    for proc in children(worker):
        try:
            status = (proc / "status").read_text()
        except OSError:
            continue
        peak = next(line for line in status.splitlines() if line.startswith("VmHWM"))
        peaks.append(int(peak.split()[1]) / 1024)
    return sorted((mb for mb in peaks if mb > 100), reverse=True)


def streamed(repo: Path, python: str, articles: list[RawArticle], warm: RawArticle, expected: set[str],
             paced_n: int) -> dict:
    """Burst and paced figures of `claimstream worker all` from `repo`, run by `python`, on a
    fresh broker."""
    with bench_broker() as bootstrap, tempfile.TemporaryDirectory(prefix="claimstream-tp-") as tmp:
        env = os.environ | {"CLAIMSTREAM_KAFKA_BOOTSTRAP": bootstrap, "CLAIMSTREAM_STATE_DIR": f"{tmp}/state",
                            "CLAIMSTREAM_METRICS_PORT": str(free_port()),
                            "CLAIMSTREAM_WEB_PORT": str(free_port())}
        subprocess.run([python, "-m", "services.cli", "topics", "create"], cwd=repo,
                       env=env | {"PYTHONPATH": str(repo)}, check=True, capture_output=True)
        worker = start_worker(env, Path(tmp) / "worker.log", repo, settle=0, python=python)
        try:
            found = measure(bootstrap, articles, warm, expected, paced_n, worker.pid)
            return found | {"rss": nlp_rss_mb(worker.pid)}
        finally:
            os.killpg(worker.pid, 2)
            worker.wait(60)


def measure(bootstrap: str, articles: list[RawArticle], warm: RawArticle, expected: set[str],
            paced_n: int, worker: int) -> dict:
    """On a fresh broker: the warm-up article through to its claim event, then the burst (and
    the worker's CPU seconds over it), then seed revisions (each changes a claim) one every 0.2 s."""
    asyncio.run(publish(bootstrap, [warm]))
    asyncio.run(collect(bootstrap, {canonical_url(warm.url)}, timeout=600))
    started, started_cpu, started_own = time.time(), cpu_seconds(worker), cpu_seconds(worker, False)
    asyncio.run(publish(bootstrap, articles))
    events = asyncio.run(collect(bootstrap, expected, timeout=900, idle=30))
    burst_cpu = cpu_seconds(worker) - started_cpu  # with 30 s of idling if an article never got there
    own_cpu = cpu_seconds(worker, False) - started_own
    last = max((datetime_of(e["emitted_at"]) for e in events), default=time.time())
    latencies = asyncio.run(paced(bootstrap, seed_revisions(paced_n, "paced", 900_000), gap=0.2))
    return {"burst": len(articles) / (last - started), "burst_cpu": burst_cpu / len(articles),
            "worker_cpu": own_cpu / len(articles),
            "reached": len({e["article_url"] for e in events}), "latencies": latencies}


def datetime_of(stamp: str) -> float:
    from datetime import datetime

    return datetime.fromisoformat(stamp).timestamp()


def quantile(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


def figures(repo: Path, python: str, inputs: Path, articles: list[RawArticle], warm: RawArticle,
            paced_n: int) -> dict:
    done = bare(repo, inputs, python)
    expected = {e["article_url"] for e in map(json.loads, done["events"]) if e["type"].startswith("claim.")}
    return {"bare": len(articles) / done["seconds"], "bare_cpu": done["cpu"] / len(articles),
            "events": done["events"], "expected": len(expected),
            **streamed(repo, python, articles, warm, expected, paced_n)}


def table(before: dict, after: dict, label: str) -> None:
    rows = [
        ("bare `process`, CPU s per article", "{:.3f}", lambda f: f["bare_cpu"]),
        ("bare `process`, articles/s", "{:.2f}", lambda f: f["bare"]),
        ("end to end burst, CPU s per article", "{:.3f}", lambda f: f["burst_cpu"]),
        ("  of which the worker's own process", "{:.3f}", lambda f: f["worker_cpu"]),
        ("end to end burst, articles/s", "{:.2f}", lambda f: f["burst"]),
        ("streaming overhead (burst ÷ bare)", "{:.2f}", lambda f: f["burst"] / f["bare"]),
        ("paced 5/s publish→claim p50, s", "{:.2f}", lambda f: quantile(f["latencies"], 0.5)),
        ("paced 5/s publish→claim p99, s", "{:.2f}", lambda f: quantile(f["latencies"], 0.99)),
        ("NLP processes × peak RSS, MB", "{}", lambda f: f"{len(f['rss'])} × {max(f['rss'], default=0):.0f}"),
        ("articles reaching a claim event", "{}", lambda f: f"{f['reached']}/{f['expected']}"),
    ]
    print(f"{'measure':<36}{label:>14}{'this checkout':>16}")
    for name, form, value in rows:
        print(f"{name:<36}{form.format(value(before)):>14}{form.format(value(after)):>16}")


def main() -> None:
    parser = argparse.ArgumentParser()
    before_options(parser)
    parser.add_argument("--paced", type=int, default=60, help="articles published 5 a second")
    args = parser.parse_args()
    os.environ.pop("CLAIMSTREAM_KAFKA_BOOTSTRAP", None)  # each checkout gets a fresh broker
    print(f"machine: {machine()}")
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    articles, warm = mix()
    words = sorted(len(a.text.split()) for a in articles)
    print(f"articles: {len(articles)}, {words[0]}–{words[-1]} words (median {words[len(words) // 2]}); "
          f"CLAIMSTREAM_NLP_PROCESSES={os.environ.get('CLAIMSTREAM_NLP_PROCESSES', 'default')}")
    print(f"{args.before}: {libraries(args.before_python)}; this checkout: {libraries(sys.executable)}")
    with checked_out(args.before) as checkout, tempfile.TemporaryDirectory(prefix="claimstream-tp-") as tmp:
        inputs = Path(tmp) / "articles.jsonl"
        inputs.write_text("".join(a.model_dump_json() + "\n" for a in articles))
        before = figures(checkout, args.before_python, inputs, articles, warm, args.paced)
        after = figures(REPO, sys.executable, inputs, articles, warm, args.paced)
    table(before, after, args.before)
    print(f"`process` output identical: {before['events'] == after['events']}; "
          f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
