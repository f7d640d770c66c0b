"""Counts kept with the records: each organization's and instrument's published events and
mentioning documents, stored in `event_count` and `document_count` (issue 12).

Pages read them from indexed columns instead of counting every role and mention per request.
They are recomputed for the records a change touches, with the very expressions a fresh count
uses (`organization_count_expressions`, `Convention.count_expressions`), so a refresh always
lands on the true figure: the importer refreshes what each batch touched, bulk writes
(`rows_changed_in_bulk`) what they touched, single saves and deletes through the signals below
once their transaction commits, and `manage.py refresh_counts` everything.
"""

from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from organizations.activity import organization_count_expressions
from organizations.models import Organization

from .models import Convention, Event, EventOrganization, Mention, SourceDocument

CHUNK = 500
COUNTED = (Organization, Convention)


def _expressions(model) -> dict:
    return (
        organization_count_expressions()
        if model is Organization
        else Convention.objects.count_expressions()
    )


def counts_refresh(model, pks: Iterable[int] | None = None) -> int:
    """Recount `model`'s stored counts for `pks` (all rows when None); the rows updated."""
    if pks is None:
        pks = model._default_manager.order_by("pk").values_list("pk", flat=True)
    pks = sorted(set(pks))
    done = 0
    for start in range(0, len(pks), CHUNK):
        rows = model._default_manager.filter(pk__in=pks[start : start + CHUNK])
        done += rows.update(**_expressions(model))
    return done


def archive_counts_refresh(*, analyze: bool = True) -> dict[str, int]:
    """Recount every organization and instrument, then refresh the planner's statistics
    (ANALYZE on PostgreSQL): after a large import or bulk review."""
    done = {model._meta.verbose_name_plural: counts_refresh(model) for model in COUNTED}
    if analyze and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return done


def counts_fresh(model):
    """`model`'s rows with their counts computed now (`fresh_event_count`, ...): for checks."""
    return model._default_manager.annotate(
        **{f"fresh_{name}": expr for name, expr in _expressions(model).items()}
    )


def counted_records(model, pks) -> dict[type, set[int]]:
    """The organizations and instruments whose counts rows of `model` (`pks`) take part in."""
    pks = list(pks)
    if not pks:
        return {}
    if model in COUNTED:
        return {model: set(pks)}
    documents, events = set(), set()
    if model is Mention:
        rows = Mention.objects.filter(pk__in=pks).values_list("organization", "convention")
        return _split(rows)
    if model is EventOrganization:
        rows = EventOrganization.objects.filter(pk__in=pks).values_list("organization", flat=True)
        return {Organization: set(rows)}
    if model is SourceDocument:
        documents = set(pks)
        events = set(
            Event.documents.through.objects.filter(sourcedocument__in=pks).values_list(
                "event", flat=True
            )
        )
    elif model is Event:
        events = set(pks)
        documents = set(
            Event.documents.through.objects.filter(event__in=pks).values_list(
                "sourcedocument", flat=True
            )
        )
    else:
        return {}
    return _merge(_split(_mentioned_in(documents)), _at_events(events))


def _mentioned_in(documents):
    return Mention.objects.filter(document__in=documents).values_list("organization", "convention")


def _at_events(events) -> dict[type, set[int]]:
    organizations = EventOrganization.objects.filter(event__in=events).values_list(
        "organization", flat=True
    )
    conventions = Event.conventions.through.objects.filter(event__in=events).values_list(
        "convention", flat=True
    )
    return {Organization: set(organizations), Convention: set(conventions)}


def _split(rows) -> dict[type, set[int]]:
    found = {Organization: set(), Convention: set()}
    for organization, convention in rows:
        if organization:
            found[Organization].add(organization)
        if convention:
            found[Convention].add(convention)
    return found


def _merge(*parts: dict) -> dict[type, set[int]]:
    merged: dict[type, set[int]] = {}
    for part in parts:
        for model, pks in part.items():
            merged.setdefault(model, set()).update(pks)
    return merged


def counts_refresh_related(model, pks) -> None:
    """Recount, now, every organization and instrument rows of `model` (`pks`) count towards."""
    pks = sorted(set(pks))
    found = _merge(
        *(counted_records(model, pks[start : start + CHUNK]) for start in range(0, len(pks), CHUNK))
    )
    for counted, ids in found.items():
        counts_refresh(counted, ids - {None})


# --- single saves and deletes: recounted once their transaction commits ----------------------


def _pending() -> dict[type, set[int]]:
    if not hasattr(connection, "_counts_pending"):
        connection._counts_pending = {Organization: set(), Convention: set()}
    return connection._counts_pending


def _flush() -> None:
    pending = _pending()
    for model in COUNTED:
        pks, pending[model] = pending[model], set()
        counts_refresh(model, pks)


def counts_touch(found: dict[type, set[int]]) -> None:
    """Recount these records once the current transaction commits (now, outside one)."""
    for model, pks in found.items():
        _pending()[model].update(pk for pk in pks if pk is not None)
    level = set(connection.savepoint_ids)
    if not any(sids == level and func is _flush for sids, func, *_ in connection.run_on_commit):
        transaction.on_commit(_flush)


def _targets(instance) -> dict[type, set[int]]:
    if isinstance(instance, Mention):
        return _split([(instance.organization_id, instance.convention_id)])
    if isinstance(instance, EventOrganization):
        return {Organization: {instance.organization_id}}
    return counted_records(type(instance), [instance.pk])


def on_counted_row_saving(sender, instance, raw=False, **kwargs):
    """A role or mention moved to another organization: the old one is recounted too."""
    if not raw and instance.pk:
        stored = sender._default_manager.filter(pk=instance.pk).first()
        if stored is not None:
            counts_touch(_targets(stored))


def on_counted_row_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        counts_touch(_targets(instance))


def on_event_deleting(sender, instance, **kwargs):
    """Its links to instruments and documents go without signals: recount those now known."""
    counts_touch(counted_records(Event, [instance.pk]))


def on_event_links_changed(sender, instance, action, model, pk_set, **kwargs):
    if action in {"post_add", "post_remove", "pre_clear"} and isinstance(instance, Event):
        counts_touch(counted_records(Event, [instance.pk]))
    elif action in {"post_add", "post_remove"} and isinstance(instance, SourceDocument):
        counts_touch(counted_records(SourceDocument, [instance.pk]))


def connect() -> None:
    for model in (Mention, EventOrganization):
        pre_save.connect(on_counted_row_saving, sender=model, dispatch_uid=f"counts-{model}")
    for model in (Mention, EventOrganization, Event, SourceDocument, *COUNTED):
        uid = f"counts-{model.__name__}"
        post_save.connect(on_counted_row_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(on_counted_row_changed, sender=model, dispatch_uid=uid)
    pre_delete.connect(on_event_deleting, sender=Event, dispatch_uid="counts-event-links")
    for through in (Event.documents.through, Event.conventions.through):
        m2m_changed.connect(
            on_event_links_changed, sender=through, dispatch_uid=f"counts-{through}"
        )
