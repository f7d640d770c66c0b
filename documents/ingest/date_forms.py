"""The forms a date takes in advocacy texts, one record each: its pattern, the words it can
open on, what the text must hold for it to be tried, and how it builds the date.

Adding a form is one `DateForm(...)` in FORMS (most specific first: each form claims its span
and later ones skip overlaps). Month names and words are written in lower case:
CaselessPattern matches them in any case.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from advocacy_site.partial_dates import PartialDate

from .phrases import CaselessPattern

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
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_WORDS = {
    word: n
    for n, word in enumerate(
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ],
        start=1,
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}

_MONTH = r"(?P<{name}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{name}>1[89]\d\d|20\d\d)"
_DASH = r"\s*(?:-|–|—|to|until|till)\s*"
_SP = r"[\s\u00a0]+"
_APPROX = r"(?P<approx>\b(?:c\.|ca\.|circa|around|about|approximately)\s*)?"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"


def _p(template: str, **names: str) -> str:
    return template.format(**{k: v.format(name=k) for k, v in names.items()})


@dataclass(frozen=True)
class DateContext:
    """The document's own date, which dates without a year (or relative ones) are read from."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def today(self) -> dt.date | None:
        if self.year and self.month and self.day:
            return dt.date(self.year, self.month, self.day)
        return None


Build = Callable[[re.Match, str, DateContext], PartialDate | None]


@dataclass(frozen=True)
class DateForm:
    """`opens`: where its dates can open, as word kinds (`digit`, `month`, `approx`) or the
    words themselves (`last`, `yesterday`); it is tried at those words alone. `needs`: parts
    the text must hold (`year`, `month`, `two months`); a form without `year` reads its year
    from the document's date and gives nothing without one."""

    name: str
    pattern: re.Pattern | CaselessPattern
    opens: frozenset[str]
    needs: frozenset[str]
    build: Build

    @property
    def from_context(self) -> bool:
        return "year" not in self.needs


def _form(name, pattern, opens, needs, build, caseless=True) -> DateForm:
    compiled = CaselessPattern(pattern) if caseless else re.compile(pattern)
    return DateForm(name, compiled, frozenset(opens.split()), frozenset(needs), build)


def _int(match: re.Match, name: str) -> int | None:
    value = match.groupdict().get(name)
    if value is None:
        return None
    if value.isdigit():
        return int(value)
    return MONTHS[value.lower().rstrip(".")]


def _approx(m: re.Match) -> bool:
    return bool(m.groupdict().get("approx"))


def _year_of(m: re.Match, ctx: DateContext) -> int | None:
    return _int(m, "y") or ctx.year


def _days(m: re.Match, text: str, ctx: DateContext) -> PartialDate | None:
    """Any form with a day: `1-3 November 2007`, `30 October - 2 November`, `May 11-12`."""
    year = _year_of(m, ctx)
    if year is None:
        return None
    m1 = _int(m, "m1")
    end_month = _int(m, "m2") or m1
    end_year = year + 1 if end_month < m1 else year  # 30 December - 2 January
    return PartialDate.from_parts(
        year,
        m1,
        _int(m, "d1"),
        end_year=end_year,
        end_month=end_month,
        end_day=_int(m, "d2"),
        approximate=_approx(m),
        text=text,
    )


def _numeric(m: re.Match, text: str, ctx: DateContext) -> PartialDate:
    """`21/02/2019` is day first (as the region writes it); `02/21/2019` cannot be."""
    a, b = int(m.group("a")), int(m.group("b"))
    day, month = (b, a) if b > 12 else (a, b)
    return PartialDate.from_parts(int(m.group("y")), month, day, text=text)


def _months(m: re.Match, text: str, ctx: DateContext) -> PartialDate:
    return PartialDate.from_parts(
        _int(m, "y"), _int(m, "m1"), end_month=_int(m, "m2"), approximate=_approx(m), text=text
    )


def _years(m: re.Match, text: str, ctx: DateContext) -> PartialDate:
    return PartialDate.from_parts(
        _int(m, "y"), end_year=_int(m, "y2"), approximate=_approx(m), text=text
    )


def _iso(m: re.Match, text: str, ctx: DateContext) -> PartialDate:
    return PartialDate.from_parts(_int(m, "y"), _int(m, "m"), _int(m, "d"), text=text)


def _last_month_named(m: re.Match, text: str, ctx: DateContext) -> PartialDate:
    """`last October`: the most recent October before the document's date."""
    month = _int(m, "m1")
    year = ctx.year - 1 if ctx.month is None or month >= ctx.month else ctx.year
    return PartialDate.from_parts(year, month, text=text)


def _shifted_year(shift: int) -> Build:
    return lambda m, text, ctx: PartialDate.from_parts(ctx.year + shift, text=text)


def _shifted_month(shift: int) -> Build:
    """`earlier this month` (0), `last month` (-1), `next month` (+1)."""

    def build(m: re.Match, text: str, ctx: DateContext) -> PartialDate | None:
        if ctx.month is None:
            return None
        index = ctx.year * 12 + ctx.month - 1 + shift
        return PartialDate.from_parts(index // 12, index % 12 + 1, text=text)

    return build


def _day(date: dt.date, text: str, end: dt.date | None = None) -> PartialDate:
    end = end or date
    return PartialDate.from_parts(
        date.year,
        date.month,
        date.day,
        end_year=end.year,
        end_month=end.month,
        end_day=end.day,
        text=text,
    )


def _shifted_day(shift: int) -> Build:
    """`yesterday` (-1), `today` (0), `tomorrow` (+1): from the document's day."""

    def build(m: re.Match, text: str, ctx: DateContext) -> PartialDate | None:
        today = ctx.today()
        return _day(today + dt.timedelta(days=shift), text) if today else None

    return build


def _weekday(m: re.Match, text: str, ctx: DateContext) -> PartialDate | None:
    """`next Monday` is the first after the document's day; `last`/`on Monday`, the latest
    before it (news reports what happened)."""
    today = ctx.today()
    if today is None:
        return None
    target = WEEKDAYS.index(m.group("weekday"))
    if m.group("which") in ("next", "coming", "this coming"):
        ahead = (target - today.weekday()) % 7 or 7
        return _day(today + dt.timedelta(days=ahead), text)
    back = (today.weekday() - target) % 7 or 7
    return _day(today - dt.timedelta(days=back), text)


def _week(shift: int) -> Build:
    """`last week` (-1), `this week` (0), `next week` (+1): Monday to Sunday."""

    def build(m: re.Match, text: str, ctx: DateContext) -> PartialDate | None:
        today = ctx.today()
        if today is None:
            return None
        monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=shift)
        return _day(monday, text, monday + dt.timedelta(days=6))

    return build


def _years_since(m: re.Match, text: str, ctx: DateContext) -> PartialDate | None:
    """`ten years since`, `five years ago`: that many years before the document's year."""
    count = m.group("n")
    n = int(count) if count.isdigit() else NUMBER_WORDS.get(count)
    return PartialDate.from_parts(ctx.year - n, text=text) if n else None


# Days the movement marks every year, by their fixed date (month, day).
OBSERVED_DAYS = {
    "international migrants day": (12, 18),
    "international migrants' day": (12, 18),
    "international domestic workers day": (6, 16),
    "international domestic workers' day": (6, 16),
    "international workers day": (5, 1),
    "international workers' day": (5, 1),
    "may day": (5, 1),
    "international women's day": (3, 8),
    "international womens day": (3, 8),
    "human rights day": (12, 10),
    "world day against trafficking in persons": (7, 30),
    "world day for decent work": (10, 7),
}
_OBSERVED = (
    r"(?P<observed>"
    + "|".join(
        re.escape(name).replace("'", "['’]?").replace(r"\ ", r"\s+") for name in OBSERVED_DAYS
    )
    + r")"
)


def _observed_day(m: re.Match, text: str, ctx: DateContext) -> PartialDate | None:
    """`On International Migrants Day`: its last occurrence up to the document's date."""
    key = " ".join(m.group("observed").replace("’", "'").split())
    month, day = OBSERVED_DAYS.get(key) or OBSERVED_DAYS[key.replace("'", "")]
    year = ctx.year
    if ctx.month is not None and (month, day) > (ctx.month, ctx.day or 31):
        year -= 1
    return PartialDate.from_parts(year, month, day, text=text)


_WHICH = r"(?P<which>last|next|this\s+coming|coming|on|this)"
_NUMBER = r"(?P<n>\d{1,3}|" + "|".join(NUMBER_WORDS) + r")"

FORMS: list[DateForm] = [
    _form(
        "iso",
        r"\b(?P<y>1[89]\d\d|20\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b",
        "digit",
        {"year"},
        _iso,
        caseless=False,
    ),
    _form(  # 21/02/2019, 21.02.2019: day first, unless the first number cannot be a month's day
        "numeric-date",
        r"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<y>1[89]\d\d|20\d\d)\b",
        "digit",
        {"year"},
        _numeric,
        caseless=False,
    ),
    _form(  # 30 October - 2 November 2007
        "day-month-day-month-year",
        _APPROX
        + _p(
            r"\b{d1}" + _SP + "{m1}" + _DASH + "{d2}" + _SP + "{m2},?" + _SP + r"{y}\b",
            d1=_DAY,
            m1=_MONTH,
            d2=_DAY,
            m2=_MONTH,
            y=_YEAR,
        ),
        "approx digit",
        {"year", "two months"},
        _days,
    ),
    _form(  # 1-3 November 2007, 14-18 May 2018
        "day-day-month-year",
        _APPROX
        + _p(
            r"\b{d1}" + _DASH + "{d2}" + _SP + "{m1},?" + _SP + r"{y}\b",
            d1=_DAY,
            d2=_DAY,
            m1=_MONTH,
            y=_YEAR,
        ),
        "approx digit",
        {"year", "month"},
        _days,
    ),
    _form(  # November 1-3, 2007
        "month-day-day-year",
        _APPROX
        + _p(
            r"\b{m1}" + _SP + "{d1}" + _DASH + r"{d2}\s*,?\s*{y}\b",
            m1=_MONTH,
            d1=_DAY,
            d2=_DAY,
            y=_YEAR,
        ),
        "approx month",
        {"year", "month"},
        _days,
    ),
    _form(  # on 3 and 4 May 2018
        "day-and-day-month-year",
        _APPROX
        + _p(
            r"\b(?:between\s+)?{d1}\s+(?:and|&)\s+{d2}" + _SP + "{m1},?" + _SP + r"{y}\b",
            d1=_DAY,
            d2=_DAY,
            m1=_MONTH,
            y=_YEAR,
        ),
        "approx digit between",
        {"year", "month"},
        _days,
    ),
    _form(  # 15 Aug 2007, 17 September 2011, the 30th of July 2018
        "day-month-year",
        _APPROX
        + _p(r"\b{d1}(?:\s+of)?" + _SP + "{m1},?" + _SP + r"{y}\b", d1=_DAY, m1=_MONTH, y=_YEAR),
        "approx digit",
        {"year", "month"},
        _days,
    ),
    _form(  # November 1, 2007 / November 1 , 2007
        "month-day-year",
        _APPROX + _p(r"\b{m1}" + _SP + r"{d1}\s*,\s*{y}\b", m1=_MONTH, d1=_DAY, y=_YEAR),
        "approx month",
        {"year", "month"},
        _days,
    ),
    _form(  # 2015 Jul 21
        "year-month-day",
        _p(r"\b{y}" + _SP + "{m1}" + _SP + r"{d1}\b(?!\s*[-–]?\s*\d)", y=_YEAR, m1=_MONTH, d1=_DAY),
        "digit",
        {"year", "month"},
        _days,
    ),
    _form(  # July - August 2018, between June and August 2018
        "month-month-year",
        _APPROX
        + _p(
            r"\b(?:between\s+)?{m1}(?:" + _DASH + r"|\s+and\s+){m2}" + _SP + r"{y}\b",
            m1=_MONTH,
            m2=_MONTH,
            y=_YEAR,
        ),
        "approx month",
        {"year", "two months"},
        _months,
    ),
    _form(  # in late July (2018), early March 2019: the month, at month precision
        "part-of-month-year",
        _p(r"\b(?:early|mid|late)[-\s]+{m1},?\s*\(?{y}\)?", m1=_MONTH, y=_YEAR),
        "early mid late",
        {"year", "month"},
        _months,
    ),
    _form(  # July 2018, in January 2007, in mid-July 2018 (read from the month)
        "month-year",
        _APPROX + _p(r"\b{m1},?" + _SP + r"{y}\b", m1=_MONTH, y=_YEAR),
        "approx month",
        {"year", "month"},
        _months,
    ),
    _form(  # from 31 May to 1 June
        "day-month-day-month-noyear",
        _p(
            r"\b{d1}" + _SP + "{m1}" + _DASH + "{d2}" + _SP + r"{m2}\b(?!,?\s*\d)",
            d1=_DAY,
            m1=_MONTH,
            d2=_DAY,
            m2=_MONTH,
        ),
        "digit",
        {"two months"},
        _days,
    ),
    _form(  # On International Migrants Day (18 December)
        "observed-day",
        r"\b" + _OBSERVED,
        "international may human world",
        (),
        _observed_day,
    ),
    _form(  # held on 2 and 3 March (year from context)
        "day-and-day-month-noyear",
        _p(
            r"\b(?:between\s+)?{d1}\s+(?:and|&)\s+{d2}" + _SP + r"{m1}\b(?!,?\s*\d)",
            d1=_DAY,
            d2=_DAY,
            m1=_MONTH,
        ),
        "digit between",
        {"month"},
        _days,
    ),
    _form(  # in early July, by mid-March (year from context)
        "part-of-month-noyear",
        _p(r"\b(?:early|mid|late)[-\s]+{m1}\b(?!,?\s*\d)", m1=_MONTH),
        "early mid late",
        {"month"},
        _days,
    ),
    _form(  # on 12-13 November, from 2 to 4 March
        "day-day-month-noyear",
        _p(r"\b{d1}" + _DASH + "{d2}" + _SP + r"{m1}\b(?!,?\s*\d)", d1=_DAY, d2=_DAY, m1=_MONTH),
        "digit",
        {"month"},
        _days,
    ),
    _form(  # on May 11-12
        "month-day-day-noyear",
        _p(r"\b{m1}" + _SP + "{d1}" + _DASH + r"{d2}\b(?!,?\s*\d)", m1=_MONTH, d1=_DAY, d2=_DAY),
        "month",
        {"month"},
        _days,
    ),
    _form(  # on May 12 (year from context)
        "month-day-noyear",
        _p(r"(?<=on\s){m1}" + _SP + r"{d1}\b(?!,?\s*\d)", m1=_MONTH, d1=_DAY),
        "month",
        {"month"},
        _days,
    ),
    _form(
        "last-month-named", _p(r"\blast\s+{m1}\b", m1=_MONTH), "last", {"month"}, _last_month_named
    ),
    _form("last-year", r"\blast\s+year\b", "last", (), _shifted_year(-1)),
    _form("next-year", r"\bnext\s+year\b", "next", (), _shifted_year(1)),
    _form(
        "this-year",
        r"\b(?:earlier|later)?\s*this\s+year\b",
        "earlier later this",
        (),
        _shifted_year(0),
    ),
    _form(
        "this-month",
        r"\b(?:earlier|later)?\s*this\s+month\b",
        "earlier later this",
        (),
        _shifted_month(0),
    ),
    _form("last-month", r"\blast\s+month\b", "last", (), _shifted_month(-1)),
    _form("next-month", r"\bnext\s+month\b", "next", (), _shifted_month(1)),
    _form("yesterday", r"\byesterday\b", "yesterday", (), _shifted_day(-1)),
    _form("today", r"\btoday\b", "today", (), _shifted_day(0)),
    _form("tomorrow", r"\btomorrow\b", "tomorrow", (), _shifted_day(1)),
    _form(
        "weekday",
        r"\b" + _WHICH + r"\s+" + _WEEKDAY + r"\b",
        "last next this coming on",
        (),
        _weekday,
    ),
    _form("last-week", r"\blast\s+week\b", "last", (), _week(-1)),
    _form("this-week", r"\b(?:earlier\s+)?this\s+week\b", "earlier this", (), _week(0)),
    _form("next-week", r"\bnext\s+week\b", "next", (), _week(1)),
    _form(  # ten years since, five years ago, 10 years have passed since
        "years-since",
        r"\b"
        + _NUMBER
        + r"\s+years\s+(?:ago|since|after|have\s+(?:passed|gone\s+by|elapsed)\s+since)\b",
        "digit " + " ".join(NUMBER_WORDS),
        (),
        _years_since,
    ),
    _form(  # the 30th of July
        "day-of-month",
        _p(r"\b(?:the\s+)?{d1}\s+(?:of\s+)?{m1}\b(?!,?\s*\d)", d1=_DAY, m1=_MONTH),
        "the digit",
        {"month"},
        _days,
    ),
    _form(  # 2014-2015, 2014 to 2016
        "year-range",
        _APPROX + r"\b(?P<y>1[89]\d\d|20\d\d)\s*(?:-|–|to)\s*(?P<y2>1[89]\d\d|20\d\d)\b",
        "approx digit",
        {"year"},
        _years,
        caseless=False,
    ),
    _form(  # in 2014, c. 2015, by the year 2015
        "year",
        _APPROX + r"(?<![\d,.\-/])\b(?P<y>1[89]\d\d|20\d\d)\b(?![\d\-/]|,\d)",
        "approx digit",
        {"year"},
        _years,
        caseless=False,
    ),
]
