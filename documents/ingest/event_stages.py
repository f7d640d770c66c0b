"""Stages of a process listed in one sentence: `national consultations were held in Dhaka on
2 June, in Kathmandu on 15 July and in Colombo on 3 August 2018`, `a series of consultations:
Dhaka (2 June 2018), Kathmandu (15 July 2018)`. Each listed date, with the place named
beside it, is an event of its own; the plural word that introduces them is none."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import FoundDate
from .triggers import GATHERINGS

PLURAL = re.compile(r"[^s]s$")


@dataclass(frozen=True)
class Stage:
    kind: str
    trigger: tuple[int, int]  # the plural word, document offsets
    date: FoundDate
    place: object | None  # the place hit named beside the date


def listed_stages(sentence: str, offset: int, kinds, dates, place_hits) -> list[Stage]:
    """The stages a sentence lists after its one plural gathering word (two dates to the day
    or more); none when it names one gathering or several."""
    gatherings = [k for k in kinds if k[0] in GATHERINGS]
    if len(gatherings) != 1:
        return []
    kind, t_start, t_end = gatherings[0]
    if not PLURAL.search(sentence[t_start - offset : t_end - offset].lower()):
        return []
    days = [d for d in dates if d.date.precision == "day" and d.start >= t_end - offset]
    if len(days) < 2:
        return []
    stages, after = [], t_end
    for found in days:
        start, end = offset + found.start, offset + found.end
        before = [h for h in place_hits if after <= h.start < start]
        behind = [h for h in place_hits if end <= h.start < end + 25]
        place = before[-1] if before else (behind[0] if behind else None)
        stages.append(Stage(kind, (t_start, t_end), found, place))
        after = end
    return stages
