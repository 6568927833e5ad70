"""A real Prometheus scrapes the running stack: every target is up, a claimstream counter moves."""

import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml

pytestmark = pytest.mark.kafka

PROMETHEUS = "/usr/bin/prometheus"
COUNTERS = 'sum by (__name__) ({__name__=~"claimstream_.+_total"}) > 0'


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def metrics_targets(stack: object) -> list[str]:
    """The stack's "host:port" metrics targets: the fixture's list, or its `targets`."""
    targets = list(getattr(stack, "targets", stack))
    assert targets, "the running stack exposes no metrics target"
    return targets


def scrape_config(targets: list[str]) -> dict:
    return {
        "global": {"scrape_interval": "1s", "scrape_timeout": "1s"},
        "scrape_configs": [{"job_name": "claimstream", "static_configs": [{"targets": targets}]}],
    }


def query(base_url: str, promql: str) -> list[dict]:
    response = httpx.get(f"{base_url}/api/v1/query", params={"query": promql}, timeout=5)
    response.raise_for_status()
    body = response.json()
    assert body["status"] == "success", body
    return body["data"]["result"]


def wait_for(fetch, accept, timeout: float, what: str):
    """Polls `fetch` until `accept` takes its answer; fails with the last answer seen."""
    deadline, last = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        last = fetch()
        if accept(last):
            return last
        time.sleep(0.5)
    pytest.fail(f"{what} not seen in {timeout}s; last answer: {last}")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)


@pytest.fixture
def prometheus(running_stack: object, tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    """Prometheus on a free loopback port scraping the stack; yields its URL and the targets."""
    if not Path(PROMETHEUS).exists():
        pytest.fail(f"{PROMETHEUS} is missing: run .ci/install-system-deps.sh", pytrace=False)
    targets = metrics_targets(running_stack)
    config = tmp_path / "prometheus.yml"
    config.write_text(yaml.safe_dump(scrape_config(targets)))
    port = free_port()
    log = (tmp_path / "prometheus.log").open("wb")
    process = subprocess.Popen(
        [PROMETHEUS, f"--config.file={config}", f"--storage.tsdb.path={tmp_path / 'data'}",
         f"--web.listen-address=127.0.0.1:{port}", "--log.level=warn"],
        stdout=log, stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: ready(base_url, process), bool, 30, "Prometheus ready")
        yield base_url, targets
    finally:
        stop(process)
        log.close()


def ready(base_url: str, process: subprocess.Popen) -> bool:
    if process.poll() is not None:
        pytest.fail(f"prometheus exited {process.returncode}")
    try:
        return httpx.get(f"{base_url}/-/ready", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def up_by_instance(base_url: str) -> dict[str, str]:
    return {sample["metric"]["instance"]: sample["value"][1] for sample in query(base_url, "up")}


def test_every_target_is_up_and_a_claimstream_counter_is_positive(
    prometheus: tuple[str, list[str]],
) -> None:
    base_url, targets = prometheus
    every_target_up = {target: "1" for target in targets}
    wait_for(lambda: up_by_instance(base_url), every_target_up.__eq__, 60, "up == 1 everywhere")
    counters = wait_for(lambda: query(base_url, COUNTERS), bool, 120, "a claimstream counter > 0")
    assert all(float(sample["value"][1]) > 0 for sample in counters)
    assert all(sample["metric"]["__name__"].startswith("claimstream_") for sample in counters)
