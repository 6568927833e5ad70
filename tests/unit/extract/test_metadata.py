from datetime import UTC, datetime

from services.extract.metadata import infer_metadata

KYIV = """Stand behind Ukrainian independent journalism. Help us reach 20,000 members.

Skip to content
Media identifies 51 Chinese citizens who have joined Russian army since June 2023

by Tim Zadorozhnyy April 11, 2025 4:12 PM 2 min read
A Ukrainian intelligence document obtained by the Kyiv Independent estimates that at least 163.
"""

FAKTI = """Last news in Fakti

ISW: Chinese Embassy in Moscow Knew About Chinese Fighting in Ukraine

Apr 12, 2025 11:06 280
Body text follows here and it is long enough to be prose in the article.
"""


def test_title_skips_appeals_and_nav():
    assert infer_metadata(KYIV)["title"] == (
        "Media identifies 51 Chinese citizens who have joined Russian army since June 2023"
    )


def test_published_from_byline_with_pm_time():
    assert infer_metadata(KYIV)["published"] == datetime(2025, 4, 11, 16, 12, tzinfo=UTC)


def test_outlet_from_self_reference():
    assert infer_metadata(KYIV)["outlet"] == "Kyiv Independent"


def test_title_and_date_from_header_lines_and_no_outlet_from_a_masthead_label():
    meta = infer_metadata(FAKTI)
    assert meta["outlet"] is None  # a site's own label line is no general signal of the outlet
    assert meta["title"].startswith("ISW: Chinese Embassy")
    assert meta["published"] == datetime(2025, 4, 12, 11, 6, tzinfo=UTC)


def test_day_first_numeric_date():
    meta = infer_metadata("TITLE OF A STORY IN CAPITALS\n\n27/04/2025\nText.")
    assert meta["published"] == datetime(2025, 4, 27, tzinfo=UTC)


def test_unknown_fields_are_none():
    meta = infer_metadata("Some body sentence that says nothing of its source at all.")
    assert meta["outlet"] is None
    assert meta["published"] is None


def test_wire_dateline_names_the_agency():
    meta = infer_metadata("Opposition wins regional vote\n\nBRATISLAVA, Oct 6 (Reuters) -\n\nText.")
    assert meta["outlet"] == "Reuters"


def test_the_dateline_gives_the_place_a_story_was_filed_from():
    wire = ("Roof collapse toll rises\n\nQUITO, Ecuador (AP) — The number of people killed rose to 12 "
            "on Friday, officials said.")
    assert infer_metadata(wire)["filed_from"] == ["QUITO", "Ecuador"]
    local = ("Toll rises\n\nLa Paz.- Rescuers found four more people alive in the rubble on Sunday, "
             "the mayor said.")
    assert infer_metadata(local)["filed_from"] == ["La Paz"]
    dated = ("Vote count\n\nLIMA, Oct 6 (Reuters) - Turnout was 81% in the first round, the electoral "
             "body said today.")
    assert infer_metadata(dated)["filed_from"] == ["LIMA"]


def test_a_hyphenated_first_word_or_a_headline_colon_is_no_dateline():
    text = ("Cholera: cases double in a week as rains continue across the north\n\nTwenty-one people "
            "have died since Monday, the ministry said in its daily update.")
    assert infer_metadata(text)["filed_from"] == []
