"""Is a new version of a story a revision? Only when the story itself changed. Pure.

A revision changes the story: a sentence changed (the same sentence with another figure), a
sentence of the story added, or, from the same publisher, a sentence removed. What is not a
change: page furniture (left out before this is asked), a sentence of the page that is not
about the story ("Share it with 3 friends."), and a copy that cuts or reorders the story.
An added sentence belongs to the story when it does not speak to the reader, and either most
of its content words are the story's own or it reports who said what ("officials said").
"""

from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from services.dedupe.fingerprint import Fingerprint, digest, masked
from services.text.furniture import ATTRIBUTION, READER

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
    """How fp's story differs from an earlier version's signature (`s`, `m` digests)."""
    seen, seen_masked = set(earlier["s"]), set(earlier.get("m", ()))
    kept = [s for s in fp.story if digest(s) in seen]
    new = [s for s in fp.story if digest(s) not in seen]
    changed = [s for s in new if digest(masked(s)) in seen_masked]
    vocabulary = {w for s in kept for w in content_words(s)}
    added = [s for s in new if s not in changed and is_story_sentence(s, vocabulary)]
    return StoryChange(len(changed), len(added), len(seen - fp.sentences))


def is_story_sentence(sentence: str, vocabulary: set[str]) -> bool:
    if READER.search(sentence):
        return False
    return is_topical(sentence, vocabulary) or ATTRIBUTION.search(sentence) is not None


def content_words(sentence: str) -> set[str]:
    return {w for w in sentence.split() if len(w) > 2 and not w.isdigit() and w not in STOP_WORDS}


def is_topical(sentence: str, vocabulary: set[str]) -> bool:
    """Are most of the sentence's content words already words of the story?"""
    words = content_words(sentence)
    shared = len(words & vocabulary)
    return shared >= MIN_TOPICAL_WORDS and shared >= MIN_TOPICAL_SHARE * len(words)
