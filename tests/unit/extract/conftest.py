import pytest
from spacy.language import Language

from services.extract.pipeline import load_nlp
from services.runtime.settings import Settings


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The model with the gazetteer ruler, loaded once per test session (sync fixture)."""
    return load_nlp(Settings().spacy_model)
