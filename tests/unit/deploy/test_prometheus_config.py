"""deploy/prometheus: promtool accepts the config and rules; the alerts fire when they should."""

import subprocess

import pytest
import yaml

from .conftest import REPO, require_tool
from .metric_names import exported_names, referenced_names

PROMETHEUS = REPO / "deploy" / "prometheus"
WORKER_JOBS = {"poller", "dedupe", "extract", "claims"}
METRICS_PORT = 9108


def promtool(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [require_tool("promtool"), *args], capture_output=True, text=True, timeout=60
    )


def alert_rules() -> list[dict]:
    groups = yaml.safe_load((PROMETHEUS / "alerts.yml").read_text())["groups"]
    return [rule for group in groups for rule in group["rules"]]


def scrape_configs() -> dict[str, dict]:
    config = yaml.safe_load((PROMETHEUS / "prometheus.yml").read_text())
    return {job["job_name"]: job for job in config["scrape_configs"]}


def test_promtool_accepts_the_config() -> None:
    result = promtool("check", "config", str(PROMETHEUS / "prometheus.yml"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 rule files found" in result.stdout


def test_promtool_accepts_the_rules() -> None:
    result = promtool("check", "rules", str(PROMETHEUS / "alerts.yml"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_promtool_rejects_a_broken_rule(tmp_path) -> None:
    broken = tmp_path / "alerts.yml"
    broken.write_text((PROMETHEUS / "alerts.yml").read_text().replace("sum by", "sum bye", 1))
    assert promtool("check", "rules", str(broken)).returncode != 0


def test_alerts_fire_on_their_cases_and_stay_quiet_otherwise() -> None:
    result = promtool("test", "rules", str(REPO / "tests/unit/deploy/alerts_test.yml"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


def test_alert_rules_read_only_exported_metrics() -> None:
    exported = exported_names()
    for rule in alert_rules():
        unknown = referenced_names(rule["expr"]) - exported
        assert unknown == set(), f"{rule['alert']} reads {sorted(unknown)}"


def test_operator_alerts_cover_lag_feeds_deadletters_silence_and_down_workers() -> None:
    read = set().union(*(referenced_names(rule["expr"]) for rule in alert_rules()))
    assert {
        "claimstream_consumer_lag_records",
        "claimstream_feed_consecutive_failures",
        "claimstream_feed_disabled",
        "claimstream_deadletters_total",
        "claimstream_claim_events_total",
        "claimstream_last_processed_timestamp_seconds",
    } <= read
    assert any(rule["expr"].startswith("up{") and "== 0" in rule["expr"] for rule in alert_rules())


@pytest.mark.parametrize("rule", alert_rules(), ids=lambda rule: rule["alert"])
def test_every_alert_says_how_bad_and_what_happened(rule: dict) -> None:
    assert rule["labels"]["severity"] in {"warning", "critical"}
    assert rule["annotations"]["summary"]
    assert rule["annotations"]["description"]


def test_the_scraped_jobs_are_the_long_running_compose_services() -> None:
    services = yaml.safe_load((REPO / "docker-compose.yml").read_text())["services"]
    running = {name for name, service in services.items()
               if service.get("command", [""])[0] in {"poll", "worker"}}
    assert running == WORKER_JOBS


def test_every_worker_is_scraped_on_the_metrics_port() -> None:
    jobs = scrape_configs()
    assert set(jobs) >= WORKER_JOBS
    for name in ("dedupe", "claims"):
        assert jobs[name]["static_configs"][0]["targets"] == [f"{name}:{METRICS_PORT}"]
    for name in ("extract", "poller"):
        discovered = jobs[name]["dns_sd_configs"][0]
        assert (discovered["names"], discovered["port"]) == ([name], METRICS_PORT)


def test_the_worker_down_alert_watches_every_scraped_worker() -> None:
    down = next(rule for rule in alert_rules() if rule["alert"] == "ClaimstreamWorkerDown")
    assert set(down["expr"].split('"')[1].split("|")) == WORKER_JOBS


def test_metric_names_are_read_from_promql() -> None:
    expr = 'sum(rate(claimstream_stage_seconds_bucket{stage="x"}[5m])) / up{job="claimstream_no"}'
    assert referenced_names(expr) == {"claimstream_stage_seconds_bucket"}
    assert "claimstream_claim_events_total" in exported_names()
    assert "claimstream_claim_events" not in exported_names()
    assert "claimstream_stage_seconds_bucket" in exported_names()
    assert "claimstream_consumer_lag_records_total" not in exported_names()
