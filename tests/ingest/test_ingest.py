"""The importer as a curator uses it: `manage.py ingest PATH...`, its records, its errors."""

import json

import pytest
from django.core.management import CommandError, call_command

from advocacy_site.records import ReviewStatus
from documents.models import Convention, Event, Mention, SourceDocument
from organizations.models import Organization, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def ingested(sources_dir):
    call_command("ingest", str(sources_dir), verbosity=0)


def test_ingesting_the_sources_creates_one_document_each(ingested):
    assert SourceDocument.objects.count() == 5
    consultation = SourceDocument.objects.get(category="Consultations", start_date__month=11)
    assert consultation.date_display == "15 November 2007"
    assert consultation.region == "Regional"
    assert consultation.title.startswith("Sub-Regional Consultation of ASEAN CSO")
    assert "Leave a comment" not in consultation.text


def test_records_are_filled_and_linked(ingested):
    mfa = Organization.objects.get(acronym="MFA")
    assert mfa.name == "Migrant Forum in Asia"
    assert Organization.objects.filter(name="Migrant Forum in Asia").count() == 1  # 3 documents
    gois = Person.objects.get(name="William Gois")
    assert gois.affiliations.filter(organization=mfa).exists()
    c189 = Convention.objects.get(identifier="ILO-C189")
    assert c189.title == "Domestic Workers Convention, 2011"
    assert c189.date_display.endswith("2011")
    training = Event.objects.get(kind="training")
    assert (training.city, training.country, training.date_display) == (
        "Kathmandu",
        "NP",
        "14–18 May 2018",
    )
    consultation = Event.objects.get(kind="consultation", start_date__year=2007)
    assert consultation.date_display == "1–3 November 2007"
    assert consultation.organization_roles.filter(organization=mfa, role="co-organizer").exists()
    assert consultation.participants.filter(person=gois, role="speaker").exists()
    assert consultation.documents.filter(category="Consultations").exists()


def test_every_extracted_record_is_traceable_to_a_passage(ingested):
    for model, field in [(Organization, "organization"), (Person, "person"), (Event, "event")]:
        untraced = model.objects.exclude(pk__in=Mention.objects.values(f"{field}_id"))
        assert not untraced.exists(), (model.__name__, list(untraced[:5]))
    untraced = Convention.objects.exclude(pk__in=Mention.objects.values("convention_id"))
    assert not untraced.exists()
    for mention in Mention.objects.select_related("document")[:200]:
        assert mention.document.text[mention.start : mention.end] == mention.text


def test_ingesting_again_changes_nothing(sources_dir, ingested):
    counts = [m.objects.count() for m in (Organization, Person, Event, Convention, Mention)]
    before = list(SourceDocument.objects.values_list("pk", "updated_at"))
    call_command("ingest", str(sources_dir), verbosity=0)
    assert list(SourceDocument.objects.values_list("pk", "updated_at")) == before
    assert [m.objects.count() for m in (Organization, Person, Event, Convention, Mention)] == counts


def test_a_changed_file_updates_its_document_without_duplicating(tmp_path, sources_dir):
    source = (sources_dir / "asean-cso-trade-union-consultation-singapore-2007.txt").read_text()
    path = tmp_path / "consultation.txt"
    path.write_text(source)
    call_command("ingest", str(path), verbosity=0)
    orgs = Organization.objects.count()
    path.write_text(source.replace("well-attended", "very well-attended"))
    call_command("ingest", str(path), verbosity=0)
    document = SourceDocument.objects.get()
    assert "very well-attended" in document.text
    assert Organization.objects.count() == orgs
    assert Event.objects.filter(kind="consultation").count() == 1


def test_confirmed_records_and_rejected_passages_win_over_the_importer(tmp_path, sources_dir):
    source = (sources_dir / "asean-cso-trade-union-consultation-singapore-2007.txt").read_text()
    path = tmp_path / "consultation.txt"
    path.write_text(source)
    call_command("ingest", str(path), verbosity=0)
    mfa = Organization.objects.get(acronym="MFA")
    mfa.name, mfa.review_status = "Migrant Forum in Asia (curated)", ReviewStatus.CONFIRMED
    mfa.save()
    rejected = Mention.objects.filter(person__name="Rex Varona").first()
    Mention.objects.filter(pk=rejected.pk).update(review_status=ReviewStatus.REJECTED)
    path.write_text(source + "\nA closing line.\n")
    call_command("ingest", str(path), verbosity=0)
    mfa.refresh_from_db()
    assert mfa.name == "Migrant Forum in Asia (curated)"
    spans = Mention.objects.filter(
        start=rejected.start, end=rejected.end, person__name="Rex Varona"
    )
    assert list(spans.values_list("review_status", flat=True)) == [ReviewStatus.REJECTED]


def test_dry_run_prints_json_and_writes_nothing(sources_dir, capsys):
    call_command("ingest", str(sources_dir), dry_run=True, format="json")
    result = json.loads(capsys.readouterr().out)
    assert not SourceDocument.objects.exists()
    assert len(result["documents"]) == 5
    training_doc = next(d for d in result["documents"] if "kathmandu" in d["file"])
    training = next(e for e in training_doc["events"] if e["kind"] == "training")
    assert (training["start"], training["end"], training["city"], training["country"]) == (
        "2018-05-14",
        "2018-05-18",
        "Kathmandu",
        "NP",
    )
    caucus = next(d for d in result["documents"] if "caucus" in d["file"])
    assert {"id": "ILO-C189", "title": "Domestic Workers Convention, 2011"} in caucus["conventions"]
    assert set(caucus) >= {
        "file",
        "title",
        "date",
        "category",
        "events",
        "organizations",
        "people",
        "conventions",
        "errors",
    }


def test_if_empty_skips_a_filled_archive(sources_dir, tmp_path, ingested):
    extra = tmp_path / "extra.txt"
    extra.write_text("Another consultation\n\nText.\n")
    call_command("ingest", str(extra), if_empty=True, verbosity=0)
    assert SourceDocument.objects.count() == 5


def test_event_details_a_researcher_relies_on(tmp_path):
    path = tmp_path / "network.txt"
    path.write_text(
        "Regional news\n\n12 Mar 2016 | News | Regional\n\n"
        "The Mekong Migration Network was formally established in Bangkok on 5 June 2003.\n\n"
        "A joint migrant resource centre will be established in Amman, Jordan in July 2018.\n\n"
        "Unions called for the implementation of the ASEAN Declaration on the Protection and "
        "Promotion of the Rights of Migrant Workers.\n"
    )
    call_command("ingest", str(path), verbosity=0)
    founding = Event.objects.get(start_date__year=2003)
    assert founding.organization_roles.get().role == "founded"
    assert "formally established in Bangkok" in founding.description
    planned = Event.objects.get(start_date__year=2018)
    assert planned.name.endswith("(planned)")
    assert planned.place_display == "Amman, Jordan"
    # "ASEAN" inside the instrument's name is the Declaration, not the organization.
    assert not Organization.objects.filter(acronym="ASEAN").exists()
    assert Convention.objects.filter(identifier="ASEAN-DECL-MW-2007").exists()


def test_dry_run_as_text_lists_what_would_be_created(sources_dir, capsys):
    path = sources_dir / "asean-cso-trade-union-consultation-singapore-2007.txt"
    with pytest.raises(CommandError, match="1 file"):
        call_command("ingest", str(path), "/no/such.txt", dry_run=True)
    out, err = capsys.readouterr()
    assert "event  2007-11-01 to 2007-11-03  consultation:" in out
    assert "person William Gois: Regional Coordinator, Migrant Forum in Asia" in out
    assert "instr. ASEAN-DECL-MW-2007" in out
    assert "error: /no/such.txt: no such file or folder" in err
    assert not SourceDocument.objects.exists()


def test_the_closing_summary_counts_in_plain_english(tmp_path, capsys):
    path = tmp_path / "one.txt"
    path.write_text("National Workshop on Fair Recruitment, Dhaka, 5-7 October 2015\n\nText.\n")
    call_command("ingest", str(path))
    out = capsys.readouterr().out
    assert "Documents: 1 new, 0 updated, 0 unchanged, 0 failed." in out
    assert "Records created: 1 document, 1 event." in out


def test_a_document_that_cannot_be_written_fails_alone_and_leaves_nothing(
    tmp_path, sources_dir, monkeypatch, capsys
):
    """Documents are written a batch at a time; a bad one must not take its batch with it."""
    from documents.ingest.store import DocumentBatch

    for source in sources_dir.glob("*.txt"):
        (tmp_path / source.name).write_text(source.read_text())
    bad = tmp_path / "zz-bad.txt"
    bad.write_text("Training on skills recognition, Manila, 3-5 June 2014\n\nUnique text.\n")
    plan = DocumentBatch._plan_document

    def plan_or_fail(self, source, analysis):
        if source.path.name == bad.name:
            raise ValueError("simulated database failure")
        return plan(self, source, analysis)

    monkeypatch.setattr(DocumentBatch, "_plan_document", plan_or_fail)
    with pytest.raises(CommandError, match="1 file"):
        call_command("ingest", str(tmp_path), verbosity=0)
    assert "zz-bad.txt: could not be imported (ValueError" in capsys.readouterr().err
    assert SourceDocument.objects.count() == 5
    assert not Event.objects.filter(city="Manila", start_date__year=2014).exists()
    monkeypatch.setattr(DocumentBatch, "_plan_document", plan)
    call_command("ingest", str(bad), verbosity=0)  # nothing of it was left half-written
    assert Event.objects.filter(city="Manila", start_date__year=2014).count() == 1


def test_imported_records_have_history_and_later_records_get_fresh_keys(ingested):
    """Bulk-written rows reserve their keys; what curators add afterwards must not collide."""
    assert Organization.history.filter(history_type="+").count() == Organization.objects.count()
    assert Mention.history.filter(history_type="+").count() == Mention.objects.count()
    highest = Organization.objects.order_by("-pk").first().pk
    made = Organization.objects.create(name="A curator's new union", slug="a-curators-new-union")
    assert made.pk > highest
    person = Person.objects.create(name="A. Curator", slug="a-curator")
    assert person.pk not in set(Person.objects.exclude(pk=person.pk).values_list("pk", flat=True))


def test_the_same_text_twice_in_one_run_is_imported_once(tmp_path, sources_dir):
    source = (sources_dir / "asean-cso-trade-union-consultation-singapore-2007.txt").read_text()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "copy-one.txt").write_text(source)
    (tmp_path / "b" / "copy-two.txt").write_text(source)
    call_command("ingest", str(tmp_path), verbosity=0)
    assert SourceDocument.objects.count() == 1
    assert Event.objects.filter(kind="consultation", start_date__year=2007).count() == 1


def test_an_event_a_later_document_adds_an_organizer_to_is_found_by_it(tmp_path):
    """The second report resolves to the same event; searching the new organizer finds it."""
    from documents.search import search

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(
        "Regional Consultation on Fair Recruitment, Dhaka, 5-7 October 2015\n\n"
        "The consultation was held in Dhaka, Bangladesh on 5-7 October 2015, organized by the "
        "Migrant Forum in Asia.\n"
    )
    second.write_text(
        "Report of the Dhaka consultation\n\nThe regional consultation on fair recruitment was "
        "held in Dhaka, Bangladesh on 5-7 October 2015, organized by the International Labour "
        "Organization.\n"
    )
    call_command("ingest", str(first), verbosity=0)
    call_command("ingest", str(second), verbosity=0)
    event = Event.objects.get()
    assert event.documents.count() == 2
    assert set(event.organizations.values_list("acronym", flat=True)) == {"MFA", "ILO"}
    found = search("International Labour Organization", filters={"type": "event"})
    assert [hit.object for hit in found.hits[:5]] == [event]


def test_a_city_named_with_its_country_is_placed_there(tmp_path):
    """geonames also has a Colombo in Brazil (alias "Kolombu"); the text's own country wins."""
    path = tmp_path / "colombo.txt"
    path.write_text(
        "Sub-Regional Forum on Domestic Work\n\n"
        "The forum was held in Colombo, Sri Lanka on 22-24 February 2012.\n"
    )
    call_command("ingest", str(path), verbosity=0)
    event = Event.objects.get()
    assert (event.city, event.country, round(float(event.latitude))) == ("Colombo", "LK", 7)


def test_the_same_texts_give_the_same_findings_in_every_run(sources_dir, tmp_path):
    """Nothing may depend on Python's per-process hash seed (set and dict-of-set order)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    colombo = tmp_path / "colombo.txt"
    colombo.write_text("Forum in Colombo, Sri Lanka, 2-4 October 2007\n\nSpeakers included.\n")
    root = Path(__file__).resolve().parents[2]  # the repository
    dry_run_json = [sys.executable, "manage.py", "ingest", "--dry-run", "--format", "json"]
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [*dry_run_json, str(sources_dir), str(colombo)],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.append(json.loads(result.stdout))
    assert outputs[0] == outputs[1]


def test_an_acronym_a_later_document_in_the_batch_gives_a_new_body_is_kept(tmp_path, monkeypatch):
    """Both documents go in one batch: the second names the first one's new body with its
    acronym. The batch must be written whole, not fall back to one document at a time."""
    from documents.ingest.store import DocumentBatch

    (tmp_path / "a.txt").write_text(
        "Workshop on recruitment, Dhaka, 5-7 October 2015\n\n"
        "The workshop was organized by the Dhaka Domestic Workers Welfare Association.\n"
    )
    (tmp_path / "b.txt").write_text(
        "Training on migration, Dhaka, 3-4 March 2016\n\n"
        "The Dhaka Domestic Workers Welfare Association (DDWWA) organized the training.\n"
    )
    batches = []
    write = DocumentBatch.write

    def counted(self, items):
        batches.append(len(items))
        return write(self, items)

    monkeypatch.setattr(DocumentBatch, "write", counted)
    call_command("ingest", str(tmp_path), verbosity=0)
    assert batches == [2]
    body = Organization.objects.get(name="Dhaka Domestic Workers Welfare Association")
    assert body.acronym == "DDWWA"


def test_progress_is_reported_once_a_file_for_every_file_read(tmp_path, sources_dir):
    from documents.services import archive_ingest

    for source in sources_dir.glob("*.txt"):
        (tmp_path / source.name).write_text(source.read_text())
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "empty.txt").write_text("")
    seen = []
    report = archive_ingest(paths=[tmp_path, tmp_path / "missing.txt"], on_file=seen.append)
    assert sorted(seen) == sorted([*(p.name for p in sources_dir.glob("*.txt")), "notes/empty.txt"])
    assert (report.new, report.failed) == (5, 2)
    seen.clear()
    archive_ingest(paths=[tmp_path], on_file=seen.append)  # unchanged files count too
    assert len(seen) == 6


def test_a_body_named_as_an_adjective_is_not_shown_taking_part(tmp_path, capsys):
    """'ASEAN CSOs' are the region's civil society; 'the ASEAN Declaration' is a text."""
    path = tmp_path / "consultation.txt"
    path.write_text(
        "Regional Consultation of ASEAN CSOs on Migrant Workers, Jakarta, 3-4 May 2010\n\n"
        "The consultation was organized by the Migrant Forum in Asia and discussed the "
        "ASEAN Declaration on the Protection and Promotionof the Rights of Migrant Workers.\n"
    )
    call_command("ingest", str(path), dry_run=True, format="json")
    document = json.loads(capsys.readouterr().out)["documents"][0]
    event = document["events"][0]
    assert event["kind"] == "consultation"
    roles = {o["name"]: o["role"] for o in event["organizations"]}
    assert roles == {"Migrant Forum in Asia": "organizer"}
    assert "Association of Southeast Asian Nations" in {
        o["name"] for o in document["organizations"]
    }


def test_a_government_body_keeps_one_record_under_its_bare_name_and_its_country(tmp_path):
    """The text's "Ministry of Human Resources" is the gazetteer's "Ministry of Human Resources
    (Malaysia)": one record in Malaysia across documents, whichever form each uses."""
    (tmp_path / "a.txt").write_text(
        "Quotas in Malaysia\n\nThe Ministry of Human Resources said quotas were set in Malaysia.\n"
    )
    (tmp_path / "b.txt").write_text(
        "Malaysian quotas\n\nMalaysia's Minister of Human Resources spoke in Kuala Lumpur.\n"
    )
    call_command("ingest", str(tmp_path), verbosity=0)
    ministries = Organization.objects.filter(name__startswith="Ministry of Human Resources")
    assert [(m.name, m.country) for m in ministries] == [("Ministry of Human Resources", "MY")]


@pytest.mark.parametrize(
    ("country", "same"),
    [("TH", True), ("", True), ("NP", False)],
)
def test_a_body_of_one_country_is_never_another_countrys_of_the_same_name(country, same):
    from documents.ingest.findings import OrganizationFinding
    from documents.ingest.resolver import ArchiveResolver

    thai = Organization.objects.create(name="Ministry of Labour", country="TH")
    finding = OrganizationFinding(key="x", name="Ministry of Labour", country=country)
    assert (ArchiveResolver().organization_for(finding) == thai.pk) is same
