"""What the importer reads and refuses: files by their paths, bad files, encodings, web pages."""

import json

import pytest
from django.core.management import CommandError, call_command

from documents.ingest import sources
from documents.models import Event, SourceDocument

pytestmark = pytest.mark.django_db


def test_files_of_one_name_in_different_folders_are_different_documents(tmp_path, capsys):
    """Saved web pages are often all `index.html`: each is known by its path in the folder."""
    for place, year in (("manila", 2014), ("dhaka", 2016)):
        (tmp_path / place).mkdir()
        (tmp_path / place / "index.html").write_text(
            f"<html><body><h1>Workshop on recruitment, {place.title()}, 5-7 October {year}</h1>"
            f"<p>The workshop in {place.title()} was organized by the Migrant Forum in Asia.</p>"
            "</body></html>"
        )
    call_command("ingest", str(tmp_path), verbosity=0)
    assert set(SourceDocument.objects.values_list("source_file", flat=True)) == {
        "manila/index.html",
        "dhaka/index.html",
    }
    dhaka = tmp_path / "dhaka" / "index.html"
    dhaka.write_text(dhaka.read_text().replace("organized", "hosted"))
    call_command("ingest", str(tmp_path), verbosity=0)  # the changed page updates its own
    assert SourceDocument.objects.count() == 2
    assert "hosted" in SourceDocument.objects.get(source_file="dhaka/index.html").text
    assert "organized" in SourceDocument.objects.get(source_file="manila/index.html").text
    capsys.readouterr()
    call_command("ingest", str(tmp_path), dry_run=True, format="json")
    result = json.loads(capsys.readouterr().out)
    assert sorted(d["file"] for d in result["documents"]) == [
        "dhaka/index.html",
        "manila/index.html",
    ]


def test_errors_name_the_file_by_its_path_in_the_folder(tmp_path, capsys):
    (tmp_path / "2018").mkdir()
    (tmp_path / "2018" / "empty.txt").write_text("  \n")
    (tmp_path / "good.txt").write_text("Training on migration, Dhaka, 3-4 March 2016\n\nText.\n")
    with pytest.raises(CommandError, match="1 file"):
        call_command("ingest", str(tmp_path), verbosity=0)
    assert "error: 2018/empty.txt: file is empty" in capsys.readouterr().err
    assert SourceDocument.objects.get().source_file == "good.txt"


def test_bad_files_get_one_line_errors_and_the_rest_still_load(tmp_path, sources_dir, capsys):
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x01" * 20)
    (tmp_path / "undecodable.txt").write_bytes(b"Report \x81\x8d\x8f\x90\x9d text")
    (tmp_path / "empty-folder").mkdir()
    good = tmp_path / "good.txt"
    good.write_text("Workshop on fair recruitment, Dhaka, 5-7 October 2015\n\nText.\n")
    with pytest.raises(CommandError, match="5 file"):
        call_command(
            "ingest",
            str(tmp_path),
            str(tmp_path / "empty-folder"),
            "/no/such/file.txt",
            verbosity=0,
        )
    err = capsys.readouterr().err
    assert "empty.txt: file is empty" in err
    assert "binary.txt: looks like a binary file" in err
    assert "undecodable.txt: neither UTF-8 nor cp1252" in err
    assert "empty-folder: folder holds no .txt or .html files" in err
    assert "/no/such/file.txt: no such file or folder" in err
    assert list(SourceDocument.objects.values_list("source_file", flat=True)) == ["good.txt"]


def test_a_file_over_the_size_limit_is_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 100)
    big = tmp_path / "big.txt"
    big.write_text("Consultation report\n" + "x" * 200)
    with pytest.raises(CommandError):
        call_command("ingest", str(big), verbosity=0)
    assert "over the 100-byte limit" in capsys.readouterr().err
    assert not SourceDocument.objects.exists()


def test_cp1252_text_is_read_and_the_fallback_is_said(tmp_path, capsys):
    path = tmp_path / "latin.txt"
    path.write_bytes("Consultation in Hanoi, 2012\n\nCaf\xe9 \u2013 notes".encode("cp1252"))
    call_command("ingest", str(path), verbosity=0)
    assert "read as cp1252" in capsys.readouterr().err
    assert "Café – notes" in SourceDocument.objects.get().text


def test_saved_web_pages_are_read_as_their_main_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Site</title><script>var x=1;</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/about'>About us</a></nav>"
        "<article><h1>National Consultation on Fair Recruitment</h1>"
        "<p>The consultation was organized by the Migrant Forum in Asia (MFA) in Kathmandu, "
        "Nepal on 14-15 March 2019.</p></article><footer>Copyright</footer></body></html>"
    )
    call_command("ingest", str(page), verbosity=0)
    document = SourceDocument.objects.get()
    assert document.title == "National Consultation on Fair Recruitment"
    assert "var x" not in document.text and "About us" not in document.text
    event = Event.objects.get()
    assert (event.kind, event.city, event.date_display) == (
        "consultation",
        "Kathmandu",
        "14–15 March 2019",
    )
    assert event.organization_roles.get().organization.acronym == "MFA"


def test_two_folders_with_a_file_of_one_name_refuse_the_second_not_overwrite(tmp_path, capsys):
    for place in ("manila", "dhaka"):
        (tmp_path / place).mkdir()
        (tmp_path / place / "index.html").write_text(
            f"<h1>Workshop on recruitment, {place.title()}, 5-7 October 2014</h1>"
            f"<p>The workshop was held in {place.title()}.</p>"
        )
    with pytest.raises(CommandError, match="1 file"):
        call_command("ingest", str(tmp_path / "manila"), str(tmp_path / "dhaka"), verbosity=0)
    assert "error: index.html: another file in this import has this name" in (
        capsys.readouterr().err
    )
    assert "Manila" in SourceDocument.objects.get().text
