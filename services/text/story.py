"""The story of an article: its prose lines with the page's furniture left out. No I/O.

Syndicated copies differ in what surrounds the story (mastheads, bylines, subscribe appeals,
"Read more" lists, photo credits, copyright lines), so dedupe compares only the lines that
read as the story's own prose: a line shaped like prose that the shared furniture rules
(`services.text.furniture`, the ones extract uses) keep. A paragraph of LONG_LINE_WORDS words
or more is prose without asking: furniture is short, and the rules cost most on long lines
(a long outlet blurb that gets through is judged again, as a sentence, by dedupe.revision).
"""

from services.text.furniture import keep_mask
from services.text.markup import text_from_html

PROSE_END = tuple(".!?\"”’:;")
MIN_PROSE_WORDS = 6
LONG_LINE_WORDS = 20


def main_text(text: str, html: str | None = None) -> str:
    """The story's prose paragraphs, one per line; falls back to the html when text is empty."""
    lines = paragraphs(text if text.strip() else text_from_html(html))
    long = [word_count(line) >= LONG_LINE_WORDS for line in lines]
    judged = [not is_long and is_prose(line) for line, is_long in zip(lines, long, strict=True)]
    kept = keep_mask(lines, judged)
    return "\n".join(line for line, *keep in zip(lines, kept, long, strict=True) if any(keep))


def paragraphs(text: str) -> list[str]:
    """The text's non-blank lines, each with its words one space apart."""
    return [" ".join(words) for line in text.splitlines() if (words := line.split())]


def word_count(paragraph: str) -> int:
    """Words of a paragraph as `paragraphs` gives it (one space apart)."""
    return paragraph.count(" ") + 1


def is_prose(paragraph: str) -> bool:
    """A sentence-shaped paragraph: long, or a few words ending like a sentence."""
    words = word_count(paragraph)
    return words >= LONG_LINE_WORDS or (words >= MIN_PROSE_WORDS and paragraph.endswith(PROSE_END))
