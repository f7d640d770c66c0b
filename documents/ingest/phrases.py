"""Fast dictionary lookup of many phrases in a text: leftmost-longest, word by word.

One regex alternation of thousands of names backtracks at every character; walking the text's
words through a prefix set costs a few dictionary lookups per word instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
WORD = re.compile(r"[^\W_][\w'’&]*")
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


def _words(text: str) -> list[tuple[str, re.Match]]:
    """(normalised word, match) pairs; a joined word yields each of its parts."""
    out = []
    for m in WORD.finditer(text):
        word = _norm(m.group(0))
        if word in SKIPPED:
            continue
        out.extend((part, m) for part in SPLITS.get(word, (word,)))
    return out


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(w for w, _ in _words(phrase))


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
        for i in range(1, len(key)):
            self._prefixes.add(key[:i])
        self._longest = max(self._longest, len(key))

    def finditer(self, text: str) -> Iterator[PhraseHit[T]]:
        pairs = _words(text)
        words = [m for _, m in pairs]
        keys = [w for w, _ in pairs]
        i = 0
        while i < len(words):
            best = None
            for n in range(1, min(self._longest, len(words) - i) + 1):
                key = tuple(keys[i : i + n])
                if key in self._phrases:
                    value = self._value(key, words[i : i + n])
                    if value is not None:
                        best = (n, value)
                if key not in self._prefixes:
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
