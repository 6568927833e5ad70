"""HTML → plain text, the one way every stage reads it. No I/O.

`text_from_html` reads a page or a feed's content with trafilatura, which keeps the story and
drops navigation; a fragment too short for trafilatura to judge is read as its visible text.
`plain_text` is the visible text of any fragment (summaries, titles), one paragraph a line.
"""

import html
import re
from html.parser import HTMLParser

BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "section", "article", "tr", "table", "figure", "header", "footer",
}
HIDDEN_TAGS = {"script", "style", "noscript", "template", "head"}


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def plain_text(fragment: str | None) -> str:
    """Visible text of an HTML fragment: tags dropped, entities decoded, one paragraph a line."""
    if not fragment:
        return ""
    if "<" not in fragment:
        return _tidy(html.unescape(fragment))
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return _tidy("".join(collector.parts))


def text_from_html(html: str | None) -> str:
    """The main text of an HTML page or content fragment, one paragraph a line."""
    if not html or not html.strip():
        return ""
    import trafilatura

    extracted = trafilatura.extract(html, include_comments=False, include_tables=False)
    return extracted or plain_text(html)


def plain_line(fragment: str | None) -> str | None:
    """A title or name as one line of plain text; None when nothing is left."""
    text = " ".join(plain_text(fragment).split())
    return text or None


def _tidy(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return re.sub(r"\n{2,}", "\n", "\n".join(line for line in lines if line)).strip()
