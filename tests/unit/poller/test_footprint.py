"""The poller loads no module it does not use: the dedupe stage's MinHash brings numpy and scipy
(about 60 MB of the poller's peak RSS), and the poller needs only `canonical_url` from dedupe."""

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
NOT_FOR_THE_POLLER = ("numpy", "scipy", "datasketch", "spacy", "faust")


def test_the_poller_imports_no_numeric_or_nlp_library():
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, json, services.cli, services.commands, "
         "services.poller.run; print(json.dumps(sorted(sys.modules)))"],
        cwd=REPO, capture_output=True, text=True, check=True,
    )
    modules = {name.split(".")[0] for name in json.loads(loaded.stdout)}
    assert "services" in modules and "feedparser" in modules  # the poller itself was imported
    assert not modules & set(NOT_FOR_THE_POLLER), sorted(modules & set(NOT_FOR_THE_POLLER))
