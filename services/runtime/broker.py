"""The local single-node Apache Kafka broker (KRaft): start, stop, status. What it needs on
disk (jars from Maven Central, config, storage) is in broker_files."""

import asyncio
import contextlib
import os
import signal
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from services.runtime.admin import broker_answers
from services.runtime.broker_files import (  # noqa: F401 - part of this module's interface
    RECIPE_DIR,
    BrokerError,
    ensure_jars,
    java_command,
    log_tail,
    new_cluster_id,
    prepare_storage,
    render_server_properties,
)
from services.runtime.settings import Settings

DEFAULT_HEAP = "512m"


def local_bootstrap(settings: Settings) -> str:
    return f"127.0.0.1:{settings.broker_port}"


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
