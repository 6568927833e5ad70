"""`claimstream up` as a subprocess against the test broker, and the CLI beside it."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "services.cli"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Stack:
    """One `claimstream up` process; can be killed and started again on the same state."""

    def __init__(self, bootstrap: str, workdir: Path) -> None:
        self.workdir = workdir
        self.metrics_port, self.web_port = free_port(), free_port()
        self.env = os.environ | {
            "CLAIMSTREAM_KAFKA_BOOTSTRAP": bootstrap,
            "CLAIMSTREAM_STATE_DIR": str(workdir / "state"),
            "CLAIMSTREAM_METRICS_PORT": str(self.metrics_port),
            "CLAIMSTREAM_WEB_PORT": str(self.web_port),
            "CLAIMSTREAM_FEEDS": str(workdir / "no-feeds.yaml"),
            "CLAIMSTREAM_SEEDS": str(REPO / "seeds"),
        }
        self.process: subprocess.Popen | None = None
        self.log = workdir / "up.log"

    @property
    def metrics_url(self) -> str:
        return f"http://127.0.0.1:{self.metrics_port}/metrics"

    @property
    def targets(self) -> list[str]:
        return [f"127.0.0.1:{self.metrics_port}"]

    def start(self, timeout: float = 120.0) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [*CLI, "up"], cwd=REPO, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"claimstream up exited {self.process.returncode}:\n{self.tail_log()}")
            if "claimstream_stage_seconds" in self.metrics(quiet=True):
                return
            time.sleep(0.5)
        raise TimeoutError(f"claimstream up not ready in {timeout}s:\n{self.tail_log()}")

    def stop(self, sig: int = signal.SIGINT, timeout: float = 60.0) -> int:
        assert self.process is not None
        os.killpg(self.process.pid, sig)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            return self.process.wait(10)

    def metrics(self, quiet: bool = False) -> str:
        try:
            with urllib.request.urlopen(self.metrics_url, timeout=2) as response:
                return response.read().decode()
        except OSError:
            if quiet:
                return ""
            raise

    def tail_log(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def cli(self, *args: str, timeout: float = 120.0, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*CLI, *args], cwd=REPO, env=self.env | env, capture_output=True, text=True,
            timeout=timeout,
        )

    def events(self, *topics: str, expect: int, timeout: float = 90.0) -> list[dict]:
        """At least `expect` records of the topics from the beginning, as dicts."""
        result = self.cli("tail", *topics, "--from-beginning", "--max", str(expect),
                          "--timeout", str(timeout), timeout=timeout + 30)
        assert result.returncode == 0, result.stderr
        return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
