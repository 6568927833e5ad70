"""docker-compose.yml for real: the images built, the stack up, checked from outside.

The claimstream image is deploy/Dockerfile built on a local Debian base with Debian's Python
3.11; Kafka and Prometheus are local stand-ins (deploy/standins/) named through KAFKA_IMAGE
and PROMETHEUS_IMAGE. Grafana has no stand-in and is not started. Skips, saying why, only
where no Docker engine can run."""

import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from compose_stack import (
    KAFKA_STANDIN,
    SERVICES,
    ComposeStack,
    EngineUnavailable,
    build_images,
    docker_engine,
)
from test_pipeline import CHINESE_FIGHTING, CLAIM_TOPICS, CORROBORATION, of_claim

pytestmark = [pytest.mark.compose, pytest.mark.slow]

WORKERS = ["dedupe", "extract", "claims"]


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ComposeStack]:
    try:
        stack = ComposeStack(docker_engine(), tmp_path_factory.mktemp("compose"))
    except EngineUnavailable as error:
        pytest.skip(f"no Docker engine can run here: {error}")
    try:
        build_images(stack.env, stack.image, stack.workdir)
        stack.up()
        yield stack
    finally:
        try:
            stack.down()
        finally:
            stack.remove_image()


def wait_for_claims(stack: ComposeStack, predicate, timeout: float = 180.0) -> list[dict]:
    deadline, records = time.monotonic() + timeout, []
    while time.monotonic() < deadline:
        records = stack.tail(*CLAIM_TOPICS)
        if predicate(records):
            return records
    raise AssertionError(f"condition not met in {timeout}s; last read {len(records)} records\n"
                         f"{stack.logs()}")


def first(events: list[dict], service: str, action: str) -> list[dict]:
    """Per container of the service, its first `action` event."""
    found: dict[str, dict] = {}
    for event in events:
        if event["Actor"]["Attributes"].get("com.docker.compose.service") == service and (
            event["Action"] == action
        ):
            found.setdefault(event["id"], event)
    return list(found.values())


def test_health_checks_turn_healthy_in_start_up_order(stack: ComposeStack) -> None:
    events = stack.recorded_events()

    def times(service: str, action: str) -> list[int]:
        return [event["timeNano"] for event in first(events, service, action)]

    [kafka_healthy] = times("kafka", "health_status: healthy")
    [topics_started] = times("topics", "start")
    [topics_exit] = first(events, "topics", "die")
    assert topics_exit["Actor"]["Attributes"]["exitCode"] == "0"
    assert kafka_healthy < topics_started < topics_exit["timeNano"]
    workers_healthy = []
    for worker in WORKERS:
        started, healthy = times(worker, "start"), times(worker, "health_status: healthy")
        assert len(started) == len(healthy) == (2 if worker == "extract" else 1), worker
        assert min(started) > topics_exit["timeNano"], worker
        workers_healthy += healthy
    [replay_started] = times("replay", "start")
    assert max(workers_healthy) < replay_started
    assert times("prometheus", "health_status: healthy")


def test_the_seed_claim_arrives_through_claimstream_tail_in_a_container(stack: ComposeStack) -> None:
    records = wait_for_claims(stack, lambda rs: len(of_claim(rs, CHINESE_FIGHTING)) >= 4)
    claim = of_claim(records, CHINESE_FIGHTING)
    assert [r["type"] for r in claim] == ["claim.new"] + ["claim.updated"] * (len(claim) - 1)
    assert len({r["claim_id"] for r in claim}) == 1
    assert sorted(s["value"] for s in claim[-1]["sources"]) == [150, 155, 155, 163]


def test_the_claims_api_answers_on_its_published_loopback_port(stack: ComposeStack) -> None:
    wait_for_claims(stack, lambda rs: len(of_claim(rs, CHINESE_FIGHTING)) >= 4)
    [claim] = [c for c in stack.http_json(stack.api_port, "/claims?q=chinese")
               if c["claim_key"] == CHINESE_FIGHTING]
    detail = stack.http_json(stack.api_port, f"/claims/{claim['claim_id']}")
    assert [h["version"] for h in detail["history"]] == list(range(1, detail["version"] + 1))
    assert detail["history"][0]["type"] == "claim.new"


def test_prometheus_reports_every_target_up_and_counts_claims(stack: ComposeStack) -> None:
    wait_for_claims(stack, lambda rs: len(rs) > 0)
    deadline = time.monotonic() + 90
    while True:
        targets = stack.http_json(stack.prometheus_port, "/api/v1/targets")["data"]["activeTargets"]
        health = sorted((t["labels"]["job"], t["health"]) for t in targets)
        counted = stack.http_json(
            stack.prometheus_port, "/api/v1/query?query=sum(claimstream_claim_events_total)"
        )["data"]["result"]
        claims_counted = float(counted[0]["value"][1]) if counted else 0.0
        all_up = {state for _, state in health} == {"up"}
        if (all_up and claims_counted > 0) or time.monotonic() > deadline:
            break
        time.sleep(3)
    assert health == [("claims", "up"), ("dedupe", "up"), ("extract", "up"), ("extract", "up"),
                      ("prometheus", "up")]
    assert claims_counted > 0


def test_the_workers_run_as_a_non_root_user(stack: ComposeStack) -> None:
    for worker in WORKERS:
        for container in stack.container_ids(worker):
            assert stack.inspect(container)["Config"]["User"] == "claimstream"
            status = stack.docker("exec", container, "cat", "/proc/1/status")
            uids = next(line for line in status.splitlines() if line.startswith("Uid:")).split()[1:]
            assert uids == ["10001"] * 4, (worker, uids)


def test_claims_state_survives_a_restart_without_repeating_claim_new(stack: ComposeStack, tmp_path) -> None:
    before = wait_for_claims(stack, lambda rs: len(of_claim(rs, CHINESE_FIGHTING)) >= 4)
    latest = of_claim(before, CHINESE_FIGHTING)[-1]
    stack("restart", "claims")
    stack.wait_healthy("claims")
    article = tmp_path / "corroboration.jsonl"
    article.write_text(" ".join(CORROBORATION.split()) + "\n")
    stack.replay(article)
    after = wait_for_claims(
        stack, lambda rs: len(of_claim(rs, CHINESE_FIGHTING)) > len(of_claim(before, CHINESE_FIGHTING))
    )
    new = [r for r in after if r["event_id"] not in {b["event_id"] for b in before}]
    assert [(r["claim_key"], r["type"], r["version"]) for r in new] == [
        (CHINESE_FIGHTING, "claim.updated", latest["version"] + 1)
    ]
    def claim_new(records: list[dict]) -> Counter:  # the ids are deterministic: count them
        return Counter(r["event_id"] for r in records if r["type"] == "claim.new")

    assert claim_new(after) == claim_new(before)
    assert set(claim_new(before).values()) == {1}


def test_compose_down_v_leaves_nothing_running(stack: ComposeStack) -> None:
    label = f"label=com.docker.compose.project={stack.project}"
    assert len(stack.docker("ps", "-q", "--filter", label).split()) >= len(SERVICES) - 2
    stack.down()
    assert stack.docker("ps", "-aq", "--filter", label).split() == []
    assert stack.docker("volume", "ls", "-q", "--filter", label).split() == []
    assert stack.docker("network", "ls", "-q", "--filter", label).split() == []


def test_a_running_engine_leaves_the_broker_local_unless_it_holds_the_kafka_image(
    stack: ComposeStack, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    # This directory's conftest module, as pytest loaded it (every conftest is `conftest`).
    conftest = request.config.pluginmanager.get_plugin(str(Path(__file__).with_name("conftest.py")))
    monkeypatch.setenv("DOCKER_HOST", stack.env["DOCKER_HOST"])
    assert not conftest.docker_has_kafka_image()  # apache/kafka cannot be pulled here
    monkeypatch.setattr(conftest, "KAFKA_IMAGE", KAFKA_STANDIN)
    assert conftest.docker_has_kafka_image()
