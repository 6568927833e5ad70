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


STORY = ("Rescuers said at least 40 people were still missing after the flood on Sunday.\n"
         "The regional governor said 1,200 homes had been damaged in the valley.\n"
         "Roads to three villages were cut off by landslides, the army said on Monday.")
MOST_READ = "Most Read\n1. Five things we learned from the summit\n2. Oil prices jump 3% after attack"


def test_change_note_below_the_tail_list_is_part_of_the_story():
    from services.text.story import main_text

    note = "Correction: An earlier version of this story gave the wrong number of homes."
    assert main_text(f"{STORY}\n{MOST_READ}\n{note}") == f"{STORY}\n{note}"


def test_other_lines_below_the_tail_list_are_not():
    from services.text.story import main_text

    tail = "Updates from the valley will follow in our live blog today."
    assert main_text(f"{STORY}\n{MOST_READ}\n{tail}") == STORY
