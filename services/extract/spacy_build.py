"""Which Cython built the installed spaCy's transition parser (its NER and dependency parser).

The spaCy 3.8.18 wheel, built by Cython 3.3, takes and drops the GIL at every state lookup
of the parser's and NER's transition loops (`PyGILState_Ensure`/`Release` around `nogil`
methods not marked `noexcept`): about three times their CPU time on this project's
articles. The pinned 3.8.4 wheel is built by Cython 0.29.37 and does not. A spaCy upgrade
checks this before it is taken (README, Extraction cost).
"""

import importlib.util
import re
from pathlib import Path

# Cython names a shared module after its own version in every extension it builds.
CYTHON_MODULE = re.compile(rb"_cython_(\d+)_(\d+)_(\d+)")


def parser_cython() -> str | None:
    """The Cython version that built spaCy's transition parser, or None if it cannot be told."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:
        return None
    internals = Path(spec.origin).parent / "pipeline" / "_parser_internals"
    for extension in sorted(internals.glob("arc_eager*.so")):
        if found := CYTHON_MODULE.search(extension.read_bytes()):
            return ".".join(part.decode() for part in found.groups())
    return None
