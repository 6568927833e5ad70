"""The local broker's pure parts: config rendering, cluster ids, pid files and status."""

import subprocess
import sys
import time
from pathlib import Path

import pytest

from services.runtime import broker
from services.runtime.settings import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(broker_dir=tmp_path, broker_port=39092, broker_controller_port=39093)


def rendered(settings: Settings) -> dict[str, str]:
    text = broker.render_server_properties(
        (broker.RECIPE_DIR / "server.properties").read_text(), settings
    )
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return dict(line.split("=", 1) for line in lines)


def test_server_properties_use_the_configured_ports_on_loopback(settings: Settings):
    config = rendered(settings)
    assert config["listeners"] == "PLAINTEXT://127.0.0.1:39092,CONTROLLER://127.0.0.1:39093"
    assert config["advertised.listeners"] == "PLAINTEXT://127.0.0.1:39092"
    assert config["controller.quorum.voters"] == "1@127.0.0.1:39093"


def test_server_properties_keep_data_under_the_broker_dir(settings: Settings):
    assert rendered(settings)["log.dirs"] == (settings.broker_dir.resolve() / "data").as_posix()


def test_server_properties_suit_a_single_node(settings: Settings):
    config = rendered(settings)
    assert config["auto.create.topics.enable"] == "false"
    assert config["offsets.topic.replication.factor"] == "1"
    assert config["transaction.state.log.min.isr"] == "1"
    assert not any("$" in value for value in config.values())


def test_cluster_ids_are_22_url_safe_characters_and_fresh():
    ids = {broker.new_cluster_id() for _ in range(50)}
    assert len(ids) == 50
    for cluster_id in ids:
        assert len(cluster_id) == 22 and not cluster_id.startswith("-")
        assert set(cluster_id) <= set(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        )


@pytest.mark.parametrize(
    ("content", "expected"),
    [("4242\n", 4242), ("", None), ("not a pid", None), (None, None)],
    ids=["pid", "empty", "garbage", "missing"],
)
def test_read_pid(tmp_path: Path, content: str | None, expected: int | None):
    pid_file = tmp_path / "broker.pid"
    if content is not None:
        pid_file.write_text(content)
    assert broker.read_pid(pid_file) == expected


def test_a_running_process_is_alive_and_a_killed_one_is_not():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    assert broker.pid_alive(child.pid)
    child.kill()
    deadline = time.monotonic() + 10
    while broker.pid_alive(child.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not broker.pid_alive(child.pid)


def test_status_names_pid_and_bootstrap_or_says_stopped():
    assert broker.describe_status(4242, "127.0.0.1:39092") == "running pid 4242 at 127.0.0.1:39092"
    assert broker.describe_status(None, "127.0.0.1:39092") == "stopped"


def test_a_stale_pid_file_means_stopped(settings: Settings):
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(10)
    (settings.broker_dir / "broker.pid").write_text(str(child.pid))
    assert broker.status(settings) == "stopped"


def test_status_of_a_live_pid_reports_it(settings: Settings):
    (settings.broker_dir / "broker.pid").write_text(str(broker.os.getpid()))
    assert broker.status(settings) == f"running pid {broker.os.getpid()} at 127.0.0.1:39092"


def test_jars_already_present_skip_maven(settings: Settings, monkeypatch: pytest.MonkeyPatch):
    (settings.broker_dir / "libs").mkdir()
    (settings.broker_dir / "libs" / "kafka_2.13-3.9.1.jar").write_bytes(b"")
    monkeypatch.setattr(broker.subprocess, "run", pytest.fail)
    assert broker.ensure_jars(settings) == settings.broker_dir / "libs"


def test_a_maven_failure_is_reported_with_its_output(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
):
    failed = subprocess.CompletedProcess([], 1, stdout="", stderr="Could not resolve artifact")
    monkeypatch.setattr(broker.subprocess, "run", lambda *args, **kwargs: failed)
    with pytest.raises(broker.BrokerError, match="Could not resolve artifact"):
        broker.ensure_jars(settings)


def test_nothing_answers_on_a_closed_port():
    assert broker.answers("127.0.0.1:1", 1.0) is False
