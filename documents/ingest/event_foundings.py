"""A body founded at a gathering on the same day (`X was formed at the consultation-workshop`,
`the founding meeting of the network elected its coordinator`, `the caucus was established by
a resolution of the conference`) is one event: the gathering, with the body as `founded`. A
launch at a gathering (`launched its report at a press conference`) is one event: the launch."""

from __future__ import annotations

import re

from .event_names import KIND_LABEL
from .findings import EventFinding
from .triggers import GATHERINGS


def _generic(event: EventFinding) -> bool:
    """A name made from kind, place and date (`Meeting in Dhaka, 3 May 2019`): no own name."""
    label = KIND_LABEL[event.kind]
    return re.match(rf"{label}(?:$|\s+(?:by|in)\s|,)", event.name) is not None


def _same_occasion(founding: EventFinding, gathering: EventFinding) -> bool:
    """Dated on a day the gathering was held, or told in one sentence with it (`founded the
    association at a meeting in March 2014`)."""
    a, b = founding.date, gathering.date
    if a is None or b is None:
        return False
    if a.precision != "day":
        told_together = {(s.start, s.end) for s in founding.spans} & {
            (s.start, s.end) for s in gathering.spans
        }
        return bool(told_together) and a.start == b.start and a.precision == b.precision
    return b.start <= a.start <= b.end


def fold_launch_venues(events: list[EventFinding]) -> list[EventFinding]:
    """`launched its report at a press conference in Bangkok on 3 May`: the gathering told in
    the launch's sentence, on its day, is where the launch happened, not an event beside it."""
    launches = [e for e in events if e.kind == "launch" and e.date is not None]
    kept = []
    for event in events:
        told_with = {(s.start, s.end) for s in event.spans}
        launch = (
            event.kind in GATHERINGS
            and not event.is_document_event
            and next(
                (
                    lx
                    for lx in launches
                    if lx.date == event.date and told_with & {(s.start, s.end) for s in lx.spans}
                ),
                None,
            )
        )
        if not launch:
            kept.append(event)
            continue
        for key, role in event.organizations:
            if key not in dict(launch.organizations):
                launch.organizations.append((key, role))
    return kept


def fold_foundings(events: list[EventFinding]) -> list[EventFinding]:
    """Each founding dated on a day a gathering of the document was held goes into that
    gathering: the founded body joins it as `founded`; a gathering without a name of its own
    is called `Founding meeting of X`."""
    kept = []
    for event in events:
        gathering = event.kind == "founding" and next(
            (g for g in events if g.kind in GATHERINGS and _same_occasion(event, g)), None
        )
        if not gathering:
            kept.append(event)
            continue
        founded = [k for k, role in event.organizations if role == "founded"]
        roles = [(k, r) for k, r in gathering.organizations if k not in founded]
        gathering.organizations = [*roles, *((k, "founded") for k in founded)]
        if _generic(gathering) and event.name.startswith("Founding of "):
            body = event.name.removeprefix("Founding of ")
            gathering.name = f"Founding {gathering.kind} of {body}"
        gathering.is_document_event |= event.is_document_event
        gathering.city, gathering.country = (
            gathering.city or event.city,
            gathering.country or event.country,
        )
        gathering.spans.extend(event.spans)
    return kept
