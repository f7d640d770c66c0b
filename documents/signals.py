"""Keep the search index fresh: the one job signals do in this project.

SQLite updates its FTS5 rows in the same transaction as the save; PostgreSQL recomputes the
stored vector once the transaction commits. Bulk writes (`bulk_create`, `update`) send no
signals: run `manage.py reindex` after them.
"""

from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

from organizations.models import OrganizationAlias, PersonAlias

from .models import EventOrganization
from .search import KINDS, index_record, kind_of, search_backend_ensure, unindex_record

RECORD_MODELS = tuple(KINDS.values())


def record_reindex(obj) -> None:
    """Index `obj` now (SQLite, same transaction) or after the commit (PostgreSQL)."""
    model, pk = type(obj), obj.pk

    def update():
        fresh = model.objects.for_search_index().filter(pk=pk).first()
        if fresh is not None:
            index_record(fresh)

    if connection.vendor == "postgresql":
        transaction.on_commit(update)
    else:
        update()


def on_record_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        record_reindex(instance)


def on_record_deleted(sender, instance, **kwargs):
    unindex_record(kind_of(instance), instance.pk)


def on_relation_changed(sender, instance, action, **kwargs):
    """Tags, organizations or conventions added to or removed from a record."""
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(
        instance, RECORD_MODELS
    ):
        record_reindex(instance)


def on_part_changed(sender, instance, raw=False, **kwargs):
    """An alias or an organization's role at an event changed: reindex its record.

    Mentions are left to `reindex`: the names they add are in the document's text already,
    and reindexing a whole document for each of its hundreds of mentions would slow imports.
    """
    if raw:
        return
    owner = {
        OrganizationAlias: "organization",
        PersonAlias: "person",
        EventOrganization: "event",
    }[sender]
    record = getattr(instance, owner, None)
    if record is not None:
        record_reindex(record)


def on_migrated(sender, **kwargs):
    search_backend_ensure()


def connect(app_config) -> None:
    for model in RECORD_MODELS:
        post_save.connect(on_record_saved, sender=model, dispatch_uid=f"index-{model.__name__}")
        post_delete.connect(
            on_record_deleted, sender=model, dispatch_uid=f"unindex-{model.__name__}"
        )
    for model in (OrganizationAlias, PersonAlias, EventOrganization):
        for signal in (post_save, post_delete):
            signal.connect(on_part_changed, sender=model, dispatch_uid=f"part-{model.__name__}")
    m2m_changed.connect(on_relation_changed, dispatch_uid="index-relations")
    post_migrate.connect(on_migrated, sender=app_config, dispatch_uid="search-backend")
