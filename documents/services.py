"""Writes that span several models: importing source texts into the archive."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from django.db import transaction

from organizations.records import unique_slug

from .ingest.metadata import read_metadata
from .ingest.report import IngestReport
from .ingest.sources import SourceError, SourceText, collect_paths, read_source
from .models import Mention, SourceDocument


def source_document_store(*, source: SourceText, report: IngestReport) -> SourceDocument | None:
    """Create or update the document for one source file, in its own transaction.

    The same content again changes nothing; a changed file with the same name updates its
    document in place.
    """
    if SourceDocument.objects.filter(content_sha256=source.sha256).exists():
        report.unchanged += 1
        return None
    meta = read_metadata(source.text, fallback_title=source.path.stem.replace("-", " "))
    with transaction.atomic():
        document = SourceDocument.objects.filter(source_file=source.path.name).first()
        is_new = document is None
        if is_new:
            document = SourceDocument(
                slug=unique_slug(SourceDocument, meta.title), source_file=source.path.name
            )
        document.title = meta.title[:500]
        document.text = meta.text
        document.category = meta.category
        document.region = meta.region
        document.content_sha256 = source.sha256
        document.set_partial_date(meta.date)
        document.full_clean(exclude=["slug"] if not is_new else None)
        document.save()
    if is_new:
        report.new += 1
        report.created["documents"] += 1
    else:
        report.updated += 1
    return document


def archive_ingest(
    *,
    paths: Iterable[str | Path],
    on_file: Callable[[Path], None] | None = None,
) -> IngestReport:
    """Import every source text under `paths`; a bad file is reported and the rest go on."""
    report = IngestReport()
    for item in collect_paths(paths):
        if isinstance(item, SourceError):
            report.failed += 1
            report.errors.append(str(item))
            continue
        if on_file:
            on_file(item)
        try:
            source = read_source(item)
            report.notes.extend(source.notes)
            source_document_store(source=source, report=report)
        except SourceError as exc:
            report.failed += 1
            report.errors.append(str(exc))
    report.proposals = Mention.objects.pending_review().count()
    return report
