"""Build the held-back dedupe corpus: `python tests/data/dedupe/heldback/make_corpus.py`.

Written apart from the development half (tests/data/dedupe/make_corpus.py), on other stories
(tests/data/heldout), with other furniture (outlets.py here) and other copy procedures:
upper-cased headlines, AMP copies with the last paragraph dropped, a middle paragraph
dropped, paragraphs merged, typography changed, copies known only as HTML, a page re-served
with its counters changed; and revisions made by the publisher (a figure corrected, a
paragraph removed, a correction appended) or by a wire (a quote added). Labels say what each
article is by construction. Scored once at first sight (first_sight.json beside this file).
"""

import json
import re
from datetime import datetime, timedelta
from pathlib import Path

from outlets import OUTLETS

HERE = Path(__file__).parent
STORIES = sorted((HERE.parents[1] / "heldout").glob("h*.txt"))
START = datetime.fromisoformat("2026-03-02T05:00:00+00:00")
MIN_BODY_WORDS = 12


def split_page(text: str) -> tuple[str, list[str]]:
    """(headline, body paragraphs): the first line, and the long sentence-ending paragraphs."""
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text) if b.strip()]
    body = [b for b in blocks if len(b.split()) >= MIN_BODY_WORDS and b[-1] in ".\"”)"]
    return blocks[0], body


def page(outlet: dict, headline: str, body: list[str]) -> str:
    return "\n\n".join([*outlet["header"], headline, *body, *outlet["footer"]])


def html_page(outlet: dict, headline: str, body: list[str]) -> str:
    nav = "".join(f"<li>{line}</li>" for line in outlet["header"])
    paras = "".join(f"<p>{p}</p>" for p in body)
    foot = "".join(f"<p>{line}</p>" for line in outlet["footer"])
    return (f"<html><head><title>{headline}</title></head><body><nav><ul>{nav}</ul></nav>"
            f"<article><h1>{headline}</h1>{paras}</article><footer>{foot}</footer></body></html>")


def bump_first_number(paragraph: str) -> str:
    """The paragraph with its first number raised by 2 (the figure a revision corrects)."""
    def bumped(m: re.Match) -> str:
        return f"{int(m.group().replace(',', '')) + 2:,}"
    return re.sub(r"\b\d[\d,]*\d\b|\b\d\b", bumped, paragraph, count=1)


def typeset(paragraph: str) -> str:
    return paragraph.replace('"', "“", 1).replace('"', "”", 1).replace(" - ", " — ")


def versions(n: int, text: str) -> list[dict]:
    headline, body = split_page(text)
    slug = f"story-{n}"
    a, b, c, d = (OUTLETS[(n + i) % len(OUTLETS)] for i in range(4))
    home = f"https://news{n}.example/2026/{slug}"
    fixed = body[:1] + [bump_first_number(body[1])] + body[2:]
    quote = ('"We are doing everything we can, but the numbers are still coming in," an '
             "official involved in the response told the agency on condition of anonymity.")
    correction = ("Correction: An earlier version of this story gave the wrong figure in its "
                  "second paragraph.")
    corrected = text.replace(body[1], fixed[1]) + f"\n\n{correction}\n"
    v = [  # (id, minutes, url, text or html, expect, of, note)
        ("original", 0, home, text, "unique", None, "the story as first published"),
        ("tracking-http", 9, f"http://news{n}.example/2026/{slug}?utm_campaign=social&gclid=7",
         text, "duplicate", "original", "the same page under http and tracking parameters"),
        ("counters-changed", 15, home, page_with_counter(text), "duplicate", "original",
         "the same URL re-served with a new counter line"),
        ("masthead-upper", 30, f"{a['host']}{slug}", page(a, headline.upper(), body),
         "duplicate", "original", "another masthead, upper-cased headline, numeric footers"),
        ("amp-last-dropped", 41, f"{b['host']}{slug}", page(b, headline, body[:-1]),
         "duplicate", "original", "AMP copy with the last paragraph dropped"),
        ("middle-dropped", 52, f"{c['host']}{n}", page(c, headline, body[:2] + body[3:]),
         "duplicate", "original", "copy with a middle paragraph dropped"),
        ("merged", 63, f"{d['host']}{slug}-m",
         page(d, headline, [" ".join(body[i:i + 2]) for i in range(0, len(body), 2)]),
         "duplicate", "original", "copy with paragraphs merged in pairs"),
        ("typeset", 70, f"{a['host']}t/{n}", page(a, headline, [typeset(p) for p in body]),
         "duplicate", "original", "copy with curly quotes and dashes"),
        ("html-only", 77, f"{b['host']}h/{n}", {"html": html_page(b, headline, body)},
         "duplicate", "original", "copy known only as HTML"),
        ("figure-corrected", 200, home, text.replace(body[1], fixed[1]), "revision", "original",
         "the publisher corrects a figure in the second paragraph"),
        ("corrected-copy", 215, f"{c['host']}c/{n}", page(c, headline, fixed), "duplicate",
         "figure-corrected", "a copy of the corrected story"),
        ("quote-added", 260, f"{d['host']}{slug}-q",
         page(d, headline, fixed[:2] + [quote] + fixed[2:]), "revision", "figure-corrected",
         "a wire adds a quote paragraph"),
        ("correction-note", 300, home, corrected,
         "revision", "figure-corrected", "the publisher appends a correction note"),
        ("paragraph-removed", 340, home, corrected.replace(body[-2], ""), "revision",
         "correction-note", "the publisher removes a paragraph"),
    ]
    return v


def page_with_counter(text: str) -> str:
    """The page with a counter line (a number that is not news) after the headline."""
    first, rest = text.split("\n", 1)
    return f"{first}\n\nUpdated 10:42 · 1,204 comments · 3,877 shares\n{rest}"


def record(n: int, v: tuple) -> dict:
    variant, minutes, url, content, expect, of, note = v
    body = content if isinstance(content, dict) else {"text": content}
    return {"url": url, "title": None, "published": (START + timedelta(minutes=minutes + 5 * n))
            .isoformat(), "outlet": None, **body,
            "label": {"id": f"h{n}-{variant}", "story": n, "expect": expect,
                      "of": f"h{n}-{of}" if of else None, "note": note}}


def corpus() -> list[dict]:
    records = [record(n, v) for n, path in enumerate(STORIES)
               for v in versions(n, path.read_text())]
    return sorted(records, key=lambda r: (r["published"], r["label"]["id"]))


if __name__ == "__main__":
    lines = [json.dumps(r, ensure_ascii=False) for r in corpus()]
    (HERE / "corpus.jsonl").write_text("\n".join(lines) + "\n")
    print(f"wrote {len(lines)} articles to {HERE / 'corpus.jsonl'}")
