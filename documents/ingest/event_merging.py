"""Which trigger a sentence's dates go with (one gathering per date), and when two findings
are one occasion (merged into one event)."""

from __future__ import annotations

import re

from .findings import EventFinding
from .triggers import GATHERINGS


def one_gathering_per_date(kinds, dates, offset, sentence):
    """(kind, start, end, date or None): one gathering per date a sentence gives (the word
    nearest the date wins), besides any founding, signing, visit or campaign (`founded X at a
    meeting` is folded into the meeting later: `fold_foundings`)."""
    gatherings = [k for k in kinds if k[0] in GATHERINGS]
    if any(k[0] == "founding" for k in kinds) and len(gatherings) > 1:
        # "established by a gathering of parliamentarians ... for a parallel conference": the
        # common noun after "at/by a" defers to the gathering the sentence names otherwise.
        gatherings = [
            k
            for k in gatherings
            if not re.search(r"\b(?:at|by)\s+an?\s+(?:\w+\s+)?$", sentence[: k[1] - offset])
        ] or gatherings
    agreements = [k for k in kinds if k[0] == "agreement"]
    # "renewed the MoU ... that they first signed in March 2014": one signing per date too,
    # when the sentence gives two dates and two words for signing.
    paired = agreements if len(agreements) > 1 and len({d.date for d in dates}) > 1 else []
    others = [(*k, None) for k in kinds if k[0] not in GATHERINGS and k not in paired]
    chosen = _nearest_pairs(gatherings, dates, offset, sentence)
    chosen += _nearest_pairs(paired, dates, offset, sentence)
    seen, result = set(), []
    for item in sorted(others + chosen, key=lambda k: k[1]):
        if item[0] not in seen or item[3] is not None:
            seen.add(item[0])
            result.append(item)
    return result


def _nearest_pairs(kinds, dates, offset, sentence) -> list[tuple]:
    """Each date with the trigger nearest it, closest pairs first, one date each. A gathering
    named in capitals ("the Follow-up Training on ...") beats a common noun nearer the date
    ("a five-day course")."""
    pairs = sorted(
        (
            not sentence[k[1] - offset : k[1] - offset + 1].isupper(),
            abs(offset + d.start - k[1]),
            i,
            j,
        )
        for i, d in enumerate(dates)
        for j, k in enumerate(kinds)
    )
    chosen, used_dates, used_kinds = [], set(), set()
    for _, _, i, j in pairs:
        if i not in used_dates and j not in used_kinds:
            used_dates.add(i)
            used_kinds.add(j)
            chosen.append((*kinds[j], dates[i]))
    return chosen


SCOPE = re.compile(
    r"\b(?:national|regional|sub-?regional|global|international|provincial|local)\b", re.I
)


def _one_occasion(a: EventFinding, b: EventFinding) -> bool:
    """Two findings of one kind are one occasion when one date holds the other (`May 2010`
    and `5 May 2010`) and their names do not set them apart as stages (`national
    consultations`, then `a regional consultation`)."""
    if not a.date or not b.date or (a.date.precision == "day" and b.date.precision == "day"):
        return False
    if not (
        a.date.start <= b.date.start <= a.date.end or b.date.start <= a.date.start <= b.date.end
    ):
        return False
    scopes = [{w.lower() for w in SCOPE.findall(e.name)} for e in (a, b)]
    return not (scopes[0] and scopes[1] and scopes[0] != scopes[1])


def merge(events: list[EventFinding]) -> list[EventFinding]:
    """One event per kind and start date: the document's heading and its sentences agree."""
    merged: dict[tuple, EventFinding] = {}
    for event in events:
        start = event.date.start if event.date else None
        key = (event.kind, start)
        same = merged.get(key) or next(
            (e for (k, s), e in merged.items() if k == event.kind and _one_occasion(e, event)),
            None,
        )
        if same is None:
            merged[key] = event
            continue
        if (
            event.date
            and same.date
            and event.date.precision == "day"
            and same.date.precision != "day"
        ):
            same.date = event.date
        same.is_document_event |= event.is_document_event
        if event.series and not same.series:  # an edition's name is the series' own
            same.name, same.series, same.edition = event.name, event.series, event.edition
        elif event.is_document_event and not same.name.startswith("Founding") and not same.series:
            same.name = event.name if len(event.name) > len(same.name) else same.name
        same.city, same.country = same.city or event.city, same.country or event.country
        same.latitude = same.latitude or event.latitude
        same.longitude = same.longitude or event.longitude
        for key_role in event.organizations:
            if key_role[0] not in dict(same.organizations):
                same.organizations.append(key_role)
        same.spans.extend(event.spans)
    return list(merged.values())
