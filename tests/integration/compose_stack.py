"""The docker-compose stack on a Docker engine of this machine: the engine, the images (the
project's Dockerfile on a local Debian base, stand-ins for images that cannot be pulled),
and one compose project with its own name, ports and volumes."""

import json
import os
import shutil
import subprocess
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from stack import free_port

from services.runtime import broker
from services.runtime.settings import Settings

REPO = Path(__file__).resolve().parents[2]
STANDINS = REPO / "deploy" / "standins"
BASE_IMAGE = "claimstream-base:bookworm-python3.11"
KAFKA_STANDIN = "claimstream-standin/kafka:3.9.1"
PROMETHEUS_STANDIN = "claimstream-standin/prometheus:debian"
# The whole stack but Grafana, which has no stand-in, and the poller, which needs feeds.
SERVICES = ["kafka", "topics", "dedupe", "extract", "claims", "replay", "prometheus"]
# Variables that reach the stack from the environment; the test sets its own.
STACK_VARIABLE_PREFIXES = ("CLAIMSTREAM_", "COMPOSE_", "KAFKA_", "PROMETHEUS_", "GRAFANA_", "CLAIMS_")


class EngineUnavailable(RuntimeError):
    """No Docker engine answers here and none could be started."""


def docker_engine() -> str:
    """DOCKER_HOST of an engine that answers, started by .ci/start-dockerd.sh if need be."""
    try:
        started = subprocess.run(["bash", str(REPO / ".ci" / "start-dockerd.sh")],
                                 capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired as error:
        raise EngineUnavailable("dockerd did not answer within 120 s") from error
    if started.returncode != 0:
        raise EngineUnavailable(started.stderr.strip() or f"exit {started.returncode}")
    return started.stdout.strip().splitlines()[-1]


def compose_command(env: dict[str, str]) -> list[str]:
    """The compose plugin where the docker client has it, else Debian's docker-compose."""
    plugin = subprocess.run(["docker", "compose", "version"], capture_output=True, env=env)
    if plugin.returncode == 0:
        return ["docker", "compose"]
    if shutil.which("docker-compose") is None:
        raise EngineUnavailable("neither `docker compose` nor docker-compose is installed")
    return ["docker-compose"]


def run(command: list[str], env: dict[str, str], timeout: float, **kwargs) -> str:
    """stdout of the command; its exit status and output tail in the error when it fails."""
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout, **kwargs)
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-40:])
        raise AssertionError(f"{' '.join(command)} exited {done.returncode}:\n{tail}")
    return done.stdout


def docker_build(env: dict[str, str], tag: str, context: Path, *args: str) -> None:
    # The classic builder: BuildKit would try to pull the Dockerfile's `# syntax=` frontend.
    run(["docker", "build", "--network", "host", "-t", tag, *args, str(context)],
        env | {"DOCKER_BUILDKIT": "0"}, timeout=1200)


def kafka_context(workdir: Path) -> Path:
    """deploy/standins/kafka plus the broker jars of the local broker's Maven recipe."""
    libs = broker.ensure_jars(Settings(broker_dir=REPO / ".kafka"))
    context = workdir / "kafka"
    shutil.copytree(STANDINS / "kafka", context)
    shutil.copytree(libs.resolve(), context / "libs")
    return context


def build_images(env: dict[str, str], claimstream_image: str, workdir: Path) -> None:
    """The base image once per engine, then the three images side by side (layers cached)."""
    run(["bash", str(STANDINS / "base-image.sh"), BASE_IMAGE], env, timeout=900)
    base = ["--build-arg", f"BASE_IMAGE={BASE_IMAGE}"]
    builds = [
        (claimstream_image, REPO, "-f", str(REPO / "deploy" / "Dockerfile"),
         "--build-arg", f"PYTHON_IMAGE={BASE_IMAGE}"),
        (KAFKA_STANDIN, kafka_context(workdir), *base),
        (PROMETHEUS_STANDIN, STANDINS / "prometheus", *base),
    ]
    with ThreadPoolExecutor(max_workers=len(builds)) as pool:
        for done in [pool.submit(docker_build, env, tag, context, *args)
                     for tag, context, *args in builds]:
            done.result()


class ComposeStack:
    """One compose project of docker-compose.yml, named uniquely, on free loopback ports."""

    def __init__(self, docker_host: str, workdir: Path) -> None:
        self.project = f"claimstream-test-{uuid.uuid4().hex[:8]}"
        self.workdir = workdir
        self.image = f"claimstream:{self.project}"
        ports: set[int] = set()
        while len(ports) < 3:
            ports.add(free_port())
        self.api_port, self.prometheus_port, grafana_port = sorted(ports)
        self.env_file = workdir / "empty.env"
        self.env_file.touch()
        inherited = {k: v for k, v in os.environ.items() if not k.startswith(STACK_VARIABLE_PREFIXES)}
        self.env = inherited | {"DOCKER_HOST": docker_host}
        self.stack_env = self.env | {
            "CLAIMSTREAM_IMAGE_TAG": self.project,
            "KAFKA_IMAGE": KAFKA_STANDIN,
            "PROMETHEUS_IMAGE": PROMETHEUS_STANDIN,
            "CLAIMS_API_HOST_PORT": str(self.api_port),
            "PROMETHEUS_HOST_PORT": str(self.prometheus_port),
            "GRAFANA_HOST_PORT": str(grafana_port),
        }
        self.compose = [
            *compose_command(self.env), "--project-name", self.project,
            "--project-directory", str(REPO), "--file", str(REPO / "docker-compose.yml"),
            "--env-file", str(self.env_file),
        ]
        self.events_log = workdir / "events.jsonl"
        self.events: subprocess.Popen | None = None

    def __call__(self, *args: str, timeout: float = 300.0) -> str:
        return run([*self.compose, *args], self.stack_env, timeout=timeout, cwd=REPO)

    def docker(self, *args: str, timeout: float = 60.0) -> str:
        return run(["docker", *args], self.env, timeout=timeout)

    def up(self) -> None:
        """Records the containers' start, exit and health events, then `up` waits for them."""
        with self.events_log.open("w") as log:
            self.events = subprocess.Popen(
                ["docker", "events", "--format", "{{json .}}",
                 "--filter", f"label=com.docker.compose.project={self.project}",
                 "--filter", "event=start", "--filter", "event=die",
                 "--filter", "event=health_status"],
                stdout=log, stderr=subprocess.DEVNULL, env=self.env,
            )
        try:
            self("up", "--detach", "--no-build", *SERVICES, timeout=600)
        except AssertionError as error:
            raise AssertionError(f"{error}\n{self.logs()}") from error

    def down(self) -> None:
        """Removes the containers, network and volumes; stops recording events."""
        try:
            self("down", "--volumes", "--remove-orphans", "--timeout", "10", timeout=180)
        finally:
            if self.events is not None and self.events.poll() is None:
                self.events.terminate()
                self.events.wait(10)

    def logs(self, lines: int = 30) -> str:
        done = subprocess.run([*self.compose, "logs", "--no-color", "--tail", str(lines)],
                              capture_output=True, text=True, env=self.stack_env, timeout=60)
        return done.stdout[-12000:]

    def recorded_events(self) -> list[dict]:
        return [json.loads(line) for line in self.events_log.read_text().splitlines() if line]

    def container_ids(self, service: str) -> list[str]:
        return self("ps", "-q", service).split()

    def inspect(self, container: str) -> dict:
        return json.loads(self.docker("inspect", container))[0]

    def wait_healthy(self, service: str, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            states = [self.inspect(c)["State"].get("Health", {}).get("Status")
                      for c in self.container_ids(service)]
            if states and all(state == "healthy" for state in states):
                return
            time.sleep(2)
        raise AssertionError(f"{service} not healthy in {timeout}s\n{self.logs()}")

    def tail(self, *topics: str, seconds: float = 8.0) -> list[dict]:
        """The topics from the beginning, read by `claimstream tail` in a container."""
        out = self("run", "--rm", "--no-deps", "-T", "extract", "tail", *topics,
                   "--from-beginning", "--timeout", str(seconds), timeout=seconds + 120)
        return [json.loads(line) for line in out.splitlines() if line.startswith("{")]

    def replay(self, articles: Path) -> None:
        """`claimstream replay` of a host file, in a container on the stack's network."""
        articles.chmod(0o644)
        self("run", "--rm", "--no-deps", "-T", "--volume", f"{articles}:/tmp/articles.jsonl:ro",
             "replay", "replay", "/tmp/articles.jsonl", timeout=180)

    def http_json(self, port: int, path: str) -> object:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
            return json.loads(response.read())

    def remove_image(self) -> None:
        """Untags this run's image; its layers stay cached for the next build."""
        subprocess.run(["docker", "rmi", "--no-prune", self.image], capture_output=True,
                       env=self.env, timeout=60)
