"""Stdlib check of corpus.jsonl: JSON, RawArticle-shaped fields, labels, URL uniqueness, time
order, counts (printed for NOTES.md). `python3 check_corpus.py`"""

import collections
import json
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).parent
FIELDS = {"url", "title", "published", "outlet", "text", "guid", "label"}
rows = [json.loads(line) for line in (HERE / "corpus.jsonl").read_text().splitlines()
        if line.strip()]
ids = {}
problems = []
urls = collections.Counter(r["url"] for r in rows)
last = None
for i, r in enumerate(rows):
    lab = r["label"]
    if set(r) != FIELDS:
        problems.append(f"{i}: fields {sorted(r)}")
    if not isinstance(r["url"], str) or not r["url"].strip() or not isinstance(r["text"], str):
        problems.append(f"{i}: url/text")
    t = datetime.fromisoformat(r["published"])
    if t.tzinfo is None:
        problems.append(f"{i}: naive time")
    if last is not None and t < last:
        problems.append(f"{lab['id']}: time goes back")
    if last is not None and t == last and not (lab.get("redelivery") and lab["kind"] == "exact"):
        problems.append(f"{lab['id']}: same time as previous and not an identical re-delivery")
    last = t
    if lab["id"] in ids:
        problems.append(f"duplicate id {lab['id']}")
    if lab["expect"] not in ("unique", "duplicate", "revision"):
        problems.append(f"{lab['id']}: expect {lab['expect']}")
    if lab["expect"] == "unique" and lab["of"] is not None:
        problems.append(f"{lab['id']}: unique with of")
    if lab["expect"] != "unique":
        of = ids.get(lab["of"])
        if of is None:
            problems.append(f"{lab['id']}: of {lab['of']} not earlier in the stream")
        elif of["label"]["story"] != lab["story"] or of["label"]["expect"] == "duplicate":
            problems.append(f"{lab['id']}: of {lab['of']} is another story or a copy")
        elif of["published"] > r["published"]:
            problems.append(f"{lab['id']}: before its of")
    if urls[r["url"]] > 1 and lab["expect"] != "unique" and not lab.get("redelivery"):
        problems.append(f"{lab['id']}: URL shared but not a labelled re-delivery")
    if lab.get("redelivery") and lab["kind"] == "exact":
        o = ids[lab["of"]]
        same = {k: v for k, v in r.items() if k != "label"} == \
               {k: v for k, v in o.items() if k != "label"}
        if not same:
            problems.append(f"{lab['id']}: re-delivery not identical to {lab['of']}")
    ids[lab["id"]] = r
shared = [u for u, c in urls.items() if c > 1]
print(f"{len(rows)} records parse as JSON; {len(shared)} URLs shared, all by labelled re-deliveries"
      if not problems else "\n".join(problems))
exp = collections.Counter(r["label"]["expect"] for r in rows)
traps = sum(bool(r["label"].get("trap")) for r in rows)
print(f"expect: {dict(exp)}; of the unique: originals {exp['unique'] - traps}, traps {traps}")
for p, c in sorted(collections.Counter((r["label"]["expect"], r["label"]["procedure"])
                                       for r in rows).items()):
    print(f"  {p[0]:9} {p[1]:32} {c}")
