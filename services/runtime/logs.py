"""What reaches the log at WARNING or above is something an operator should act on.

faust, mode and aiokafka report routine, self-healing conditions at WARNING or ERROR: the
group coordinator not being ready while a broker starts, the producer buffer absorbing a
burst, a commit timer running late. Those records are demoted to INFO here, by logger and
message, so that a healthy run logs nothing above INFO. Everything else keeps its level.
"""

import logging

ROUTINE = {
    "aiokafka.consumer.group_coordinator": (
        "GroupCoordinatorNotAvailableError", "NotCoordinatorForGroupError",
        "because it is rebalancing",
    ),
    "faust.transport.producer": ("producer buffer full",),
    "mode.timers": ("is overlapping", "woke up too late"),
}


class Routine(logging.Filter):
    """Demotes records whose message contains one of `fragments` to INFO."""

    def __init__(self, fragments: tuple[str, ...]) -> None:
        super().__init__()
        self.fragments = fragments

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.INFO and any(f in record.getMessage() for f in self.fragments):
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def demote_routine() -> None:
    """Install the filters (once per logger)."""
    for name, fragments in ROUTINE.items():
        logger = logging.getLogger(name)
        if not any(isinstance(f, Routine) for f in logger.filters):
            logger.addFilter(Routine(fragments))
