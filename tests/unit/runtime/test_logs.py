import logging

import pytest

from services.runtime.logs import demote_routine


@pytest.mark.parametrize(
    ("logger", "level", "message", "kept"),
    [
        ("aiokafka.consumer.group_coordinator", logging.ERROR,
         "Group Coordinator Request failed: [Error 15] GroupCoordinatorNotAvailableError", logging.INFO),
        ("faust.transport.producer", logging.WARNING, "producer buffer full size 138", logging.INFO),
        ("mode.timers", logging.WARNING, "Timer commit is overlapping (interval=1.0)", logging.INFO),
        ("aiokafka.consumer.group_coordinator", logging.ERROR, "OffsetCommit failed for group",
         logging.ERROR),
        ("claimstream.delivery", logging.WARNING, "kafka: delivery to x failed", logging.WARNING),
    ],
    ids=["coordinator-starting", "producer-burst", "late-timer", "commit-failed", "own-warning"],
)
def test_routine_records_are_demoted_and_others_keep_their_level(logger, level, message, kept):
    demote_routine()
    seen = []

    class Keep(logging.Handler):
        def emit(self, record):
            seen.append(record.levelno)

    handler = Keep(level=logging.DEBUG)
    target = logging.getLogger(logger)
    target.addHandler(handler)
    old_level, target.level = target.level, logging.DEBUG
    try:
        target.log(level, message)
    finally:
        target.removeHandler(handler)
        target.setLevel(old_level)
    assert seen == [kept]
