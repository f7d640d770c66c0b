"""Fast lookup in running text: many phrases at once, leftmost-longest, word by word; and
case-insensitive patterns.

One regex alternation of thousands of names backtracks at every character; walking the text's
words through a trie costs a few dictionary lookups per word instead.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from heapq import heapify, heappop, heapreplace
from itertools import accumulate, compress, islice
from typing import Generic, TypeVar

T = TypeVar("T")
# A word, with apostrophes inside it: "Workers'" ends before its apostrophe. Written as runs of
# word characters, not one character at a time, because the regex engine loops over a run fast.
# A possessive "'s" is a word of its own, so "ILO's" holds the acronym "ILO".
WORD = re.compile(r"[^\W_][\w&]*(?:['’](?![sS]\b)\w[\w&]*)*")
WORD_AND_GAPS = re.compile(f"({WORD.pattern})")  # split by it: gap, word, gap, ..., gap
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
    """A text's words: where each starts and ends, and its normalised key. A joined word's
    place stands for each of its parts. Offsets, not match objects: a cached document's words
    would otherwise be hundreds of objects for the garbage collector to walk again and again."""

    starts: list[int]
    ends: list[int]
    keys: list[str]


@lru_cache(maxsize=4)
def text_words(text: str) -> TextWords:
    """Cached: the importer runs several matchers over the same document text.

    Words are read from the lowered text, so each is its own lower-case form. Where lowering
    the whole text and lowering a word alone can differ (a case quirk, or a Greek capital
    sigma, lowered by what follows it), each word is lowered alone.
    """
    lower = lowered(text)
    if lower is not None and "Σ" not in text:
        starts, ends, words = _words_with_offsets(lower.replace("’", "'"))
    else:
        starts, ends, words = _words_with_offsets(text)
        words = [word.lower().replace("’", "'") for word in words]
    if not SKIPPED.isdisjoint(words):
        kept = [word not in SKIPPED for word in words]
        starts, ends = list(compress(starts, kept)), list(compress(ends, kept))
        words = list(compress(words, kept))
    if not SPLITS.keys().isdisjoint(words):
        parts = [SPLITS.get(word, (word,)) for word in words]
        starts = [at for at, split in zip(starts, parts, strict=True) for _ in split]
        ends = [at for at, split in zip(ends, parts, strict=True) for _ in split]
        words = [part for split in parts for part in split]
    return TextWords(starts, ends, list(map(SPELLINGS.get, words, words)))


def _words_with_offsets(text: str) -> tuple[list[int], list[int], list[str]]:
    """Starts, ends and the words themselves, as WORD finds them. Split out with the gaps
    between them, whose lengths, summed, give every offset: no match object per word."""
    pieces = WORD_AND_GAPS.split(text)
    offsets = list(accumulate(map(len, pieces), initial=0))
    return offsets[1:-1:2], offsets[2::2], pieces[1::2]


@lru_cache(maxsize=4)
def vocabulary(text: str) -> frozenset[str]:
    """The text's words in lower case (as `text_words` keys them): a rule whose every match holds
    one of some words skips a text holding none of them, at the cost of a set lookup each."""
    return frozenset(text_words(text).keys)


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(text_words(phrase).keys)


@dataclass(frozen=True)
class PhraseHit(Generic[T]):
    start: int
    end: int
    text: str
    value: T


class PhraseMatcher(Generic[T]):
    """Phrases keyed by their words' tuples, in flat tables of tuples and strings rather than a
    tree of nodes: the garbage collector does not track them, so its full passes stay cheap."""

    def __init__(self) -> None:
        self._phrases: dict[tuple[str, ...], tuple[tuple[T, str | None, bool], ...]] = {}
        self._prefixes: set[tuple[str, ...]] = set()  # keys a longer phrase continues
        self._firsts: set[str] = set()  # first words: most words of a text start no phrase
        self._longest = 0

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
        self._phrases[key] = (*self._phrases.get(key, ()), (value, exact, acronym))
        self._firsts.add(key[0])
        for i in range(1, len(key)):
            self._prefixes.add(key[:i])
        self._longest = max(self._longest, len(key))

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[PhraseHit[T]]:
        """Hits in `text[start:end]`, with offsets in `text`, as if that part were searched alone.

        `start` and `end` must fall between words (a line's ends, say): the part's words are
        then the text's own, and the text's cached words serve every part of it.
        """
        words = text_words(text)
        starts, ends, keys = words.starts, words.ends, words.keys
        phrases, prefixes = self._phrases, self._prefixes
        first = bisect_left(starts, start) if start else 0
        stop = len(keys) if end is None else bisect_left(starts, end)
        # The words that start a phrase, picked out at C speed.
        candidates = compress(
            range(first, stop), map(self._firsts.__contains__, islice(keys, first, stop))
        )
        after_last_hit = 0
        for i in candidates:
            if i < after_last_hit:
                continue
            best = None
            key, n, most = (keys[i],), 1, min(self._longest, stop - i)
            while True:  # the longest phrase wins
                entries = phrases.get(key)
                if entries:
                    value = self._value(entries, text, words, i, n)
                    if value is not None:
                        best = (n, value)
                if n == most or key not in prefixes:
                    break
                key += (keys[i + n],)
                n += 1
            if best is None:
                continue
            n, value = best
            hit_start, hit_end = starts[i], ends[i + n - 1]
            yield PhraseHit(hit_start, hit_end, text[hit_start:hit_end], value)
            after_last_hit = i + n

    @staticmethod
    def _value(entries, text: str, words: TextWords, i: int, n: int) -> T | None:
        """The value of the first entry the words `i` to `i + n` match as written."""
        if n == 1:
            surface = text[words.starts[i] : words.ends[i]]
        else:  # a joined word's parts share its place: its surface once
            surface = " ".join(
                dict.fromkeys(text[words.starts[j] : words.ends[j]] for j in range(i, i + n))
            )
        for value, exact, acronym in entries:
            if exact is None or exact == surface or (acronym and surface.isupper()):
                return value
        return None


# --- case-insensitive patterns --------------------------------------------------------------

# Where a re.I search and a search of the lowered text part: "İ" lowers to two characters, and
# re.I matches "ı", "ſ" and the Kelvin sign with "i", "s" and "k".
CASE_QUIRKS = ("\u0130", "\u0131", "\u017f", "\u212a")


@lru_cache(maxsize=16)
def lowered(text: str) -> str | None:
    """`text` in lower case, offset for offset; None when a text holds a case quirk."""
    if any(quirk in text for quirk in CASE_QUIRKS):
        return None
    return text.lower()


class CaselessPattern:
    """A case-insensitive regex, run case-sensitively over the lowered text when it can be.

    re.I tries the pattern at every character; without it the engine skips ahead to where
    the pattern's first letters occur, often ten times faster, and finds the same spans.
    Write the pattern in lower case. Matches read the lowered text: take what a match says
    from the original text by its span.
    """

    def __init__(
        self,
        pattern: str,
        flags: int = 0,
        *,
        clues: tuple[str, ...] = (),
        opening: tuple[str, ...] = (),
    ) -> None:
        """`clues`: words, one of which every match holds; a text without any is not searched.

        `opening`: words, one of which every match opens with (in lower case). The pattern is
        then tried only where they occur, found by `str.find`: far cheaper than the engine's
        own scan when the pattern opens on a word boundary or an optional part (it cannot skip
        ahead at all) or on letters most words hold. A pattern opening on a word of its own
        needs none: the engine skips to that word as fast.
        """
        self.exact = re.compile(pattern, flags)
        self.anycase = re.compile(pattern, flags | re.I)
        self.clues = clues
        self.opening = opening

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        lower = lowered(text)
        if lower is None:
            return self.anycase.search(text, pos, endpos)
        if self.clues and not any(clue in lower for clue in self.clues):
            return None
        if self.opening:
            return next(self._matches_at_openings(lower, pos, endpos), None)
        return self.exact.search(lower, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match]:
        lower = lowered(text)
        if lower is None:
            return self.anycase.finditer(text, pos, endpos)
        if self.clues and not any(clue in lower for clue in self.clues):
            return iter(())
        if self.opening:
            return self._matches_at_openings(lower, pos, endpos)
        return self.exact.finditer(lower, pos, endpos)

    def _matches_at_openings(self, lower: str, pos: int, endpos: int) -> Iterator[re.Match]:
        """What `exact.finditer(lower, pos, endpos)` finds, trying only where a match can open:
        the opening words' occurrences, found one after another (`search` needs the first)."""
        upcoming = [(lower.find(word, pos, endpos), word) for word in self.opening]
        upcoming = [(at, word) for at, word in upcoming if at != -1]
        heapify(upcoming)
        after = pos
        while upcoming:
            start, word = upcoming[0]
            at = lower.find(word, start + 1, endpos)
            if at == -1:
                heappop(upcoming)
            else:
                heapreplace(upcoming, (at, word))
            if start < after:
                continue
            m = self.exact.match(lower, start, endpos)
            if m:
                yield m
                after = max(m.end(), start + 1)


# --- patterns that start at a capital -------------------------------------------------------

# Capital letters of the Latin alphabets names use: "Đặng", "Ñ", "Ş" as well as A-Z.
UPPER = "A-Z" + "".join(
    ch for ch in map(chr, [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]) if ch.isupper()
)
CAPITAL_START = re.compile(f"[{UPPER}](?<!\\w.)")  # a capital letter not after a word character


@lru_cache(maxsize=4)
def capital_starts(text: str) -> tuple[int, ...]:
    """Where the text's capitalised words start, for `finditer_at`."""
    return tuple(m.start() for m in CAPITAL_START.finditer(text))


def finditer_at(pattern: re.Pattern, text: str, starts: tuple[int, ...]) -> Iterator[re.Match]:
    """`pattern.finditer(text)`, for a pattern that can only match from one of `starts` (in
    order): tried there alone, as `match`, it spares the engine walking every other character
    of the text. Names and bodies start at capitals, about one word in six."""
    after = 0
    for pos in starts:
        if pos < after:
            continue
        m = pattern.match(text, pos)
        if m:
            yield m
            after = max(m.end(), pos + 1)
