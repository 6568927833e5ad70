"""A revision is a change to the story itself; page furniture and copying are not."""

import pytest

from schemas.articles import RawArticle
from services.dedupe.fingerprint import fingerprint
from services.dedupe.revision import story_change

STORY = [
    "The death toll from the earthquake in West Sulawesi rose to 212 on Tuesday, the "
    "disaster agency said.",
    "Agency spokesman Abdul Muhari told reporters that 37 people were still missing in the "
    "coastal district of Majene.",
    "Nearly 15,000 residents of Majene and Mamuju had been moved to temporary shelters by "
    "the army, officials said.",
    "The earthquake damaged more than 3,200 houses and two hospitals in the province.",
]


def signature(lines: list[str]) -> dict:
    fp = fingerprint(RawArticle(url="https://a.example/1", text="\n".join(lines)))
    return {"s": sorted(fp.sentences), "m": sorted(fp.masked), "e": sorted(fp.ends),
            "f": sorted(fp.figures)}


def change(lines: list[str]):
    return story_change(fingerprint(RawArticle(url="https://b.example/2", text="\n".join(lines))),
                        signature(STORY))


CASES = [  # (id, the new version's lines, a revision from another publisher?, from the same?)
    ("app-footer-with-numbers", STORY + ["Download our app: 4.8 stars from 12,000 reviews"],
     False, False),
    ("share-appeal", STORY + ["Like this story? Share it with 3 friends."], False, False),
    ("outlet-blurb", STORY + ["The Ledger is an independent, non-profit newsroom founded in "
                              "2019 with the support of 3,000 members."], False, False),
    ("author-bio", STORY + ["Maria Keller has covered disasters and public finance for 12 "
                            "years."], False, False),
    ("last-paragraph-dropped", STORY[:-1], False, True),
    ("reordered", STORY[::-1], False, False),
    ("dateline-prefixed", ["MAMUJU, Indonesia (Wire Agency) - " + STORY[0], *STORY[1:]],
     False, True),  # the publisher itself rewording its lead is an edit of the story
    ("caption-and-date-run-in", ["Wire | 14 October 2026 06:52 Photo: rescuers in Majene "
                                 "(1/8) " + STORY[0], *STORY[1:]], False, True),
    ("figure-changed", [STORY[0].replace("212", "214"), *STORY[1:]], True, True),
    ("figure-in-words-changed", [*STORY[:3], STORY[3].replace("two", "three")], True, True),
    ("quote-added", STORY[:2] + ['"We are doing everything we can, but the numbers are still '
                                 'coming in," an official told the agency.'] + STORY[2:],
     True, True),
    ("reported-sentence-added", STORY + ["Three more bodies were recovered on Friday, police "
                                         "said."], True, True),
    ("correction-note", STORY + ["Correction: An earlier version of this story gave the wrong "
                                 "figure in its second paragraph."], True, True),
    ("topical-sentence-added", STORY + ["Shelters in Majene were short of tents and clean "
                                        "water for the displaced residents."], True, True),
]


@pytest.mark.parametrize(("lines", "elsewhere", "same"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_story_change(lines: list[str], elsewhere: bool, same: bool) -> None:
    found = change(lines)
    assert found.is_revision(same_publisher=False) is elsewhere
    assert found.is_revision(same_publisher=True) is same
