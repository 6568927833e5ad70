import json

import jsonschema
import pytest

from schemas import ClaimEvent
from schemas.generate import TOPIC_MODELS, schema_files


@pytest.mark.parametrize("path_text", list(schema_files().items()), ids=lambda p: p[0].name)
def test_committed_schema_matches_models(path_text):
    path, text = path_text
    assert path.exists(), f"{path.name} missing: run `make schemas`"
    assert path.read_text(encoding="utf-8") == text, f"{path.name} drifted: run `make schemas`"


def test_every_topic_value_has_a_schema():
    assert set(TOPIC_MODELS) == {
        "articles.raw", "articles.unique", "articles.duplicates", "figures.extracted",
        "claims.new", "claims.updated", "deadletter",
    }


def test_contract_example_event_validates_against_committed_schema():
    event = {
        "type": "claim.new", "event_id": "e1", "claim_id": "c1", "claim_key": "k", "version": 1,
        "subject": "Chinese nationals fighting for Russia", "counted": "Chinese nationals",
        "event": "fighting", "value": 155, "value_max": None, "qualifier": "at_least",
        "unit": "people", "claimant": "Volodymyr Zelensky", "article_url": "https://a/b",
        "outlet": "A", "published": "2025-04-09T12:40:00Z", "evidence": "s", "previous": None,
        "sources": [{"article_url": "https://a/b", "claimant": "Volodymyr Zelensky", "value": 155}],
    }
    schema = json.loads(next(t for p, t in schema_files().items() if p.name == "claims.new.schema.json"))
    jsonschema.validate(event, schema)
    assert ClaimEvent.model_validate(event).value == 155
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(event | {"qualifier": "roughly"}, schema)
