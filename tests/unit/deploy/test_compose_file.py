"""docker-compose.yml: valid, ordered start-up, one image, nothing published beyond loopback."""

import os
import re
import subprocess
import tempfile
from pathlib import Path

import pytest
import yaml

from .conftest import REPO, require_tool

COMPOSE = REPO / "docker-compose.yml"
ENV_EXAMPLE = REPO / ".env.example"
APP_SERVICES = {"topics", "poller", "dedupe", "extract", "claims", "replay"}
ONE_SHOTS = {"topics", "replay"}
ALLOWED_HOST_PORTS = {"grafana": {3000}, "prometheus": {9090}, "claims": {6066}}
VARIABLE = re.compile(r"\$\{([A-Z0-9_]+)")


def env_example_keys() -> dict[str, str]:
    lines = ENV_EXAMPLE.read_text().splitlines()
    pairs = (line.split("=", 1) for line in lines if line and not line.startswith("#"))
    return {key: value for key, value in pairs}


def env_example_commented() -> set[str]:
    """Settings listed commented out: passed through only when a user sets them."""
    return set(re.findall(r"^# (CLAIMSTREAM_[A-Z0-9_]+)=$", ENV_EXAMPLE.read_text(), re.M))


def raw_services() -> dict:
    return yaml.safe_load(COMPOSE.read_text())["services"]


def compose_config(compose_file: Path, env_file: Path | None = None) -> subprocess.CompletedProcess:
    """`docker-compose config` as a user without a .env (nor the stack's variables) gets it."""
    tool = require_tool("docker-compose")
    stack_variables = set(env_example_keys()) | env_example_commented()
    env = {k: v for k, v in os.environ.items() if k not in stack_variables}
    with tempfile.TemporaryDirectory() as empty:
        env_file = env_file or Path(empty, "empty.env")
        env_file.touch()
        return subprocess.run(
            [tool, "--project-directory", str(REPO), "--env-file", str(env_file),
             "-f", str(compose_file), "config"],
            capture_output=True, text=True, env=env, timeout=60,
        )


@pytest.fixture(scope="module")
def config() -> dict:
    result = compose_config(COMPOSE)
    assert result.returncode == 0, result.stderr
    return yaml.safe_load(result.stdout)


@pytest.fixture(scope="module")
def services(config: dict) -> dict:
    return config["services"]


def test_compose_file_validates_against_the_compose_specification(config: dict) -> None:
    assert set(config["services"]) == APP_SERVICES | {"kafka", "prometheus", "grafana"}


def test_an_invalid_compose_file_is_rejected(tmp_path: Path) -> None:
    broken = COMPOSE.read_text().replace(
        "condition: service_completed_successfully", "condition: service_finished", 1
    )
    (tmp_path / "docker-compose.yml").write_text(broken)
    result = compose_config(tmp_path / "docker-compose.yml")
    assert result.returncode != 0
    assert "service_finished" in result.stderr


def test_env_example_holds_exactly_the_defaults(config: dict) -> None:
    with_example = compose_config(COMPOSE, env_file=ENV_EXAMPLE)
    assert with_example.returncode == 0, with_example.stderr
    assert yaml.safe_load(with_example.stdout) == config


def test_every_variable_is_documented_in_env_example() -> None:
    used = set(VARIABLE.findall(COMPOSE.read_text()))
    documented = set(env_example_keys())
    assert used - documented == set()
    assert documented - used == {"COMPOSE_PROJECT_NAME", "COMPOSE_PROFILES"}


def test_settings_passed_through_are_listed_commented_in_env_example() -> None:
    passed = {
        name for service in raw_services().values()
        for name, value in (service.get("environment") or {}).items() if value is None
    }
    assert passed == env_example_commented()
    assert "CLAIMSTREAM_PARTITIONS" in passed


def test_every_claimstream_variable_is_a_setting() -> None:
    from services.runtime.settings import Settings

    for name, service in raw_services().items():
        for variable in service.get("environment") or {}:
            if variable.startswith("CLAIMSTREAM_"):
                field = variable.removeprefix("CLAIMSTREAM_").lower()
                assert field in Settings.model_fields, f"{name}: {variable} is no setting"


def test_unset_settings_stay_unset_in_the_containers(services: dict) -> None:
    assert services["dedupe"]["environment"]["CLAIMSTREAM_PARTITIONS"] is None


def test_depends_on_names_existing_services_with_a_condition_they_can_meet(services: dict) -> None:
    for name, service in services.items():
        for target, rule in service.get("depends_on", {}).items():
            assert target in services, f"{name} depends on missing service {target}"
            if target in ONE_SHOTS:
                assert rule["condition"] == "service_completed_successfully", (name, target)
            else:
                assert rule["condition"] == "service_healthy", (name, target)
                assert "healthcheck" in services[target], f"{target} has no healthcheck"
                assert not services[target]["healthcheck"].get("disable"), target


def test_start_up_order_is_kafka_then_topics_then_workers_then_replay(services: dict) -> None:
    assert set(services["topics"]["depends_on"]) == {"kafka"}
    for worker in ("poller", "dedupe", "extract", "claims"):
        assert {"kafka", "topics"} <= set(services[worker]["depends_on"]), worker
    assert {"topics", "dedupe", "extract", "claims"} <= set(services["replay"]["depends_on"])


def test_only_the_poller_waits_for_a_profile(services: dict) -> None:
    profiled = {name: spec["profiles"] for name, spec in services.items() if "profiles" in spec}
    assert profiled == {"poller": ["feeds"]}
    for name, service in services.items():
        assert "poller" not in service.get("depends_on", {}), name


def test_one_shot_services_do_not_restart(services: dict) -> None:
    for name in ONE_SHOTS:
        assert services[name]["restart"] == "no", name
    for name in APP_SERVICES - ONE_SHOTS:
        assert services[name]["restart"] == "unless-stopped", name


def test_every_claimstream_service_runs_the_same_image(services: dict) -> None:
    images = {services[name]["image"] for name in APP_SERVICES}
    builds = {repr(services[name]["build"]) for name in APP_SERVICES}
    assert images == {"claimstream:local"}
    assert len(builds) == 1
    assert services["dedupe"]["build"]["dockerfile"] == "deploy/Dockerfile"


def test_commands(services: dict) -> None:
    commands = {name: services[name]["command"] for name in APP_SERVICES}
    assert commands == {
        "topics": ["topics", "create"],
        "poller": ["poll", "--feeds", "/etc/claimstream/feeds.yaml"],
        "dedupe": ["worker", "dedupe"],
        "extract": ["worker", "extract"],
        "claims": ["worker", "claims"],
        "replay": ["replay", "seeds/"],
    }
    assert services["extract"]["deploy"]["replicas"] == 2
    assert services["kafka"]["image"] == "apache/kafka:3.9.1"


def published(service: dict) -> list[tuple[str, int]]:
    """(host ip, host port) of each published port, short or long syntax."""
    ports = []
    for port in service.get("ports", []):
        if isinstance(port, dict):
            ports.append((port.get("host_ip", "0.0.0.0"), int(port["published"])))
            continue
        parts = str(port).split("/")[0].split(":")
        host_ip = parts[0] if len(parts) == 3 else "0.0.0.0"
        ports.append((host_ip, int(parts[-2]) if len(parts) > 1 else int(parts[0])))
    return ports


def test_only_allowed_ports_are_published_and_only_on_loopback(services: dict) -> None:
    exposed = {name: published(service) for name, service in services.items() if "ports" in service}
    assert {name: {port for _, port in ports} for name, ports in exposed.items()} == (
        ALLOWED_HOST_PORTS
    )
    assert {ip for ports in exposed.values() for ip, _ in ports} == {"127.0.0.1"}


@pytest.mark.parametrize(
    ("port", "expected"),
    [
        ("127.0.0.1:3000:3000/tcp", [("127.0.0.1", 3000)]),
        ("3000:3000", [("0.0.0.0", 3000)]),
        ({"target": 9090, "published": "9091", "host_ip": "127.0.0.1"}, [("127.0.0.1", 9091)]),
        ({"target": 9090, "published": 9091}, [("0.0.0.0", 9091)]),
    ],
    ids=["short-loopback", "short-all-interfaces", "long-loopback", "long-all-interfaces"],
)
def test_published_reads_both_port_syntaxes(port: object, expected: list) -> None:
    assert published({"ports": [port]}) == expected


def test_workers_keep_state_on_named_volumes(config: dict, services: dict) -> None:
    for name in ("dedupe", "claims"):
        state_dir = services[name]["environment"]["CLAIMSTREAM_STATE_DIR"]
        mounts = [volume.split(":") for volume in services[name]["volumes"]]
        assert [source for source, target, *_ in mounts if target == state_dir] == [
            f"{name}-state"
        ]
    assert any(v.startswith("kafka-data:/var/lib/kafka/data") for v in services["kafka"]["volumes"])
    assert {"kafka-data", "dedupe-state", "claims-state"} <= set(config["volumes"])


def test_workers_share_kafka_and_the_metrics_port(services: dict) -> None:
    for name in APP_SERVICES:
        environment = services[name]["environment"]
        assert environment["CLAIMSTREAM_KAFKA_BOOTSTRAP"] == "kafka:9092", name
        assert environment["CLAIMSTREAM_METRICS_PORT"] == "9108", name
        if name not in ONE_SHOTS:
            assert "http://127.0.0.1:9108/metrics" in " ".join(services[name]["healthcheck"]["test"])
    assert services["claims"]["environment"]["CLAIMSTREAM_WEB_HOST"] == "0.0.0.0"


def test_kafka_advertises_its_network_name_and_runs_kraft(services: dict) -> None:
    environment = services["kafka"]["environment"]
    assert environment["KAFKA_PROCESS_ROLES"] == "broker,controller"
    assert "PLAINTEXT://kafka:9092" in environment["KAFKA_ADVERTISED_LISTENERS"].split(",")
    assert environment["KAFKA_LOG_DIRS"] == "/var/lib/kafka/data"


OUTSIDE_IMAGES = {"kafka": "KAFKA_IMAGE", "prometheus": "PROMETHEUS_IMAGE", "grafana": "GRAFANA_IMAGE"}


def test_each_outside_image_is_official_by_default_and_named_through_a_variable(
    services: dict, tmp_path: Path
) -> None:
    assert {name: services[name]["image"].split(":")[0] for name in OUTSIDE_IMAGES} == {
        "kafka": "apache/kafka", "prometheus": "prom/prometheus", "grafana": "grafana/grafana",
    }
    env_file = tmp_path / ".env"
    env_file.write_text("".join(f"{variable}=local/{name}:1\n" for name, variable in OUTSIDE_IMAGES.items()))
    result = compose_config(COMPOSE, env_file=env_file)
    assert result.returncode == 0, result.stderr
    substituted = yaml.safe_load(result.stdout)["services"]
    assert {name: substituted[name]["image"] for name in OUTSIDE_IMAGES} == {
        name: f"local/{name}:1" for name in OUTSIDE_IMAGES
    }


def test_a_setting_in_env_reaches_every_worker(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("CLAIMSTREAM_PARTITIONS=8\nGRAFANA_HOST_PORT=3001\n")
    result = compose_config(COMPOSE, env_file=env_file)
    assert result.returncode == 0, result.stderr
    services = yaml.safe_load(result.stdout)["services"]
    assert {services[name]["environment"]["CLAIMSTREAM_PARTITIONS"] for name in APP_SERVICES} == {
        "8"
    }
    assert published(services["grafana"]) == [("127.0.0.1", 3001)]
