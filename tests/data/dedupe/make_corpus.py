"""Build the labelled dedupe corpus from the five seeds: `python tests/data/dedupe/make_corpus.py`.

Each seed is one story. The script derives the versions a news stream carries of it —
re-deliveries, syndicated copies with other page furniture, revisions — and labels every
article with what it *is* by construction (never by running the deduper). Writes
corpus.jsonl beside this file, one raw article per line, in stream order, with a `label`.
"""

import json
import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from furniture import MONITOR, WIRES

HERE = Path(__file__).parent
SEEDS = sorted((HERE.parents[2] / "seeds").glob("*.txt"))
START = datetime.fromisoformat("2025-04-12T06:00:00+00:00")


@dataclass(frozen=True)
class Story:
    slug: str
    outlet: str
    title: str
    body_start: str
    body_end: str
    figure: tuple[str, str]
    update: str


STORIES = [
    Story("fakti.example/world/isw-chinese-embassy-knew", "Fakti",
          "ISW: Chinese Embassy in Moscow Knew About Chinese Fighting in Ukraine",
          "Russian opposition media outlets", "at several subway stations.",
          ("processed at least 51 Chinese", "processed at least 53 Chinese"),
          "Update: ISW said on April 13 that two more recruitment points had opened in Moscow."),
    Story("kyivindependent.example/media-identifies-51-chinese-citizens", "Kyiv Independent",
          "Media identifies 51 Chinese citizens who have joined Russian army since June 2023",
          "At least 51 Chinese citizens signed up", "incursion in Kursk Oblast.",
          ("at least 163 Chinese nationals", "at least 170 Chinese nationals"),
          "The Chinese Foreign Ministry did not respond to a request for comment. A spokesperson "
          "later said Beijing opposed any attempt to draw its citizens into the conflict."),
    Story("monitor.example/chinese-nationals-fighting-for-russia", "Global Affairs Monitor",
          "Chinese Nationals Are Fighting for Russia, Zelenskyy Claims",
          "Ukrainian President Volodymyr Zelenskyy announced", "hardline approach toward Russia.",
          ("at least 155 Chinese nationals", "at least 163 Chinese nationals"),
          "Update: Ukrainian officials later said the Chinese nationals had been moved to a "
          "prisoner of war camp in western Ukraine. Kyiv said it was ready to exchange them."),
    Story("monitor.example/chinese-soldiers-russias-rescue", "Global Affairs Monitor",
          "After North Korea, Chinese Soldiers Come to Russia's Rescue",
          "In April, Ukrainian forces captured", "as time goes on.",
          ("forces captured two Chinese nationals fighting for", "forces captured three Chinese "
           "nationals fighting for"),
          "Update: Ukraine's foreign minister said on April 28 that Kyiv had identified 12 "
          "recruitment channels on Chinese social media."),
    Story("newsweek.example/chinese-soldiers-creep-into-ukraine-war", "Newsweek",
          "Chinese Soldiers Quietly Creep Into Ukraine War",
          "Video interrogations of two soldiers", "countries in Africa.",
          ("more than 150 Chinese citizens", "more than 160 Chinese citizens"),
          "Beijing summoned no Ukrainian diplomats in response. Analysts said the muted reaction "
          "suggested China wanted to keep the episode out of the headlines."),
]


def body_of(text: str, story: Story) -> list[str]:
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if story.body_start in line)
    last = next(i for i, line in enumerate(lines) if story.body_end in line)
    return [line for line in lines[first : last + 1] if line.strip()]


def trimmed(body: list[str], share: float) -> list[str]:
    """Cut sentences off the end until at least `share` of the words are gone (a wire cut)."""
    sentences = [(i, s) for i, p in enumerate(body) for s in re.split(r"(?<=[.!?])\s+", p)]
    total = sum(len(s.split()) for _, s in sentences)
    while sum(len(s.split()) for _, s in sentences) > total * (1 - share):
        sentences.pop()
    return [" ".join(s for j, s in sentences if j == i) for i in sorted({i for i, _ in sentences})]


def reordered(body: list[str], rng: random.Random) -> list[str]:
    """Swap two pairs of paragraphs, the lede staying first."""
    moved = list(body)
    a, b, c, d = rng.sample(range(1, len(moved)), 4)
    moved[a], moved[b], moved[c], moved[d] = moved[b], moved[a], moved[d], moved[c]
    return moved


def with_update(body: list[str], update: str) -> list[str]:
    return body[:2] + [update] + body[2:]


def page(wire: dict, title: str, body: list[str]) -> str:
    return "\n\n".join([*wire["header"], title, *body, *wire["footer"]])


def native_page(text: str, story: Story, index: int) -> str:
    """The first publication: seeds 2 and 3 come from one outlet with heavy shared furniture."""
    if story.outlet != MONITOR["outlet"]:
        return text
    return page(MONITOR, story.title, body_of(text, story))


def versions(index: int, story: Story, text: str, rng: random.Random) -> list[dict]:
    """(variant, minutes after the original, url, text, title, guid, label) for one story."""
    body, home, guid = body_of(text, story), f"https://{story.slug}", f"{story.slug}#guid"
    wires = rng.sample(WIRES, 6)
    s, title = f"s{index}", story.title
    old, new = story.figure
    revised = body_of(text.replace(old, new, 1), story)
    revised_home = home if index % 2 == 0 else wires[4]["url"] + f"revised-{index}"
    revised_page = (native_page(text.replace(old, new, 1), story, index) if index % 2 == 0
                    else page(wires[4], title, revised))
    updated = with_update(body, story.update)
    return [
        (f"{s}-original", 0, home, native_page(text, story, index), title, guid,
         "unique", None, None, f"seed {index} as first published"),
        (f"{s}-redelivered", 7, home, native_page(text, story, index), title, guid,
         "duplicate", f"{s}-original", "exact", f"feed re-delivery of seed {index}"),
        (f"{s}-tracking-url", 21, f"http://www.{story.slug}/?utm_source=twitter&fbclid=Iw{index}"
         "#top", native_page(text, story, index), title, None,
         "duplicate", f"{s}-original", "exact", f"seed {index} under a tracking URL"),
        (f"{s}-guid-moved", 33, f"https://{story.slug}-{index}", native_page(text, story, index),
         title, guid, "duplicate", f"{s}-original", "exact",
         f"seed {index} re-delivered by its feed under a changed URL, same GUID"),
        (f"{s}-syndicated", 48, wires[0]["url"] + story.slug.split("/")[-1],
         page(wires[0], title, body), title, None, "duplicate", f"{s}-original", None,
         f"syndicated copy of seed {index} with other header and footer"),
        (f"{s}-other-headline", 64, wires[1]["url"] + f"story-{index}",
         page(wires[1], wires[1]["headline"], body), wires[1]["headline"], None,
         "duplicate", f"{s}-original", None,
         f"syndicated copy of seed {index} under another headline"),
        (f"{s}-reordered", 80, wires[2]["url"] + f"r/{index}", page(wires[2], title,
         reordered(body, rng)), title, None, "duplicate", f"{s}-original", "near",
         f"syndicated copy of seed {index} with paragraphs reordered"),
        (f"{s}-trimmed-tail", 97, wires[3]["url"] + f"t/{index}",
         page(wires[3], title, trimmed(body, 0.12)), title, None, "duplicate",
         f"{s}-original", "near", f"syndicated copy of seed {index} with its tail cut (12%)"),
        (f"{s}-trimmed-quarter", 113, wires[4]["url"] + f"q/{index}",
         page(wires[4], title, trimmed(body, 0.25)), title, None, "duplicate",
         f"{s}-original", "near", f"syndicated copy of seed {index} with a quarter cut"),
        (f"{s}-revised-figure", 240, revised_home + "?utm_source=rss", revised_page, title,
         f"{guid}-r1", "revision",
         f"{s}-original", None, f"revision of seed {index}: '{old}' became '{new}'"),
        (f"{s}-revised-figure-copy", 262, wires[5]["url"] + f"rev/{index}",
         page(wires[5], title, revised), title, None, "duplicate", f"{s}-revised-figure",
         None, f"syndicated copy of the figure revision of seed {index}"),
        (f"{s}-update-added", 300, wires[0]["url"] + f"updated-{index}",
         page(wires[0], title, updated), title, None, "revision", f"{s}-original", None,
         f"revision of seed {index}: a paragraph added, carried by a wire"),
        (f"{s}-update-added-copy", 330, wires[2]["url"] + f"updated/{index}",
         page(wires[2], title, reordered(updated, rng)), title, None, "duplicate",
         f"{s}-update-added", "near", f"copy of seed {index}'s update, paragraphs reordered"),
    ]


def record(index: int, story: Story, version: tuple) -> dict:
    variant, minutes, url, text, title, guid, expect, of, kind, note = version
    published = START + timedelta(minutes=minutes + 11 * index)
    return {
        "url": url, "title": title, "published": published.isoformat(), "outlet": story.outlet,
        "text": text, "guid": guid,
        "label": {"id": variant, "story": index, "expect": expect, "of": of, "kind": kind,
                  "note": note},
    }


def corpus() -> list[dict]:
    rng = random.Random(5)
    records = [
        record(i, story, version)
        for i, (story, path) in enumerate(zip(STORIES, SEEDS, strict=True))
        for version in versions(i, story, path.read_text(), rng)
    ]
    records.sort(key=lambda r: (r["published"], r["label"]["id"]))
    return [with_earlier_versions(r, records[:n]) for n, r in enumerate(records)]


def with_earlier_versions(r: dict, before: list[dict]) -> dict:
    """A revision revises its story: any earlier version of it that was passed on will do."""
    if r["label"]["expect"] == "revision":
        r["label"]["of_any"] = [
            b["label"]["id"] for b in before
            if b["label"]["story"] == r["label"]["story"] and b["label"]["expect"] != "duplicate"
        ]
    return r


if __name__ == "__main__":
    lines = [json.dumps(r, ensure_ascii=False) for r in corpus()]
    (HERE / "corpus.jsonl").write_text("\n".join(lines) + "\n")
    print(f"wrote {len(lines)} articles to {HERE / 'corpus.jsonl'}")
