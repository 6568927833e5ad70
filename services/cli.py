"""The `claimstream` command. Parses arguments and hands off; exit 2 on bad usage."""

import argparse
import asyncio
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from services.runtime.settings import Settings, get_settings

STAGE_CHOICES = ("dedupe", "extract", "claims", "all")


class UsageError(Exception):
    """Bad usage or a bad input file: exit 2 with one line on stderr."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not argparse's usage block
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> Parser:
    parser = Parser(prog="claimstream", description="Real-time claim tracker on Kafka.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    up = sub.add_parser("up", help="broker, topics, every stage, seed replay, poller and /metrics")
    broker = sub.add_parser("broker", help="the local single-node Kafka broker (KRaft)")
    broker.add_argument("action", choices=("start", "stop", "status"))
    topics = sub.add_parser("topics", help="create every topic (safe to run twice)")
    topics.add_argument("action", choices=("create",))
    poll = sub.add_parser("poll", help="the feed poller")
    poll.add_argument("--feeds", type=Path, default=None)
    poll.add_argument("--once", action="store_true")
    replay = sub.add_parser("replay", help="publish fixture articles to articles.raw")
    replay.add_argument("paths", nargs="+", type=Path)
    worker = sub.add_parser("worker", help="run one stream processor")
    worker.add_argument("stage", choices=STAGE_CHOICES)
    for command in (up, worker):
        command.add_argument("--nlp-processes", type=positive_int, default=None)
    tail = sub.add_parser("tail", help="print topic records as JSON lines")
    tail.add_argument("topics", nargs="*", default=["claims.new", "claims.updated"])
    tail.add_argument("--from-beginning", action="store_true")
    tail.add_argument("--max", type=positive_int, default=None)
    tail.add_argument("--timeout", type=positive_float, default=None)
    process = sub.add_parser("process", help="run the pipeline logic in one process, no broker")
    process.add_argument("paths", nargs="+", type=Path)
    process.add_argument("--out", type=Path, default=None)
    process.add_argument("--nlp-processes", type=positive_int, default=None)
    claims = sub.add_parser("claims", help="list claims from the claims worker's HTTP API")
    claims.add_argument("--search", default=None)
    claims.add_argument("--entity", default=None)
    claims.add_argument("--id", dest="claim_id", default=None)
    return parser


def positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return int(text)


def positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def dispatch(args: argparse.Namespace, settings: Settings) -> int:
    from services import commands

    if getattr(args, "nlp_processes", None):  # the flag wins over CLAIMSTREAM_NLP_PROCESSES
        settings = settings.model_copy(update={"nlp_processes": args.nlp_processes})
    handler = getattr(commands, args.command)
    result = handler(args, settings)
    return asyncio.run(result) if asyncio.iscoroutine(result) else int(result or 0)


def main(argv: Sequence[str] | None = None) -> int:
    from aiokafka.errors import KafkaError
    from pydantic import ValidationError

    from services.runtime.admin import BrokerUnavailable, TopicMismatch
    from services.runtime.broker_files import BrokerError
    from services.runtime.errors import InputError

    try:
        args = build_parser().parse_args(argv)
        try:
            settings = get_settings()
        except ValidationError as exc:
            error = exc.errors()[0]
            name = "CLAIMSTREAM_" + "_".join(str(p) for p in error["loc"]).upper()
            raise UsageError(f"claimstream: bad setting {name}: {error['msg']}") from None
        return dispatch(args, settings)
    except (UsageError, InputError) as exc:
        print(str(exc).splitlines()[0], file=sys.stderr)
        return 2
    except (BrokerError, BrokerUnavailable, TopicMismatch) as exc:
        print(f"claimstream: {exc}", file=sys.stderr)  # the broker log tail follows the first line
        return 1
    except KafkaError as exc:
        print(f"claimstream: kafka at {get_settings().kafka_bootstrap}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader (head, less) went away: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
