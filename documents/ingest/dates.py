"""Find dates in running text, each at the precision the text gives it, with its span.

Handles the forms advocacy texts use: `1-3 November 2007`, `30 October - 2 November 2007`,
`November 1, 2007`, `15 Aug 2007`, `2015 Jul 21`, `the 30th of July` (year from context),
`July 2018`, `in 2014`, `c. 2015`, `2007-11-01`. A part the text does not give stays empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from advocacy_site.partial_dates import PartialDate

from .phrases import CaselessPattern, finditer_at, lowered

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_MONTH = r"(?P<{name}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{name}>1[89]\d\d|20\d\d)"
_DASH = r"\s*(?:-|–|—|to|until|till)\s*"
_SP = r"[\s\u00a0]+"
_APPROX = r"(?P<approx>\b(?:c\.|ca\.|circa|around|about|approximately)\s*)?"


def _p(template: str, **names: str) -> str:
    return template.format(**{k: v.format(name=k) for k, v in names.items()})


# Most specific first: each pattern claims its span and later ones skip overlaps. Month names
# and words are in lower case: CaselessPattern matches them in any case.
PATTERNS: list[tuple[str, re.Pattern | CaselessPattern]] = [
    (
        "iso",
        re.compile(r"\b(?P<y>1[89]\d\d|20\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    ),
    (
        "day-month-day-month-year",  # 30 October - 2 November 2007
        CaselessPattern(
            _APPROX
            + _p(
                r"\b{d1}" + _SP + "{m1}" + _DASH + "{d2}" + _SP + "{m2},?" + _SP + r"{y}\b",
                d1=_DAY,
                m1=_MONTH,
                d2=_DAY,
                m2=_MONTH,
                y=_YEAR,
            )
        ),
    ),
    (
        "day-day-month-year",  # 1-3 November 2007, 14-18 May 2018
        CaselessPattern(
            _APPROX
            + _p(
                r"\b{d1}" + _DASH + "{d2}" + _SP + "{m1},?" + _SP + r"{y}\b",
                d1=_DAY,
                d2=_DAY,
                m1=_MONTH,
                y=_YEAR,
            )
        ),
    ),
    (
        "month-day-day-year",  # November 1-3, 2007
        CaselessPattern(
            _APPROX
            + _p(
                r"\b{m1}" + _SP + "{d1}" + _DASH + r"{d2}\s*,?\s*{y}\b",
                m1=_MONTH,
                d1=_DAY,
                d2=_DAY,
                y=_YEAR,
            )
        ),
    ),
    (
        "day-month-year",  # 15 Aug 2007, 17 September 2011, the 30th of July 2018
        CaselessPattern(
            _APPROX
            + _p(r"\b{d1}(?:\s+of)?" + _SP + "{m1},?" + _SP + r"{y}\b", d1=_DAY, m1=_MONTH, y=_YEAR)
        ),
    ),
    (
        "month-day-year",  # November 1, 2007 / November 1 , 2007
        CaselessPattern(
            _APPROX + _p(r"\b{m1}" + _SP + r"{d1}\s*,\s*{y}\b", m1=_MONTH, d1=_DAY, y=_YEAR)
        ),
    ),
    (
        "year-month-day",  # 2015 Jul 21
        CaselessPattern(
            _p(
                r"\b{y}" + _SP + "{m1}" + _SP + r"{d1}\b(?!\s*[-–]?\s*\d)",
                y=_YEAR,
                m1=_MONTH,
                d1=_DAY,
            )
        ),
    ),
    (
        "month-month-year",  # July - August 2018
        CaselessPattern(
            _APPROX + _p(r"\b{m1}" + _DASH + "{m2}" + _SP + r"{y}\b", m1=_MONTH, m2=_MONTH, y=_YEAR)
        ),
    ),
    (
        "month-year",  # July 2018, in January 2007
        CaselessPattern(_APPROX + _p(r"\b{m1},?" + _SP + r"{y}\b", m1=_MONTH, y=_YEAR)),
    ),
    (
        "day-month-day-month-noyear",  # from 31 May to 1 June (year from context)
        CaselessPattern(
            _p(
                r"\b{d1}" + _SP + "{m1}" + _DASH + "{d2}" + _SP + r"{m2}\b(?!,?\s*\d)",
                d1=_DAY,
                m1=_MONTH,
                d2=_DAY,
                m2=_MONTH,
            )
        ),
    ),
    (
        "day-day-month-noyear",  # on 12-13 November (year from context)
        CaselessPattern(
            _p(r"\b{d1}" + _DASH + "{d2}" + _SP + r"{m1}\b(?!,?\s*\d)", d1=_DAY, d2=_DAY, m1=_MONTH)
        ),
    ),
    (
        "last-month",  # last October, last June (the most recent before the document's date)
        CaselessPattern(_p(r"\blast\s+{m1}\b", m1=_MONTH)),
    ),
    (
        "last-year",
        CaselessPattern(r"\blast\s+year\b"),
    ),
    (
        "day-of-month",  # the 30th of July (year from context)
        CaselessPattern(_p(r"\b(?:the\s+)?{d1}\s+(?:of\s+)?{m1}\b(?!,?\s*\d)", d1=_DAY, m1=_MONTH)),
    ),
    (
        "year-range",  # 2014-2015, 2014 to 2016
        re.compile(
            _APPROX + r"\b(?P<y>1[89]\d\d|20\d\d)\s*(?:-|–|to)\s*(?P<y2>1[89]\d\d|20\d\d)\b"
        ),
    ),
    (
        "year",  # in 2014, c. 2015, by the year 2015
        re.compile(_APPROX + r"(?<![\d,.\-/])\b(?P<y>1[89]\d\d|20\d\d)\b(?![\d\-/]|,\d)"),
    ),
]


# What each rule's dates are made of. Most sentences hold no date: a rule whose parts a text
# lacks is not run over it.
YEAR = re.compile(r"1[89]\d\d|20\d\d")
MONTH_NAME = CaselessPattern("|".join(sorted({name[:3] for name in MONTHS})))
LAST = CaselessPattern("last")
PARTS = {
    "iso": {"year"},
    "day-month-day-month-year": {"year", "two months"},
    "day-day-month-year": {"year", "month"},
    "month-day-day-year": {"year", "month"},
    "day-month-year": {"year", "month"},
    "month-day-year": {"year", "month"},
    "year-month-day": {"year", "month"},
    "month-month-year": {"year", "two months"},
    "month-year": {"year", "month"},
    "day-month-day-month-noyear": {"two months"},
    "day-day-month-noyear": {"month"},
    "last-month": {"last", "month"},
    "last-year": {"last"},
    "day-of-month": {"month"},
    "year-range": {"year"},
    "year": {"year"},
}
# Where each rule's dates can open: always at a word's start, on a digit, an "about" word
# ("c.", "circa"), a month's name, "last" or "the". A rule is tried at those words alone, as
# `match`: searching would try all sixteen patterns at every character of the sentence.
OPENS = {
    "iso": {"digit"},
    "day-month-day-month-year": {"approx", "digit"},
    "day-day-month-year": {"approx", "digit"},
    "month-day-day-year": {"approx", "month"},
    "day-month-year": {"approx", "digit"},
    "month-day-year": {"approx", "month"},
    "year-month-day": {"digit"},
    "month-month-year": {"approx", "month"},
    "month-year": {"approx", "month"},
    "day-month-day-month-noyear": {"digit"},
    "day-day-month-noyear": {"digit"},
    "last-month": {"last"},
    "last-year": {"last"},
    "day-of-month": {"the", "digit"},
    "year-range": {"approx", "digit"},
    "year": {"approx", "digit"},
}
APPROX_WORDS = {"c", "ca", "circa", "around", "about", "approximately"}
MONTH_PREFIXES = {name[:3] for name in MONTHS}
WORD_RUN = re.compile(r"\w+")


def _openings(lower: str) -> list[tuple[int, str]]:
    """(offset, kind) of the words in the lowered text that can open a date (see OPENS)."""
    found = []
    for m in WORD_RUN.finditer(lower):
        word = m.group()
        if word[0].isdecimal():  # what \d matches
            found.append((m.start(), "digit"))
        elif word in APPROX_WORDS:
            found.append((m.start(), "approx"))
        elif word[:3] in MONTH_PREFIXES:
            found.append((m.start(), "month"))
        elif word in ("last", "the"):
            found.append((m.start(), word))
    return found


def _matches(rule: str, pattern, text: str, openings: list[tuple[int, str]] | None):
    """`pattern.finditer(text)`, tried only where the rule's dates can open (when the text
    could be lowered: offsets are the same, and a plain pattern's openings are among them)."""
    if openings is None:
        return pattern.finditer(text)
    opens = OPENS[rule]
    starts = [at for at, kind in openings if kind in opens]
    if isinstance(pattern, CaselessPattern):
        return finditer_at(pattern.exact, lowered(text), starts)
    return finditer_at(pattern, text, starts)


# Rules whose dates take their year from the document's: nothing without it.
YEAR_FROM_CONTEXT = {
    "day-month-day-month-noyear",
    "day-day-month-noyear",
    "last-month",
    "last-year",
    "day-of-month",
}


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    text: str
    date: PartialDate
    rule: str


def _int(match: re.Match, name: str) -> int | None:
    value = match.groupdict().get(name)
    if value is None:
        return None
    if value.isdigit():
        return int(value)
    return MONTHS[value.lower().rstrip(".")]


def _build(
    rule: str, m: re.Match, text: str, context_year: int | None, context_month: int | None = None
) -> PartialDate | None:
    """`text`: the date as the source writes it (the match may read the lowered text)."""
    approx = bool(m.groupdict().get("approx"))
    if rule == "iso":
        return PartialDate.from_parts(_int(m, "y"), _int(m, "m"), _int(m, "d"), text=text)
    year = _int(m, "y")
    if rule.endswith("noyear") or rule in ("day-of-month", "last-month", "last-year"):
        if context_year is None:
            return None
        year = context_year
    if rule == "last-year":
        return PartialDate.from_parts(year - 1, text=text)
    if rule == "last-month":
        month = _int(m, "m1")
        if context_month is None or month >= context_month:
            year -= 1
        return PartialDate.from_parts(year, month, text=text)
    m1, d1 = _int(m, "m1"), _int(m, "d1")
    if rule == "year":
        return PartialDate.from_parts(year, approximate=approx, text=text)
    if rule == "year-range":
        return PartialDate.from_parts(year, end_year=_int(m, "y2"), approximate=approx, text=text)
    if rule == "month-year":
        return PartialDate.from_parts(year, m1, approximate=approx, text=text)
    if rule == "month-month-year":
        return PartialDate.from_parts(
            year, m1, end_month=_int(m, "m2"), approximate=approx, text=text
        )
    end_month = _int(m, "m2") or m1
    end_year = year + 1 if end_month < m1 else year  # 30 December - 2 January
    return PartialDate.from_parts(
        year,
        m1,
        d1,
        end_year=end_year,
        end_month=end_month,
        end_day=_int(m, "d2"),
        approximate=approx,
        text=text,
    )


def find_dates(
    text: str, *, context_year: int | None = None, context_month: int | None = None
) -> list[FoundDate]:
    """Every date in `text`, in order of appearance, without overlaps.

    `context_year` (and `context_month`) is the document's own date: dates without a year
    (`on 12-13 November`, `last October`) are read relative to it, and left out without it.
    """
    taken: list[tuple[int, int]] = []
    found: list[FoundDate] = []
    months = len(list(islice(MONTH_NAME.finditer(text), 2)))
    present = {
        part
        for part, here in (
            ("year", YEAR.search(text) is not None),
            ("month", months > 0),
            ("two months", months > 1),
            ("last", LAST.search(text) is not None),
        )
        if here
    }
    lower = lowered(text)
    openings = _openings(lower) if lower is not None else None
    for rule, pattern in PATTERNS:
        if not PARTS[rule] <= present:
            continue
        if context_year is None and rule in YEAR_FROM_CONTEXT:
            continue
        for m in _matches(rule, pattern, text, openings):
            start, end = m.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            try:
                value = _build(rule, m, text[start:end].strip(), context_year, context_month)
            except (ValueError, KeyError):  # 31 February, 2007-13-01: not a date
                continue
            if value is None:
                continue
            lead = len(m.group(0)) - len(m.group(0).lstrip())
            taken.append((start, end))
            found.append(FoundDate(start + lead, end, text[start + lead : end], value, rule))
    return sorted(found, key=lambda f: f.start)
