"""The main text of an article: its prose paragraphs without the page's furniture. No I/O.

Syndicated copies differ in what surrounds the story (mastheads, bylines, subscribe appeals,
"Read more" lists, photo credits, copyright lines), so dedupe compares only the lines that
read as the story's own prose. The rules are about the shape of a line, not about outlets.
An article known only as HTML is read with the same main-text extraction the extract stage
uses, so both stages see the same story.
"""

import re

from services.extract.boilerplate import text_from_html

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


def main_text(text: str, html: str | None = None) -> str:
    """The story's prose paragraphs, one per line; falls back to the html when text is empty."""
    source = text if text.strip() else text_from_html(html or "")
    return "\n".join(line for line in paragraphs(source) if is_story_line(line))


def paragraphs(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def is_story_line(line: str) -> bool:
    """A line of the story itself: prose, and no page furniture."""
    words = len(line.split())
    if words < LONG_LINE_WORDS and (words < MIN_PROSE_WORDS or not line.endswith(PROSE_END)):
        return False
    return words >= CUE_MAX_WORDS or not BOILERPLATE_CUES.search(line.lower())
