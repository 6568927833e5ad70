"""What extraction costs per article, an earlier commit beside this checkout, and whether the
two extract exactly the same figures.

    .venv/bin/python bench/extract_cost.py [--before fa62baf] [--before-python PATH] [--repeats 3]

Each checkout (the earlier one in a temporary git worktree, run by --before-python: a venv
with the earlier commit's pins measures its libraries too) loads its model, then runs
`extract_batch` on every story batch (tests/data/stories/*/), the seeds and the held-out
articles, batch by batch as the tests do. CPU seconds (`time.process_time`, every thread of
the process) are what is compared: on a shared machine wall time measures the neighbours.
Every figure of both checkouts is dumped as sorted JSON; any difference is printed and the
command exits 1, so a speed change that moves one figure cannot pass for a speed change.
Then each pipeline component is timed alone on the story articles (its caches warm).
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from checkouts import before_options, checked_out, libraries, machine  # noqa: E402

# Run by each checkout's own code, in its own directory.
DUMP = """
import json, sys, time
from pathlib import Path
from schemas import RawArticle, UniqueArticle
from services.extract.pipeline import extract_batch, load_nlp
from services.replay.inputs import read_inputs
from services.runtime.settings import Settings

def story_batch(path):
    raw = [RawArticle.model_validate_json(line) for line in path.open() if line.strip()]
    raw.sort(key=lambda a: (a.published is None, a.published, a.url))
    return [UniqueArticle(**a.model_dump(), content_hash=a.url) for a in raw]

batches = {f"stories/{p.parent.name}": story_batch(p)
           for p in sorted(Path("tests/data/stories").glob("*/articles.jsonl"))}
batches["seeds"] = [UniqueArticle(**a.model_dump(), content_hash="-") for a in read_inputs([Path("seeds")])]
heldout = sorted(Path("tests/data/heldout").glob("*.txt"))
batches["heldout"] = [UniqueArticle(url=f"replay:{p.name}", text=p.read_text(encoding="utf-8"),
                                    content_hash=p.name) for p in heldout]
nlp = load_nlp(Settings().spacy_model)
extract_batch(nlp, batches["seeds"][:2])  # lazy tables and gazetteers load outside the timing
seconds, lines = [], []
for _ in range(int(sys.argv[1])):
    started, lines = time.process_time(), []
    for name, articles in batches.items():
        for article, figures in zip(articles, extract_batch(nlp, articles), strict=True):
            lines += [json.dumps([name, article.url, f.model_dump(mode="json")], sort_keys=True)
                      for f in figures]
    seconds.append(time.process_time() - started)
words = sum(len(a.text.split()) for articles in batches.values() for a in articles)
# CPU seconds of each pipeline component on the story articles, caches warm, as nlp.pipe runs them
from services.extract.intake import normalised
from services.extract.pipeline import article_text
from services.text.furniture import clean_text
stories = [a for name, articles in batches.items() if name.startswith("stories/") for a in articles]
started = time.process_time()
docs = [nlp.make_doc(clean_text(article_text(normalised(a)))) for a in stories]
components = {"tokenizer": time.process_time() - started}
for name, component in nlp.pipeline:
    started = time.process_time()
    docs = list(component.pipe(docs, batch_size=256) if hasattr(component, "pipe") else map(component, docs))
    components[name] = time.process_time() - started
print(json.dumps({"seconds": seconds, "articles": sum(map(len, batches.values())), "words": words,
                  "tokens": sum(map(len, docs)), "components": components, "figures": sorted(lines)}))
"""


def dump(repo: Path, repeats: int, python: str = sys.executable) -> dict:
    run = subprocess.run([python, "-c", DUMP, str(repeats)], cwd=repo, capture_output=True, text=True,
                         env=os.environ | {"PYTHONPATH": str(repo)})
    if run.returncode:
        raise SystemExit(f"extraction in {repo} failed:\n{run.stderr[-3000:]}")
    return json.loads(run.stdout.splitlines()[-1])


def differences(before: list[str], after: list[str]) -> list[str]:
    gone, new = sorted(set(before) - set(after)), sorted(set(after) - set(before))
    return [f"- {line}" for line in gone] + [f"+ {line}" for line in new]


def components(before: dict, after: dict, label: str) -> None:
    """CPU seconds per pipeline component on the story articles (caches warm), both checkouts."""
    print(f"\nstory articles, {after['tokens']} tokens: CPU seconds per component")
    print(f"{'component':<34}{label:>14}{'this checkout':>16}")
    for name in dict.fromkeys([*before["components"], *after["components"]]):
        cells = [f"{d['components'][name]:.2f}" if name in d["components"] else "—" for d in (before, after)]
        print(f"{name:<34}{cells[0]:>14}{cells[1]:>16}")
    rates = [d["tokens"] / sum(d["components"].values()) for d in (before, after)]
    print(f"{'all, tokens per CPU second':<34}{rates[0]:>14.0f}{rates[1]:>16.0f}\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    before_options(parser)
    parser.add_argument("--repeats", type=int, default=3, help="runs over every article; the best counts")
    args = parser.parse_args()
    if args.repeats < 1:
        parser.error("--repeats must be 1 or more")
    print(f"machine: {machine()}")
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"{args.before}: {libraries(args.before_python)}; this checkout: {libraries(sys.executable)}")
    with checked_out(args.before) as checkout:
        before = dump(checkout, args.repeats, args.before_python)
    after = dump(REPO, args.repeats)
    n, words = after["articles"], after["words"]
    print(f"articles: {n} ({words} words): story batches, seeds, held-out")
    print(f"{'measure':<34}{args.before:>14}{'this checkout':>16}")
    for name, form, per in (("CPU seconds per article (best)", "{:.3f}", lambda d: min(d["seconds"]) / n),
                            ("words per CPU second (best)", "{:.0f}", lambda d: words / min(d["seconds"]))):
        print(f"{name:<34}{form.format(per(before)):>14}{form.format(per(after)):>16}")
    print(f"{'CPU seconds, every run':<34}{' '.join(f'{s:.1f}' for s in before['seconds']):>14}"
          f"{' '.join(f'{s:.1f}' for s in after['seconds']):>16}")
    components(before, after, args.before)
    changed = differences(before["figures"], after["figures"])
    print(f"figures: {len(before['figures'])} before, {len(after['figures'])} now; identical: {not changed}; "
          f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if changed:
        print("\n".join(changed[:40]))
        raise SystemExit(1)


if __name__ == "__main__":
    main()
