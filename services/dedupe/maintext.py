"""The main text of an article: its prose paragraphs without the page's furniture. No I/O.

Syndicated copies differ in what surrounds the story (mastheads, bylines, subscribe appeals,
"Read more" lists, photo credits, copyright lines), so dedupe compares only the lines that
read as the story's own prose. The rules are about the shape of a line, not about outlets.
"""

import html as html_lib
import re

PROSE_END = tuple(".!?\"”’:;")
MIN_PROSE_WORDS = 6
LONG_LINE_WORDS = 20
CUE_MAX_WORDS = 30
BOILERPLATE_CUES = re.compile(  # matched against the lower-cased line
    r"\bsubscribe\b|newsletter|sign(ing)? up (today|now|here)|\bsign in\b|\blog ?in\b"
    r"|skip to (main )?content|^read (more|next|also)\b|^related\b|follow us|click here"
    r"|all rights reserved|copyright|©|originally (published|appeared)"
    r"|^\(?(additional )?(reporting|writing|editing) by\b"
    r"|support (us|our journalism|independent)|become a (member|subscriber)|\bmembership\b"
    r"|help us (reach|keep|continue|fund)|\bdonate\b|with a (monthly |one-time )?donation"
    r"|paywall|cookie (settings|policy)|privacy policy|terms of (use|service)"
    r"|indicates required|min read|getty images|/ ?(reuters|afp|ap)\b|\bap photo\b"
    r"|^photo\b|image caption|trust project|this (story|article) (was|has been|is) "
)
BLOCK_TAGS = re.compile(r"<\s*/?\s*(p|div|br|li|h[1-6]|tr|section|article|blockquote)\b[^>]*>",
                        re.IGNORECASE)
DROPPED_ELEMENTS = re.compile(r"<(script|style|nav|footer|header|aside)\b.*?</\1\s*>",
                              re.IGNORECASE | re.DOTALL)


def main_text(text: str, html: str | None = None) -> str:
    """The story's prose paragraphs, one per line; falls back to the html when text is empty."""
    source = text if text.strip() else html_to_text(html or "")
    return "\n".join(line for line in paragraphs(source) if is_story_line(line))


def paragraphs(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def is_story_line(line: str) -> bool:
    """A line of the story itself: prose, and no page furniture."""
    words = len(line.split())
    if words < LONG_LINE_WORDS and (words < MIN_PROSE_WORDS or not line.endswith(PROSE_END)):
        return False
    return words >= CUE_MAX_WORDS or not BOILERPLATE_CUES.search(line.lower())


def html_to_text(markup: str) -> str:
    """Crude tags-to-lines conversion: enough for fingerprints, not for extraction."""
    markup = DROPPED_ELEMENTS.sub(" ", markup)
    markup = BLOCK_TAGS.sub("\n", markup)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", markup))
