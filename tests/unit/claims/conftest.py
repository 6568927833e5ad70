from datetime import datetime

import pytest

from schemas import Figure
from services.extract.measures import EVENT_MEASURE


def make_figure(value, *, url="https://a.example/1", counted="Chinese nationals",
                event="fighting", qualifier="at_least", claimant="Volodymyr Zelensky",
                published=None, scope=None, unit="people", value_max=None, outlet="A",
                measure=None, place="RU", incident="war", stated_as="current", at=0, evidence=None) -> Figure:
    """A figure; unless given, its evidence sentence is the article's own words."""
    return Figure(
        figure_id=f"{url}#{at}", article_url=url, outlet=outlet, value=value, value_max=value_max,
        qualifier=qualifier, unit=unit, counted=counted, event=event,
        subject=f"{counted} {event}", scope=scope, claimant=claimant,
        evidence=evidence or f"{claimant} gave this figure in {url}",
        published=datetime.fromisoformat(published) if published else None,
        measure=measure or EVENT_MEASURE.get(event, "other"), place=place, incident=incident,
        stated_as=stated_as,
    )


@pytest.fixture
def figure():
    return make_figure
