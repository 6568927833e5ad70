"""`claimstream process`: the stream's logic in one process, deterministic, with no broker."""

import json
from pathlib import Path

import pytest

from services.cli import main

REPO = Path(__file__).resolve().parents[3]
NEPAL = REPO / "tests" / "data" / "scenarios" / "nepal.jsonl"


@pytest.fixture(scope="module")
def seeds_output(tmp_path_factory):
    out = tmp_path_factory.mktemp("process") / "events.jsonl"
    assert main(["process", str(REPO / "seeds"), str(NEPAL), "--out", str(out)]) == 0
    return out.read_text()


def test_output_is_identical_on_a_second_run(seeds_output, tmp_path):
    again = tmp_path / "again.jsonl"
    assert main(["process", str(REPO / "seeds"), str(NEPAL), "--out", str(again)]) == 0
    assert again.read_text() == seeds_output


def test_output_is_the_same_read_in_this_process_or_shared_out_among_nlp_processes(seeds_output, tmp_path):
    single = tmp_path / "single.jsonl"
    shared = tmp_path / "shared.jsonl"
    inputs = [str(REPO / "seeds"), str(NEPAL)]
    assert main(["process", *inputs, "--out", str(single), "--nlp-processes", "1"]) == 0
    assert main(["process", *inputs, "--out", str(shared), "--nlp-processes", "3"]) == 0
    assert single.read_text() == seeds_output == shared.read_text()
    assert seeds_output.count("claim.new") > 5


def test_events_come_in_input_order_and_each_claim_starts_new(seeds_output):
    events = [json.loads(line) for line in seeds_output.splitlines()]
    claims = [e for e in events if e["type"].startswith("claim.")]
    seen = set()
    for event in claims:
        assert (event["type"] == "claim.new") == (event["claim_id"] not in seen)
        seen.add(event["claim_id"])
    articles = [e["sources"][-1]["article_url"] for e in claims if e["change"] != "late_source"]
    order = [a for i, a in enumerate(articles) if a not in articles[:i]]
    assert order[0].startswith("replay:000") and order[-1].startswith("https://daily.example.org")


def test_revision_and_scopes_in_the_nepal_scenario(seeds_output):
    events = [json.loads(line) for line in seeds_output.splitlines() if '"nepalese' in line]
    fighting = [(e["change"], e["value"]) for e in events if "|fighting|" in e["claim_key"]]
    assert fighting == [("new", 200), ("value_changed", 250), ("corroborated", 250)]
    scopes = sorted(e["claim_key"].split("|")[3] for e in events if "|recruited|" in e["claim_key"])
    assert scopes == ["2023", "2024"]


def test_the_same_input_twice_yields_duplicates_not_events(tmp_path):
    out = tmp_path / "twice.jsonl"
    assert main(["process", str(NEPAL), str(NEPAL), "--out", str(out)]) == 0
    events = [json.loads(line) for line in out.read_text().splitlines()]
    duplicates = [e for e in events if e["type"] == "article.duplicate"]
    assert len(duplicates) == 4
    assert len({e["event_id"] for e in events if e["type"] != "article.duplicate"}) == len(events) - 4
