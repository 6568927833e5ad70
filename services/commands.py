"""What each `claimstream` subcommand does; the CLI parses, these run."""

import argparse
import json
import sys

from services.runtime.settings import Settings


def broker(args: argparse.Namespace, settings: Settings) -> int:
    from services.runtime import broker as local

    if args.action == "start":
        print(local.start(settings))
    elif args.action == "stop":
        local.stop(settings)
    else:
        print(local.status(settings))
    return 0


async def topics(args: argparse.Namespace, settings: Settings) -> int:
    from services.runtime.admin import create_topics
    from services.runtime.topics import topic_specs

    created = await create_topics(
        settings.kafka_bootstrap, topic_specs(settings), settings.replication_factor
    )
    print(f"created {len(created)} topics" + (f": {' '.join(created)}" if created else ""))
    return 0


async def poll(args: argparse.Namespace, settings: Settings) -> int:
    from services.poller.run import run_poller
    from services.runtime import metrics

    metrics.serve(settings.metrics_port)
    return await run_poller(settings, once=args.once, feeds_path=args.feeds)


async def replay(args: argparse.Namespace, settings: Settings) -> int:
    from services.replay.inputs import read_inputs
    from services.replay.publish import publish

    articles = read_inputs(args.paths)
    count = await publish(settings.kafka_bootstrap, articles)
    print(f"published {count} articles to articles.raw", file=sys.stderr)
    return 0


def worker(args: argparse.Namespace, settings: Settings) -> int:
    from services.runtime.run import run_stages, stages_of

    return run_stages(settings, stages_of(args.stage))


def up(args: argparse.Namespace, settings: Settings) -> int:
    from services.runtime.run import run_up

    return run_up(settings)


async def tail(args: argparse.Namespace, settings: Settings) -> int:
    from services.runtime.tail import tail_topics

    async for value in tail_topics(
        settings.kafka_bootstrap, args.topics, args.from_beginning, args.max, args.timeout
    ):
        print(value, flush=True)
    return 0


def process(args: argparse.Namespace, settings: Settings) -> int:
    from services.process import Pipeline, reader
    from services.replay.inputs import read_inputs

    articles = read_inputs(args.paths)
    out = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    try:
        with reader(settings.spacy_model, settings.nlp_processes) as (nlp, extract):
            pipeline = Pipeline(nlp, settings.near_duplicate_threshold, extract)
            for event in pipeline.run(articles):
                out.write(event.model_dump_json(exclude_none=False) + "\n")
    finally:
        if args.out:
            out.close()
    for error in pipeline.errors:
        print(f"claimstream process: {error}", file=sys.stderr)
    return 1 if pipeline.errors else 0


def claims(args: argparse.Namespace, settings: Settings) -> int:
    import httpx

    base = f"http://{settings.web_host}:{settings.web_port}/claims"
    url = f"{base}/{args.claim_id}" if args.claim_id else base
    params = {k: v for k, v in {"q": args.search, "entity": args.entity}.items() if v}
    try:
        response = httpx.get(url, params=params, timeout=10)
    except httpx.HTTPError as exc:
        print(f"claimstream: claims worker not reachable at {base} ({exc})", file=sys.stderr)
        return 1
    body = response.json()
    for item in body if isinstance(body, list) else [body]:
        print(json.dumps(item, ensure_ascii=False))
    return 0 if response.status_code == 200 else 1


