import pytest
from django.core.management import CommandError, call_command

from documents.models import SourceDocument

pytestmark = pytest.mark.django_db


def test_ingesting_the_sources_creates_one_document_each(sources_dir):
    call_command("ingest", str(sources_dir), verbosity=0)
    assert SourceDocument.objects.count() == 5
    consultation = SourceDocument.objects.get(
        category="Consultations", region="Regional", start_date__month=11
    )
    assert consultation.date_display == "15 November 2007"
    assert consultation.title.startswith("Sub-Regional Consultation of ASEAN CSO")
    assert "Leave a comment" not in consultation.text


def test_ingesting_again_changes_nothing(sources_dir):
    call_command("ingest", str(sources_dir), verbosity=0)
    before = list(SourceDocument.objects.values_list("pk", "updated_at"))
    call_command("ingest", str(sources_dir), verbosity=0)
    assert list(SourceDocument.objects.values_list("pk", "updated_at")) == before


def test_a_missing_path_fails_with_a_clear_message_and_others_still_load(sources_dir, capsys):
    with pytest.raises(CommandError):
        call_command("ingest", "/no/such/folder", str(sources_dir), verbosity=0)
    assert "/no/such/folder: no such file or folder" in capsys.readouterr().err
    assert SourceDocument.objects.count() == 5


def test_if_empty_skips_a_filled_archive(sources_dir, tmp_path):
    call_command("ingest", str(sources_dir), verbosity=0)
    extra = tmp_path / "extra.txt"
    extra.write_text("Another consultation\n\nText.\n")
    call_command("ingest", str(extra), if_empty=True, verbosity=0)
    assert SourceDocument.objects.count() == 5
