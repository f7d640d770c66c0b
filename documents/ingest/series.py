"""Find recurring gatherings: event series from the reference list (`the 10th ASEAN Forum on
Migrant Labour`, `the Fifth Abu Dhabi Dialogue (ADD) Ministerial Consultation`, `the 100th
Session of the International Labour Conference`), with the edition an ordinal gives.

A series is never an organization: its mentions take the place of any organization found
over them (see `analysis`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from .phrases import PhraseMatcher
from .reference import REFERENCE_DIR


@dataclass(frozen=True)
class KnownSeries:
    name: str
    acronym: str
    kind: str  # the kind of event each edition is
    body: str  # the body or process that holds it, "" for none
    first_year: int | None


@dataclass(frozen=True)
class SeriesMention:
    start: int  # from the ordinal, when one comes before the name
    end: int
    text: str
    series: KnownSeries
    edition: int | None


_UNITS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth",
]  # fmt: skip
_TENS = {"twent": 20, "thirt": 30, "fort": 40, "fift": 50}
ORDINAL_WORDS = {word: n for n, word in enumerate(_UNITS, start=1)}
ORDINAL_WORDS |= {f"{stem}ieth": n for stem, n in _TENS.items()}
ORDINAL_WORDS |= {
    f"{stem}y-{unit}": n + u
    for stem, n in _TENS.items()
    for unit, u in list(ORDINAL_WORDS.items())[:9]
}
_ORDINAL = r"\b(?P<ordinal>\d{1,3}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)"
# What may stand between an ordinal and the series' name: `the 10th ASEAN Forum ...`, `the
# 100th Session of the International Labour Conference`, `the fifth annual ...`.
ORDINAL_BEFORE = re.compile(
    _ORDINAL
    + r"[\s\u00a0]+(?:(?:annual|regional|ministerial|biennial)[\s\u00a0]+)?"
    + r"(?:(?:session|meeting|edition|round|summit|conference)[\s\u00a0]+of[\s\u00a0]+"
    + r"(?:the[\s\u00a0]+)?)?$",
    re.I,
)


ACRONYM_AFTER = re.compile(r"\s*\(\s*[A-Z][\w/-]*")  # up to the acronym's end


def ordinal_value(word: str) -> int | None:
    """`10th` -> 10, `Fifth` -> 5, `twenty-first` -> 21; None for any other word."""
    word = word.lower()
    if word[:1].isdigit():
        m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", word)
        return int(m.group(1)) if m else None
    return ORDINAL_WORDS.get(word)


def ordinal_label(number: int) -> str:
    """10 -> `10th`, 2 -> `2nd`, 13 -> `13th`."""
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _names(item: dict) -> list[str]:
    """Every name a series goes by: its own, its aliases, and its gathering said with each form
    of the body's name (`Abu Dhabi Dialogue (ADD) Ministerial Consultation`)."""
    names = [item["name"], *item.get("aliases", [])]
    forms = item.get("body_forms") or []
    gathering = item["name"][len(forms[0]) :].strip() if forms else ""
    if gathering and item["name"].startswith(forms[0]):
        for form in forms:
            names += [f"{form} {gathering}", f"{gathering} of the {form}", f"{gathering} of {form}"]
    return list(dict.fromkeys(names))


@cache
def _shipped() -> tuple[tuple[KnownSeries, dict], ...]:
    """Each series in data/reference/event_series.json, with its entry."""
    path = REFERENCE_DIR / "event_series.json"
    return tuple(
        (
            KnownSeries(
                name=item["name"],
                acronym=item.get("acronym") or "",
                kind=item["kind"],
                body=item.get("body") or "",
                first_year=item.get("first_year"),
            ),
            item,
        )
        for item in json.loads(path.read_text(encoding="utf-8"))
    )


@cache
def known_series() -> tuple[PhraseMatcher[KnownSeries], PhraseMatcher[KnownSeries]]:
    """(names, acronyms) of the shipped series, for lookup in running text."""
    names: PhraseMatcher[KnownSeries] = PhraseMatcher()
    acronyms: PhraseMatcher[KnownSeries] = PhraseMatcher()
    for series, item in _shipped():
        for name in _names(item):
            if name.isupper():
                acronyms.add(name, series, acronym=True)
            else:
                names.add(name, series)
        if series.acronym:
            acronyms.add(series.acronym, series, acronym=True)
    return names, acronyms


def series_named(name: str) -> KnownSeries | None:
    """The shipped series of this canonical name, if it is one: what a new series record
    should say of itself (its acronym)."""
    return next((series for series, _ in _shipped() if series.name == name), None)


def _capitalised(surface: str) -> bool:
    """`ASEAN Summit` names the series; `asean summit meetings` in running prose may not."""
    small = {"of", "on", "the", "and", "for", "in"}
    return all(w[0].isupper() or w.lower() in small for w in surface.split() if w[0].isalpha())


def find_series(text: str) -> list[SeriesMention]:
    """Every mention of a known series in `text`, in order, with its edition when an ordinal
    comes before it."""
    names, acronyms = known_series()
    hits = [h for h in names.finditer(text) if _capitalised(h.text)]
    taken = [(h.start, h.end) for h in hits]
    hits += [
        h for h in acronyms.finditer(text) if not any(h.start < e and s < h.end for s, e in taken)
    ]
    found: list[SeriesMention] = []
    for hit in sorted(hits, key=lambda h: h.start):
        last = found[-1] if found else None
        if last and last.series == hit.value and ACRONYM_AFTER.fullmatch(text, last.end, hit.end):
            # "the 12th ASEAN Forum on Migrant Labour (AFML)": one mention
            found[-1] = SeriesMention(
                last.start, hit.end, text[last.start : hit.end], last.series, last.edition
            )
            continue
        start, edition = hit.start, None
        before = ORDINAL_BEFORE.search(text, max(0, hit.start - 60), hit.start)
        if before and (number := ordinal_value(before.group("ordinal"))):
            start, edition = before.start(), number
        found.append(SeriesMention(start, hit.end, text[start : hit.end], hit.value, edition))
    return found


def series_label(mention: SeriesMention) -> str:
    """An edition's name: `10th ASEAN Forum on Migrant Labour`, or the series' own name."""
    name = mention.series.name
    return f"{ordinal_label(mention.edition)} {name}" if mention.edition else name


def series_of_name(name: str) -> tuple[str, int | None]:
    """An event named with an ordinal belongs to a series: `5th Bangladesh Migration Forum` ->
    (`Bangladesh Migration Forum`, 5). ("", None) for a name without one."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 3:
        return "", None
    number = ordinal_value(words[0])
    rest = " ".join(words[1:])
    if number is None or not rest[0].isupper():
        return "", None
    return rest, number
