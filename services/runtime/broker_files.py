"""What the local broker needs on disk: its jars (resolved by Maven from deploy/kafka/pom.xml),
its server.properties, its formatted KRaft storage, and its logs."""

import base64
import shutil
import subprocess
import uuid
from pathlib import Path
from string import Template

from services.runtime.settings import Settings

RECIPE_DIR = Path(__file__).resolve().parents[2] / "deploy" / "kafka"


class BrokerError(RuntimeError):
    """The local broker could not be prepared or did not come up."""


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
