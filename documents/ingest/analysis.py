"""One text in, everything the importer finds out: no database, so a dry run is the same code."""

from __future__ import annotations

from pathlib import PurePosixPath

from .conventions import find_conventions
from .events import find_events
from .findings import DocumentAnalysis
from .metadata import read_metadata
from .organizations import find_organizations
from .people import find_people
from .series import find_series
from .sources import SourceText
from .themes import find_themes


def analyse_source(source: SourceText) -> DocumentAnalysis:
    meta = read_metadata(
        source.text, fallback_title=PurePosixPath(source.name).stem.replace("-", " ")
    )
    text = meta.text
    context_year = meta.date.start.year if meta.date else None
    context_month = meta.date.start.month if meta.date and meta.date.precision != "year" else None
    context_day = meta.date.start.day if meta.date and meta.date.precision == "day" else None
    conventions = find_conventions(text)
    series = find_series(text)
    orgs = _outside(find_organizations(text), conventions, series)
    people = find_people(text, orgs)
    events = find_events(
        meta.title,
        text,
        orgs,
        people,
        conventions,
        series=series,
        context_year=context_year,
        context_month=context_month,
        context_day=context_day,
    )
    tags = find_themes(text)
    for event in events:  # an event carries the themes of its own passages; the document's, all
        event.tags = (
            tags
            if event.is_document_event
            else find_themes(" ".join(span.text for span in event.spans), among=tags)
        )
    return DocumentAnalysis(
        file=source.name,
        title=meta.title,
        text=text,
        date=meta.date,
        category=meta.category,
        region=meta.region,
        organizations=orgs,
        people=people,
        conventions=conventions,
        events=events,
        tags=tags,
        errors=list(source.notes),
    )


def _outside(orgs: dict, conventions: dict, series: list) -> dict:
    """Drop organization mentions inside an instrument's name ("ASEAN" in "ASEAN Declaration"),
    and any over a recurring gathering's name but a known body within it ("ASEAN" in "the 31st
    ASEAN Summit" stays; "ASEAN Forum on Migrant Labour" is never a body). A standing body that
    meets under its own name (the ASEAN Senior Labour Officials Meeting, whose chair is named)
    stays a body where no edition is named: "the 5th SLOM" is a gathering, "Chair of SLOM" not."""
    taken = [(s.start, s.end) for c in conventions.values() for s in c.spans]

    def is_the_series(org, mention) -> bool:
        return bool({org.name, org.acronym} & {mention.series.name, mention.series.acronym} - {""})

    def over_gathering(org, span) -> bool:
        return any(
            span.start < m.end
            and m.start < span.end
            and not (
                org.known
                and m.start <= span.start
                and span.end <= m.end
                and (
                    m.edition is None
                    if is_the_series(org, m)
                    else span.end - span.start < m.end - m.start
                )
            )
            for m in series
        )

    kept = {}
    for key, org in orgs.items():
        org.spans = [
            s
            for s in org.spans
            if not any(a <= s.start and s.end <= b for a, b in taken) and not over_gathering(org, s)
        ]
        if org.spans:
            kept[key] = org
    return kept
