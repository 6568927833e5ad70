"""An earlier commit checked out beside this one (run by its own Python, so by the library
versions it shipped with), the machine a benchmark ran on, and the CPU time a process and its
children spent."""

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


@contextmanager
def checked_out(commit: str) -> Iterator[Path]:
    """`commit` in a temporary git worktree, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="claimstream-before-") as tmp:
        checkout = Path(tmp) / "checkout"
        subprocess.run(["git", "worktree", "add", "--detach", str(checkout), commit], cwd=REPO,
                       check=True, capture_output=True)
        try:
            yield checkout
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(checkout)], cwd=REPO, check=False)


def before_options(parser: argparse.ArgumentParser, commit: str = "fa62baf") -> None:
    """--before COMMIT and --before-python PATH (default this interpreter): a venv made for the
    earlier checkout measures it with the libraries it pinned."""
    parser.add_argument("--before", default=commit, help="the commit to compare with")
    parser.add_argument("--before-python", type=interpreter, default=sys.executable, metavar="PATH",
                        help="the Python that runs the earlier commit (e.g. a venv with its pins)")


def interpreter(path: str) -> str:
    """An executable, its path absolute but not resolved (a venv's python is a symlink)."""
    found = shutil.which(path)
    if found is None:
        raise argparse.ArgumentTypeError(f"{path}: no executable there")
    return str(Path(found).absolute())


def libraries(python: str) -> str:
    """The spaCy and thinc `python` imports, and the Cython that built spaCy's parser."""
    run = subprocess.run([python, "-c", LIBRARIES], capture_output=True, text=True,
                         env=os.environ | {"PYTHONPATH": str(REPO)})
    return run.stdout.strip() if run.returncode == 0 else f"({run.stderr.strip().splitlines()[-1:]})"


LIBRARIES = """
import importlib.metadata as m
from services.extract.spacy_build import parser_cython
print(f"spaCy {m.version('spacy')} (parser built by Cython {parser_cython()}), thinc {m.version('thinc')}")
"""


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if "model name" in line),
                 platform.processor() or platform.machine())
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{model}, {os.cpu_count()} cores, load average {load} (shared machine)"


def children(pid: int) -> list[Path]:
    """/proc/<n> of the living children of process `pid` (Linux only)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(stat.parent)
        except (OSError, IndexError):
            continue
    return found


def cpu_seconds(pid: int, with_children: bool = True) -> float:
    """User + system CPU seconds of process `pid` and (unless told not to) of its living
    children (NLP processes), every thread counted."""
    total = 0.0
    for proc in [Path(f"/proc/{pid}"), *(children(pid) if with_children else [])]:
        try:
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total
