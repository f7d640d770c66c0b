"""Instrument titles as texts write them, and the year and number a citation adds to them.

Titles match word by word with plural and possessive endings set aside, so "All Migrants
Workers" and "Domestic Workers' Convention" are the titles they vary; every word must still be
there, in order. A citation's year and number ("Domestic Workers Convention, 2011 (No. 189)",
"C189 of 2011") belong to the mention, so no other extractor reads the year as a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress

from .phrases import WORD, TextWords, text_words
from .reference import Instrument, ilo_instrument_id, instruments

# An instrument's own kind word keeps its number: "the forced labour conventions" are several
# instruments, not the Forced Labour Convention.
KIND_PLURALS = frozenset(
    {
        "conventions",
        "declarations",
        "protocols",
        "recommendations",
        "covenants",
        "compacts",
        "charters",
        "frameworks",
        "instruments",
        "principles",
        "guidelines",
    }
)
KIND_LETTER = {"convention": "C", "recommendation": "R", "protocol": "P"}


@lru_cache(maxsize=16384)
def loose_word(word: str) -> str:
    """A lower-case word without its plural or possessive ending: 'migrants' -> 'migrant'."""
    if word.endswith("'s"):
        word = word[:-2]
    if word in KIND_PLURALS:
        return word
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@dataclass(frozen=True)
class TitleHit:
    start: int
    end: int
    id: str


class LooseTitles:
    """Titles keyed by their loose words; leftmost-longest, as `phrases.PhraseMatcher`."""

    def __init__(self) -> None:
        # loose key -> {exact surface (None: any case) -> instrument id}
        self._titles: dict[tuple[str, ...], dict[str | None, str]] = {}
        self._prefixes: set[tuple[str, ...]] = set()
        self._firsts: set[str] = set()
        # The written forms of first words ("migrants", "workers'"), so the text's words are
        # sifted at C speed before any is loosened.
        self._written_firsts: set[str] = set()
        self._longest = 0

    def add(self, title: str, inst_id: str, *, case_sensitive: bool = False) -> None:
        """A later title with the same words replaces an earlier one."""
        key = tuple(map(loose_word, text_words(title).keys))
        if not key:
            return
        exact = " ".join(WORD.findall(title)) if case_sensitive else None
        self._titles.setdefault(key, {})[exact] = inst_id
        self._firsts.add(key[0])
        self._written_firsts.update(_written_forms(key[0]))
        self._prefixes.update(key[:i] for i in range(1, len(key)))
        self._longest = max(self._longest, len(key))

    def finditer(self, text: str):
        words = text_words(text)
        keys = words.keys
        after = 0
        for i in compress(range(len(keys)), map(self._written_firsts.__contains__, keys)):
            if i < after:
                continue
            best, key = None, ()
            for j in range(i, min(len(keys), i + self._longest)):
                key += (loose_word(keys[j]),)
                entries = self._titles.get(key)
                inst_id = entries and _entry_for(entries, text, words, i, j + 1)
                if inst_id:
                    best = (j, inst_id)
                if key not in self._prefixes:
                    break
            if best:
                yield TitleHit(words.starts[i], words.ends[best[0]], best[1])
                after = best[0] + 1


def _written_forms(loose: str) -> set[str]:
    """The words `loose_word` turns into `loose`."""
    forms = {loose, loose + "s", loose + "'s", loose + "s's"}
    if loose.endswith("y"):
        forms.add(loose[:-1] + "ies")
    return {f for f in forms if loose_word(f) == loose}


def _entry_for(entries: dict[str | None, str], text: str, words: TextWords, i: int, j: int):
    if len(entries) == 1 and None in entries:  # most titles: any case, no surface to build
        return entries[None]
    surface = " ".join(dict.fromkeys(text[words.starts[k] : words.ends[k]] for k in range(i, j)))
    for exact, inst_id in entries.items():
        if exact is None or exact == surface:
            return inst_id
    return None


@cache
def instrument_titles() -> LooseTitles:
    """Every instrument's titles and aliases (acronyms in capitals only)."""
    matcher = LooseTitles()
    for inst in instruments().values():  # "Convention on Domestic Workers": C189, unless listed
        if inst.body == "ILO" and inst.kind == "convention" and inst.number:
            subject = inst.short_name.removesuffix(" (Revised)").removesuffix(" Convention")
            if subject != inst.short_name and len(subject.split()) >= 2:
                matcher.add(f"Convention on {subject}", inst.id)
    for inst in instruments().values():  # in number order: a revision's name wins over the old
        if inst.body == "ILO" and inst.number:  # a year in a title is read by `cited`
            names = [inst.short_name, inst.short_name.replace(" (Revised)", ""), *inst.aliases]
        else:
            names = [inst.title, inst.short_name, *inst.aliases]
        for name in (n for n in names if len(n) >= 4):
            matcher.add(name, inst.id, case_sensitive=name.isupper() and len(name) <= 8)
    return matcher


# --- the year and number of a citation ------------------------------------------------------

YEAR_AFTER = re.compile(r",?\s*(?:of\s+)?(?:((?:19|20)\d\d)|\(((?:19|20)\d\d)\))(?![\w-])")
NUMBER_AFTER = re.compile(r",?\s*\((?:No\.?\s*|C\s?)(\d{1,3})\)", re.I)
# "Convention 190 on Violence and Harassment (2019)": a subject between number and year.
SUBJECT_AFTER = re.compile(
    r"\s+(?:on|concerning)(?:\s+(?:[A-Z][\w'’-]*|and|of|for|in|the|to|&)){1,8}"
)
YEAR_BEFORE = re.compile(r"(?<![\w-])((?:19|20)\d\d)\s+")


@cache
def _ilo_by_name_and_year() -> dict[tuple[str, int], str]:
    """ILO instruments that share a short name, told apart by year (C003 1919, C183 2000)."""
    return {
        (_base_name(inst), inst.year_adopted): inst.id
        for inst in instruments().values()
        if inst.body == "ILO" and inst.number and inst.year_adopted
    }


def _base_name(inst: Instrument) -> str:
    return inst.short_name.replace(" (Revised)", "").lower()


def _adopted_in(inst: Instrument, year: int) -> str | None:
    """The instrument of that year: this one, or an ILO instrument of the same name."""
    if inst.year_adopted == year:
        return inst.id
    return _ilo_by_name_and_year().get((_base_name(inst), year))


def cited(text: str, start: int, end: int, inst: Instrument) -> tuple[int, int, str]:
    """The mention widened over its citation's year and number, and the instrument they name.

    A number in brackets names an ILO instrument ("Migrant Workers Convention (C143)" is C143,
    not the UN's); a year counts only when the instrument (or
    one of the same name) was adopted that year, so "the Convention, 2013 ratifications" and
    "the 2019 campaign for the Convention" keep their years for the events they date.
    """
    inst_id = inst.id
    before = YEAR_BEFORE.match(text, max(0, start - 5))
    if before and before.end() == start and _adopted_in(inst, int(before.group(1))):
        start = before.start()
    year = YEAR_AFTER.match(text, end)
    subject = None if year else SUBJECT_AFTER.match(text, end)
    if subject:
        year = YEAR_AFTER.match(text, subject.end())
    year_id = year and _adopted_in(inst, int(year.group(1) or year.group(2)))
    if year_id:
        inst_id, end = year_id, year.end()
    number = NUMBER_AFTER.match(text, end)  # "(No. 143)", "(C143)": an ILO citation
    letter = KIND_LETTER.get(inst.kind)
    if number and letter:
        numbered = ilo_instrument_id(letter, int(number.group(1)))
        if numbered in instruments():
            inst_id, end = numbered, number.end()
    return start, end, inst_id
