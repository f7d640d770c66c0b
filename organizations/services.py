"""Writes that span several models: merging duplicate organizations or people, and undoing it."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import serializers
from django.db import IntegrityError, models, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from simple_history.exceptions import NotHistoricalModelError
from simple_history.models import HistoricalChanges
from simple_history.utils import get_history_manager_for_model

from documents.signals import rows_changed_in_bulk

from .models import MergeRecord, Organization, OrganizationAlias, Person, PersonAlias

CURATORS_GROUP = "Curators"
MOVE_CHUNK = 500  # rows a statement when a merge moves them

_KINDS = {Organization: MergeRecord.Kind.ORGANIZATION, Person: MergeRecord.Kind.PERSON}


@dataclass(frozen=True)
class Relation:
    """A foreign key on some model that points at an organization or a person."""

    model: type[models.Model]
    field: str

    @property
    def key(self) -> str:
        return f"{self.model._meta.label_lower}:{self.field}"

    @property
    def label(self) -> str:
        field = self.model._meta.get_field(self.field)
        return f"{self.model._meta.verbose_name_plural} ({field.verbose_name})"

    def rows(self, record: models.Model) -> models.QuerySet:
        rows = self.model._default_manager.filter(**{self.field: record.pk})
        return rows.exclude(pk=record.pk) if self.model is type(record) else rows


def merge_relations(model: type[models.Model]) -> list[Relation]:
    """Every foreign key pointing at `model`, from any app, except simple-history's copies.

    Found through the model's meta so that a relation added later is merged without a change here.
    """
    relations = []
    for rel in model._meta.get_fields(include_hidden=True):
        if not (rel.one_to_many and rel.auto_created and not rel.concrete):
            continue
        if issubclass(rel.related_model, HistoricalChanges):
            continue
        relations.append(Relation(rel.related_model, rel.field.name))
    return sorted(relations, key=lambda r: r.key)


def merge_preview(*, source: models.Model) -> list[tuple[str, int]]:
    """What merging `source` away would move: (relation label, number of rows), non-empty only."""
    counts = [(r.label, r.rows(source).count()) for r in merge_relations(type(source))]
    tags = list(source.tags.names())
    if tags:
        counts.append(("tags", len(tags)))
    return [(label, n) for label, n in counts if n]


def _serialize(objects) -> str:
    return serializers.serialize("json", objects)


def _point(row: models.Model, relation: Relation, pk: int) -> None:
    """Point one row at the record `pk`, through save() so its history records who moved it."""
    attname = relation.model._meta.get_field(relation.field).attname
    setattr(row, attname, pk)
    row.save(update_fields=[attname])


def _point_all(rows: list[models.Model], relation: Relation, pk: int | None) -> None:
    """Point `rows` at the record `pk` at once: one UPDATE a chunk, their history rows in bulk
    (by the curator at work, as `save()` would record), and `rows_changed_in_bulk` for what other
    apps derive from them. A merge of a body named in thousands of passages stays quick."""
    attname = relation.model._meta.get_field(relation.field).attname
    manager = relation.model._default_manager
    pks = [row.pk for row in rows]
    for chunk in (pks[i : i + MOVE_CHUNK] for i in range(0, len(pks), MOVE_CHUNK)):
        manager.filter(pk__in=chunk).update(**{attname: pk})
        rows_changed_in_bulk(relation.model, chunk)
    for row in rows:  # only once written: a refused UPDATE leaves them as they were
        setattr(row, attname, pk)
    try:
        history = get_history_manager_for_model(relation.model)
    except NotHistoricalModelError:
        return
    history.bulk_history_create(rows, update=True, batch_size=MOVE_CHUNK)


def _is_unique_with(relation: Relation) -> bool:
    """Whether a unique constraint may make a moved row collide with one already there."""
    return any(
        relation.field in getattr(c, "fields", ()) or getattr(c, "expressions", ())
        for c in relation.model._meta.constraints
        if isinstance(c, models.UniqueConstraint)
    )


def _move_rows(relation: Relation, *, source, target) -> tuple[list[int], list[str]]:
    """Point `relation`'s rows at `target`; a row that would duplicate one there is dropped.

    All at once when none collides (a unique constraint says whether one may); otherwise one
    at a time, each in a savepoint, to find and drop the duplicates. `target` itself is never
    pointed at itself (see `_repoint_target` for its own row)."""
    rows = relation.rows(source)
    if relation.model is type(target):
        rows = rows.exclude(pk=target.pk)
    rows = list(rows)
    if not rows:
        return [], []
    if not _is_unique_with(relation):
        _point_all(rows, relation, target.pk)
        return [row.pk for row in rows], []
    try:
        with transaction.atomic():
            _point_all(rows, relation, target.pk)
        return [row.pk for row in rows], []
    except IntegrityError:  # some would duplicate the target's own: find them one by one
        pass
    moved, dropped = [], []
    for row in rows:
        original = _serialize([row])
        try:
            with transaction.atomic():
                _point(row, relation, target.pk)
            moved.append(row.pk)
        except IntegrityError:
            dropped.append(original)
            relation.model._default_manager.filter(pk=row.pk).delete()
    return moved, dropped


def _keep_names(*, source, target) -> list[int]:
    """Keep the merged record's name (and acronym) as aliases of the survivor; their new ids."""
    if isinstance(target, Organization):
        candidates = [(source.name, OrganizationAlias.Kind.NAME)]
        if source.acronym and source.acronym.lower() != target.acronym.lower():
            candidates.append((source.acronym, OrganizationAlias.Kind.ACRONYM))
    else:
        candidates = [(source.name, None)]
    aliases = target.aliases.values_list("name", flat=True)
    taken = {target.name.lower(), *(name.lower() for name in aliases)}
    created = []
    for name, kind in candidates:
        if name.lower() in taken:
            continue
        taken.add(name.lower())
        if isinstance(target, Organization):
            alias = OrganizationAlias.objects.create(organization=target, name=name, kind=kind)
        else:
            alias = PersonAlias.objects.create(person=target, name=name)
        created.append(alias.pk)
    return created


class MergeRefused(ValueError):
    """A merge that would leave the records inconsistent; the message says why, for the admin."""


def _self_relations(model: type[models.Model]) -> list[Relation]:
    """The foreign keys from `model` to itself (an organization's `parent`)."""
    return [r for r in merge_relations(model) if r.model is model]


def _check_no_cycle(relation: Relation, *, source, target) -> None:
    """Refuse a merge after which `target` would be its own ancestor through `relation`.

    After the merge every row that pointed at `source` points at `target`, and `target` itself,
    if it pointed at `source`, takes over what `source` pointed at. Only `target` changes place,
    so a cycle, if any, runs through it: walk up from it over the merged tree.
    """
    attname = relation.model._meta.get_field(relation.field).attname
    manager = relation.model._default_manager

    def parent_of(pk):
        if pk == target.pk:
            current = manager.filter(pk=pk).values_list(attname, flat=True).first()
            if current == source.pk:
                current = manager.filter(pk=source.pk).values_list(attname, flat=True).first()
                return None if current == target.pk else current
            return current
        current = manager.filter(pk=pk).values_list(attname, flat=True).first()
        return target.pk if current == source.pk else current

    seen = set()
    pk = parent_of(target.pk)
    path = []
    while pk is not None and pk not in seen:
        if pk == target.pk:
            names = " → ".join(str(manager.get(pk=p)) for p in path) or "itself"
            raise MergeRefused(
                f"Cannot merge “{source}” into “{target}”: “{target}” is part of “{source}” "
                f"through {names}, so after the merge it would be part of itself. "
                f"Change “{relation.model._meta.get_field(relation.field).verbose_name}” "
                "on one of them first."
            )
        seen.add(pk)
        path.append(pk)
        pk = parent_of(pk)


def _repoint_target(relation: Relation, *, source, target) -> list | None:
    """When `target` pointed at `source` (a child kept over its parent), point it where `source`
    pointed instead (never at itself); returns [before, after] for undoing, or None."""
    attname = relation.model._meta.get_field(relation.field).attname
    row = relation.model._default_manager.get(pk=target.pk)
    before = getattr(row, attname)
    if before != source.pk:
        return None
    after = getattr(source, attname)
    if after == target.pk:
        after = None
    _point(row, relation, after)
    setattr(target, attname, after)
    return [before, after]


def _record_merge(*, source, target, user) -> MergeRecord:
    if type(source) is not type(target) or type(source) not in _KINDS:
        raise ValueError("Only two organizations or two people can be merged.")
    if source.pk == target.pk:
        raise ValueError("A record cannot be merged into itself.")
    model = type(source)
    for relation in _self_relations(model):
        _check_no_cycle(relation, source=source, target=target)
    snapshot = {
        "source": _serialize([source]),
        "source_tags": list(source.tags.names()),
        "target_tags": list(target.tags.names()),
        "target_parent_id": getattr(target, "parent_id", None),
        "target_repointed": {},
        "moved": {},
        "dropped": [],
    }
    for relation in _self_relations(model):
        change = _repoint_target(relation, source=source, target=target)
        if change:
            snapshot["target_repointed"][relation.key] = change
    for relation in merge_relations(model):
        moved, dropped = _move_rows(relation, source=source, target=target)
        if moved:
            snapshot["moved"][relation.key] = moved
        snapshot["dropped"].extend(dropped)
    snapshot["created_aliases"] = _keep_names(source=source, target=target)
    added_tags = [t for t in snapshot["source_tags"] if t not in snapshot["target_tags"]]
    if added_tags:
        target.tags.add(*added_tags)
    snapshot["added_tags"] = added_tags
    record = MergeRecord.objects.create(
        kind=_KINDS[type(source)],
        source_name=source.name,
        source_slug=source.slug,
        source_pk=source.pk,
        target_pk=target.pk,
        snapshot=snapshot,
        merged_by=user if user and user.is_authenticated else None,
    )
    source.delete()
    return record


@transaction.atomic
def organization_merge(*, source: Organization, target: Organization, user=None) -> MergeRecord:
    """Merge the duplicate `source` into `target`, moving every relation and mention to it."""
    return _record_merge(source=source, target=target, user=user)


@transaction.atomic
def person_merge(*, source: Person, target: Person, user=None) -> MergeRecord:
    """Merge the duplicate person `source` into `target`, moving every relation and mention."""
    return _record_merge(source=source, target=target, user=user)


@transaction.atomic
def merge_undo(*, merge: MergeRecord, user=None) -> models.Model:
    """Undo a merge: bring the merged record back and return to it what was moved; returns it."""
    if merge.is_undone:
        raise ValueError("This merge has already been undone.")
    snap = merge.snapshot
    model = Organization if merge.kind == MergeRecord.Kind.ORGANIZATION else Person
    for restored in serializers.deserialize("json", snap["source"]):
        restored.save()
    source = model.objects.get(pk=merge.source_pk)
    source.save()  # a history entry for the return, and derived data (search) refreshed
    target = model.objects.filter(pk=merge.target_pk).first()
    alias_model = OrganizationAlias if model is Organization else PersonAlias
    alias_model.objects.filter(pk__in=snap.get("created_aliases", [])).delete()
    relations = {r.key: r for r in merge_relations(model)}
    for key, ids in snap["moved"].items():
        relation = relations[key]
        manager = relation.model._default_manager
        rows = [
            row
            for start in range(0, len(ids), MOVE_CHUNK)
            for row in manager.filter(pk__in=ids[start : start + MOVE_CHUNK])
        ]
        _point_all(rows, relation, source.pk)
    for dropped in snap["dropped"]:
        for row in serializers.deserialize("json", dropped):
            row.save()
    if snap["source_tags"]:
        source.tags.set(snap["source_tags"])
    if target is not None:
        if snap["added_tags"]:
            target.tags.remove(*snap["added_tags"])
        if "target_repointed" in snap:
            for key, (before, after) in snap["target_repointed"].items():
                relation = relations[key]
                attname = relation.model._meta.get_field(relation.field).attname
                if getattr(target, attname) == after:  # unless a curator has moved it since
                    _point(target, relation, before)
        elif snap.get("target_parent_id") and not target.parent_id:
            # Merges recorded before `target_repointed` existed.
            model.objects.filter(pk=target.pk).update(parent_id=snap["target_parent_id"])
    merge.undone_at = timezone.now()
    merge.undone_by = user if user and user.is_authenticated else None
    merge.save(update_fields=["undone_at", "undone_by"])
    return source


def organization_unmerge(*, merge: MergeRecord, user=None) -> Organization:
    """Undo an organization merge (see `merge_undo`)."""
    return merge_undo(merge=merge, user=user)


def person_unmerge(*, merge: MergeRecord, user=None) -> Person:
    """Undo a person merge (see `merge_undo`)."""
    return merge_undo(merge=merge, user=user)


def redirect_for_slug(model: type[models.Model], slug: str) -> models.Model | None:
    """The record that now stands for a merged-away `slug`, following later merges; else None."""
    kind = _KINDS.get(model)
    if kind is None:
        return None
    merges = MergeRecord.objects.filter(kind=kind, undone_at__isnull=True)
    merge = merges.filter(source_slug=slug).first()
    for _ in range(10):  # a chain of merges: A into B, then B into C
        if merge is None:
            return None
        survivor = model._default_manager.filter(pk=merge.target_pk).first()
        if survivor is not None:
            return survivor
        merge = merges.filter(source_pk=merge.target_pk).first()
    return None


def redirect_merged(model: type[models.Model]):
    """Decorate a `slug` detail view: where it would 404 for a merged-away slug, answer with a
    permanent redirect to the surviving record instead (no extra query on the normal path)."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, slug, **kwargs):
            try:
                return view(request, *args, slug=slug, **kwargs)
            except Http404:
                survivor = redirect_for_slug(model, slug)
                if survivor is None:
                    raise
                return redirect(survivor, permanent=True)

        return wrapper

    return decorator


def curator_create(*, username: str, email: str, password: str):
    """A staff account in the Curators group: the admin's curator workspace, not superuser."""
    user = get_user_model().objects.create_user(
        username=username, email=email, password=password, is_staff=True
    )
    user.groups.add(Group.objects.get(name=CURATORS_GROUP))
    return user
