"""Topic specs and the pure decisions behind topic creation."""

from types import SimpleNamespace

import pytest

from services.runtime.admin import created_names, missing, partition_mismatches
from services.runtime.settings import Settings
from services.runtime.topics import (
    CLAIMS_TABLE,
    DEDUPE_TABLE,
    POLLER_STATE,
    TopicSpec,
    changelog,
    topic_specs,
)

SPECS = [TopicSpec("articles.raw", 1), TopicSpec("claims.new", 4)]


def test_every_topic_is_named_once():
    names = [spec.name for spec in topic_specs(Settings())]
    assert len(names) == len(set(names)) == 10


def test_partitions_follow_settings():
    specs = {spec.name: spec for spec in topic_specs(Settings(partitions=6, dedupe_partitions=2))}
    assert specs["articles.raw"].partitions == 2
    assert specs["claims.new"].partitions == 6
    assert specs[changelog(DEDUPE_TABLE)].partitions == 2
    assert specs[changelog(CLAIMS_TABLE)].partitions == 6


def test_only_state_topics_are_compacted():
    compacted = {
        spec.name
        for spec in topic_specs(Settings())
        if spec.config.get("cleanup.policy") == "compact"
    }
    assert compacted == {POLLER_STATE, changelog(DEDUPE_TABLE), changelog(CLAIMS_TABLE)}


def test_changelog_names_follow_faust():
    assert changelog(CLAIMS_TABLE) == "claimstream-claim-state-changelog"


def test_missing_topics_are_those_not_on_the_broker():
    assert missing(SPECS, {"articles.raw": 1}) == [TopicSpec("claims.new", 4)]
    assert missing(SPECS, {"articles.raw": 1, "claims.new": 4}) == []


@pytest.mark.parametrize(
    ("existing", "expected"),
    [
        ({}, []),
        ({"articles.raw": 1, "claims.new": 4}, []),
        ({"claims.new": 2}, ["claims.new: has 2 partitions, spec says 4"]),
        ({"articles.raw": 3, "unrelated": 9}, ["articles.raw: has 3 partitions, spec says 1"]),
    ],
    ids=["none-exist", "all-match", "fewer", "more-and-unrelated"],
)
def test_partition_mismatches(existing: dict[str, int], expected: list[str]):
    assert partition_mismatches(SPECS, existing) == expected


def test_an_already_existing_topic_counts_as_not_created():
    response = SimpleNamespace(topic_errors=[("a", 0, None), ("b", 36, "exists")])
    assert created_names(response) == ["a"]


def test_other_creation_errors_are_raised():
    response = SimpleNamespace(topic_errors=[("a", 0, None), ("b", 37, "Invalid partitions")])
    with pytest.raises(RuntimeError, match="b: error 37 Invalid partitions"):
        created_names(response)
