"""`manage.py generate_archive`: a synthetic archive, the same for a seed, through the importer."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count

from documents.models import Convention, Event, Mention, SourceDocument
from documents.synthetic.texts import ArchiveTextGenerator
from organizations.models import Organization, Person


def _texts(seed: int, count: int = 30) -> list[tuple[str, str]]:
    return list(ArchiveTextGenerator(seed=seed, documents=count).documents(count))


def test_the_same_seed_gives_the_same_texts_and_another_seed_others():
    assert _texts(seed=7) == _texts(seed=7)
    assert _texts(seed=7) != _texts(seed=8)


def test_texts_are_reports_of_about_five_kilobytes():
    sizes = [len(text.encode()) for _name, text in _texts(seed=1)]
    assert all(4_500 <= size <= 7_000 for size in sizes)


def _archive_summary() -> dict:
    return {
        "documents": sorted(SourceDocument.objects.values_list("title", flat=True)),
        "organizations": sorted(Organization.objects.values_list("name", flat=True)),
        "people": sorted(Person.objects.values_list("name", flat=True)),
        "events": sorted(Event.objects.values_list("name", "start_date")),
        "reviews": sorted(
            Mention.objects.values("review_status")
            .annotate(n=Count("id"))
            .values_list("review_status", "n")
        ),
    }


@pytest.mark.django_db(transaction=True)
def test_thirty_documents_land_in_the_archive_and_again_the_same(client):
    call_command("generate_archive", documents=30, seed=3, verbosity=0)
    first = _archive_summary()
    assert len(first["documents"]) == 30
    assert len(first["organizations"]) > 30 and len(first["people"]) > 30
    assert {status for status, _n in first["reviews"]} == {"proposed", "confirmed", "rejected"}

    for model in (SourceDocument, Event, Organization, Person, Convention):
        record = model.objects.published().order_by("id").first()
        assert client.get(record.get_absolute_url()).status_code == 200, model.__name__

    for model in (SourceDocument, Organization, Person, Event, Convention):
        model.objects.all().delete()
    call_command("generate_archive", documents=30, seed=3, verbosity=0)
    assert _archive_summary() == first


@pytest.mark.django_db
def test_a_non_empty_archive_is_refused_unless_appending():
    call_command("generate_archive", documents=2, seed=1, verbosity=0)
    with pytest.raises(CommandError, match="already holds 2 documents"):
        call_command("generate_archive", documents=2, seed=1, verbosity=0)
    call_command("generate_archive", documents=2, seed=1, append=True, verbosity=0)
    assert SourceDocument.objects.count() == 4


@pytest.mark.parametrize("count", ["0", "-5", "many", "2000000"])
def test_a_bad_number_of_documents_is_refused(count):
    with pytest.raises(CommandError, match="--documents"):
        call_command("generate_archive", "--documents", count)


def test_a_hundred_thousand_documents_draw_on_twenty_thousand_bodies_and_fifty_thousand_people():
    generator = ArchiveTextGenerator(seed=1, documents=100_000)
    assert len({body.name for body in generator.bodies}) == 20_000
    assert len({speaker.name for speaker in generator.speakers}) == 50_000
