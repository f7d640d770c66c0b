"""What a person's name and title are made of, as patterns: a name word, a full name, a title."""

from __future__ import annotations

import re
from functools import lru_cache

from .people_words import NOT_NAME_WORDS, TITLE_MODIFIERS, TITLE_WORDS
from .phrases import UPPER, capital_starts
from .reference import cities, countries

# A name word: "Al-Maita", "Pong-Sul", "O'Brien", "McKay", an initial; not a possessive "’s".
# Letters beyond ASCII: "Sardaña-Reyes", "Đỗ Văn Hải" (Latin-1, Latin Extended-A, Vietnamese).
_UPPER = UPPER
_LOWER = "a-zß-öø-ÿĀ-ſơưẠ-ỹ"
NAME_WORD = (
    rf"(?:(?:Mc|Mac|O['’])?[{_UPPER}][{_LOWER}’']*[{_LOWER}]"
    rf"(?:-[{_UPPER}{_LOWER}](?:[{_LOWER}’']*[{_LOWER}])?)*(?<!['’]s)|[A-Z]\.?)"
)
_PARTICLE = r"(?:de|da|van|von|bin|binti|dela|del|la|al|el)"
FULL_NAME = rf"{NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{NAME_WORD}){{1,4}}"
TITLE = re.compile(rf"\b(?:{TITLE_WORDS})\b", re.I)
TITLE_ANYCASE = re.compile(rf"(?:{TITLE_WORDS})", re.I)
# What may come between a name and its title: ", ", " - SERC's ", ", who is a ".
BEFORE_TITLE = re.compile(
    rf"[\s,:–—(-]*(?:(?:[A-Z][\w’'.&-]*|the|a|an|as|who|is|was|also|{TITLE_MODIFIERS})[ \t]+)*"
)
DASH = r"[ \t]*(?:-|–|—|:)[ \t]*"
# Degrees between a name and a title: "Sarah Lou Ysmael Arriola, J.D., LLM, Director ..."
POSTNOMINALS = r"(?:(?:J\.?D|LL\.?M|LL\.?B|Ph\.?D|M\.?A|M\.?Sc|MBA|MPA|Esq|Atty)\.?,?[ \t]*)*"
# What a full name is made of: from a capital where these characters do not run up to what a
# pattern needs after the name, that pattern cannot match (and trying it costs more).
NAME_CHARS = rf"[{_UPPER}{_LOWER}’'\-. \t]"
NAME_THEN_COMMA = re.compile(rf"{NAME_CHARS}*+,")


def valid_name(name: str, *, single_ok: bool = False) -> bool:
    words = name.replace(".", ". ").split()
    if not words or (len(words) < 2 and not single_ok):
        return False
    if any(w.lower().strip(".,") in NOT_NAME_WORDS for w in words):
        return False
    if any(TITLE_ANYCASE.fullmatch(part) for w in words for part in w.strip(".,").split("-")):
        return False  # "General Secretary" is a title, not a name
    if len(words) == 1 and (words[0].lower() in countries() or words[0].lower() in cities()):
        return False
    return single_ok or sum(len(w.strip(".")) > 1 for w in words) >= 2


# A name's first word is followed by another capitalised one (after a particle, perhaps).
NEXT_NAME_WORD = re.compile(rf"[{_UPPER}{_LOWER}’'\-.]*[ \t]+(?:{_PARTICLE}[ \t]+)?[{_UPPER}]")


@lru_cache(maxsize=4)
def name_starts(text: str) -> tuple[int, ...]:
    """The capital starts (`phrases.capital_starts`, read once per text) where a full name, or
    a form of address before one, can open."""
    return tuple(at for at in capital_starts(text) if NEXT_NAME_WORD.match(text, at))
