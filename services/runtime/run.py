"""Process entry points: one faust worker for some stages, or `up` for everything."""

import asyncio
import logging

import faust

from services.app import STAGES, create_app
from services.runtime import broker as local
from services.runtime import metrics
from services.runtime.admin import create_topics, wait_for_broker
from services.runtime.logs import demote_routine
from services.runtime.settings import Settings
from services.runtime.topics import topic_specs

log = logging.getLogger("claimstream")
BROKER_WAIT_SECONDS = 300.0


def stages_of(stage: str) -> tuple[str, ...]:
    return STAGES if stage == "all" else (stage,)


def start_worker(app: faust.App) -> int:
    demote_routine()
    worker = faust.Worker(app, loglevel="WARNING", quiet=True)
    # faust's terminal spinner sets the root logger to DEBUG: every record sent made a log record
    worker.spinner = None
    try:
        worker.execute_from_commandline()
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return 0


def run_stages(settings: Settings, stages: tuple[str, ...]) -> int:
    """A worker started while the broker is away waits for it, as it would after a restart."""
    if not local.answers(settings.kafka_bootstrap, timeout=3.0):
        log.info("waiting up to %ss for the broker at %s", BROKER_WAIT_SECONDS, settings.kafka_bootstrap)
        asyncio.run(wait_for_broker(settings.kafka_bootstrap, BROKER_WAIT_SECONDS))
    metrics.serve(settings.metrics_port)
    app, _ = create_app(settings, stages)
    return start_worker(app)


def ensure_broker(settings: Settings) -> tuple[Settings, bool]:
    """Use the configured broker if one answers, else start the local one."""
    if local.answers(settings.kafka_bootstrap, timeout=3.0):
        return settings, False
    print(f"no broker at {settings.kafka_bootstrap}; starting the local broker", flush=True)
    bootstrap = local.start(settings)
    return settings.model_copy(update={"kafka_bootstrap": bootstrap}), True


def run_up(settings: Settings) -> int:
    settings, started = ensure_broker(settings)
    try:
        specs = topic_specs(settings)
        created = asyncio.run(create_topics(settings.kafka_bootstrap, specs, settings.replication_factor))
        print(f"broker {settings.kafka_bootstrap}; created {len(created)} topics", flush=True)
        metrics.serve(settings.metrics_port)
        print(f"metrics on :{settings.metrics_port}/metrics, claims API on "
              f"{settings.web_host}:{settings.web_port}/claims", flush=True)
        app, _ = create_app(settings, STAGES)
        add_sources(app, settings)
        return start_worker(app)
    finally:
        if started:
            local.stop(settings)


def add_sources(app: faust.App, settings: Settings) -> None:
    """The seed replay and the feed poller run as tasks beside the stages."""
    from services.replay.inputs import read_inputs
    from services.replay.publish import publish

    @app.task
    async def replay_seeds() -> None:
        if settings.seeds.exists():
            count = await publish(settings.kafka_bootstrap, read_inputs([settings.seeds]))
            log.info("replayed %d seed articles from %s", count, settings.seeds)

    @app.task
    async def poll_feeds() -> None:
        if not settings.feeds.exists():
            log.info("no feeds file at %s; the poller is idle", settings.feeds)
            return
        from services.poller.run import run_poller

        if await run_poller(settings, once=False, feeds_path=settings.feeds) != 0:
            log.error("poller stopped: see the reason above; the stages keep running")
