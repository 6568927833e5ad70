"""The five seed stories of the dedupe corpus — where each is first published, where its body
starts and ends in the seed file, the edits its revisions make — and the edits wires make."""

import random
import re
from dataclasses import dataclass


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
