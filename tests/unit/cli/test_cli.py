import pytest

from services.cli import main


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [(["bogus"], "invalid choice"),
     (["worker", "nope"], "invalid choice"),
     (["tail", "--max", "0"], "positive integer"),
     (["tail", "--timeout", "-1"], "positive number"),
     (["broker"], "required"),
     (["replay", "/nonexistent/file.txt"], "no such file"),
     (["worker", "extract", "--nlp-processes", "0"], "positive integer"),
     (["process", "seeds", "--nlp-processes", "two"], "positive integer")],
    ids=["unknown-command", "unknown-stage", "zero-max", "negative-timeout", "missing-action",
         "missing-input", "zero-nlp-processes", "worded-nlp-processes"],
)
def test_bad_usage_exits_2_with_one_line(argv, fragment, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert fragment in err
    assert err.count("\n") == 1


@pytest.fixture
def setting(monkeypatch):
    """Set one CLAIMSTREAM_ variable for this test; settings are read afresh around it."""
    from services.runtime.settings import get_settings

    get_settings.cache_clear()
    yield lambda name, value: monkeypatch.setenv(f"CLAIMSTREAM_{name}", value)
    get_settings.cache_clear()


def test_bad_setting_exits_2(setting, capsys):
    setting("PARTITIONS", "zero")
    assert main(["topics", "create"]) == 2
    err = capsys.readouterr().err
    assert "CLAIMSTREAM_PARTITIONS" in err and "valid integer" in err and err.count("\n") == 1


def test_no_broker_is_one_line_and_exit_1(setting, capsys):
    setting("KAFKA_BOOTSTRAP", "127.0.0.1:1")
    assert main(["topics", "create"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("claimstream: kafka at 127.0.0.1:1:") and "Traceback" not in "".join(err)


def test_bad_nlp_processes_setting_exits_2(setting, capsys):
    setting("NLP_PROCESSES", "0")
    assert main(["topics", "create"]) == 2
    err = capsys.readouterr().err
    assert "CLAIMSTREAM_NLP_PROCESSES" in err and err.count("\n") == 1


def test_nlp_processes_default_to_the_usable_cores_and_the_flag_wins(monkeypatch):
    import os

    from services import commands
    from services.runtime.settings import Settings

    assert Settings().nlp_processes == len(os.sched_getaffinity(0))
    seen = []
    monkeypatch.setattr(commands, "worker", lambda args, settings: seen.append(settings.nlp_processes))
    main(["worker", "extract", "--nlp-processes", "3"])
    assert seen == [3]
