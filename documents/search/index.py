"""Keeping the search index in step with the records, on whichever engine the database is.

The one place search branches on `connection.vendor` (`engine()`).
"""

from __future__ import annotations

from django.db import connection, transaction

from ..kinds import RECORD_KINDS, kind_of
from .postgres import BackgroundVectorWriter, PostgresEngine
from .sqlite import SqliteEngine

REBUILD_CHUNK = 500  # records loaded at a time when the whole index is rebuilt


def index_records(model, pks, *, writer: BackgroundVectorWriter | None = None) -> int:
    """Bring many records of one model up to date at once (what a bulk import touched).

    With a `writer` (PostgreSQL, outside a transaction), the vectors are computed and stored
    in the background: see `BackgroundVectorWriter`."""
    records = model.objects.filter(pk__in=list(pks)).for_search_index()
    return engine().update(kind_of(model).code, records, writer=writer)


def unindexed(model, pks) -> set[int]:
    """The public records among `pks` that have no search entry: what an import killed between
    writing a batch and indexing it left behind. Two indexed lookups, however large the index."""
    public = set(model.objects.filter(pk__in=list(pks)).published().values_list("pk", flat=True))
    if not public:
        return set()
    return public - engine().indexed(kind_of(model).code, public)


def unindex_record(kind: str, pk: int) -> None:
    engine().delete(kind, pk)


def search_index_rebuild() -> dict[str, int]:
    """Rebuild the whole search index from the records; returns how many of each were indexed."""
    current = engine()
    counts = {}
    with transaction.atomic():
        current.ensure()
        current.clear()
        for kind in RECORD_KINDS:
            model = kind.model
            pks = list(model.objects.order_by("pk").values_list("pk", flat=True))
            counts[kind.code] = sum(
                current.update(kind.code, model.objects.filter(pk__in=chunk).for_search_index())
                for chunk in (pks[i : i + REBUILD_CHUNK] for i in range(0, len(pks), REBUILD_CHUNK))
            )
    return counts


def search_backend_ensure() -> None:
    """Create what the engine needs outside migrations (FTS5 table, or pg_trgm when allowed)."""
    engine().ensure()


def engine():
    """The engine for this database: PostgreSQL's own full-text search, or SQLite's FTS5."""
    return PostgresEngine if connection.vendor == "postgresql" else SqliteEngine
