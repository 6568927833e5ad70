"""The feeds file: YAML, TOML and .txt, and one-line reasons for bad files."""

import pytest

from services.poller.feeds import FeedConfig, load_feeds


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_yaml_with_overrides_and_plain_urls(tmp_path):
    path = write(tmp_path, "feeds.yaml", """
feeds:
  - https://a.example/rss
  - url: https://b.example/atom.xml
    interval: 300
    enabled: false
    full_text: false
  - https://a.example/rss
""")
    assert load_feeds(path) == [
        FeedConfig("https://a.example/rss"),
        FeedConfig("https://b.example/atom.xml", 300.0, False, False),
    ]


def test_toml(tmp_path):
    path = write(tmp_path, "feeds.toml", """
[[feeds]]
url = "https://a.example/rss"
interval = 120

[[feeds]]
url = "https://b.example/feed.json"
""")
    assert [(f.url, f.interval) for f in load_feeds(path)] == [
        ("https://a.example/rss", 120.0), ("https://b.example/feed.json", None),
    ]


def test_txt_one_url_per_line(tmp_path):
    path = write(tmp_path, "feeds.txt", "# news\nhttps://a.example/rss\n\n  http://b.example/x \n")
    assert [f.url for f in load_feeds(path)] == ["https://a.example/rss", "http://b.example/x"]


def test_yaml_top_level_list(tmp_path):
    path = write(tmp_path, "feeds.yml", "- https://a.example/rss\n")
    assert load_feeds(path) == [FeedConfig("https://a.example/rss")]


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        ("f.yaml", "feeds: [", "malformed feeds file"),
        ("f.toml", "[[feeds]\n", "malformed feeds file"),
        ("f.yaml", "title: news\n", "has no list of feeds"),
        ("f.yaml", "feeds:\n  - url: ftp://x/\n", "refused scheme 'ftp'"),
        ("f.yaml", "feeds:\n  - url: https://x/\n    intervall: 5\n", "unknown setting"),
        ("f.yaml", "feeds:\n  - url: https://x/\n    interval: -5\n", "interval must be"),
        ("f.yaml", "feeds:\n  - url: https://x/\n    enabled: maybe\n", "enabled must be"),
        ("f.yaml", "feeds:\n  - 42\n", "expected a URL or a mapping"),
        ("f.txt", "not a url\n", "refused scheme"),
    ],
    ids=["bad-yaml", "bad-toml", "no-feeds", "bad-scheme", "unknown-key", "negative-interval",
         "bad-flag", "number", "txt-not-url"],
)
def test_bad_file_raises_one_line_reason(tmp_path, name, text, reason):
    with pytest.raises(ValueError, match=reason) as error:
        load_feeds(write(tmp_path, name, text))
    assert str(error.value).startswith("poller: ") and "\n" not in str(error.value)


def test_missing_file(tmp_path):
    with pytest.raises(ValueError, match="cannot read feeds file"):
        load_feeds(tmp_path / "absent.yaml")
