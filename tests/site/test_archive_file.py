"""export_archive and import_archive: a whole archive out and back in, exactly."""

import json

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection

from documents.archive_file import ArchiveFileError, archive_import, archived_models
from documents.models import Event, EventSeries, Mention, SourceDocument
from documents.search import search
from documents.services import archive_ingest
from organizations.models import Organization
from organizations.services import curator_create, organization_merge

# Restores into a committed, empty database.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("empty_search_index"),
]


@pytest.fixture
def small_archive(sources_dir):
    """The seed texts imported, with a curator's decisions, a merge, tags and history."""
    archive_ingest(paths=[sources_dir])
    Group.objects.get_or_create(name="Curators")  # gone if an earlier test flushed the database
    curator = curator_create(username="ana", email="ana@example.org", password="x-Pass-9z!")
    mentions = list(Mention.objects.order_by("pk"))
    for mention, status in zip(mentions[:6], ["confirmed", "rejected"] * 3, strict=True):
        mention.review_status = status
        mention._history_user = curator
        mention.save()
    source, target = Organization.objects.order_by("pk")[:2]
    organization_merge(source=source, target=target, user=curator)
    series = EventSeries.objects.create(name="ASEAN Forum on Migrant Labour", slug="aflm")
    for edition, event in enumerate(Event.objects.order_by("pk")[:2], start=1):
        event.series, event.edition = series, edition
        event.save()
    for record in [*SourceDocument.objects.all(), *Event.objects.all()[:5], target]:
        record.tags.add("curated", f"checked by {record.pk % 3}")
    LogEntry.objects.create(
        user=curator,
        content_type=ContentType.objects.get_for_model(Organization),
        object_id=str(target.pk),
        object_repr=str(target),
        action_flag=CHANGE,
        change_message="[]",
    )
    yield
    ContentType.objects.clear_cache()  # empty_database() gave content types other ids


def canonical_dump() -> dict[str, list[dict]]:
    """Every row of every archived table; content types and permissions by natural key."""
    natural = {
        model: {obj.pk: obj.natural_key() for obj in model.objects.all()}
        for model in (ContentType, Permission)
    }
    dump = {}
    for model in archived_models():
        fields = [
            f for f in model._meta.local_concrete_fields if not isinstance(f, SearchVectorField)
        ]
        rows = []
        for obj in model._base_manager.order_by("pk"):
            row = {f.attname: f.value_from_object(obj) for f in fields}
            for f in fields:
                if f.is_relation and f.related_model in natural and row[f.attname] is not None:
                    row[f.attname] = natural[f.related_model][row[f.attname]]
            rows.append(row)
        dump[model._meta.label_lower] = rows
    return dump


def search_index_dump() -> list[tuple]:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT rowid, kind, title, names, body FROM search_index ORDER BY 1")
            return cursor.fetchall()
    return [
        (model._meta.label, pk, vector)
        for model in archived_models()
        if any(isinstance(f, SearchVectorField) for f in model._meta.local_concrete_fields)
        for pk, vector in model.objects.order_by("pk").values_list("pk", "search_vector")
    ]


def empty_database() -> None:
    """A new, migrated database: content types and permissions under other ids than before."""
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_index")
    ContentType.objects.clear_cache()
    ContentType.objects.create(app_label="elsewhere", model="shifts-every-id")
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    Group.objects.create(name="Curators")  # what documents' migration 0004 makes


def test_an_archive_exported_and_imported_into_an_empty_database_is_the_same(
    small_archive, tmp_path
):
    path = tmp_path / "archive.jsonl"
    before, index_before = canonical_dump(), search_index_dump()
    assert len(before["taggit.taggeditem"]) > 20
    for label in ("mergerecord", "historicalmention", "eventseries", "historicalevent"):
        assert before[next(key for key in before if key.endswith(f".{label}"))], label
    call_command("export_archive", str(path), verbosity=0)

    empty_database()
    assert SourceDocument.objects.count() == 0
    call_command("import_archive", str(path), verbosity=0)

    assert canonical_dump() == before
    assert search_index_dump() == index_before
    document = SourceDocument.objects.order_by("pk").first()
    results = search(document.title)
    assert ("document", document.pk) in {(h.kind, h.object.pk) for h in results.hits[:20]}
    later = Organization.objects.create(name="A union added after the restore", slug="added")
    assert later.pk > max(row["id"] for row in before["organizations.organization"])


def test_every_model_of_the_project_taggit_and_history_is_in_the_file():
    archived = {model._meta.label_lower for model in archived_models()}
    for app in ("documents", "organizations", "taggit"):
        for model in apps.get_app_config(app).get_models(include_auto_created=True):
            assert model._meta.label_lower in archived


def test_importing_into_a_filled_archive_is_refused_and_changes_nothing(small_archive, tmp_path):
    path = tmp_path / "archive.jsonl"
    call_command("export_archive", str(path), verbosity=0)
    before = canonical_dump()
    with pytest.raises(CommandError, match=r"not empty.*nothing was imported"):
        call_command("import_archive", str(path), verbosity=0)
    assert canonical_dump() == before


def broken_copies(path):
    lines = path.read_text().splitlines(keepends=True)
    text = "".join(lines)
    at = next(n for n, line in enumerate(lines) if '"model": "documents.event"' in line)
    row = json.loads(lines[at])
    row["fields"]["start_date"] = "the 31st of Febtember"
    bad_value = [*lines[:at], json.dumps(row) + "\n", *lines[at + 1 :]]
    row = json.loads(lines[at])
    row["fields"]["series"] = 999999
    dangling = [*lines[:at], json.dumps(row) + "\n", *lines[at + 1 :]]
    return {
        "cut mid-line": (text[: len(text) // 2], "not valid JSON"),
        "cut at a line": ("".join(lines[: len(lines) // 2]), "truncated"),
        "a row too few": ("".join(lines[:30] + lines[31:]), "do not match the manifest"),
        "not an archive": ('{"hello": 1}\n', "not an archive file"),
        "a bad value": ("".join(bad_value), f"line {at + 1}: .*Febtember"),
        "a session row": (
            "".join([*lines[:-1], '{"model": "sessions.session", "pk": "x", "fields": {}}\n']),
            "not archive data",
        ),
        "a dangling key": ("".join(dangling), "could not be written"),
    }


def test_a_truncated_or_corrupt_file_gives_a_clear_error_and_leaves_the_database_as_it_was(
    small_archive, tmp_path
):
    path = tmp_path / "archive.jsonl"
    call_command("export_archive", str(path), verbosity=0)
    empty_database()
    empty = canonical_dump()
    for name, (text, error) in broken_copies(path).items():
        broken = tmp_path / f"{name}.jsonl"
        broken.write_text(text)
        with pytest.raises(ArchiveFileError, match=error):
            archive_import(path=broken)
        assert canonical_dump() == empty, name
    archive_import(path=path)  # the whole file still loads afterwards
    assert SourceDocument.objects.count() == 5
