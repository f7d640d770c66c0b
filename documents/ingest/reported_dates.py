"""The reporting shape of news: `The minister said yesterday that ... . Speaking at a national
consultation held in the capital, she ...`. The event spoken at, named without a date of its
own, is dated by the speech's relative date in the sentence before."""

from __future__ import annotations

import datetime as dt
import re

from advocacy_site.partial_dates import PartialDate

from .dates import FoundDate, find_dates

# The dates of a report relative to its own day: what `said yesterday` can date.
RELATIVE_DAYS = {"yesterday", "today", "weekday", "this-week", "last-week"}
SPEECH_VERB = re.compile(
    r"\b(?:said|says|told|stated|urged|called\s+(?:for|on)|announced|noted|stressed|added|"
    r"warned|declared|remarked)\b",
    re.I,
)
SPEAKING_AT = re.compile(
    r"^\W*(?:Speaking|Addressing|Opening|Closing|Talking)\b|\b(?:told|addressed)\s+(?:the\s+)?$",
    re.I,
)


def reported_date(
    previous: str, sentence: str, *, context_year, context_month, context_day
) -> FoundDate | None:
    """The day of `previous`'s speech (`said yesterday`), when `sentence` opens on the event
    spoken at (`Speaking at a consultation ...`) or `previous` reports a speech."""
    if not previous or not (
        SPEAKING_AT.search(sentence[:40]) or SPEECH_VERB.search(previous) is not None
    ):
        return None
    found = find_dates(
        previous, context_year=context_year, context_month=context_month, context_day=context_day
    )
    relative = [d for d in found if d.rule in RELATIVE_DAYS]
    return relative[0] if relative else None


ORDINAL_DAYS = {"first": 1, "opening": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
DAY_OF_EVENT = re.compile(
    r"\b(?:on|during)\s+(?:the\s+)?(?P<which>first|opening|second|third|fourth|fifth|closing|"
    r"final|last)\s+day\b",
    re.I,
)


def day_of_event(sentence: str, gathering) -> FoundDate | None:
    """`On the second day MTUC and KSBSI renewed the MoU`, `On the closing day ...`: a day of
    the gathering the text reports (`gathering`, dated to the day)."""
    m = DAY_OF_EVENT.search(sentence)
    if m is None or gathering is None or gathering.date is None:
        return None
    span = gathering.date
    if span.precision != "day":
        return None
    which = m.group("which").lower()
    day = (
        span.end
        if which not in ORDINAL_DAYS
        else span.start + dt.timedelta(ORDINAL_DAYS[which] - 1)
    )
    if day > span.end and span.end != span.start:  # a text may date only the opening day
        return None
    date = PartialDate.from_parts(day.year, day.month, day.day, text=m.group(0))
    return FoundDate(m.start(), m.end(), m.group(0), date, "day-of-event")
