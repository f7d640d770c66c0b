"""One text in, everything the importer finds out: no database, so a dry run is the same code."""

from __future__ import annotations

from pathlib import PurePosixPath

from .conventions import find_conventions
from .events import find_events
from .findings import DocumentAnalysis
from .metadata import read_metadata
from .organizations import find_organizations
from .people import find_people
from .sources import SourceText
from .themes import find_themes


def analyse_source(source: SourceText) -> DocumentAnalysis:
    meta = read_metadata(
        source.text, fallback_title=PurePosixPath(source.name).stem.replace("-", " ")
    )
    text = meta.text
    context_year = meta.date.start.year if meta.date else None
    context_month = meta.date.start.month if meta.date and meta.date.precision != "year" else None
    conventions = find_conventions(text)
    orgs = _outside(find_organizations(text), conventions)
    people = find_people(text, orgs)
    events = find_events(
        meta.title,
        text,
        orgs,
        people,
        conventions,
        context_year=context_year,
        context_month=context_month,
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


def _outside(orgs: dict, conventions: dict) -> dict:
    """Drop organization mentions inside an instrument's name ("ASEAN" in "ASEAN Declaration")."""
    taken = [(s.start, s.end) for c in conventions.values() for s in c.spans]
    kept = {}
    for key, org in orgs.items():
        org.spans = [s for s in org.spans if not any(a <= s.start and s.end <= b for a, b in taken)]
        if org.spans:
            kept[key] = org
    return kept
