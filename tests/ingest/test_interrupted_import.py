"""An import killed midway loses nothing: a re-run makes every committed document findable."""

import pytest

from documents import services
from documents.kinds import RECORD_KINDS
from documents.models import SourceDocument
from documents.search import search, unindexed
from documents.signals import DeferredIndex

# Batches really commit, as in production.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("empty_search_index"),
]

PLACES = ["Manila", "Dhaka", "Kathmandu", "Jakarta", "Colombo", "Hanoi", "Bangkok"]


class Killed(BaseException):
    """The process dying: nothing after it runs, no `except Exception` catches it."""


def write_texts(folder) -> dict[str, str]:
    titles = {}
    for n, city in enumerate(PLACES):
        title = f"National Workshop on Fair Recruitment in {city}, {n + 3} June 201{n}"
        (folder / f"{n}.txt").write_text(
            f"{title}\n\nThe workshop in {city} was organized by the Migrant Forum in Asia "
            f"with {city} trade unions. Participants discussed ILO Convention 189.\n"
        )
        titles[f"{n}.txt"] = title
    return titles


def test_documents_committed_before_a_kill_are_found_by_their_title_after_a_rerun(
    tmp_path, monkeypatch
):
    titles = write_texts(tmp_path)
    monkeypatch.setattr(services, "INGEST_BATCH", 3)
    flush, flushes = DeferredIndex.flush, []

    def flush_until_killed(self, **kwargs):
        flushes.append(1)
        if len(flushes) > 1:  # the second batch is committed, its index not yet written
            raise Killed
        return flush(self, **kwargs)

    monkeypatch.setattr(DeferredIndex, "flush", flush_until_killed)
    with pytest.raises(Killed):
        services.archive_ingest(paths=[tmp_path])
    assert SourceDocument.objects.count() == 6
    assert len(unindexed(SourceDocument, SourceDocument.objects.values_list("pk", flat=True))) == 3

    monkeypatch.setattr(DeferredIndex, "flush", flush)
    report = services.archive_ingest(paths=[tmp_path])

    assert (report.new, report.unchanged) == (1, 6)
    for document in SourceDocument.objects.all():
        results = search(titles[document.source_file])
        found = {(hit.kind, hit.object.pk) for hit in results.hits[: results.total]}
        assert ("document", document.pk) in found
    for kind in RECORD_KINDS:  # the killed batch's organizations and events too
        every_pk = kind.model.objects.values_list("pk", flat=True)
        assert unindexed(kind.model, every_pk) == set(), kind.code


def test_a_rerun_of_a_complete_import_indexes_nothing_again(tmp_path, monkeypatch):
    write_texts(tmp_path)
    monkeypatch.setattr(services, "INGEST_BATCH", 3)
    services.archive_ingest(paths=[tmp_path])
    reindexed = []
    monkeypatch.setattr(services, "records_reindex", reindexed.append)
    report = services.archive_ingest(paths=[tmp_path])
    assert report.unchanged == 7
    assert reindexed == []
    assert not report.notes
