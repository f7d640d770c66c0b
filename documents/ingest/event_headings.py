"""The event a document reports in its title and heading lines: kind from the heading's
trigger, date from the heading or the short date (or `date | venue`) line beside it, place from
the lines around it."""

from __future__ import annotations

import re
from functools import cache
from itertools import islice

from .dates import FoundDate, find_dates
from .event_names import titled_phrase
from .findings import EventFinding, Span
from .metadata import PUBLICATION_LINE, is_venue_line
from .reference import cities, countries, places
from .series import series_label
from .triggers import trigger_kinds


def place_between(hits: list, start: int, end: int) -> tuple[str, str, float | None, float | None]:
    """City and country named between `start` and `end`: (city, ISO code, latitude, longitude)."""
    city, country, lat, lon = "", "", None, None
    for hit in hits:
        if not start <= hit.start < end:
            continue
        kind, key = hit.value
        if kind == "country" and not country:
            country = countries()[key]
            if not city and key in cities():  # Singapore, Hong Kong: a city and a country
                city, _, lat, lon = cities()[key]
        elif kind == "city" and not city:
            _, city_country, lat, lon = cities()[key]
            city = hit.text  # as the text names it: "Penang", not geonames' "George Town"
            country = city_country  # the city's own country wins over a country named nearby
    return city, country, lat, lon


STATEMENT_TITLE = re.compile(
    r"(?:joint\s+|final\s+)?(?:statement|declaration|press\s+release|communiqu[eé]|open\s+letter|"
    r"appeal|submission)\b",
    re.I,
)


def _is_heading(line: str) -> bool:
    """A title-like line: short, capitalised, not a bullet, a sentence, or a `date | category` header."""
    stripped = line.strip()
    if not stripped or len(stripped) >= 140 or "|" in stripped:
        return False
    if stripped[-1] in ".:;," or re.match(r"^(?:[•\-*–]|\d+[.)])\s*", stripped):
        return False
    return stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in '[("“'


def document_events(
    title: str, text: str, orgs, context_year, context_month, series, context_day, blocked
) -> list[EventFinding]:
    """Events named by the title and the short heading lines near the top of the document."""
    events = []
    top = [(m.start(), m.group(0)) for m in islice(re.finditer(r"[^\n]+", text), 25)]

    @cache
    def places_in(offset: int, line: str) -> list:  # headings share their nearby lines
        return list(places().finditer(text, offset, offset + len(line)))

    for i, (offset, line) in enumerate(top):
        if not _is_heading(line):
            continue
        kinds = trigger_kinds(line, blocked, offset, series)
        if not kinds:
            continue
        kind = kinds[0][0]
        own = find_dates(
            line, context_year=context_year, context_month=context_month, context_day=context_day
        )
        date_found: FoundDate | None = own[0] if own else None
        # The nearest short line holding only a date, or a place and date; under a statement's
        # title, that is the statement's own date, not its gathering's.
        if date_found is None and not STATEMENT_TITLE.match(line.strip()):
            for _, near in sorted(top[max(0, i - 3) : i + 3], key=lambda h: abs(h[0] - offset)):
                near_dates = find_dates(
                    near,
                    context_year=context_year,
                    context_month=context_month,
                    context_day=context_day,
                )
                if PUBLICATION_LINE.match(near.strip()):
                    continue  # "Published: 10 March 2019" dates the page, not its event
                if near_dates and (
                    ("|" not in near and len(near.strip()) < 40) or is_venue_line(near)
                ):
                    date_found = near_dates[0]
                    break
        name = line.strip().strip("[]")
        t_local = kinds[0][1] - offset
        titled = titled_phrase(line, t_local, kinds[0][2] - offset)
        if not re.match(r"^[A-Z]", name) or name.lower().startswith(("conduct", "held", "organi")):
            name = titled or name
        elif len(titled.split()) >= 2 and len(name.split()) > 10:  # a headline, not a title
            name = titled
        if own:
            name = name[: own[0].start].rstrip(" ,-–:|") or name
        continuation = [
            h
            for _, h in top[i + 1 : i + 3]
            if _is_heading(h) and not find_dates(h) and not trigger_kinds(h, [], 0)
        ]
        if continuation and len(name.split()) <= 4:
            name = f"{name}: {' '.join(c.strip() for c in continuation)}"
        if kind == "founding":
            name = re.sub(
                r"^(?:Established|Founded|Formed|Launch(?:ed)?\s+of)\s+(?:the\s+)?",
                "Founding of the ",
                name,
            )
        near = [
            (o, h)
            for o, h in top[max(0, i - 2) : i + 4]
            if _is_heading(h) or len(h) < 60 or is_venue_line(h)
        ]
        place_hits = [hit for o, h in near for hit in places_in(o, h)]
        city, country, lat, lon = place_between(place_hits, 0, len(text))
        mention = next((m for m in series if m.start == kinds[0][1]), None)
        if mention is not None:
            name = series_label(mention)
        events.append(
            EventFinding(
                key="",
                name=" ".join(name.split())[:300],
                kind=kind,
                date=date_found.date if date_found else None,
                city=city,
                country=country,
                latitude=lat,
                longitude=lon,
                is_document_event=True,
                spans=[Span(offset, offset + len(line), line, "heading-event", 0.8)],
                series=mention.series.name if mention else "",
                edition=mention.edition if mention else None,
            )
        )
    return events
