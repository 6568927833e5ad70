import re

import pytest

from services.dedupe.fingerprint import canonical_url, content_hash, figures, sentences
from services.text.story import main_text

CANONICAL_URLS = [
    ("scheme-and-host-case", "HTTPS://Example.COM/News/Story", "https://example.com/News/Story"),
    ("http-is-https", "http://example.com/a", "https://example.com/a"),
    ("www", "https://www.example.com/a", "https://example.com/a"),
    ("mobile-host", "https://m.example.com/a", "https://example.com/a"),
    ("amp-host", "https://amp.example.com/a", "https://example.com/a"),
    ("amp-suffix", "https://example.com/a/amp/", "https://example.com/a"),
    ("amp-parameter", "https://example.com/a?amp=1", "https://example.com/a"),
    ("trailing-slash", "https://example.com/a/", "https://example.com/a"),
    ("root", "https://example.com/", "https://example.com"),
    ("fragment", "https://example.com/a#comments", "https://example.com/a"),
    ("utm", "https://example.com/a?utm_source=x&utm_medium=y&UTM_Campaign=z",
     "https://example.com/a"),
    ("fbclid-gclid", "https://example.com/a?fbclid=1&gclid=2", "https://example.com/a"),
    ("keeps-real-parameters-sorted", "https://example.com/a?p=2&id=7&utm_source=x",
     "https://example.com/a?id=7&p=2"),
    ("default-port", "https://example.com:443/a", "https://example.com/a"),
    ("other-port-kept", "https://example.com:8443/a", "https://example.com:8443/a"),
    ("path-case-kept", "https://example.com/A/b", "https://example.com/A/b"),
    ("word-ending-in-amp-kept", "https://example.com/ramp", "https://example.com/ramp"),
    ("replay-uri-untouched", "replay:seeds/000.txt", "replay:seeds/000.txt"),
]


@pytest.mark.parametrize(("url", "expected"), [c[1:] for c in CANONICAL_URLS],
                         ids=[c[0] for c in CANONICAL_URLS])
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


STORY = (
    "Zelensky said at least 155 Chinese nationals were fighting for Russia on Tuesday.\n"
    "Beijing rejected the claim as groundless and urged its citizens to avoid conflicts.\n"
)
BOILERPLATE_LINES = [
    ("masthead", "Last news in Fakti"),
    ("headline", "Chinese Nationals Are Fighting for Russia, Zelenskyy Claims"),
    ("byline", "By Brendan Cole"),
    ("dateline", "Apr 12, 2025 11:06 280"),
    ("subscribe-appeal", "Stand behind independent journalism. Help us reach 20,000 members."),
    ("newsletter", "Sign up for our daily newsletter to get the news first."),
    ("read-more", "Read more: Russia Recruited Dozens of Chinese Troops Via TikTok"),
    ("copyright", "Copyright 2025 Example News. All rights reserved."),
    ("photo-credit", "A poster in western Moscow on April 9. ALEXANDER NEMENOV/Getty Images"),
    ("wire-credit", "(Reporting by Jane Doe; Editing by John Roe)"),
    ("syndication-note", "This story was originally published by Example Wire."),
    ("bare-link", "https://www.bbc.com/news/articles/cm2796pdm1lo"),
]


@pytest.mark.parametrize("line", [c[1] for c in BOILERPLATE_LINES],
                         ids=[c[0] for c in BOILERPLATE_LINES])
def test_main_text_drops_page_furniture(line: str) -> None:
    assert main_text(f"{line}\n{STORY}{line}\n") == STORY.strip()


def test_main_text_keeps_long_paragraph_even_without_final_stop() -> None:
    paragraph = " ".join(["word"] * 25)
    assert main_text(paragraph) == paragraph


def test_main_text_reads_html_when_text_is_empty() -> None:
    html = "<html><nav>Home News</nav><p>Zelensky said at least 155 Chinese nationals " \
           "were fighting.</p><script>var x = 1;</script></html>"
    assert main_text("", html) == "Zelensky said at least 155 Chinese nationals were fighting."


def test_content_hash_ignores_case_punctuation_and_line_breaks() -> None:
    assert content_hash("Hello,  World!\nAgain.") == content_hash("hello world again")
    assert content_hash("hello world") != content_hash("hello world again")


def test_figures_are_the_number_words_and_digits_of_a_normalised_sentence() -> None:
    sentence = sentences("Between 60,000 and 200,000 yuan, at least five of them.")[0]
    assert figures(sentence) == {"60", "000", "200", "five"}


def test_sentences_are_normalised_and_skip_fragments() -> None:
    assert sentences("One two three four. Too short. Five six seven eight!") == [
        "one two three four", "five six seven eight",
    ]


UNICODE_TEXTS = [
    ("curly-quotes-and-dashes", "“We are ready,” she said — at 10 a.m. – "
     "in Café Müller.\nNext line here, with 1,400 people."),
    ("other-line-breaks", "One two three.\u2028Four five six seven.\x85Eight nine ten eleven."),
    ("non-latin-digits-and-marks", "İstanbul saw ٣٤ and １２ and x² "
     "people, é combining ß. Tab\there\xa0and\u2009thin spaces! Emoji 😀 ok?"),
]


@pytest.mark.parametrize("text", [c[1] for c in UNICODE_TEXTS], ids=[c[0] for c in UNICODE_TEXTS])
def test_sentences_hold_the_same_words_as_the_text(text: str) -> None:
    """The one-pass reader finds exactly the words a regular expression finds, in order."""
    from services.dedupe.fingerprint import read, words

    normalised, found = read(text)
    assert normalised.decode() == " ".join(words(text))
    pieces = (p for line in text.splitlines() for p in re.split(r"(?<=[.!?])\s+", line))
    expected = [" ".join(words(p)) for p in pieces if len(words(p)) >= 4]
    assert sentences(text) == expected and len(found) == len(expected)
    assert content_hash(text) == content_hash(normalised.decode())


STORY_LINES = [
    ("mentions-advertisements", "On April 10, the Guardian reported that the ministry was "
     "distributing recruitment advertisements on Chinese social media."),
    ("signed-up", "Several recruits signed up in pairs, the documents show."),
    ("donation", "A donation of 300 drones was announced on Friday by the ministry."),
    ("quote-asking-for-help", '"Help us close the sky," Zelensky told the parliament.'),
    ("long-line-with-cue-word", "The outlet, which put its archive behind a paywall last year, "
     "said that at least 51 Chinese citizens had signed contracts in Moscow between June 2023 "
     "and May 2024, citing leaked recruitment data."),
]


@pytest.mark.parametrize("line", [c[1] for c in STORY_LINES], ids=[c[0] for c in STORY_LINES])
def test_main_text_keeps_story_lines(line: str) -> None:
    assert main_text(f"Headline of the day\n{line}\n") == line
