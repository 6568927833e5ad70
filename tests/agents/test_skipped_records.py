"""faust skips the records a stream holds across a rebalance and then acknowledges them; the
stages' consumer refuses those acknowledgements so the records are read again, not lost."""

import pytest
from faust.transport.drivers import aiokafka as driver
from faust.types.tuples import TP, ConsumerMessage

from services.app import create_app
from services.runtime.settings import Settings


@pytest.fixture
def app(tmp_path):
    settings = Settings(kafka_bootstrap="127.0.0.1:1", state_dir=tmp_path, metrics_port=0)
    app, _ = create_app(settings, ("claims",))
    app.finalize()
    app.consumer_generation_id = 7
    return app


def message(generation: int, offset: int = 5) -> ConsumerMessage:
    return ConsumerMessage("figures.extracted", 0, offset, 0.0, 0, [], b"k", b"v", None,
                           generation_id=generation)


def test_a_record_of_the_current_generation_goes_to_faust(app, monkeypatch):
    passed = []
    monkeypatch.setattr(driver.Consumer, "ack", lambda self, m: passed.append(m.offset) or True)
    app.flow_control.resume()
    assert app.consumer.ack(message(7)) is True
    assert passed == [5]


@pytest.mark.parametrize(
    ("generation", "flowing"), [(6, True), (7, False)],
    ids=["fetched-before-the-rebalance", "during-the-rebalance"],
)
def test_a_record_skipped_across_a_rebalance_is_not_acknowledged(app, generation, flowing):
    if flowing:
        app.flow_control.resume()
    else:
        app.flow_control.suspend()
    skipped = message(generation)
    assert app.consumer.ack(skipped) is False
    assert skipped.acked is False
    assert not app.consumer._acked.get(TP("figures.extracted", 0))  # noqa: SLF001
