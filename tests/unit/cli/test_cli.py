import pytest

from services.cli import main


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [(["bogus"], "invalid choice"),
     (["worker", "nope"], "invalid choice"),
     (["tail", "--max", "0"], "positive integer"),
     (["tail", "--timeout", "-1"], "positive number"),
     (["broker"], "required"),
     (["replay", "/nonexistent/file.txt"], "no such file")],
    ids=["unknown-command", "unknown-stage", "zero-max", "negative-timeout", "missing-action",
         "missing-input"],
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
