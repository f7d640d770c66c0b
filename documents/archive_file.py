"""The whole archive as one file, and back: `archive_export` and `archive_import`.

The file is JSON Lines: a manifest (format, version, schema, rows per model), then one line a
row in Django's serialized form, then a closing line with the number of rows. Every table of
the project's apps is in it (records, relations, mentions, merges, history), with taggit's tags,
the curators' accounts and groups, and the admin's log. Primary keys are kept, so addresses,
history and tags' generic keys stay valid. Only content types and permissions are written by
natural key: `migrate` makes them, with ids that differ from one database to another. (Django's
`dumpdata --natural-primary` loses tags: taggit's TaggedItem has `object_id` alone as its natural
key, so the tags of an event and of a document with the same id, or two tags of one record,
load as one row.) Search entries are derived data: left out, rebuilt after the load.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.jsonl import Serializer as JsonLinesSerializer
from django.db import DatabaseError, connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder

from .search import search_index_rebuild

FORMAT = "advocacy-archive"
VERSION = 1
APPS = ("auth", "taggit", "organizations", "documents", "admin")
LEFT_OUT = {Permission}  # `migrate` makes them; groups and users name them by natural key
BY_NATURAL_KEY = (ContentType, Permission)
# Rows a migration writes (the Curators group): a new database has them; the file's replace them.
MADE_BY_MIGRATIONS = (Group, Group.permissions.through)
INSERT_CHUNK = 500  # rows an INSERT statement


class ArchiveFileError(Exception):
    """An archive file that cannot be restored, or a database it cannot be restored into."""


def archived_models() -> list[type[models.Model]]:
    """Every model whose rows the file holds, many-to-many tables included, in load order."""
    found = []
    for label in APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if model not in LEFT_OUT and not model._meta.proxy:
                found.append(model)
    return found


class _ExactEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()  # DjangoJSONEncoder cuts microseconds down to milliseconds
        return super().default(o)


class _Serializer(JsonLinesSerializer):
    """Django's JSON Lines, with natural keys for content types and permissions only."""

    natural_keys: dict[type, dict[int, list]] = {}

    def end_object(self, obj):
        # json.dumps, not json.dump: only a whole-value encode runs in C (four times faster).
        self.stream.write(json.dumps(self.get_dump_object(obj), **self.json_kwargs) + "\n")
        self._current = None

    def handle_fk_field(self, obj, field):
        target = field.remote_field.model
        if target in BY_NATURAL_KEY:
            value = field.value_from_object(obj)
            self._current[field.name] = None if value is None else self.natural_keys[target][value]
        else:
            super().handle_fk_field(obj, field)


def _natural_keys() -> dict[type, dict[int, list]]:
    return {
        model: {obj.pk: list(obj.natural_key()) for obj in model.objects.all()}
        for model in BY_NATURAL_KEY
    }


def _stored_fields(model) -> list[str]:
    """The fields written: every column but search vectors (rebuilt after a load)."""
    return [
        f.name
        for f in model._meta.local_concrete_fields
        if not f.primary_key and not isinstance(f, SearchVectorField)
    ]


def _schema() -> dict[str, list[str]]:
    """The migrations applied, per app of the file: a restore needs the same tables."""
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        if app in APPS:
            applied.setdefault(app, []).append(name)
    return applied


def archive_export(*, path: str | Path) -> dict[str, int]:
    """Write the whole archive to `path`; returns the rows written per model. The file appears
    only once it is complete."""
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    outermost = not connection.in_atomic_block
    with transaction.atomic(), open(partial, "w", encoding="utf-8") as stream:
        if outermost and connection.vendor == "postgresql":  # counts and rows from one snapshot
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        counts = {m._meta.label_lower: m._base_manager.count() for m in archived_models()}
        manifest = {"format": FORMAT, "version": VERSION, "schema": _schema(), "models": counts}
        stream.write(json.dumps(manifest) + "\n")
        serializer = _Serializer()
        serializer.natural_keys = _natural_keys()
        for model in archived_models():
            rows = model._base_manager.order_by("pk").iterator(chunk_size=2000)
            serializer.serialize(
                rows, stream=stream, fields=_stored_fields(model), cls=_ExactEncoder
            )
        stream.write(json.dumps({"end": True, "rows": sum(counts.values())}) + "\n")
    partial.replace(path)
    return counts


def archive_import(*, path: str | Path) -> dict[str, int]:
    """Restore a file written by `archive_export` into an empty, migrated database, then
    rebuild the search index. All in one transaction: a bad file changes nothing."""
    with open(path, encoding="utf-8") as stream:
        lines = _numbered_lines(stream)
        manifest = _manifest(lines)
        try:
            with transaction.atomic():
                _refuse_unless_empty()
                for model in MADE_BY_MIGRATIONS:
                    model._base_manager.all().delete()
                loaded = _rows_load(lines)
                if loaded != {label: n for label, n in manifest["models"].items() if n}:
                    raise ArchiveFileError("the rows do not match the manifest's counts")
                connection.check_constraints()
                _sequences_reset()
                search_index_rebuild()
        except DatabaseError as exc:  # a key the file does not hold, a value too long...
            raise ArchiveFileError(f"the rows could not be written ({exc})") from None
    return loaded


def _numbered_lines(stream) -> Iterator[tuple[int, dict]]:
    for number, line in enumerate(stream, start=1):
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise ArchiveFileError(f"line {number} is not valid JSON ({exc.msg})") from None


def _manifest(lines: Iterator[tuple[int, dict]]) -> dict:
    _, manifest = next(lines, (0, {}))
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveFileError("not an archive file: its first line is not the manifest")
    if manifest.get("version") != VERSION:
        raise ArchiveFileError(
            f"archive file version {manifest.get('version')}; this site reads version {VERSION}"
        )
    if manifest.get("schema") != _schema():
        raise ArchiveFileError(
            "the file was written by a database at other migrations "
            f"({manifest.get('schema')}); this one is at {_schema()}"
        )
    return manifest


def _refuse_unless_empty() -> None:
    filled = [
        m._meta.label_lower
        for m in archived_models()
        if m not in MADE_BY_MIGRATIONS and m._base_manager.exists()
    ]
    if filled:
        raise ArchiveFileError(
            f"the archive is not empty ({', '.join(filled[:5])}"
            f"{' …' if len(filled) > 5 else ''}): restore into a new, migrated database"
        )


class _Rows:
    """The file's rows after its manifest, read by one streaming deserializer; keeps the number
    of the line being read, for errors, and whether the closing line came."""

    def __init__(self, lines: Iterator[tuple[int, dict]]):
        self.lines, self.number, self.ended = lines, 0, False

    def __iter__(self) -> Iterator[dict]:
        for number, row in self.lines:
            self.number = number
            if self.ended:
                raise ArchiveFileError(f"line {self.number}: nothing may follow the closing line")
            if not isinstance(row, dict):
                raise ArchiveFileError(f"line {self.number}: not a row")
            if row.get("end"):
                self.ended = True
                continue
            yield row


def _rows_load(lines: Iterator[tuple[int, dict]]) -> dict[str, int]:
    """Insert the rows a model at a time, a chunk a statement; returns rows per model."""
    archived = set(archived_models())
    loaded: dict[str, int] = {}
    pending: list[models.Model] = []
    rows = _Rows(lines)
    for obj in _deserialized(rows):
        if type(obj) not in archived:
            raise ArchiveFileError(
                f"line {rows.number}: {obj._meta.label_lower} is not archive data"
            )
        if pending and (type(obj) is not type(pending[0]) or len(pending) >= INSERT_CHUNK):
            _insert(pending)
            pending = []
        pending.append(obj)
        loaded[obj._meta.label_lower] = loaded.get(obj._meta.label_lower, 0) + 1
    if not rows.ended:
        raise ArchiveFileError("the file is truncated: its closing line is missing")
    if pending:
        _insert(pending)
    return loaded


def _deserialized(rows: _Rows) -> Iterator[models.Model]:
    items = serializers.deserialize("python", rows)
    while True:
        try:
            item = next(items, None)
        except ArchiveFileError:
            raise
        except Exception as exc:  # an unknown model or field, a value of the wrong type
            raise ArchiveFileError(f"line {rows.number}: {exc}") from None
        if item is None:
            return
        yield item.object


def _insert(objects: list[models.Model]) -> None:
    """One INSERT of rows as they are (`raw`): timestamps kept, no signals, keys as given."""
    model = type(objects[0])
    fields = model._meta.local_concrete_fields
    size = connection.ops.bulk_batch_size(fields, objects)  # under the engine's parameter limit
    for start in range(0, len(objects), size):
        model._base_manager._insert(objects[start : start + size], fields=fields, raw=True)


def _sequences_reset() -> None:
    """PostgreSQL's sequences hand out keys after the restored ones (SQLite's follow by
    themselves)."""
    statements = connection.ops.sequence_reset_sql(no_style(), archived_models())
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def archive_counts(counts: dict[str, int]) -> Iterable[str]:
    """`12 documents.event` lines for a command's summary, largest first."""
    for label, n in sorted(counts.items(), key=lambda item: -item[1]):
        if n:
            yield f"{n} {label}"
