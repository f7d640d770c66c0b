"""Writes that span several models: importing source texts into the archive."""

from __future__ import annotations

import functools
import gc
import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from django.db import transaction

from .counts import counts_refresh_related
from .ingest.pipeline import analyse_source
from .ingest.report import IngestReport
from .ingest.resolver import ArchiveResolver
from .ingest.sources import SourceError, SourceFile, SourceText, collect_paths, read_source
from .ingest.store import write_analyses
from .models import Event, Mention, SourceDocument
from .page_cache import archive_version_bump
from .search import unindexed
from .signals import (
    DeferredIndex,
    documents_with_records,
    records_reindex,
    search_index_deferred,
)

logger = logging.getLogger(__name__)
INGEST_BATCH = 100  # documents written in one transaction


def archive_ingest(
    *,
    paths: Iterable[str | Path | SourceFile],
    on_file: Callable[[str], None] | None = None,
) -> IngestReport:
    """Import every source text under `paths`; a bad file is reported and the rest go on.

    Documents are written a batch at a time, each batch in one transaction. A batch that fails
    is rolled back and its documents written again one at a time, each in its own transaction:
    a bad document fails alone, and none is ever half-written. `on_file` is called with each
    file's name once it is read and analysed, or found unchanged or unreadable (a progress bar).
    """
    report = IngestReport()
    resolver = ArchiveResolver()
    batch: list[SourceText] = []
    named: dict[str, Path] = {}  # each name in the archive, and the file this run took it from
    written: set = set()  # (model, pk) of the records written, recounted at the end
    with search_index_deferred() as index, _LongLivedObjectsFrozen() as collector:
        ingest = functools.partial(
            _ingest_batch,
            resolver=resolver,
            report=report,
            index=index,
            on_file=on_file,
            written=written,
        )
        for item in collect_paths(paths):
            try:
                if isinstance(item, SourceError):
                    raise item
                _name_claim(named, item)
                source = read_source(item)
            except SourceError as exc:
                report.failed += 1
                report.errors.append(str(exc))
                if on_file and isinstance(item, SourceFile):
                    on_file(item.name)
                continue
            report.notes.extend(source.notes)
            if _repeats(batch, source):  # the same file twice: the second sees the first
                ingest(batch)
                batch = []
            batch.append(source)
            if len(batch) >= INGEST_BATCH:
                ingest(batch)
                batch = []
                if index is not None:  # PostgreSQL computes the vectors while we analyse on
                    index.flush(background=True)
                collector.batch_done()
        ingest(batch)
    _counts_refresh(written)
    report.proposals = Mention.objects.pending_review().count()
    return report


def _counts_refresh(written: set) -> None:
    """Recount the organizations and instruments the import's documents and events count
    towards, once at the end: per batch, the busiest (named in every batch) were recounted
    again and again, and the import slowed down as the archive grew."""
    with transaction.atomic():
        for model in (SourceDocument, Event):
            counts_refresh_related(model, [pk for m, pk in written if m is model])
        archive_version_bump()


class _LongLivedObjectsFrozen:
    """Keeps Python's cyclic garbage collector from rescanning what earlier batches left alive.

    A long import holds more and more long-lived objects (the reference data, the resolver's
    index of names), and each full collection walked them all: analysis slowed down as a run
    went on. After each batch its garbage is collected and what survives is frozen
    (`gc.freeze`), so later collections scan only the batch at hand. Everything is unfrozen
    when the import ends, so nothing is kept that would otherwise be freed. A process that
    froze objects itself (a server before forking its workers) is left as it was.
    """

    def __enter__(self):
        self.active = gc.get_freeze_count() == 0
        self.frozen = False
        return self

    def batch_done(self) -> None:
        """After each full batch: an upload of a few files never collects or freezes."""
        if self.active:
            gc.collect()
            gc.freeze()
            self.frozen = True

    def __exit__(self, *exc_info) -> None:
        if self.frozen:
            gc.unfreeze()


def _name_claim(named: dict[str, Path], file: SourceFile) -> None:
    """Two files of one name in a run (`index.html` in two folders given) would be one
    document, the second overwriting the first: the second is refused instead."""
    first = named.setdefault(file.name, file.path.resolve())
    if first != file.path.resolve():
        raise SourceError(
            file.name,
            f"another file in this import has this name ({first}); import the two folders "
            "separately, or from the folder that holds both",
        )


def _repeats(batch: list[SourceText], source: SourceText) -> bool:
    return any(s.sha256 == source.sha256 or s.name == source.name for s in batch)


def _ingest_batch(
    sources: list[SourceText],
    *,
    resolver: ArchiveResolver,
    report: IngestReport,
    index: DeferredIndex | None,
    on_file: Callable[[str], None] | None,
    written: set,
) -> None:
    """Analyse and write a batch of texts; those imported before (same content) are skipped."""
    if not sources:
        return
    known = dict(
        SourceDocument.objects.filter(content_sha256__in=[s.sha256 for s in sources]).values_list(
            "content_sha256", "pk"
        )
    )
    analysed = []
    for source in sources:
        if source.sha256 in known:
            report.unchanged += 1
        else:
            try:
                analysed.append((source, analyse_source(source)))
            except Exception as exc:  # a text the rules trip over fails alone
                _failed(report, source, exc)
        if on_file:
            on_file(source.name)
    if index is not None:
        index.settle()  # the last batch's vectors are stored before rows they cover change
    _unindexed_heal([known[s.sha256] for s in sources if s.sha256 in known], report)
    try:
        _documents_write(analysed, resolver, report, written)
    except Exception as exc:
        resolver.reload()  # records made inside the rolled-back transaction are gone
        if len(analysed) == 1:
            _failed(report, analysed[0][0], exc)
            return
        logger.warning(
            "A batch of %d documents could not be written (%s: %s); writing them one by one",
            len(analysed),
            type(exc).__name__,
            exc,
        )
        for item in analysed:  # find the bad document: each on its own
            try:
                _documents_write([item], resolver, report, written)
            except Exception as exc:
                resolver.reload()
                _failed(report, item[0], exc)


def _unindexed_heal(unchanged: list[int], report: IngestReport) -> None:
    """Index again the unchanged documents that have no search entry, with their records.

    A batch's rows commit before its search entries are written (on PostgreSQL from a second
    connection, while the next batch is analysed), so an import killed in between leaves
    committed documents nobody can find, which a re-run would skip as unchanged."""
    missing = unindexed(SourceDocument, unchanged) if unchanged else set()
    if missing:
        records_reindex(documents_with_records(missing))
        report.notes.append(
            f"{len(missing)} documents imported before had no search entry (an import stopped "
            "early?): indexed them again."
        )


def _documents_write(items, resolver: ArchiveResolver, report: IngestReport, written: set) -> None:
    if not items:
        return
    with transaction.atomic():
        batch = write_analyses(items, resolver)
        archive_version_bump()  # once the batch commits, cached public pages are stale
    report.new += batch.new
    report.updated += batch.updated
    report.created.update(batch.created)
    written.update((m, pk) for m, pk in batch.touched if m in (SourceDocument, Event))


def _failed(report: IngestReport, source: SourceText, exc: Exception) -> None:
    logger.exception("Importing %s failed", source.path, exc_info=exc)
    error = SourceError(source.name, f"could not be imported ({type(exc).__name__}: {exc})")
    report.failed += 1
    report.errors.append(str(error))


def archive_dry_run(*, paths: Iterable[str | Path | SourceFile]) -> dict:
    """What an import would find, as data; writes nothing. An unreadable file appears with only
    its name and the reason."""
    documents = []
    for item in collect_paths(paths):
        try:
            if isinstance(item, SourceError):
                raise item
            documents.append(analyse_source(read_source(item)).as_json())
        except SourceError as exc:
            documents.append({"file": exc.name, "errors": [str(exc)]})
    return {"documents": documents}
