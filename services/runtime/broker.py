"""The local single-node Apache Kafka broker (KRaft): jars from Maven Central, data on disk."""

import asyncio
import base64
import contextlib
import os
import shutil
import signal
import subprocess
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from string import Template

from services.runtime.admin import broker_answers
from services.runtime.settings import Settings

RECIPE_DIR = Path(__file__).resolve().parents[2] / "deploy" / "kafka"
DEFAULT_HEAP = "512m"


class BrokerError(RuntimeError):
    """The local broker could not be prepared or did not come up."""


def local_bootstrap(settings: Settings) -> str:
    return f"127.0.0.1:{settings.broker_port}"


def render_server_properties(template: str, settings: Settings) -> str:
    """The broker's server.properties for these ports and this broker directory."""
    data_dir = settings.broker_dir.resolve() / "data"
    return Template(template).substitute(
        port=settings.broker_port,
        controller_port=settings.broker_controller_port,
        data_dir=data_dir.as_posix(),
    )


def new_cluster_id() -> str:
    """A KRaft cluster id: a random UUID as 22 url-safe base64 characters."""
    while True:
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not cluster_id.startswith("-"):
            return cluster_id


def has_jars(libs: Path) -> bool:
    return libs.is_dir() and any(libs.glob("*.jar"))


def ensure_jars(settings: Settings) -> Path:
    """The broker's classpath directory, resolved by Maven on first use."""
    libs = settings.broker_dir / "libs"
    if has_jars(libs):
        return libs
    partial = libs.with_name("libs.partial")
    shutil.rmtree(partial, ignore_errors=True)
    maven = ["mvn", "-q", "-B", "dependency:copy-dependencies", "-DincludeScope=runtime"]
    pom, output = str(RECIPE_DIR / "pom.xml"), f"-DoutputDirectory={partial.resolve()}"
    run_checked([*maven, "-f", pom, output], "maven could not resolve the kafka jars")
    if not has_jars(partial):
        raise BrokerError(f"broker: maven put no jars in {partial}")
    partial.rename(libs)
    return libs


def run_checked(command: list[str], failure: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise BrokerError(f"broker: {failure}\n{done.stdout}{done.stderr}")


def read_pid(pid_file: Path) -> int | None:
    try:
        return int(pid_file.read_text().strip())
    except (OSError, ValueError):
        return None


def pid_alive(pid: int) -> bool:
    """Whether the process runs; reaps it first if it is our own exited child."""
    try:
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def running_pid(settings: Settings) -> int | None:
    pid = read_pid(settings.broker_dir / "broker.pid")
    return pid if pid is not None and pid_alive(pid) else None


def describe_status(pid: int | None, bootstrap: str) -> str:
    return f"running pid {pid} at {bootstrap}" if pid is not None else "stopped"


def status(settings: Settings) -> str:
    return describe_status(running_pid(settings), local_bootstrap(settings))


def answers(bootstrap: str, timeout: float = 3.0) -> bool:
    """Whether a Kafka broker answers a metadata request at `bootstrap`."""

    def probe() -> bool:
        return asyncio.run(broker_answers(bootstrap, timeout))

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return probe()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(probe).result()


def java_command(settings: Settings, libs: Path, main: list[str], heap: str) -> list[str]:
    logs_dir = settings.broker_dir.resolve() / "logs"
    log4j = f"-Dlog4j.configuration=file:{RECIPE_DIR / 'log4j.properties'}"
    jvm = ["java", f"-Xmx{heap}", f"-Xms{heap}", "-Djava.awt.headless=true"]
    return [*jvm, f"-Dkafka.logs.dir={logs_dir}", log4j, "-cp", f"{libs.resolve()}/*", *main]


def prepare_storage(settings: Settings, libs: Path) -> Path:
    """Writes server.properties and formats the data directory once per cluster id."""
    broker_dir = settings.broker_dir
    config = broker_dir / "server.properties"
    template = (RECIPE_DIR / "server.properties").read_text()
    config.write_text(render_server_properties(template, settings))
    if (broker_dir / "data" / "meta.properties").exists():
        return config
    id_file = broker_dir / "cluster.id"
    if not id_file.exists():
        id_file.write_text(new_cluster_id())
    tool = ["kafka.tools.StorageTool", "format", "--ignore-formatted"]
    tool += ["-t", id_file.read_text().strip(), "-c", str(config.resolve())]
    run_checked(java_command(settings, libs, tool, "256m"), "storage format failed")
    return config


def log_tail(settings: Settings, lines: int = 30) -> str:
    logs = [settings.broker_dir / "broker.log", settings.broker_dir / "logs" / "server.log"]
    return "\n".join(
        "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
        for log in logs
        if log.exists()
    )


def launch(settings: Settings, heap: str) -> subprocess.Popen:
    libs = ensure_jars(settings)
    config = prepare_storage(settings, libs)
    command = java_command(settings, libs, ["kafka.Kafka", str(config.resolve())], heap)
    with open(settings.broker_dir / "broker.log", "ab") as log:
        broker = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True
        )
    (settings.broker_dir / "broker.pid").write_text(str(broker.pid))
    return broker


def start(settings: Settings, wait_seconds: float = 60.0, heap: str = DEFAULT_HEAP) -> str:
    """Starts the local broker unless it already answers; returns its bootstrap address."""
    bootstrap = local_bootstrap(settings)
    if answers(bootstrap, 2.0):
        return bootstrap
    settings.broker_dir.mkdir(parents=True, exist_ok=True)
    pid = running_pid(settings) or launch(settings, heap).pid
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            raise BrokerError(f"broker: exited during start-up\n{log_tail(settings)}")
        if answers(bootstrap, 2.0):
            return bootstrap
        time.sleep(0.5)
    tail = log_tail(settings)
    raise BrokerError(f"broker: no answer at {bootstrap} after {wait_seconds}s\n{tail}")


def signal_and_wait(pid: int, signum: int, timeout: float) -> bool:
    """Sends `signum`; whether the process is gone within `timeout` seconds."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signum)
    deadline = time.monotonic() + timeout
    while pid_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not pid_alive(pid)


def stop(settings: Settings, timeout: float = 30.0) -> None:
    """SIGTERM, then SIGKILL after `timeout` seconds; forgets the pid file."""
    pid = running_pid(settings)
    if pid is not None and not signal_and_wait(pid, signal.SIGTERM, timeout):
        signal_and_wait(pid, signal.SIGKILL, 10.0)
    (settings.broker_dir / "broker.pid").unlink(missing_ok=True)
