"""Write the JSON Schema of every topic value next to the models: `python -m schemas.generate`.

The committed files are what downstream consumers read; a test fails when they drift.
"""

import json
from pathlib import Path

from pydantic import BaseModel

from schemas import ClaimEvent, DeadLetter, DuplicateNotice, Figure, RawArticle, UniqueArticle

HERE = Path(__file__).parent
TOPIC_MODELS: dict[str, type[BaseModel]] = {
    "articles.raw": RawArticle,
    "articles.unique": UniqueArticle,
    "articles.duplicates": DuplicateNotice,
    "figures.extracted": Figure,
    "claims.new": ClaimEvent,
    "claims.updated": ClaimEvent,
    "deadletter": DeadLetter,
}


def schema_files() -> dict[Path, str]:
    """File name -> JSON text, one file per topic."""
    files = {}
    for topic, model in TOPIC_MODELS.items():
        schema = model.model_json_schema()
        schema["$id"] = f"claimstream:{topic}"
        schema["description"] = f"Value of topic {topic}. " + (schema.get("description") or "")
        files[HERE / f"{topic}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return files


def main() -> None:
    for path, text in schema_files().items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
