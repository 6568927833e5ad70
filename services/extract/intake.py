"""Articles as extraction reads them: bounded in size, and in one Unicode form. No I/O.

Text is normalised (NFKC, zero-width characters removed) before any number is read, so
"1\u200b55" is 155 and a full-width "１５５" is 155 too."""

import re
import unicodedata

from schemas import UniqueArticle

ZERO_WIDTH = re.compile("[\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff]")
HTML_CHARS_PER_TEXT_CHAR = 4  # markup around the text of a page


def normalised_text(text: str) -> str:
    return ZERO_WIDTH.sub("", unicodedata.normalize("NFKC", text))


def normalised(article: UniqueArticle) -> UniqueArticle:
    """The article with its title, text and HTML in NFKC, without zero-width characters."""
    update = {
        name: normalised_text(value)
        for name in ("title", "text", "html")
        if (value := getattr(article, name))
    }
    return article.model_copy(update=update)


def clipped(article: UniqueArticle, max_chars: int) -> UniqueArticle | None:
    """The article cut to `max_chars` of text (at the last line or sentence end before the
    limit), or None when it is within the limit."""
    update = {}
    if len(article.text) > max_chars:
        update["text"] = cut(article.text, max_chars)
    if article.html and len(article.html) > max_chars * HTML_CHARS_PER_TEXT_CHAR:
        update["html"] = article.html[: max_chars * HTML_CHARS_PER_TEXT_CHAR]
    return article.model_copy(update=update) if update else None


def cut(text: str, max_chars: int) -> str:
    head = text[:max_chars]
    end = max(head.rfind("\n"), head.rfind(". "))
    return head[: end + 1] if end > max_chars * 0.9 else head
