"""Is a new version of a story a revision? Only when the story itself changed. Pure.

A revision changes the story: a sentence changed (the same sentence with another figure), a
sentence of the story added, or, from the same publisher, a sentence removed. What is not a
change: page furniture (left out before this is asked), a sentence of the page that is not
about the story ("Share it with 3 friends."), a copy that cuts or reorders the story, and a
sentence that kept its first or last words and its figures, or an earlier sentence whole with
words before it (a dateline, credit or photo caption run into its paragraph).
An added sentence belongs to the story when it reports who said what ("officials said"), is
a correction or update note, or, not speaking to the reader, mostly uses the story's words.
"""

from dataclasses import dataclass
from itertools import accumulate, compress

from spacy.lang.en.stop_words import STOP_WORDS

from services.dedupe.fingerprint import (
    MIN_SENTENCE_WORDS,
    Fingerprint,
    digest,
    ends,
    figures,
    masked,
)
from services.text.furniture import ATTRIBUTION, CHANGE_NOTE_WORDS, READER

MIN_TOPICAL_SHARE = 0.34  # of an added sentence's content words, already in the story
MIN_TOPICAL_WORDS = 2


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
    kept = [d in seen for d in fp.digests]
    new = [s for s, k in zip(fp.story, kept, strict=True) if not k and not ends_earlier(s, seen)]
    changed = [s for s in new if is_changed(s, earlier)]
    added = [s for s in new if not is_edited(s, earlier)]
    if added:  # the story's words, read only when a sentence was added
        vocabulary = content_words(" ".join(compress(fp.story, kept)))
        added = [s for s in added if is_story_sentence(s, vocabulary)]
    return StoryChange(len(changed), len(added), len(seen - fp.sentences))


def ends_earlier(sentence: str, seen: set[str]) -> bool:
    """Does the sentence end with an earlier sentence, whole? The words before it are then a
    dateline, credit or photo caption run into the paragraph, not news (the earlier
    sentence still counts as removed: from its own publisher, a reworded lead). The sentence
    is normalised (words one space apart), so each shorter ending is a slice of it."""
    starts = accumulate(len(word) + 1 for word in sentence.split()[:-MIN_SENTENCE_WORDS])
    return any(digest(sentence[start:]) in seen for start in starts)


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
    if ATTRIBUTION.search(sentence) or CHANGE_NOTE_WORDS.match(sentence):
        return True
    return not READER.search(sentence) and is_topical(sentence, vocabulary)


def content_words(text: str) -> set[str]:
    return {w for w in set(text.split()) if len(w) > 2 and not w.isdigit() and w not in STOP_WORDS}


def is_topical(sentence: str, vocabulary: set[str]) -> bool:
    """Are most of the sentence's content words already words of the story?"""
    words = content_words(sentence)
    shared = len(words & vocabulary)
    return shared >= MIN_TOPICAL_WORDS and shared >= MIN_TOPICAL_SHARE * len(words)
