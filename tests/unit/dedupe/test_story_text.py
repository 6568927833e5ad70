"""Main text of an article as dedupe compares it."""

def test_html_only_article_is_read_like_the_extract_stage_reads_it():
    from services.text.markup import text_from_html
    from services.text.story import main_text

    story = "Rescuers said at least 40 people were still missing after the flood on Sunday. " * 3
    html = (f"<html><body><nav>Home | World | Subscribe now</nav><article><h1>Flood</h1>"
            f"<p>{story}</p></article><footer>Copyright 2025 Example News</footer></body></html>")
    text = main_text("", html)
    assert "40 people were still missing" in text
    assert "Subscribe" not in text and "Copyright" not in text
    assert text == main_text(text_from_html(html))
