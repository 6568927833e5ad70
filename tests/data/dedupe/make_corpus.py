"""Build the labelled dedupe corpus from the five seeds: `python tests/data/dedupe/make_corpus.py`.

Each seed is one story. The script derives the versions a news stream carries of it —
re-deliveries, syndicated copies with other page furniture, revisions — and labels every
article with what it *is* by construction (never by running the deduper). Writes
corpus.jsonl beside this file, one raw article per line, in stream order, with a `label`:
`expect` (unique|duplicate|revision), `of` (the article it copies or revises), `kind`
(exact|near when the variant fixes it) and, for revisions, `of_any` (earlier versions).
"""

import json
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from furniture import COUNTING_WIRE, MONITOR, WIRES
from stories import STORIES, Story, body_of, reordered, trimmed

HERE = Path(__file__).parent
SEEDS = sorted((HERE.parents[2] / "seeds").glob("*.txt"))
START = datetime.fromisoformat("2025-04-12T06:00:00+00:00")


@dataclass(frozen=True)
class Version:
    variant: str
    minutes: int  # after the story's first publication
    url: str
    text: str
    expect: str
    note: str
    of: str | None = None
    kind: str | None = None
    title: str | None = None
    guid: str | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class Seed:
    index: int
    story: Story
    text: str
    wires: list[dict]

    @property
    def body(self) -> list[str]:
        return body_of(self.text, self.story)

    @property
    def home(self) -> str:
        return f"https://{self.story.slug}"

    def native(self, text: str | None = None) -> str:
        """The first publisher's page: the seed itself, or the Monitor's heavy furniture."""
        text = text or self.text
        if self.story.outlet != MONITOR["outlet"]:
            return text
        return page(MONITOR, self.story.title, body_of(text, self.story))

    def wire_copy(self, wire: int, variant: str, minutes: int, path: str, body: list[str],
                  expect: str, note: str, **label) -> Version:
        w = self.wires[wire]
        title = label.pop("title", self.story.title)
        return Version(variant, minutes, w["url"] + path, page(w, title, body), expect, note,
                       title=title, outlet=w["outlet"], **label)


def page(wire: dict, title: str, body: list[str]) -> str:
    return "\n\n".join([*wire["header"], title, *body, *wire["footer"]])


def republished(s: Seed) -> list[Version]:
    """The first publication and what its own feed and links do with it."""
    n, guid, native = s.index, f"{s.story.slug}#guid", s.native()
    original = f"s{n}-original"
    return [
        Version(original, 0, s.home, native, "unique", f"seed {n} as first published",
                guid=guid),
        Version(f"s{n}-redelivered", 7, s.home, native, "duplicate",
                f"feed re-delivery of seed {n}", of=original, kind="exact", guid=guid),
        Version(f"s{n}-tracking-url", 21, f"http://www.{s.story.slug}/?utm_source=twitter"
                f"&fbclid=Iw{n}#top", native, "duplicate", f"seed {n} under a tracking URL",
                of=original, kind="exact"),
        Version(f"s{n}-guid-moved", 33, f"{s.home}-{n}", native, "duplicate",
                f"seed {n} re-delivered by its feed under a changed URL, same GUID",
                of=original, kind="exact", guid=guid),
    ]


def syndicated(s: Seed, rng: random.Random) -> list[Version]:
    """Wire copies: other furniture, another headline, reordered, cut."""
    n, body, of = s.index, s.body, f"s{s.index}-original"
    return [
        s.wire_copy(0, f"s{n}-syndicated", 48, s.story.slug.split("/")[-1], body, "duplicate",
                    f"syndicated copy of seed {n} with other header and footer", of=of),
        s.wire_copy(1, f"s{n}-other-headline", 64, f"story-{n}", body, "duplicate",
                    f"syndicated copy of seed {n} under another headline", of=of,
                    title=s.wires[1]["headline"]),
        s.wire_copy(2, f"s{n}-reordered", 80, f"r/{n}", reordered(body, rng), "duplicate",
                    f"syndicated copy of seed {n} with paragraphs reordered", of=of,
                    kind="near"),
        s.wire_copy(3, f"s{n}-trimmed-tail", 97, f"t/{n}", trimmed(body, 0.12), "duplicate",
                    f"syndicated copy of seed {n} with its tail cut (12%)", of=of, kind="near"),
        s.wire_copy(4, f"s{n}-trimmed-quarter", 113, f"q/{n}", trimmed(body, 0.25),
                    "duplicate", f"syndicated copy of seed {n} with a quarter cut", of=of,
                    kind="near"),
    ]


def counted(s: Seed) -> list[Version]:
    """Copies whose furniture holds numbers, under an upper-cased headline, one of them an
    AMP copy with the last paragraph dropped: copies, not revisions."""
    n, w, of, title = s.index, COUNTING_WIRE, f"s{s.index}-original", s.story.title.upper()
    return [
        Version(f"s{n}-numbered-footer", 140, f"{w['url']}{n}", page(w, title, s.body),
                "duplicate", f"copy of seed {n} whose footer lines hold numbers", of=of,
                title=title, outlet=w["outlet"]),
        Version(f"s{n}-amp-last-dropped", 150, f"https://amp.metronewswire.example/amp/{n}",
                page(w, title, s.body[:-1]), "duplicate",
                f"AMP copy of seed {n} with its last paragraph dropped", of=of, kind="near",
                title=title, outlet=w["outlet"]),
    ]


def revised(s: Seed, rng: random.Random) -> list[Version]:
    """A figure changed (by the first publisher, or for odd seeds by a wire), a paragraph
    added (by a wire), and a copy of each."""
    n, (old, new), of = s.index, s.story.figure, f"s{s.index}-original"
    figure_body = body_of(s.text.replace(old, new, 1), s.story)
    updated = s.body[:2] + [s.story.update] + s.body[2:]
    note = f"revision of seed {n}: '{old}' became '{new}'"
    figure = (Version(f"s{n}-revised-figure", 240, f"{s.home}?utm_source=rss",
                      s.native(s.text.replace(old, new, 1)), "revision", note, of=of,
                      guid=f"{s.story.slug}#guid-r1")
              if n % 2 == 0 else
              s.wire_copy(4, f"s{n}-revised-figure", 240, f"revised-{n}?utm_source=rss",
                          figure_body, "revision", note, of=of))
    return [
        figure,
        s.wire_copy(5, f"s{n}-revised-figure-copy", 262, f"rev/{n}", figure_body, "duplicate",
                    f"syndicated copy of the figure revision of seed {n}", of=figure.variant),
        s.wire_copy(0, f"s{n}-update-added", 300, f"updated-{n}", updated, "revision",
                    f"revision of seed {n}: a paragraph added, carried by a wire", of=of),
        s.wire_copy(2, f"s{n}-update-added-copy", 330, f"updated/{n}", reordered(updated, rng),
                    "duplicate", f"copy of seed {n}'s update, paragraphs reordered",
                    of=f"s{n}-update-added", kind="near"),
    ]


def record(s: Seed, v: Version) -> dict:
    published = START + timedelta(minutes=v.minutes + 11 * s.index)
    return {
        "url": v.url, "title": v.title or s.story.title, "published": published.isoformat(),
        "outlet": v.outlet or s.story.outlet, "text": v.text, "guid": v.guid,
        "label": {"id": v.variant, "story": s.index, "expect": v.expect, "of": v.of,
                  "kind": v.kind, "note": v.note},
    }


def with_earlier_versions(r: dict, before: list[dict]) -> dict:
    """A revision revises its story: any earlier version of it that was passed on will do."""
    if r["label"]["expect"] == "revision":
        r["label"]["of_any"] = [
            b["label"]["id"] for b in before
            if b["label"]["story"] == r["label"]["story"] and b["label"]["expect"] != "duplicate"
        ]
    return r


def corpus() -> list[dict]:
    rng, records = random.Random(5), []
    for i, (story, path) in enumerate(zip(STORIES, SEEDS, strict=True)):
        s = Seed(i, story, path.read_text(), rng.sample(WIRES, 6))
        versions = republished(s) + syndicated(s, rng) + counted(s) + revised(s, rng)
        records += [record(s, v) for v in versions]
    records.sort(key=lambda r: (r["published"], r["label"]["id"]))
    return [with_earlier_versions(r, records[:n]) for n, r in enumerate(records)]


if __name__ == "__main__":
    lines = [json.dumps(r, ensure_ascii=False) for r in corpus()]
    (HERE / "corpus.jsonl").write_text("\n".join(lines) + "\n")
    print(f"wrote {len(lines)} articles to {HERE / 'corpus.jsonl'}")
