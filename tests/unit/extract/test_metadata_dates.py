"""Publication times: the article's own date conventions, time zones honoured, UTC out."""

from datetime import UTC, datetime

import pytest

from schemas.articles import RawArticle
from services.extract.metadata import infer_metadata

BODY = "Body text follows here and it is long enough to be prose in the article."

ZONES = [
    ("March 4, 2025, 11:06 PM EDT", datetime(2025, 3, 5, 3, 6, tzinfo=UTC), "EDT is four hours behind"),
    ("11 April 2025 14:30 BST", datetime(2025, 4, 11, 13, 30, tzinfo=UTC), "BST is one hour ahead"),
    ("April 11, 2025 4:12 p.m. ET", datetime(2025, 4, 11, 20, 12, tzinfo=UTC), "ET in summer is EDT"),
    ("January 10, 2025 4:12 p.m. ET", datetime(2025, 1, 10, 21, 12, tzinfo=UTC), "ET in winter is EST"),
    ("27.04.2025 11:06 MSK", datetime(2025, 4, 27, 8, 6, tzinfo=UTC), "Moscow three hours ahead"),
    ("2025-04-11T16:12:00+03:00", datetime(2025, 4, 11, 13, 12, tzinfo=UTC), "ISO with offset"),
    ("April 11, 2025 4:12 PM", datetime(2025, 4, 11, 16, 12, tzinfo=UTC), "no zone is UTC"),
    ("April 11, 2025 4:12 PM NEWS", datetime(2025, 4, 11, 16, 12, tzinfo=UTC), "a word that is no zone"),
]


@pytest.mark.parametrize(("line", "expected"), [z[:2] for z in ZONES], ids=[z[2] for z in ZONES])
def test_time_zones_are_honoured(line, expected):
    meta = infer_metadata(f"A headline about the news of the day\n\n{line}\n{BODY}")
    assert meta["published"] == expected
    assert meta["published"].utcoffset().total_seconds() == 0


def test_us_article_numeric_date_is_month_first():
    meta = infer_metadata(f"A headline about the news of the day\n\n03/04/2025 11:06 PM EDT\n{BODY}")
    assert meta["published"] == datetime(2025, 3, 5, 3, 6, tzinfo=UTC)
    assert meta["published_ambiguous"] is False


def test_day_over_twelve_elsewhere_makes_the_article_day_first():
    text = f"A headline about the news of the day\n\n03/04/2025\n{BODY} The law took effect on 25/12/2024."
    meta = infer_metadata(text)
    assert meta["published"] == datetime(2025, 4, 3, tzinfo=UTC)
    assert meta["published_ambiguous"] is False


def test_month_name_style_elsewhere_decides_the_order():
    text = f"A headline about the news of the day\n\n03/04/2025\n{BODY} The talks began on February 27, 2025."
    assert infer_metadata(text)["published"] == datetime(2025, 3, 4, tzinfo=UTC)


def test_open_order_is_flagged_and_the_reading_after_reception_is_refused():
    text = f"A headline about the news of the day\n\n03/04/2025\n{BODY}"
    meta = infer_metadata(text, reference=datetime(2025, 3, 5, tzinfo=UTC))
    assert meta["published"] == datetime(2025, 3, 4, tzinfo=UTC)
    assert meta["published_ambiguous"] is True


def test_open_order_with_both_readings_past_takes_the_nearer_one():
    text = f"A headline about the news of the day\n\n03/04/2025\n{BODY}"
    meta = infer_metadata(text, reference=datetime(2025, 4, 5, tzinfo=UTC))
    assert meta["published"] == datetime(2025, 4, 3, tzinfo=UTC)
    assert meta["published_ambiguous"] is True


def test_wire_times_are_utc_whatever_zone_they_arrive_in():
    article = RawArticle(url="u", published="2025-04-11T23:06:00-04:00")
    assert article.published == datetime(2025, 4, 12, 3, 6, tzinfo=UTC)
    assert article.published.utcoffset().total_seconds() == 0


def test_the_pipeline_reads_an_open_date_against_when_the_article_arrived(nlp):
    from schemas.articles import UniqueArticle
    from services.extract.pipeline import extract_batch

    text = ("Floods kill 40 in the north\n\n03/04/2025\n\n"
            "At least 40 people died in the floods, officials said.")
    arrived = datetime(2025, 3, 5, 8, 0, tzinfo=UTC)
    article = UniqueArticle(url="u", text=text, content_hash="h", received_at=arrived)
    [figure] = [f for f in extract_batch(nlp, [article])[0] if not f.headline]
    assert figure.published == datetime(2025, 3, 4, tzinfo=UTC)  # 3 April had not happened yet
