"""deploy/grafana: the provisioned data source, dashboard provider and dashboard agree."""

import json

import pytest
import yaml

from .conftest import REPO
from .metric_names import exported_names, referenced_names

GRAFANA = REPO / "deploy" / "grafana"
DASHBOARD = GRAFANA / "dashboards" / "claimstream.json"


def dashboard() -> dict:
    return json.loads(DASHBOARD.read_text())


def panels() -> list[dict]:
    return [panel for panel in dashboard()["panels"] if panel["type"] != "row"]


def exprs() -> list[str]:
    return [target["expr"] for panel in panels() for target in panel["targets"]]


def provisioned(kind: str) -> dict:
    (path,) = (GRAFANA / "provisioning" / kind).glob("*.yml")
    return yaml.safe_load(path.read_text())


def compose_service(name: str) -> dict:
    return yaml.safe_load((REPO / "docker-compose.yml").read_text())["services"][name]


def test_dashboard_reads_only_exported_metrics() -> None:
    exported = exported_names()
    for panel in panels():
        for target in panel["targets"]:
            unknown = referenced_names(target["expr"]) - exported
            assert unknown == set(), f"panel {panel['title']!r} reads {sorted(unknown)}"


@pytest.mark.parametrize(
    "metric",
    [
        "claimstream_articles_published_total",
        "claimstream_duplicates_total",
        "claimstream_figures_extracted_total",
        "claimstream_claim_events_total",
        "claimstream_stage_seconds_bucket",
        "claimstream_consumer_lag_records",
        "claimstream_deadletters_total",
        "claimstream_feed_consecutive_failures",
        "claimstream_feed_disabled",
        "claimstream_feed_last_success_timestamp_seconds",
        "claimstream_end_to_end_seconds_bucket",
    ],
)
def test_dashboard_shows(metric: str) -> None:
    assert any(metric in referenced_names(expr) for expr in exprs())


def test_every_panel_queries_the_provisioned_data_source() -> None:
    (source,) = provisioned("datasources")["datasources"]
    assert source["url"] == "http://prometheus:9090"
    for panel in panels():
        uids = {panel["datasource"]["uid"]} | {t["datasource"]["uid"] for t in panel["targets"]}
        assert uids == {source["uid"]}, panel["title"]


def test_the_provider_loads_the_directory_compose_mounts() -> None:
    (provider,) = provisioned("dashboards")["providers"]
    mounts = dict(reversed(v.rsplit(":", 2)[:2]) for v in compose_service("grafana")["volumes"])
    assert mounts[provider["options"]["path"]] == "./deploy/grafana/dashboards"
    assert mounts["/etc/grafana/provisioning"] == "./deploy/grafana/provisioning"


def test_panels_have_unique_ids_and_fit_the_grid() -> None:
    ids = [panel["id"] for panel in dashboard()["panels"]]
    assert len(ids) == len(set(ids))
    for panel in dashboard()["panels"]:
        grid = panel["gridPos"]
        assert grid["x"] + grid["w"] <= 24, panel["title"]
    assert dashboard()["uid"] == "claimstream"


def test_panels_do_not_overlap() -> None:
    cells: dict[tuple[int, int], str] = {}
    for panel in dashboard()["panels"]:
        grid = panel["gridPos"]
        for x in range(grid["x"], grid["x"] + grid["w"]):
            for y in range(grid["y"], grid["y"] + grid["h"]):
                assert (x, y) not in cells, f"{panel['title']!r} overlaps {cells[(x, y)]!r}"
                cells[(x, y)] = panel["title"]
