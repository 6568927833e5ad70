from datetime import datetime

import pytest

from schemas import Figure


def make_figure(value, *, url="https://a.example/1", counted="Chinese nationals",
                event="fighting", qualifier="at_least", claimant="Volodymyr Zelensky",
                published=None, scope=None, unit="people", value_max=None, outlet="A") -> Figure:
    return Figure(
        figure_id=f"{url}#0", article_url=url, outlet=outlet, value=value, value_max=value_max,
        qualifier=qualifier, unit=unit, counted=counted, event=event,
        subject=f"{counted} {event}", scope=scope, claimant=claimant, evidence="sentence",
        published=datetime.fromisoformat(published) if published else None,
    )


@pytest.fixture
def figure():
    return make_figure
