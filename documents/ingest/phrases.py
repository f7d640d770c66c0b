"""Fast dictionary lookup of many phrases in a text: leftmost-longest, word by word.

One regex alternation of thousands of names backtracks at every character; walking the text's
words through a prefix set costs a few dictionary lookups per word instead.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, islice
from typing import Generic, TypeVar

T = TypeVar("T")
# A word, with apostrophes inside it: "Workers'" ends before its apostrophe. Written as runs of
# word characters, not one character at a time, because the regex engine loops over a run fast.
WORD = re.compile(r"[^\W_][\w&]*(?:['’]\w[\w&]*)*")
SKIPPED = {"the"}


# British and American spellings of the words organization names are made of are one word here.
SPELLINGS = {
    "center": "centre",
    "organization": "organisation",
    "labor": "labour",
    "program": "programme",
    "organizations": "organisations",
    "centers": "centres",
}


# Words written joined or apart: "Taskforce" and "Task Force" are one name.
SPLITS = {"taskforce": ("task", "force"), "subregional": ("sub", "regional")}


@dataclass(frozen=True)
class TextWords:
    """A text's words and their normalised keys, one match per key: a joined word's match
    stands for each of its parts."""

    matches: list[re.Match]
    keys: list[str]


@lru_cache(maxsize=4)
def text_words(text: str) -> TextWords:
    """Cached: the importer runs several matchers over the same document text.

    Words are lowered all at once, joined by spaces: no word holds a space, and a space ends a
    word for lowering as the end of the text does (a final sigma stays final).
    """
    found = list(WORD.finditer(text))
    if not found:
        return TextWords([], [])
    lowered = " ".join([m[0] for m in found]).lower().replace("’", "'").split(" ")
    pairs = [(m, word) for m, word in zip(found, lowered, strict=True) if word not in SKIPPED]
    if not SPLITS.keys().isdisjoint(lowered):
        pairs = [(m, part) for m, word in pairs for part in SPLITS.get(word, (word,))]
    return TextWords([m for m, _ in pairs], [SPELLINGS.get(word, word) for _, word in pairs])


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(text_words(phrase).keys)


@dataclass(frozen=True)
class PhraseHit(Generic[T]):
    start: int
    end: int
    text: str
    value: T


class _Node(Generic[T]):
    """A word sequence some phrase starts with: the phrases it completes, and the words that
    continue it towards longer ones."""

    __slots__ = ("entries", "next")

    def __init__(self) -> None:
        self.entries: list[tuple[T, str | None, bool]] = []  # (value, exact form, acronym)
        self.next: dict[str, _Node[T]] = {}


class PhraseMatcher(Generic[T]):
    def __init__(self) -> None:
        self._first: dict[str, _Node[T]] = {}  # by first word: most words of a text start none

    def add(
        self, phrase: str, value: T, *, case_sensitive: bool = False, acronym: bool = False
    ) -> None:
        """`case_sensitive`: only as written; `acronym`: as written, or in capitals throughout."""
        key = phrase_key(phrase)
        if not key:
            return
        exact = (
            " ".join(m.group(0) for m in WORD.finditer(phrase))
            if case_sensitive or acronym
            else None
        )
        node = self._first.setdefault(key[0], _Node())
        for word in key[1:]:
            node = node.next.setdefault(word, _Node())
        node.entries.append((value, exact, acronym))

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[PhraseHit[T]]:
        """Hits in `text[start:end]`, with offsets in `text`, as if that part were searched alone.

        `start` and `end` must fall between words (a line's ends, say): the part's words are
        then the text's own, and the text's cached words serve every part of it.
        """
        words = text_words(text)
        matches, keys, first_words = words.matches, words.keys, self._first
        first = bisect_left(matches, start, key=re.Match.start) if start else 0
        stop = len(keys) if end is None else bisect_left(matches, end, key=re.Match.start)
        # The words that start a phrase, picked out at C speed.
        starts = compress(
            range(first, stop), map(first_words.__contains__, islice(keys, first, stop))
        )
        after_last_hit = 0
        for i in starts:
            if i < after_last_hit:
                continue
            best = None
            node, n = first_words[keys[i]], 1
            while True:  # the longest phrase whose words come next wins
                if node.entries:
                    value = self._value(node.entries, matches[i : i + n])
                    if value is not None:
                        best = (n, value)
                if not node.next or i + n == stop:
                    break
                node = node.next.get(keys[i + n])
                if node is None:
                    break
                n += 1
            if best is None:
                continue
            n, value = best
            hit_start, hit_end = matches[i].start(), matches[i + n - 1].end()
            yield PhraseHit(hit_start, hit_end, text[hit_start:hit_end], value)
            after_last_hit = i + n

    @staticmethod
    def _value(entries, matches) -> T | None:
        surface = " ".join(dict.fromkeys(m.group(0) for m in matches))
        for value, exact, acronym in entries:
            if exact is None or exact == surface or (acronym and surface.isupper()):
                return value
        return None
