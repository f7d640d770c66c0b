"""Fast dictionary lookup of many phrases in a text: leftmost-longest, word by word.

One regex alternation of thousands of names backtracks at every character; walking the text's
words through a prefix set costs a few dictionary lookups per word instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

T = TypeVar("T")
WORD = re.compile(r"[^\W_](?:[\w&]|['’](?=\w))*")  # "Workers'" ends before its apostrophe
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


def _norm(word: str) -> str:
    word = word.lower().replace("’", "'")
    return SPELLINGS.get(word, word)


# Words written joined or apart: "Taskforce" and "Task Force" are one name.
SPLITS = {"taskforce": ("task", "force"), "subregional": ("sub", "regional")}


@lru_cache(maxsize=4)
def _words(text: str) -> tuple[list[re.Match], list[str]]:
    """The text's words and their normalised forms; a joined word yields each of its parts.

    Cached: the importer runs several matchers over the same text.
    """
    matches, keys = [], []
    norm = _norm
    for m in WORD.finditer(text):
        word = norm(m.group(0))
        if word in SKIPPED:
            continue
        for part in SPLITS.get(word, (word,)):
            matches.append(m)
            keys.append(part)
    return matches, keys


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(_words(phrase)[1])


@dataclass(frozen=True)
class PhraseHit(Generic[T]):
    start: int
    end: int
    text: str
    value: T


class PhraseMatcher(Generic[T]):
    def __init__(self) -> None:
        self._phrases: dict[tuple[str, ...], list[tuple[T, str | None, bool]]] = {}
        self._prefixes: set[tuple[str, ...]] = set()
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
        self._phrases.setdefault(key, []).append((value, exact, acronym))
        self._firsts.add(key[0])
        for i in range(1, len(key)):
            self._prefixes.add(key[:i])
        self._longest = max(self._longest, len(key))

    def finditer(self, text: str) -> Iterator[PhraseHit[T]]:
        words, keys = _words(text)
        phrases, prefixes, firsts = self._phrases, self._prefixes, self._firsts
        i = 0
        count = len(words)
        while i < count:
            if keys[i] not in firsts:
                i += 1
                continue
            best = None
            for n in range(1, min(self._longest, len(words) - i) + 1):
                key = tuple(keys[i : i + n])
                if key in phrases:
                    value = self._value(key, words[i : i + n])
                    if value is not None:
                        best = (n, value)
                if key not in prefixes:
                    break
            if best is None:
                i += 1
                continue
            n, value = best
            start, end = words[i].start(), words[i + n - 1].end()
            yield PhraseHit(start, end, text[start:end], value)
            i += n

    def _value(self, key, matches) -> T | None:
        surface = " ".join(dict.fromkeys(m.group(0) for m in matches))
        for value, exact, acronym in self._phrases[key]:
            if exact is None or exact == surface or (acronym and surface.isupper()):
                return value
        return None
