import json

import pytest

from services.replay.inputs import expand, read_inputs
from services.runtime.errors import InputError


def test_directory_is_read_in_name_order(tmp_path):
    for name in ("b.txt", "a.txt", "c.md"):
        (tmp_path / name).write_text(f"Story {name}\n\nAt least 5 people were hurt, police said.")
    assert [p.name for p in expand([tmp_path])] == ["a.txt", "b.txt"]


def test_txt_article_gets_a_replay_url_and_its_text(tmp_path):
    path = tmp_path / "001_story.txt"
    path.write_text("Headline here\n\nBody with 12 people.")
    [article] = read_inputs([path])
    assert article.url == "replay:001_story.txt"
    assert "12 people" in article.text and article.source == "replay"


def test_jsonl_articles_are_canonicalised(tmp_path):
    path = tmp_path / "a.jsonl"
    rows = [{"url": "https://WWW.Example.com/x/?utm_source=feed", "title": "T", "text": "Body",
             "published": "2025-04-09T12:40:00Z", "outlet": "Ex", "extra": 1}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    [article] = read_inputs([path])
    assert article.url == "https://WWW.Example.com/x/?utm_source=feed"
    assert article.canonical_url == "https://example.com/x"
    assert article.published.isoformat() == "2025-04-09T12:40:00+00:00"


def test_jsonl_html_only_article_is_turned_into_text(tmp_path):
    body = "Rescuers said 40 people were missing. " * 5
    html = f"<html><body><article><p>{body}</p></article></body></html>"
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"url": "https://e.org/a", "html": html}) + "\n")
    [article] = read_inputs([path])
    assert "40 people were missing" in article.text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [("bad.jsonl", "{not json}\n", "bad.jsonl:1: not a raw article"),
     ("nourl.jsonl", '{"text": "x"}\n', "nourl.jsonl:1: not a raw article"),
     ("empty.jsonl", '{"url": "https://e.org/a"}\n', "neither text nor readable html"),
     ("notes.md", "hello", "unsupported input"),
     ("feed.xml", "<html>not a feed</html>", "not a feed")],
    ids=["invalid-json", "missing-url", "no-text", "unsupported-suffix", "not-a-feed"],
)
def test_bad_inputs_raise_one_line_reasons(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(InputError) as error:
        read_inputs([path])
    assert message in str(error.value) and "\n" not in str(error.value)


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_inputs([tmp_path / "absent.txt"])
