"""Values are validated where they enter: finite numbers, sane dates, a URL."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from schemas import Figure, RawArticle
from schemas.figures import EVIDENCE_CHARS

FIGURE = {"figure_id": "f", "article_url": "https://e.org/a", "value": 155, "unit": "people",
          "counted": "people", "event": "killed", "subject": "people killed", "evidence": "e"}


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e999"], ids=str)
def test_a_figure_value_must_be_finite(value):
    raw = json.dumps(FIGURE).replace('"value": 155', f'"value": {value}')
    with pytest.raises(ValidationError, match="finite"):
        Figure.model_validate_json(raw)


@pytest.mark.parametrize(
    "published",
    ["9999-12-31T00:00:00Z", "1066-10-14T00:00:00Z", "0001-01-01T00:00:00+05:00",
     (datetime.now(UTC) + timedelta(days=3)).isoformat()],
    ids=["year-9999", "before-1900", "overflows-in-utc", "three-days-ahead"],
)
def test_a_date_outside_the_sane_window_is_refused(published):
    with pytest.raises(ValidationError, match="published"):
        Figure.model_validate({**FIGURE, "published": published})


def test_a_date_a_day_ahead_is_accepted():
    ahead = datetime.now(UTC) + timedelta(days=1)
    assert Figure.model_validate({**FIGURE, "published": ahead}).published == ahead


@pytest.mark.parametrize("url", ["", "   ", "x" * 9000], ids=["empty", "blank", "huge"])
def test_an_article_needs_a_url_of_sane_length(url):
    with pytest.raises(ValidationError, match="url"):
        RawArticle(url=url)


def test_long_evidence_is_kept_as_its_beginning():
    figure = Figure.model_validate({**FIGURE, "evidence": "x" * 600_000})
    assert len(figure.evidence) == EVIDENCE_CHARS and figure.evidence.endswith("…")
