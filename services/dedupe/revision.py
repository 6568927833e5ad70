"""Is a new version of a story a revision? Only when the story itself changed. Pure.

A revision changes the story: a sentence changed (the same sentence with another figure), a
sentence of the story added, or, from the same publisher, a sentence removed. What is not a
change: page furniture (left out before this is asked), a sentence of the page that is not
about the story ("Share it with 3 friends."), a copy that cuts or reorders the story, and a
sentence that kept its first or last words and its figures (a dateline or caption run in).
An added sentence belongs to the story when it reports who said what ("officials said"), is
a correction or update note, or, not speaking to the reader, mostly uses the story's words.
"""

import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from services.dedupe.fingerprint import Fingerprint, digest, ends, figures, masked
from services.text.furniture import ATTRIBUTION, READER

MIN_TOPICAL_SHARE = 0.34  # of an added sentence's content words, already in the story
MIN_TOPICAL_WORDS = 2
CHANGE_NOTE = re.compile(r"^(correction|clarification|update|updated|editor s note)\b")


@dataclass(frozen=True)
class StoryChange:
    changed: int = 0
    added: int = 0
    removed: int = 0

    def is_revision(self, same_publisher: bool) -> bool:
        return bool(self.changed or self.added or (same_publisher and self.removed))


def story_change(fp: Fingerprint, earlier: dict) -> StoryChange:
    """How fp's story differs from an earlier version's signature (`s`, `m`, `e`, `f`)."""
    seen = set(earlier["s"])
    new = [s for s in fp.story if digest(s) not in seen]
    changed = [s for s in new if is_changed(s, earlier)]
    added = [s for s in new if not is_edited(s, earlier)]
    if added:  # the story's words, read only when a sentence was added
        vocabulary = {w for s in fp.story if digest(s) in seen for w in content_words(s)}
        added = [s for s in added if is_story_sentence(s, vocabulary)]
    return StoryChange(len(changed), len(added), len(seen - fp.sentences))


def refigured(sentence: str, earlier: dict) -> bool:
    """The same words as an earlier sentence around other figures."""
    return digest(masked(sentence)) in earlier.get("m", ())


def same_ends(sentence: str, earlier: dict) -> bool:
    return any(digest(end) in earlier.get("e", ()) for end in ends(sentence))


def is_edited(sentence: str, earlier: dict) -> bool:
    return refigured(sentence, earlier) or same_ends(sentence, earlier)


def is_changed(sentence: str, earlier: dict) -> bool:
    """An earlier sentence given another figure, or edited to state a new one."""
    new_figure = bool(figures(sentence) - set(earlier["f"]))
    return refigured(sentence, earlier) or (same_ends(sentence, earlier) and new_figure)


def is_story_sentence(sentence: str, vocabulary: set[str]) -> bool:
    if ATTRIBUTION.search(sentence) or CHANGE_NOTE.match(sentence):
        return True
    return not READER.search(sentence) and is_topical(sentence, vocabulary)


def content_words(sentence: str) -> set[str]:
    return {w for w in sentence.split() if len(w) > 2 and not w.isdigit() and w not in STOP_WORDS}


def is_topical(sentence: str, vocabulary: set[str]) -> bool:
    """Are most of the sentence's content words already words of the story?"""
    words = content_words(sentence)
    shared = len(words & vocabulary)
    return shared >= MIN_TOPICAL_WORDS and shared >= MIN_TOPICAL_SHARE * len(words)
