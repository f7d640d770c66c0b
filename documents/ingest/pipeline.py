"""The importer, stage by stage: read → metadata → extract → resolve → write.

    read       sources.read_source         a file in, its text and checksum out
    metadata   metadata.read_metadata      title, publication date, category, region
    extract    EXTRACTORS below            the analysis so far in, one kind of finding out
    resolve    overlaps.settle_overlaps    one rule for words two findings claim
    write      store.write_analyses        a batch of analyses into the archive (bulk)

Analysis is pure Python over the text (no database), so a dry run is the same code as an
import. Every extractor has one signature, `(analysis) -> findings`, and the order below is
the order they run in: those that find names come first, the shared overlap rule settles
their claims, then those that relate the names to each other (people to bodies, events to
everything).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from .conventions import find_conventions
from .events import find_events
from .findings import DocumentAnalysis
from .metadata import read_metadata
from .organizations import find_organizations
from .overlaps import settle_overlaps
from .people import find_people
from .series import find_series
from .sources import SourceText
from .themes import find_themes


@dataclass(frozen=True)
class Extractor:
    finds: str  # the DocumentAnalysis field its findings fill
    extract: Callable[[DocumentAnalysis], Any]


def _events(analysis: DocumentAnalysis):
    date = analysis.date
    return find_events(
        analysis.title,
        analysis.text,
        analysis.organizations,
        analysis.people,
        analysis.conventions,
        series=analysis.series_mentions,
        context_year=date.start.year if date else None,
        context_month=date.start.month if date and date.precision != "year" else None,
        context_day=date.start.day if date and date.precision == "day" else None,
    )


def _themes(analysis: DocumentAnalysis) -> list[str]:
    """The document's themes; each event carries those of its own passages (the document's
    own event, all of them)."""
    tags = find_themes(analysis.text)
    for event in analysis.events:
        passages = " ".join(span.text for span in event.spans)
        event.tags = tags if event.is_document_event else find_themes(passages, among=tags)
    return tags


NAME_EXTRACTORS = (  # each finds names with their spans, on the text alone
    Extractor("conventions", lambda analysis: find_conventions(analysis.text)),
    Extractor("series_mentions", lambda analysis: find_series(analysis.text)),
    Extractor("organizations", lambda analysis: find_organizations(analysis.text)),
)
RELATION_EXTRACTORS = (  # each reads the names settled before it
    Extractor("people", lambda analysis: find_people(analysis.text, analysis.organizations)),
    Extractor("events", _events),
    Extractor("tags", _themes),
)


def analyse_source(source: SourceText) -> DocumentAnalysis:
    """One text in, everything the importer finds out, before anything is written."""
    meta = read_metadata(
        source.text, fallback_title=PurePosixPath(source.name).stem.replace("-", " ")
    )
    analysis = DocumentAnalysis(
        file=source.name,
        title=meta.title,
        text=meta.text,
        date=meta.date,
        category=meta.category,
        region=meta.region,
        errors=list(source.notes),
    )
    for extractor in NAME_EXTRACTORS:
        setattr(analysis, extractor.finds, extractor.extract(analysis))
    settle_overlaps(analysis)
    for extractor in RELATION_EXTRACTORS:
        setattr(analysis, extractor.finds, extractor.extract(analysis))
    return analysis
