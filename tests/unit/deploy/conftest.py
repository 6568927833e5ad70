"""Paths and the external tools the deploy tests run (installed by .ci/install-system-deps.sh)."""

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


def require_tool(name: str) -> str:
    """The tool's path; a missing tool fails the test (CI installs it), it never skips."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed: run .ci/install-system-deps.sh", pytrace=False)
    return path


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO
