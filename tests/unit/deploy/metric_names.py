"""Metric names: those services/runtime/metrics.py exports, and those a PromQL expression reads."""

import re

from prometheus_client import REGISTRY

import services.runtime.metrics  # noqa: F401 - registers every claimstream metric

METRIC_NAME = re.compile(r"\bclaimstream_[a-zA-Z0-9_]+")
STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
SUFFIXES = {
    "counter": ("_total", "_created"),
    "histogram": ("_bucket", "_sum", "_count", "_created"),
    "gauge": ("",),
}


def exported_names() -> set[str]:
    """Every sample name the registry can produce for claimstream metrics."""
    names = set()
    for family in REGISTRY.collect():
        if family.name.startswith("claimstream_"):
            names.update(family.name + suffix for suffix in SUFFIXES[family.type])
    return names


def referenced_names(expr: str) -> set[str]:
    """Metric names in a PromQL expression; label values (quoted strings) are not names."""
    return set(METRIC_NAME.findall(STRING.sub('""', expr)))
