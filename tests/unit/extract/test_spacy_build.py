"""The installed spaCy is a build whose parser and NER loops do not take the GIL per state
lookup (services/extract/spacy_build.py): a Cython 3 build tripled their CPU time."""

import pytest

from services.extract.spacy_build import CYTHON_MODULE, parser_cython


@pytest.mark.parametrize(
    ("extension", "version"),
    [(b"\x00_cython_0_29_37\x00PyInit_arc_eager", ("0", "29", "37")),
     (b"__pyx_module\x00_cython_3_3_0\x00", ("3", "3", "0"))],
    ids=["cython-0.29", "cython-3.3"],
)
def test_the_cython_version_is_read_from_its_shared_module_name(extension: bytes, version: tuple) -> None:
    found = CYTHON_MODULE.search(extension)
    assert found is not None and tuple(part.decode() for part in found.groups()) == version


def test_the_installed_spacy_parser_was_built_by_cython_0_29() -> None:
    version = parser_cython()
    assert version is not None, "spaCy's arc_eager extension names no Cython version"
    assert version.startswith("0."), (
        f"spaCy's parser was built by Cython {version}: its NER and parser take the GIL at every "
        "state lookup, about 3x their CPU (README, Extraction cost); re-measure with "
        "bench/extract_cost.py --before-python before changing the spaCy pin"
    )
