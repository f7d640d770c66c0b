"""Find dates in running text, each at the precision the text gives it, with its span.

Handles the forms advocacy texts use (`date_forms.FORMS`): `1-3 November 2007`, `30 October
- 2 November 2007`, `November 1, 2007`, `15 Aug 2007`, `2015 Jul 21`, `the 30th of July`,
`July 2018`, `in 2014`, `c. 2015`, `2007-11-01`, and dates relative to the document's own
(`yesterday`, `next Monday`, `earlier this month`, `ten years since`). A part the text does
not give stays empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from advocacy_site.partial_dates import PartialDate

from .date_forms import FORMS, MONTHS, DateContext, DateForm
from .phrases import CaselessPattern, finditer_at, lowered

__all__ = ["FORMS", "MONTHS", "FoundDate", "find_dates"]

# What forms' dates are made of. Most sentences hold no date: a form whose parts a text lacks
# is not run over it.
YEAR = re.compile(r"1[89]\d\d|20\d\d")
MONTH_NAME = CaselessPattern("|".join(sorted({name[:3] for name in MONTHS})))
APPROX_WORDS = {"c", "ca", "circa", "around", "about", "approximately"}
MONTH_PREFIXES = {name[:3] for name in MONTHS}
WORD_RUN = re.compile(r"\w+")
KINDS = {"digit", "approx", "month"}
# The words (not kinds) some form opens on: read from the forms, so a new one is one edit.
OPENING_WORDS = {word for form in FORMS for word in form.opens} - KINDS
# A year that is part of a name or a number, not a date: "Convention, 2011 (No. 189)",
# "Resolution No. 1850", "Law No. 18 of 2017" (a law's number and year).
NOT_A_YEAR_BEFORE = re.compile(
    r"(?:\b(?:Convention|Recommendation|Protocol|Act|Law|Decree|Resolution),?|\bNos?\.?"
    r"(?:\s*\d+\s+of)?|#)\s*$"
)
NOT_A_YEAR_AFTER = re.compile(r"\s*\(\s*No\b")


def _openings(lower: str) -> dict[str, list[int]]:
    """Offsets of the words in the lowered text that can open a date, by kind or word."""
    found: dict[str, list[int]] = {}
    for m in WORD_RUN.finditer(lower):
        word = m.group()
        if word[0].isdecimal():  # what \d matches
            found.setdefault("digit", []).append(m.start())
        elif word in APPROX_WORDS:
            found.setdefault("approx", []).append(m.start())
        else:  # "may" opens both "May 2018" and "May Day"
            if word in OPENING_WORDS:
                found.setdefault(word, []).append(m.start())
            if word[:3] in MONTH_PREFIXES:
                found.setdefault("month", []).append(m.start())
    return found


def _matches(form: DateForm, text: str, openings: dict[str, list[int]] | None):
    """`form.pattern.finditer(text)`, tried only where the form's dates can open (when the
    text could be lowered: offsets are the same, and a plain pattern's openings are among
    them)."""
    pattern = form.pattern
    if openings is None:
        return pattern.finditer(text)
    kinds = [openings[kind] for kind in form.opens if kind in openings]
    if not kinds:
        return ()
    starts = kinds[0] if len(kinds) == 1 else sorted(at for offsets in kinds for at in offsets)
    if isinstance(pattern, CaselessPattern):
        return finditer_at(pattern.exact, lowered(text), starts)
    return finditer_at(pattern, text, starts)


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    text: str
    date: PartialDate
    rule: str


def _present(text: str) -> set[str]:
    months = len(list(islice(MONTH_NAME.finditer(text), 2)))
    return {
        part
        for part, here in (
            ("year", YEAR.search(text) is not None),
            ("month", months > 0),
            ("two months", months > 1),
        )
        if here
    }


def _year_in_a_name(text: str, start: int, end: int) -> bool:
    return bool(
        NOT_A_YEAR_BEFORE.search(text, max(0, start - 16), start)
        or NOT_A_YEAR_AFTER.match(text, end)
    )


def find_dates(
    text: str,
    *,
    context_year: int | None = None,
    context_month: int | None = None,
    context_day: int | None = None,
) -> list[FoundDate]:
    """Every date in `text`, in order of appearance, without overlaps.

    `context_year` (and `context_month`, `context_day`) is the document's own date: dates
    without a year (`on 12-13 November`, `last October`, `yesterday`) are read relative to
    it, and left out without it.
    """
    context = DateContext(context_year, context_month, context_day)
    taken: list[tuple[int, int]] = []
    found: list[FoundDate] = []
    present = _present(text)
    lower = lowered(text)
    openings = _openings(lower) if lower is not None else None
    if openings is not None and not openings:
        return []  # no word that opens a date
    for form in FORMS:
        if not form.needs <= present or (context_year is None and form.from_context):
            continue
        if openings is not None and openings.keys().isdisjoint(form.opens):
            continue
        for m in _matches(form, text, openings):
            start, end = m.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            if form.name == "year" and _year_in_a_name(text, start, end):
                continue
            try:
                value = form.build(m, text[start:end].strip(), context)
            except (ValueError, KeyError, OverflowError):  # 31 February: not a date
                continue
            if value is None:
                continue
            lead = len(m.group(0)) - len(m.group(0).lstrip())
            taken.append((start, end))
            found.append(FoundDate(start + lead, end, text[start + lead : end], value, form.name))
    return sorted(found, key=lambda f: f.start)
