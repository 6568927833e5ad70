"""parse_feed on small inline documents: every format, and the awkward entries."""

from datetime import UTC, datetime

import pytest

from services.poller.parse import parse_feed

FEED = "https://news.example/feed.xml"

RSS2 = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Example &amp; News</title><link>https://news.example/</link>
<item><title>Tax &lt;em&gt;rises&lt;/em&gt;</title><link>/2025/tax</link>
<guid isPermaLink="false">tax-1</guid><pubDate>Wed, 09 Apr 2025 12:40:00 GMT</pubDate>
<description>&lt;p&gt;At least 155 people&lt;/p&gt;</description></item>
</channel></rss>"""

RSS091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Old</title>
<item><title>Item</title><link>https://old.example/1</link><description>d</description></item>
</channel></rss>"""

RSS1 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rdf.example/"><title>RDF</title></channel>
<item rdf:about="https://rdf.example/a"><title>RDF item</title><link>https://rdf.example/a</link>
<dc:date>2025-04-09T12:40:00Z</dc:date><description>rdf text</description></item>
</rdf:RDF>"""

ATOM1 = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title>
<entry><id>urn:uuid:1225c695</id><title type="html">A &lt;b&gt;bold&lt;/b&gt; move</title>
<link href="https://atom.example/a"/><updated>2025-04-09T12:40:00+02:00</updated>
<content type="html">&lt;p&gt;Full text here.&lt;/p&gt;</content></entry></feed>"""

ATOM03 = b"""<?xml version="1.0"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Atom 0.3</title>
<entry><title>Old atom</title><link rel="alternate" type="text/html" href="https://a03.example/x"/>
<id>tag:a03.example,2005:x</id><issued>2005-01-01T00:00:00Z</issued><summary>s</summary></entry>
</feed>"""

JSON_FEED = b"""{"version": "https://jsonfeed.org/version/1.1", "title": "JSON",
 "home_page_url": "https://json.example/", "items": [
 {"id": "j1", "url": "/posts/1", "title": "First", "content_html": "<p>Hello</p>",
  "date_published": "2025-04-09T12:40:00Z"},
 {"id": 2, "external_url": "https://elsewhere.example/2", "content_text": "Plain"}]}"""


def test_rss2_entry_fields():
    [entry] = parse_feed(FEED, RSS2)
    assert entry.url == "https://news.example/2025/tax"
    assert entry.title == "Tax rises"
    assert entry.text == "At least 155 people"
    assert entry.guid == "tax-1"
    assert entry.outlet == "Example & News"
    assert entry.feed_url == FEED
    assert entry.published == datetime(2025, 4, 9, 12, 40, tzinfo=UTC)


@pytest.mark.parametrize(
    ("body", "url", "title"),
    [
        (RSS091, "https://old.example/1", "Item"),
        (RSS1, "https://rdf.example/a", "RDF item"),
        (ATOM1, "https://atom.example/a", "A bold move"),
        (ATOM03, "https://a03.example/x", "Old atom"),
    ],
    ids=["rss-0.91", "rss-1.0", "atom-1.0", "atom-0.3"],
)
def test_each_xml_format(body, url, title):
    [entry] = parse_feed(FEED, body)
    assert (entry.url, entry.title) == (url, title)


def test_atom_content_is_kept_as_html_and_dated_in_utc():
    [entry] = parse_feed(FEED, ATOM1)
    assert entry.html == "<p>Full text here.</p>"
    assert entry.text == "Full text here."
    assert entry.published == datetime(2025, 4, 9, 10, 40, tzinfo=UTC)


def test_json_feed():
    first, second = parse_feed("https://json.example/feed.json", JSON_FEED, "application/feed+json")
    assert (first.url, first.title, first.text, first.guid) == (
        "https://json.example/posts/1", "First", "Hello", "j1",
    )
    assert first.published == datetime(2025, 4, 9, 12, 40, tzinfo=UTC)
    assert (second.url, second.text, second.guid) == ("https://elsewhere.example/2", "Plain", "2")


def test_entry_without_link_or_date_gets_a_stable_name():
    body = b"""<rss version="2.0"><channel><title>t</title>
    <item><title>No link</title><description>only text</description></item></channel></rss>"""
    [entry] = parse_feed(FEED, body)
    assert entry.url.startswith("urn:claimstream:entry:")
    assert entry.url == parse_feed(FEED, body)[0].url
    assert entry.published is None


def test_permalink_guid_stands_in_for_a_missing_link():
    body = b"""<rss version="2.0"><channel><title>t</title>
    <item><guid>https://news.example/g</guid><title>x</title></item></channel></rss>"""
    assert parse_feed(FEED, body)[0].url == "https://news.example/g"


def test_declared_encoding_is_honoured():
    body = '<?xml version="1.0" encoding="iso-8859-1"?>' \
        '<rss version="2.0"><channel><title>t</title>' \
        "<item><title>Caf\u00e9 cr\u00e8me</title><link>https://e.example/c</link></item>" \
        "</channel></rss>"
    [entry] = parse_feed(FEED, body.encode("iso-8859-1"))
    assert entry.title == "Caf\u00e9 cr\u00e8me"


def test_wrong_declared_encoding_still_yields_entries():
    body = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>' \
        "<item><title>Stra\u00dfe</title><link>https://e.example/s</link></item></channel></rss>"
    [entry] = parse_feed(FEED, body.encode("iso-8859-1"))
    assert entry.url == "https://e.example/s"
    assert entry.title and entry.title.startswith("Stra")


def test_malformed_xml_keeps_readable_entries():
    body = b"""<rss version="2.0"><channel><title>t</title>
    <item><title>Fine & dandy</title><link>https://e.example/f</link></item>
    <item><title>Unclosed<link>https://e.example/u</link></item></channel>"""
    urls = [entry.url for entry in parse_feed(FEED, body)]
    assert "https://e.example/f" in urls


def test_external_entities_are_not_expanded():
    body = b"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY leak SYSTEM "file:///etc/passwd">]>
    <rss version="2.0"><channel><title>t</title>
    <item><title>&leak;</title><link>https://e.example/x</link></item></channel></rss>"""
    [entry] = parse_feed(FEED, body)
    assert "root:" not in (entry.title or "") + entry.text


def test_short_body_is_not_opened_as_a_path():
    with pytest.raises(ValueError, match="not a feed"):
        parse_feed(FEED, b"/etc/hostname")


@pytest.mark.parametrize(
    "body",
    [b"", b"<html><body>hello</body></html>", b"{not json"],
    ids=["empty", "html", "bad-json"],
)
def test_not_a_feed_raises_one_line_reason(body):
    with pytest.raises(ValueError, match=r"^poller: ") as error:
        parse_feed(FEED, body)
    assert "\n" not in str(error.value)


LAUGHS = "".join(f'<!ENTITY l{n + 1} "{f"&l{n};" * 10}">' for n in range(8))


@pytest.mark.parametrize(
    "doctypes",
    [
        f'<!DOCTYPE rss [<!ENTITY l0 "lol">{LAUGHS}]>',
        f'<!DOCTYPE x [<!ENTITY z "1">]><!DOCTYPE rss [<!ENTITY l0 "lol">{LAUGHS}]>',
        f'<!DOCTYPE x [<!ENTITY q "]>">]><!DOCTYPE rss [<!ENTITY l0 "lol">{LAUGHS}]>',
        f'<!doctype rss [<!ENTITY l0 "lol">{LAUGHS}]>',
    ],
    ids=["one-doctype", "second-doctype", "bracket-in-entity-value", "lower-case"],
)
def test_entities_are_never_expanded_whatever_the_doctypes_say(doctypes):
    body = f"""<?xml version="1.0"?>{doctypes}<rss version="2.0"><channel><title>t</title>
    <item><title>x</title><link>https://e.example/x</link><description>&l8;</description>
    </item></channel></rss>""".encode()
    [entry] = parse_feed(FEED, body)
    assert "lol" not in entry.text and len(entry.text) < 100


def test_character_references_to_no_character_do_not_fail_the_feed():
    body = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
    <item><title>a &#xFFFFFFFF; b &#99999999999; c &#xD800;</title><link>https://e.example/x</link>
    </item></channel></rss>"""
    [entry] = parse_feed(FEED, body)
    assert entry.title == "a \ufffd b \ufffd c \ufffd"


def test_an_entry_dated_out_of_the_sane_window_keeps_no_date():
    body = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
    <item><title>far</title><link>https://e.example/x</link>
    <pubDate>Fri, 31 Dec 9999 23:59:59 GMT</pubDate></item></channel></rss>"""
    [entry] = parse_feed(FEED, body)
    assert entry.published is None


def test_an_entry_too_large_for_one_record_is_cut_to_fit():
    from schemas.articles import RawArticle
    from services.poller.entry import within_record

    big = RawArticle(
        url="https://e.example/x", title="t" * 5000, text="\x01" * 300_000, html="<p>x</p>" * 9999
    )
    fitted = within_record(big, 30, 100_000)
    assert fitted is not None and fitted.html is None and len(fitted.title) == 1000
    assert len(fitted.model_dump_json().encode()) + 30 <= 100_000 and fitted.text
    assert within_record(RawArticle(url="https://e.example/" + "x" * 8000), 8000, 12_000) is None


def test_an_unreadable_entry_is_skipped_and_the_others_kept():
    body = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
    <item><title>bad</title><link>https://e.example/{"x" * 9000}</link></item>
    <item><title>good</title><link>https://e.example/good</link></item></channel></rss>""".encode()
    assert [entry.title for entry in parse_feed(FEED, body)] == ["good"]


def test_only_the_entries_a_poll_takes_are_read(monkeypatch):
    """A feed of 2,000 entries polled 50 at a time converts 50 entries, not 2,000."""
    from services.poller import parse

    converted = []
    real = parse.text_from_html
    monkeypatch.setattr(parse, "text_from_html", lambda html: converted.append(1) or real(html))
    items = "".join(f"<item><title>T{i}</title><link>https://x.example/{i}</link>"
                    f"<description>&lt;p&gt;Entry {i}&lt;/p&gt;</description></item>" for i in range(2000))
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    feed = parse.read_feed("https://x.example/feed", body.encode(), None, 50)
    assert [a.title for a in feed.articles[:2]] == ["T0", "T1"]
    assert (len(feed.articles), len(converted)) == (50, 50)


@pytest.mark.parametrize(
    "element",
    [
        '<content:encoded><![CDATA[{}]]></content:encoded>',
        "<description><![CDATA[{}]]></description>",
        "<title><![CDATA[{}]]></title>",
    ],
    ids=["content-html", "summary", "title"],
)
def test_an_entry_is_read_up_to_entry_chars_only(monkeypatch, element):
    """An entry's HTML costs trafilatura about 40 MB and 5 s a megabyte; no record holds
    megabytes of it. (The limit is lowered here to keep the test quick.)"""
    from services.poller import entry as entry_module
    from services.poller import parse

    monkeypatch.setattr(entry_module, "ENTRY_CHARS", 50_000)
    read: list[int] = []
    for module, name in ((parse, "text_from_html"), (parse, "plain_text"), (entry_module, "plain_line")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda s, real=real: read.append(len(s or "")) or real(s))
    paragraph = "<p>At least 155 people were counted on the bridge by the census office.</p>"
    huge = paragraph * (200_000 // len(paragraph))
    body = ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/'
            'modules/content/"><channel><title>t</title><item><link>https://e.example/x</link>'
            + element.format(huge) + "</item></channel></rss>").encode()
    [article] = parse.read_feed(FEED, body).articles
    assert max(read) == 50_000 < len(huge)
    assert (article.title or article.text).startswith("At least 155 people were counted")
