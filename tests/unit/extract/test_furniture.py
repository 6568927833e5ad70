import pytest

from services.text.furniture import clean_text, is_furniture, keep_mask

FURNITURE = [
    ("Help us reach 20,000 members.", "membership appeal"),
    ("Stand behind independent journalism. Subscribe today.", "subscribe appeal"),
    ("Read Time: 2 Minute", "read time"),
    ("by Tim Zadorozhnyy April 11, 2025 4:12 PM 2 min read", "byline with read time"),
    ("12,431 views", "view counter"),
    ("53", "bare counter"),
    ("Photo 1 of 14", "gallery counter"),
    ("Apr 12, 2025 11:06 280", "dateline with counter"),
    ("27/04/2025", "numeric date"),
    ("Wed 4 Jun 2025 08.15 BST", "date with a time zone"),
    ("A woman walks past a poster on April 9. ALEXANDER NEMENOV/Getty Images", "photo credit"),
    ("Rescuers search the rubble. (Reuters/Stringer)", "agency credit in parentheses"),
    ("© 2026 Asia Wire Ltd. All rights reserved.", "copyright"),
    ("Sign up today and dive into over 10,000 fresh daily articles", "advert"),
    ("Get unlimited access for just €1.99 a month", "paywall offer"),
    ("Home | World | Asia", "breadcrumb"),
    ("Morning edition · 48 pages", "edition line with a middle dot"),
    ("News • Weather • 3 alerts", "section line with bullets"),
    ("Mar 3, 2025 9:10 am | 87 comments", "date and counter run into one line"),
    ("Skip to content", "skip link"),
]


@pytest.mark.parametrize("line", [f[0] for f in FURNITURE], ids=[f[1] for f in FURNITURE])
def test_furniture_lines(line):
    assert is_furniture(line)


PROSE = [
    "At least 51 Chinese citizens signed up for contract military service, the outlet said.",
    "The revelations come just days after the SBU announced the capture of two fighters.",
    "Police put the crowd at 55,000.",
    "By Thursday, 22 people had been detained, the ministry said.",
    "The toll rose to 36 · officials said the search would go on.",
    "Mar 3, 2025 | 87 people were rescued from the river, the fire service said.",
]


@pytest.mark.parametrize(
    "line", PROSE,
    ids=["signed up", "announced", "short sentence", "By day", "dot in prose", "date and prose"],
)
def test_prose_is_kept(line):
    assert not is_furniture(line)


def test_tail_sections_are_dropped_to_the_end():
    lines = ["Body one.", "Body two.", "Body three.", "News Feed", "Drone strike kills 9.", "More."]
    assert keep_mask(lines) == [True, True, True, False, False, False]


def test_read_more_list_is_dropped_until_prose_resumes():
    lines = [
        "Zelensky said six fighters were seen.",
        "Read more Russia-Ukraine War",
        "Russia Recruited Dozens of Chinese Troops",
        "Kyiv said one was in a brigade.",
    ]
    assert keep_mask(lines) == [True, False, False, True]


def test_teaser_and_its_heading_are_dropped():
    lines = [
        "Body.",
        "5 key steps for Europe to bolster defense",
        "The Commission unveiled a plan for rearming the Union and the bloc’s defence…",
    ]
    assert keep_mask(lines) == [True, False, False]


def test_clean_text_keeps_offsets():
    text = "Help us reach 20,000 members.\nAt least 51 signed up."
    cleaned = clean_text(text)
    assert len(cleaned) == len(text)
    assert cleaned.index("At least 51") == text.index("At least 51")
    assert "20,000" not in cleaned


MORE_FURNITURE = [
    ("Comments (87)", "comment counter in parentheses"),
    ("1. Ten things to know about the 2026 budget", "numbered link list"),
    ("BRATISLAVA, Oct 6 (Reuters) -", "wire dateline"),
    ("Reporting by Jan Lopatka; Editing by Alex Richardson", "wire credits"),
    ("Advertisement - scroll to continue", "advert label"),
]


@pytest.mark.parametrize("line", [f[0] for f in MORE_FURNITURE], ids=[f[1] for f in MORE_FURNITURE])
def test_more_furniture(line):
    assert is_furniture(line)


BODY_LOOKALIKES = [
    ("State-sponsored hackers stole data on 5,000 people, the agency said.", "sponsored inside a word"),
    ("Salaries reach 2000 euros per month, recruiters said.", "per month in prose"),
    ("The union, which has 20,000 members, said 300 were fired.", "members in prose"),
    ("NATO membership talks stalled after 3 rounds.", "membership in prose"),
    ("51 Chinese citizens joined Russian army, media says", "headline starting with a number"),
]


@pytest.mark.parametrize("line", [b[0] for b in BODY_LOOKALIKES], ids=[b[1] for b in BODY_LOOKALIKES])
def test_prose_that_looks_like_furniture_is_kept(line):
    assert not is_furniture(line)


ATTRIBUTED_PROSE = [
    ("The EU fined Google 150 million euros over cookies, regulators said.", "cookies in a fine"),
    ("About 5 million people subscribe to the streaming service.", "subscribers counted"),
    ("Support for the plan fell to 41%, according to a poll by the institute.", "support in a poll"),
    ("The paper said 20,000 readers had signed up for its newsletter in May.", "newsletter in a report"),
]


@pytest.mark.parametrize("line", [p[0] for p in ATTRIBUTED_PROSE], ids=[p[1] for p in ATTRIBUTED_PROSE])
def test_statements_with_appeal_words_are_prose(line):
    assert not is_furniture(line)


def test_appeal_to_the_reader_is_still_furniture():
    assert is_furniture("We use cookies to improve your experience.")
    assert is_furniture("Subscribe to our newsletter for the latest updates.")
    assert is_furniture("Latest news")
