"""Short articles from a fixed seed for the fault-injection test: outlets restating, updating
and disputing the tolls of a hundred disasters, so claims are created, updated and contested."""

import random
from datetime import UTC, datetime, timedelta

from schemas import RawArticle

PLACES = [
    "Wajima", "Suzu", "Kathmandu", "Pokhara", "Herat", "Kandahar", "Antakya", "Gaziantep",
    "Marrakesh", "Derna", "Benghazi", "Lahore", "Karachi", "Manila", "Cebu", "Lima", "Quito",
    "Valparaiso", "Dhaka", "Chittagong", "Mosul", "Aleppo", "Homs", "Sendai", "Osaka",
]
EVENTS = ["earthquake", "flood", "landslide", "fire", "storm", "explosion"]
OUTLETS = ["Wire One", "Daily Two", "Tribune Three", "Herald Four", "Post Five", "Times Six"]
SPEAKERS = ["officials", "the Red Cross", "police", "the health ministry", "the mayor"]
QUALIFIERS = ["", "At least ", "More than ", "About "]
EPOCH = datetime(2025, 3, 1, 6, 0, tzinfo=UTC)
# Every toll at least this and under 440, so none is under a quarter of another. A count that
# only grows and falls that far opens a claim of its own (`services.claims.threads`), and when
# two stories of one place and kind share a key (nothing in these articles tells them apart),
# which claim of the key is the first, and where a toll between two others goes, follow the
# order articles arrive in, which across partitions is not the order of publication: a known
# limit of resolving a stream as it arrives (README, Not exercised), not a fault's doing.
LOWEST = 150


Said = set[tuple[str, str, int]]


def unsaid(said: Said, what: str, speaker: str, value: int) -> int:
    """`value`, or the next one up that `speaker` has not given for `what` yet: a speaker
    repeating a toll word for word makes a copy, and which of two copies is the source depends
    on the order they arrive in, which across partitions is not the order of publication."""
    while (what, speaker, value) in said:
        value += 1
    said.add((what, speaker, value))
    return value


def toll_story(rng: random.Random, place: str, event: str, base: int, n: int,
               said: Said) -> str:
    speaker = rng.choice(SPEAKERS)
    killed = unsaid(said, "killed", speaker, base + rng.randrange(0, 40))
    qualifier = rng.choice(QUALIFIERS)
    lines = [f"{qualifier}{killed} people were killed in the {event} in {place}, "
             f"{speaker} said on Monday."]
    if rng.random() < 0.5:
        speaker = rng.choice(SPEAKERS)
        injured = unsaid(said, "injured", speaker, base * 3 + rng.randrange(0, 20))
        lines.append(f"At least {injured} people were injured in {place}, {speaker} said.")
    lines.append(f"Rescue teams were still searching the ruins in {place} (report {n}).")
    return " ".join(lines)


def fault_articles(count: int = 400, seed: int = 15) -> list[RawArticle]:
    """`count` distinct articles about `count // 4` disasters, each published at its own time."""
    rng = random.Random(seed)
    stories = [(rng.choice(PLACES), rng.choice(EVENTS), rng.randrange(LOWEST, 400))
               for _ in range(count // 4)]
    articles: list[RawArticle] = []
    said: Said = set()
    for n in range(count):
        place, event, base = stories[rng.randrange(len(stories))]
        articles.append(RawArticle(
            url=f"https://news{n % 6}.example.com/{place.lower()}/{event}/{n}",
            title=f"{event.capitalize()} in {place}: report {n}",
            published=EPOCH + timedelta(minutes=17 * n), outlet=OUTLETS[n % len(OUTLETS)],
            text=toll_story(rng, place, event, base, n, said),
        ))
    return articles
