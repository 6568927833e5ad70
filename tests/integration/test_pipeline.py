"""replay -> dedupe -> extract -> claims on the real broker, read back with `claimstream tail`."""

import asyncio
import json
import signal
import subprocess
import time
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer

REPO = Path(__file__).resolve().parents[2]
CLAIM_TOPICS = ("claims.new", "claims.updated")
CHINESE_FIGHTING = "chinese person|fighting|people|*|*|violence"
NEPAL = REPO / "tests" / "data" / "scenarios" / "nepal.jsonl"


def wait_for(stack, topics, predicate, timeout=120.0):
    """Read the topics from the beginning until `predicate(records)` holds."""
    deadline, records = time.monotonic() + timeout, []
    while time.monotonic() < deadline:
        result = stack.cli("tail", *topics, "--from-beginning", "--timeout", "8")
        assert result.returncode == 0, result.stderr
        records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
        if predicate(records):
            return records
    raise AssertionError(f"condition not met in {timeout}s; last read {len(records)} records\n"
                         f"{stack.tail_log()}")


def of_claim(records, key):
    return sorted((r for r in records if r["claim_key"] == key), key=lambda r: r["version"])


def test_seeds_become_one_tracked_claim(running_stack):
    """Partitions interleave the seeds, so assert what holds in any arrival order."""
    records = wait_for(running_stack, CLAIM_TOPICS,
                       lambda rs: len(of_claim(rs, CHINESE_FIGHTING)) >= 4)
    claim = of_claim(records, CHINESE_FIGHTING)
    assert [r["type"] for r in claim] == ["claim.new"] + ["claim.updated"] * (len(claim) - 1)
    assert [r["version"] for r in claim] == list(range(1, len(claim) + 1))
    assert len({r["claim_id"] for r in claim}) == 1
    counts = [len(r["sources"]) for r in claim]  # one source per article, however often it says it
    assert counts == sorted(counts) and counts[0] == 1 and counts[-1] == 4
    reported = sorted((s["value"], s["qualifier"]) for s in claim[-1]["sources"])
    assert reported == [(150, "more_than"), (155, "at_least"), (155, "at_least"), (163, "at_least")]
    for before, after in zip(claim, claim[1:], strict=False):
        assert after["previous"]["value"] == before["value"]
        assert after["previous"]["qualifier"] == before["qualifier"]
    assert {s["claimant"] for s in claim[-1]["sources"]} >= {"Volodymyr Zelensky"}


def test_every_event_id_is_unique_per_state_change(running_stack):
    records = wait_for(running_stack, CLAIM_TOPICS, lambda rs: len(rs) >= 4)
    by_version = {}
    for r in records:
        by_version.setdefault((r["claim_id"], r["version"]), set()).add(r["event_id"])
    assert all(len(ids) == 1 for ids in by_version.values()), by_version


def test_replaying_the_seeds_again_emits_duplicates_not_claims(running_stack):
    before = wait_for(running_stack, CLAIM_TOPICS, lambda rs: len(of_claim(rs, CHINESE_FIGHTING)) >= 4)
    result = running_stack.cli("replay", "seeds")
    assert result.returncode == 0, result.stderr
    duplicates = wait_for(running_stack, ("articles.duplicates",),
                          lambda rs: sum(r["url"].startswith("replay:") for r in rs) >= 5)
    assert {r["kind"] for r in duplicates if r["url"].startswith("replay:")} == {"exact"}
    time.sleep(5)
    after = wait_for(running_stack, CLAIM_TOPICS, lambda rs: True)
    assert sorted(r["event_id"] for r in after) == sorted(r["event_id"] for r in before)


def test_bad_record_goes_to_deadletter_and_the_stage_keeps_running(running_stack):
    async def send_garbage():
        producer = AIOKafkaProducer(bootstrap_servers=running_stack.env["CLAIMSTREAM_KAFKA_BOOTSTRAP"])
        await producer.start()
        try:
            await producer.send_and_wait("articles.raw", b"{not json", key=b"bad-record-1")
        finally:
            await producer.stop()

    asyncio.run(send_garbage())
    dead = wait_for(running_stack, ("deadletter",),
                    lambda rs: any(r.get("key") == "bad-record-1" for r in rs), timeout=60)
    record = next(r for r in dead if r["key"] == "bad-record-1")
    assert record["stage"] == "dedupe" and record["value"] == "{not json"
    assert "json" in record["reason"].lower()
    # the stage is alive: a new article after the bad one still comes through
    assert running_stack.cli("replay", str(NEPAL)).returncode == 0
    wait_for(running_stack, CLAIM_TOPICS,
             lambda rs: any("nepal" in r["claim_key"] for r in rs), timeout=90)


def test_scenarios_revision_corroboration_and_scopes(running_stack):
    running_stack.cli("replay", str(NEPAL))  # idempotent if the previous test already sent it
    records = wait_for(running_stack, CLAIM_TOPICS,
                       lambda rs: len([r for r in rs if "nepal" in r["claim_key"]]) >= 5)
    fighting = of_claim(records, "nepalese person|fighting|people|*|*|?")
    assert [(r["change"], r["value"]) for r in fighting] == [
        ("new", 200), ("value_changed", 250), ("corroborated", 250)]
    assert [len(r["sources"]) for r in fighting] == [1, 1, 2]  # a revision replaces its source
    recruited = [r for r in records if r["claim_key"].startswith("nepalese person|recruited")]
    assert sorted((r["claim_key"].split("|")[3], r["value"]) for r in recruited) == [
        ("2023", 120), ("2024", 90)]


def test_metrics_count_what_the_stages_did(running_stack):
    wait_for(running_stack, CLAIM_TOPICS, lambda rs: len(rs) >= 4)
    samples = {}
    for line in running_stack.metrics().splitlines():
        if line.startswith("claimstream_") and " " in line:
            name, value = line.rsplit(" ", 1)
            samples[name] = float(value)
    def total(prefix):
        return sum(v for k, v in samples.items() if k.startswith(prefix))
    assert total("claimstream_articles_published_total") >= 5
    assert total("claimstream_dedupe_articles_total") >= 5
    assert total("claimstream_figures_extracted_total") > 0
    assert total('claimstream_claim_events_total{change="new"') > 0
    assert total("claimstream_end_to_end_seconds_count") > 0


CORROBORATION = """{"url": "https://late.example.net/2025/06/01/chinese-fighters",
 "title": "Kyiv repeats its count", "published": "2025-06-01T08:00:00Z",
 "outlet": "Late Example", "text": "KYIV — At least 163 Chinese nationals are fighting for Russia in its war
 against Ukraine, Ukrainian intelligence said on Sunday, repeating its April estimate."}"""


@pytest.mark.slow
def test_claims_survive_a_crash_without_repeating_events(running_stack, tmp_path):
    before = wait_for(running_stack, CLAIM_TOPICS, lambda rs: len(of_claim(rs, CHINESE_FIGHTING)) >= 4)
    latest = of_claim(before, CHINESE_FIGHTING)[-1]
    running_stack.stop(signal.SIGKILL)
    running_stack.start()
    assert running_stack.cli("replay", "seeds", str(NEPAL)).returncode == 0  # all seen before
    article = tmp_path / "corroboration.jsonl"
    article.write_text(" ".join(CORROBORATION.split()) + "\n")
    assert running_stack.cli("replay", str(article)).returncode == 0
    after = wait_for(running_stack, CLAIM_TOPICS,
                     lambda rs: len(of_claim(rs, CHINESE_FIGHTING)) > len(of_claim(before, CHINESE_FIGHTING)))
    versions = {}
    for r in after:
        versions.setdefault((r["claim_id"], r["version"]), set()).add(r["event_id"])
    assert all(len(ids) == 1 for ids in versions.values())
    new = [r for r in after if r["event_id"] not in {b["event_id"] for b in before}]
    assert [(r["claim_key"], r["type"], r["version"]) for r in new] == [
        (CHINESE_FIGHTING, "claim.updated", latest["version"] + 1)]  # state recovered, not restarted


def test_ctrl_c_stops_up_cleanly_and_it_starts_again(running_stack):
    assert running_stack.stop(signal.SIGINT) == 0
    assert running_stack.metrics(quiet=True) == ""  # /metrics went away with the process
    running_stack.start()
    assert "claimstream_stage_seconds" in running_stack.metrics()


def test_claims_api_and_cli_show_state_and_history(running_stack):
    wait_for(running_stack, CLAIM_TOPICS, lambda rs: len(of_claim(rs, CHINESE_FIGHTING)) >= 4)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # the table is written just before the event is sent
        result = running_stack.cli("claims", "--search", "chinese")
        found = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
        fighting = [c for c in found if c.get("claim_key") == CHINESE_FIGHTING]
        if fighting and fighting[0]["version"] >= 4:
            break
        time.sleep(1)
    assert result.returncode == 0, result.stderr
    assert len(fighting) == 1, fighting
    [claim] = fighting
    assert all("chinese" in f"{c['subject']} {c['evidence']} {c['claim_key']}".lower() for c in found)
    assert not any(c["claim_key"].startswith("nepalese") for c in found)
    detail = running_stack.cli("claims", "--id", claim["claim_id"])
    body = json.loads(detail.stdout)
    assert [h["version"] for h in body["history"]] == list(range(1, body["version"] + 1))
    assert body["history"][0]["type"] == "claim.new"
    missing = running_stack.cli("claims", "--id", "cnothere")
    assert missing.returncode == 1 and "no claim" in missing.stdout


def test_claim_topics_are_plain_json_for_standard_clients(running_stack):
    """kcat, not our code, reads claims.new: keys are claim ids, values validate as events."""
    from schemas import ClaimEvent

    wait_for(running_stack, CLAIM_TOPICS, lambda rs: len(of_claim(rs, CHINESE_FIGHTING)) >= 4)
    result = subprocess.run(
        ["kcat", "-b", running_stack.env["CLAIMSTREAM_KAFKA_BOOTSTRAP"], "-C", "-t", "claims.new",
         "-o", "beginning", "-e", "-q", "-f", "%k\t%s\n"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t", 1) for line in result.stdout.splitlines() if line.strip()]
    events = [(key, ClaimEvent.model_validate_json(value)) for key, value in rows]
    assert events and all(key == event.claim_id and event.type == "claim.new" for key, event in events)
    assert any(event.claim_key == CHINESE_FIGHTING for _, event in events)
