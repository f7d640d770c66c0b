"""Dates as archives keep them: as the source wrote them, and normalised at their true precision.

A `PartialDate` covers a whole period: "July 2018" is 2018-07-01 to 2018-07-31 at month
precision, "1-3 November 2007" is 2007-11-01 to 2007-11-03 at day precision. Storing the full
span lets pages sort and filter by range without ever inventing a day the source did not give.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from django.db import models


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class PartialDate:
    """A date or date range at day, month or year precision."""

    start: dt.date
    end: dt.date
    precision: str
    approximate: bool = False
    text: str = ""

    @classmethod
    def from_parts(
        cls,
        year: int,
        month: int | None = None,
        day: int | None = None,
        *,
        end_year: int | None = None,
        end_month: int | None = None,
        end_day: int | None = None,
        approximate: bool = False,
        text: str = "",
    ) -> PartialDate:
        """Build a period from its parts; the end defaults to the end of the start's period."""
        if day is not None and month is None:
            raise ValueError("A day needs a month.")
        precision = (
            DatePrecision.DAY if day else DatePrecision.MONTH if month else DatePrecision.YEAR
        )
        start = dt.date(year, month or 1, day or 1)
        end_year = end_year or year
        if precision == DatePrecision.DAY:
            end = dt.date(end_year, end_month or month, end_day or day)
        elif precision == DatePrecision.MONTH:
            end = _month_end(end_year, end_month or month)
        else:
            end = dt.date(end_year, 12, 31)
        if end < start:
            raise ValueError(f"The end ({end}) precedes the start ({start}).")
        return cls(start, end, str(precision), approximate, text)

    @classmethod
    def parse_iso(cls, value: str) -> PartialDate:
        """Read `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the importer's JSON form)."""
        parts = [int(p) for p in value.split("-")]
        return cls.from_parts(*parts)

    def iso(self, which: str = "start") -> str:
        """The start (or end) as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, by precision."""
        value = self.start if which == "start" else self.end
        return format_iso(value, self.precision)

    def display(self) -> str:
        return format_period(self.start, self.end, self.precision, self.approximate)


def format_iso(value: dt.date | None, precision: str) -> str | None:
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def _single(value: dt.date, precision: str) -> str:
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return f"{calendar.month_name[value.month]} {value.year}"
    return f"{value.day} {calendar.month_name[value.month]} {value.year}"


def _covers_one_period(start: dt.date, end: dt.date, precision: str) -> bool:
    if precision == DatePrecision.YEAR:
        return start.year == end.year
    if precision == DatePrecision.MONTH:
        return (start.year, start.month) == (end.year, end.month)
    return start == end


def format_period(
    start: dt.date | None, end: dt.date | None, precision: str, approximate: bool = False
) -> str:
    """Render a period at its precision: `1–3 November 2007`, `July 2018`, `2014`, `c. 2015`."""
    if start is None:
        return ""
    end = end or start
    prefix = "c. " if approximate else ""
    if _covers_one_period(start, end, precision):
        return prefix + _single(start, precision)
    if precision == DatePrecision.YEAR:
        return f"{prefix}{start.year}–{end.year}"
    if precision == DatePrecision.DAY and (start.year, start.month) == (end.year, end.month):
        return f"{prefix}{start.day}–{end.day} {calendar.month_name[end.month]} {end.year}"
    if start.year == end.year:
        first = _single(start, precision).rsplit(" ", 1)[0]
        return f"{prefix}{first} – {_single(end, precision)}"
    return f"{prefix}{_single(start, precision)} – {_single(end, precision)}"
