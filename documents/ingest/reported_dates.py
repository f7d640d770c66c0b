"""The reporting shape of news: `The minister said yesterday that ... . Speaking at a national
consultation held in the capital, she ...`. The event spoken at, named without a date of its
own, is dated by the speech's relative date in the sentence before."""

from __future__ import annotations

import re

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
