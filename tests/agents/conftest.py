"""Agent wiring without a broker: faust's `agent.test_context()` feeds the agent directly and
the output topics' `send` records what the agent would publish. The real topics are covered
by tests/integration."""

import asyncio
import json

import pytest

from services.app import create_app
from services.runtime.settings import Settings


class Outbox:
    """What an agent sent, per topic."""

    def __init__(self, topics, changelogs=()):
        self.sent: dict[str, list[tuple[bytes, dict]]] = {}
        for topic in [*vars(topics).values(), *changelogs]:
            topic.send = self.recorder(topic.get_topic_name())

    def recorder(self, name):
        async def send(*, key=None, value=None, **_):
            decoded = json.loads(value) if isinstance(value, bytes) else value
            self.sent.setdefault(name, []).append((key, decoded))
            done = asyncio.get_running_loop().create_future()
            done.set_result(None)
            return done

        return send

    def values(self, name):
        return [value for _, value in self.sent.get(name, [])]

    async def wait_for(self, name, count, timeout=120.0):
        """For batching agents: until `count` records went to `name`."""
        async with asyncio.timeout(timeout):
            while len(self.sent.get(name, [])) < count:
                await asyncio.sleep(0.05)


@pytest.fixture
def stage_app(tmp_path):
    """A function-scoped app per test (session-scoped async fixtures hang with faust)."""

    def make(stage, **overrides):
        settings = Settings(
            kafka_bootstrap="127.0.0.1:1", state_dir=tmp_path, metrics_port=0, **overrides
        )
        app, topics = create_app(settings, (stage,))
        app.finalize()
        return app, Outbox(topics, [table.changelog_topic for table in app.tables.values()])

    return make
