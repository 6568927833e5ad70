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


def toll_story(rng: random.Random, place: str, event: str, base: int, n: int) -> str:
    killed = base + rng.randrange(0, 40)
    qualifier = rng.choice(QUALIFIERS)
    lines = [f"{qualifier}{killed} people were killed in the {event} in {place}, "
             f"{rng.choice(SPEAKERS)} said on Monday."]
    if rng.random() < 0.5:
        lines.append(f"At least {base * 3 + rng.randrange(0, 20)} people were injured in {place}, "
                     f"{rng.choice(SPEAKERS)} said.")
    lines.append(f"Rescue teams were still searching the ruins in {place} (report {n}).")
    return " ".join(lines)


def fault_articles(count: int = 400, seed: int = 15) -> list[RawArticle]:
    """`count` distinct articles about `count // 4` disasters, each published at its own time."""
    rng = random.Random(seed)
    stories = [(rng.choice(PLACES), rng.choice(EVENTS), rng.randrange(5, 400))
               for _ in range(count // 4)]
    articles = []
    for n in range(count):
        place, event, base = stories[rng.randrange(len(stories))]
        articles.append(RawArticle(
            url=f"https://news{n % 6}.example.com/{place.lower()}/{event}/{n}",
            title=f"{event.capitalize()} in {place}: report {n}",
            published=EPOCH + timedelta(minutes=17 * n), outlet=OUTLETS[n % len(OUTLETS)],
            text=toll_story(rng, place, event, base, n),
        ))
    return articles
