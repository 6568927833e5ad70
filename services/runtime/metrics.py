"""Every metric claimstream exports, in one `claimstream_` namespace.

Base units (seconds, bytes), `_total` counters, histograms for latencies, and label values
from small fixed sets (stage, outcome, kind, unit); `feed` is bounded by the feeds file.
"""

import logging

from prometheus_client import Counter, Gauge, Histogram, start_http_server

NS = "claimstream"
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)

ARTICLES_PUBLISHED = Counter(
    "articles_published", "Raw articles published to articles.raw", ["source"], namespace=NS
)
DEDUPE_DECISIONS = Counter(
    "dedupe_articles", "Articles judged by dedupe", ["outcome"], namespace=NS
)
DUPLICATES = Counter("duplicates", "Duplicate articles dropped", ["kind"], namespace=NS)
ARTICLES_EXTRACTED = Counter(
    "extract_articles", "Articles run through figure extraction", namespace=NS
)
ARTICLES_TRUNCATED = Counter(
    "articles_truncated", "Articles cut to the size a stage reads", ["stage"], namespace=NS
)
FIGURES = Counter("figures_extracted", "Figures extracted", ["unit"], namespace=NS)
CLAIM_EVENTS = Counter("claim_events", "Claim events emitted", ["type", "change"], namespace=NS)
CLAIM_FIGURES_IGNORED = Counter(
    "claim_figures_ignored", "Figures that changed no claim state", ["reason"], namespace=NS
)
DEADLETTERS = Counter("deadletters", "Records sent to the deadletter topic", ["stage"], namespace=NS)
STAGE_SECONDS = Histogram(
    "stage_seconds", "Processing time per record and stage", ["stage"],
    namespace=NS, buckets=LATENCY_BUCKETS,
)
END_TO_END_SECONDS = Histogram(
    "end_to_end_seconds", "From an article's arrival to its claim event",
    namespace=NS, buckets=LATENCY_BUCKETS,
)
NLP_BATCH_SIZE = Histogram(
    "nlp_batch_articles", "Articles per NLP batch", namespace=NS, buckets=(1, 2, 4, 8, 16, 32, 64)
)
CONSUMER_LAG = Gauge(
    "consumer_lag_records", "Records between the group's committed offset and the log end",
    ["stage", "group", "topic", "partition"], namespace=NS,
)
CONSUMER_COMMITTED = Gauge(
    "consumer_committed_offset", "The group's committed offset (next record to read)",
    ["stage", "group", "topic", "partition"], namespace=NS,
)
LAST_PROCESSED = Gauge(
    "last_processed_timestamp_seconds", "Unix time a stage last processed a record", ["stage"],
    namespace=NS,
)

FEED_FETCHES = Counter("feed_fetches", "Feed fetches by outcome", ["feed", "status"], namespace=NS)
FEED_ENTRIES = Counter(
    "feed_entries_published", "Feed entries published", ["feed"], namespace=NS
)
FEED_ENTRIES_FAILED = Counter(
    "feed_entries_failed", "Feed entries too large to publish even when cut (marked seen)", ["feed"],
    namespace=NS,
)
FEED_BODY_BYTES = Counter("feed_body_bytes", "Feed body bytes received", ["feed"], namespace=NS)
FEED_FETCH_SECONDS = Histogram(
    "feed_fetch_seconds", "Feed fetch duration", ["feed"], namespace=NS, buckets=LATENCY_BUCKETS
)
FEED_LAST_SUCCESS = Gauge(
    "feed_last_success_timestamp_seconds", "Unix time of the last successful fetch", ["feed"],
    namespace=NS,
)
FEED_FAILURES = Gauge(
    "feed_consecutive_failures", "Consecutive failed fetches", ["feed"], namespace=NS
)
FEED_DISABLED = Gauge("feed_disabled", "1 when the feed is disabled", ["feed"], namespace=NS)


def serve(port: int, host: str = "0.0.0.0") -> bool:
    """Serve /metrics on a background thread; a port in use is reported, not fatal."""
    try:
        start_http_server(port, addr=host)
    except OSError as exc:
        logging.getLogger("claimstream").warning(
            "metrics: cannot serve on port %s (%s); set CLAIMSTREAM_METRICS_PORT", port, exc.strerror
        )
        return False
    return True
