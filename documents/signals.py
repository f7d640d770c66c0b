"""Keep the search index fresh: the one job signals do in this project.

SQLite updates its FTS5 rows in the same transaction as the save; PostgreSQL recomputes the
stored vector once the transaction commits. Bulk writes (`bulk_create`, `update`) send no
signals: call `reindex_related(model, pks)` after them (or run `manage.py reindex`).
"""

import logging
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connection, transaction
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_save,
)

from organizations.models import Organization, OrganizationAlias, Person, PersonAlias

from .counts import counts_refresh_related
from .kinds import RECORD_MODELS, kind_of
from .models import Convention, Event, EventOrganization, EventSeries, Mention, SourceDocument
from .page_cache import archive_version_bump
from .search import (
    BackgroundVectorWriter,
    index_records,
    search_backend_ensure,
    unindex_record,
)

logger = logging.getLogger(__name__)


_deferred: ContextVar[set | None] = ContextVar("search_index_deferred", default=None)


class DeferredIndex:
    """The records a block of writes touched, indexed together when `flush()` is called."""

    def __init__(self) -> None:
        self.touched: set = set()
        self._writer: BackgroundVectorWriter | None = None
        self._in_flight: set = set()  # handed to the writer since the last settle()

    def flush(self, *, background: bool = False) -> None:
        """Index what was touched. `background`: on PostgreSQL outside a transaction, store
        the vectors from a second connection while this one goes on; call `settle()` before
        writing again."""
        touched = set(self.touched)
        self.touched.clear()  # the same set the block's writes add to
        if background and BackgroundVectorWriter.available():
            self._writer = self._writer or BackgroundVectorWriter()
            statements = _Statements()
            for model, pks in _by_model(touched).items():
                index_records(model, pks, writer=statements)
            # One transaction for the batch's vectors: all of them are stored or none, so a
            # document with its vector means its records have theirs (see `unindexed`).
            self._writer.submit(statements.run)
            self._in_flight |= touched
            return
        self.settle()  # an update still in flight must not land after this newer one
        _index_now(touched)

    def settle(self) -> None:
        """Wait for the vectors being stored in the background. If that failed, they are
        stored here instead (a warning is logged): the import goes on, no entry is lost."""
        if self._writer is None:
            return
        in_flight, self._in_flight = self._in_flight, set()
        try:
            self._writer.settle()
        except Exception:
            logger.warning("Storing search vectors in the background failed", exc_info=True)
            _index_now(in_flight)

    def close(self) -> None:
        try:
            self.flush()
        finally:
            if self._writer is not None:
                self._writer.close()
                self._writer = None


class _Statements(list):
    """Vector updates gathered from every model of a batch, to run together on the writer."""

    submit = list.append

    def run(self) -> None:
        for statement in self:
            statement()


def _by_model(records: Iterable[tuple[type, int]]) -> dict[type, set[int]]:
    by_model: dict[type, set[int]] = {}
    for model, pk in records:
        by_model.setdefault(model, set()).add(pk)
    return by_model


def _index_now(records: Iterable[tuple[type, int]]) -> None:
    with transaction.atomic():
        for model, pks in _by_model(records).items():
            index_records(model, pks)


@contextmanager
def search_index_deferred():
    """Index each record a block of writes touches once, when the block ends (or on `flush()`).

    The importer saves a record and then adds its aliases, roles and tags one by one; without
    this each of those saves would rebuild the record's index entry again. Nested blocks join
    the outer one.
    """
    if _deferred.get() is not None:
        yield None
        return
    deferred = DeferredIndex()
    token = _deferred.set(deferred.touched)
    try:
        yield deferred
    finally:
        _deferred.reset(token)
        deferred.close()


def record_reindex(obj) -> None:
    """Index `obj` now (SQLite, same transaction) or after the commit (PostgreSQL)."""
    records_reindex([(type(obj), obj.pk)])


def related_records(model, pks) -> dict[type, set[int]]:
    """The events and documents whose index entries carry these organizations, people or
    conventions' names (events through their organization roles, documents through mentions)."""
    pks = list(pks)
    if model is EventSeries and pks:  # its editions' entries carry its name
        editions = set(Event.objects.filter(series__in=pks).values_list("pk", flat=True))
        return {Event: editions} if editions else {}
    field = {Organization: "organization", Person: "person", Convention: "convention"}.get(model)
    if field is None or not pks:
        return {}
    related = {
        SourceDocument: set(
            Mention.objects.filter(**{f"{field}__in": pks}).values_list("document_id", flat=True)
        )
    }
    if model is Organization:
        related[Event] = set(
            EventOrganization.objects.filter(organization__in=pks).values_list(
                "event_id", flat=True
            )
        )
    return {m: ids for m, ids in related.items() if ids}


def documents_with_records(pks) -> set[tuple[type, int]]:
    """These documents and every record whose index entry their import wrote: what their
    mentions point at, the events they report, and those events' series."""
    pks = list(pks)
    records = {(SourceDocument, pk) for pk in pks}
    targets = (Organization, Person, Event, Convention)
    for row in Mention.objects.filter(document__in=pks).values_list(
        "organization_id", "person_id", "event_id", "convention_id"
    ):
        records.update((model, pk) for model, pk in zip(targets, row, strict=True) if pk)
    reported = Event.documents.through.objects.filter(sourcedocument__in=pks)
    events = {pk for model, pk in records if model is Event}
    events.update(reported.values_list("event_id", flat=True))
    records.update((Event, pk) for pk in events)
    series = Event.objects.filter(pk__in=events, series__isnull=False)
    records.update((EventSeries, pk) for pk in series.values_list("series_id", flat=True))
    return records


def reindex_related(model, pks, *, include_records: bool = True) -> None:
    """Reindex these records and every event or document whose index carries their names.

    Call it after bulk writes that send no signals (`bulk_update`, `update`), e.g. the admin's
    unpublish action; saves call it themselves. Inside `search_index_deferred()` the records
    join the block's batch; otherwise they are indexed now (SQLite) or after the commit (PG).
    """
    pks = set(pks)
    targets = related_records(model, pks)
    if include_records and pks:
        targets.setdefault(model, set()).update(pks)
    records_reindex((m, pk) for m, ids in targets.items() for pk in ids)


def records_reindex(records: Iterable[tuple[type, int]]) -> None:
    """Index these `(model, pk)` records, after writes that send no signals (bulk inserts):
    with the block's batch inside `search_index_deferred()`, else now (SQLite) or after the
    commit (PostgreSQL)."""
    touched = _deferred.get()
    if touched is not None:
        touched.update(records)
        return
    by_model: dict[type, set[int]] = {}
    for model, pk in records:
        by_model.setdefault(model, set()).add(pk)

    def update():
        for model, pks in by_model.items():
            index_records(model, pks)  # an unpublished record loses its entry here

    if connection.vendor == "postgresql":
        transaction.on_commit(update)
    else:
        update()


# What other records' index entries show of these: changing any of them reindexes those.
NAME_FIELDS = {
    Organization: ("name", "acronym", "is_published", "review_status"),
    Person: ("name", "is_published", "review_status"),
    Convention: ("identifier", "short_name", "is_published", "review_status"),
    EventSeries: ("name", "is_published", "review_status"),
}


def _names(sender, instance) -> tuple:
    return tuple(getattr(instance, field) for field in NAME_FIELDS[sender])


def on_named_record_saving(sender, instance, raw=False, update_fields=None, **kwargs):
    """Remember what the stored record showed, so a save that changes no name costs nothing.
    A save of named fields that hold no name (`update_fields=["parent"]`) reads nothing."""
    if update_fields is not None and not set(update_fields) & set(NAME_FIELDS[sender]):
        instance._names_before = _names(sender, instance)
        return
    if not raw and instance.pk:
        stored = sender.objects.filter(pk=instance.pk).values_list(*NAME_FIELDS[sender]).first()
        instance._names_before = stored


def on_record_saved(sender, instance, raw=False, created=False, **kwargs):
    if raw:
        return
    record_reindex(instance)
    changed = sender in NAME_FIELDS and not created
    if changed and getattr(instance, "_names_before", None) != _names(sender, instance):
        reindex_related(sender, [instance.pk], include_records=False)


def on_record_deleted(sender, instance, **kwargs):
    unindex_record(kind_of(instance).code, instance.pk)


def on_relation_changed(sender, instance, action, **kwargs):
    """Tags, organizations or conventions added to or removed from a record."""
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, RECORD_MODELS):
        record_reindex(instance)


def on_part_changed(sender, instance, raw=False, origin=None, **kwargs):
    """An alias, an organization's role at an event, or a mention changed: reindex the record
    whose entry shows it (a document's entry carries the names its mentions point at).

    The importer writes mentions in bulk, without signals, and indexes its documents itself.
    A part deleted along with its record (`origin`, on post_delete) reindexes nothing: the
    record's entry goes with it, instead of being rebuilt once for each of its mentions.
    """
    if raw:
        return
    owner = PART_OWNERS[sender]
    pk = getattr(instance, f"{owner}_id", None)
    owner_model = sender._meta.get_field(owner).related_model
    if pk is None or _deleted_with(origin, owner_model, pk):
        return
    records_reindex([(owner_model, pk)])


def _deleted_with(origin, model, pk) -> bool:
    """Whether the delete that started at `origin` (an instance or a queryset) is `model`'s."""
    if isinstance(origin, model):
        return origin.pk == pk
    return getattr(origin, "model", None) is model


PART_OWNERS = {
    OrganizationAlias: "organization",
    PersonAlias: "person",
    EventOrganization: "event",
    Mention: "document",
}


def rows_changed_in_bulk(model, pks) -> None:
    """Rows a bulk write changed without save() (an admin bulk action, a merge): what
    `on_record_saved` and `on_part_changed` would have done for each, once for them all."""
    pks = list(pks)
    if not pks:
        return
    archive_version_bump()  # cached public pages show them no longer
    counts_refresh_related(model, pks)  # organizations' and instruments' stored counts
    if model in RECORD_MODELS:
        reindex_related(model, pks)
    elif model in NAME_FIELDS:  # a record other entries name, with no entry of its own
        reindex_related(model, pks, include_records=False)
    owner = PART_OWNERS.get(model)
    if owner is not None:
        field = model._meta.get_field(owner)
        owners = model._default_manager.filter(pk__in=pks).values_list(field.attname, flat=True)
        records_reindex((field.related_model, pk) for pk in set(owners) if pk is not None)


def on_migrated(sender, **kwargs):
    search_backend_ensure()


def connect(app_config) -> None:
    for model in RECORD_MODELS:
        post_save.connect(on_record_saved, sender=model, dispatch_uid=f"index-{model.__name__}")
        post_delete.connect(
            on_record_deleted, sender=model, dispatch_uid=f"unindex-{model.__name__}"
        )
    for model in NAME_FIELDS:
        pre_save.connect(
            on_named_record_saving, sender=model, dispatch_uid=f"names-{model.__name__}"
        )
    for model in PART_OWNERS:
        for signal in (post_save, post_delete):
            signal.connect(on_part_changed, sender=model, dispatch_uid=f"part-{model.__name__}")
    m2m_changed.connect(on_relation_changed, dispatch_uid="index-relations")
    post_migrate.connect(on_migrated, sender=app_config, dispatch_uid="search-backend")
