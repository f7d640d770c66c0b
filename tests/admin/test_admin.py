"""The curator workspace, driven through the test client as a curator would use it."""

import tempfile
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from documents.models import Mention, SourceDocument
from documents.search import matching_ids, search
from organizations.models import Organization, OrganizationAlias, Person, PersonAlias
from tests.factories import make_document, make_event, make_organization, make_person

from .admin_forms import admin_form_data

pytestmark = pytest.mark.django_db

PROPOSED, CONFIRMED, REJECTED = "proposed", "confirmed", "rejected"


def changelist(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def change(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def mention_of(document, record, text, **fields):
    start = document.text.index(text)
    kind = record._meta.model_name
    return Mention.objects.create(
        document=document, start=start, end=start + len(text), text=text, rule="test",
        **{kind: record}, **fields,
    )  # fmt: skip


# Access


def test_curators_group_holds_only_what_the_work_needs():
    codenames = set(
        Group.objects.get(name="Curators").permissions.values_list("codename", flat=True)
    )
    assert {"change_organization", "delete_organization", "view_mention"} <= codenames
    assert "delete_sourcedocument" not in codenames
    assert not any(c.endswith(("_user", "_group", "_permission")) for c in codenames)


def test_staff_without_the_group_gets_403(client):
    user = get_user_model().objects.create_user("intern", password="x-Pass-9z!", is_staff=True)
    client.force_login(user)
    assert client.get(changelist(Organization)).status_code == 403
    assert client.get(changelist(Mention)).status_code == 403


def test_the_public_is_sent_to_the_login_page(client):
    response = client.get(changelist(Organization))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_failed_logins_are_throttled(client, curator):
    url = reverse("admin:login")
    for _ in range(4):
        response = client.post(url, {"username": "curator", "password": "wrong"})
        assert response.status_code == 200
    assert client.post(url, {"username": "curator", "password": "wrong"}).status_code == 429
    # Locked out: even the right password is refused until the cool-off ends.
    response = client.post(url, {"username": "curator", "password": "x-Pass-9z!"})
    assert response.status_code == 429


def test_a_curator_logs_in_with_the_password(client, curator):
    response = client.post(
        reverse("admin:login"), {"username": "curator", "password": "x-Pass-9z!", "next": "/admin/"}
    )
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_create_curator_command(monkeypatch):
    monkeypatch.setenv("CURATOR_PASSWORD", "long-Enough-9z!")
    out = StringIO()
    call_command("create_curator", "ana", "ana@example.org", stdout=out)
    user = get_user_model().objects.get(username="ana")
    assert user.is_staff and not user.is_superuser
    assert user.groups.filter(name="Curators").exists()
    assert user.check_password("long-Enough-9z!")


# Lists: search, filters, publishing


def test_search_by_name_acronym_and_alias(curator_client):
    mfa = make_organization(name="Migrant Forum in Asia", acronym="MFA")
    OrganizationAlias.objects.create(organization=mfa, name="Forum des migrants en Asie")
    make_organization(name="Building and Wood Workers' International", acronym="BWI")
    for query in ("forum in asia", "MFA", "forum des migrants"):
        response = curator_client.get(changelist(Organization), {"q": query})
        assert list(response.context["cl"].result_list) == [mfa], query


def test_search_ignores_case_and_accents_in_names_acronyms_and_aliases(curator_client):
    fidh = make_organization(
        name="Fédération internationale des ligues des droits de l'Homme", acronym="FIDH"
    )
    OrganizationAlias.objects.create(organization=fidh, name="Federación Internacional")
    OrganizationAlias.objects.create(organization=fidh, name="ÉQUIPE Genève", kind="acronym")
    make_organization(name="Building and Wood Workers' International", acronym="BWI")
    for query in ("federation", "FEDERATION internationale", "fidh", "federacion", "equipe geneve"):
        response = curator_client.get(changelist(Organization), {"q": query})
        assert list(response.context["cl"].result_list) == [fidh], query

    ramos = make_person(name="José Ramos-Horta")
    PersonAlias.objects.create(person=ramos, name="Señor Ramos")
    make_person(name="Sharan Burrow")
    for query in ("jose ramos horta", "RAMOS-HORTA", "senor", "José"):
        response = curator_client.get(changelist(Person), {"q": query})
        assert list(response.context["cl"].result_list) == [ramos], query


def test_filters_show_counts(curator_client):
    make_organization(kind="network", country="PH")
    make_organization(kind="network", country="ID")
    make_organization(kind="ngo", country="PH")
    response = curator_client.get(changelist(Organization), {"kind__exact": "network"})
    assert response.context["cl"].result_count == 2
    assertContains(response, "Network or coalition (2)")
    response = curator_client.get(
        changelist(make_event().__class__), {"year": "2007", "kind__exact": "consultation"}
    )
    assert response.context["cl"].result_count == 1


def test_publish_and_unpublish_actions(curator_client):
    org = make_organization()
    data = {"action": "unpublish_selected", "_selected_action": [org.pk]}
    curator_client.post(changelist(Organization), data)
    org.refresh_from_db()
    assert not org.is_published
    data["action"] = "publish_selected"
    curator_client.post(changelist(Organization), data)
    org.refresh_from_db()
    assert org.is_published
    assert org.history.first().history_user.username == "curator"


def _organization_hits(name):
    return [h.object for h in search(name).hits[:10] if h.kind == "organization"]


@pytest.mark.parametrize("field", ["is_published", "review_status"])
def test_bulk_unpublish_and_reject_update_the_public_search(
    curator_client, django_capture_on_commit_callbacks, field
):
    with django_capture_on_commit_callbacks(execute=True):
        org = make_organization(name="Kafala Reform Coalition", slug="kafala-reform-coalition")
    assert _organization_hits("Kafala Reform Coalition") == [org]
    hide, show = {
        "is_published": ("unpublish_selected", "publish_selected"),
        "review_status": ("reject_selected", "confirm_selected"),
    }[field]

    with django_capture_on_commit_callbacks(execute=True):
        curator_client.post(
            changelist(Organization), {"action": hide, "_selected_action": [org.pk]}
        )
    assert _organization_hits("Kafala Reform Coalition") == []
    assert matching_ids("Kafala Reform Coalition", Organization) == []  # no stale index entry

    with django_capture_on_commit_callbacks(execute=True):
        curator_client.post(
            changelist(Organization), {"action": show, "_selected_action": [org.pk]}
        )
    assert _organization_hits("Kafala Reform Coalition") == [org]


def test_confirming_mentions_in_bulk_reindexes_their_records(
    curator_client, django_capture_on_commit_callbacks
):
    document = make_document(text="The Solidarity Centre Kathmandu spoke.")
    with django_capture_on_commit_callbacks(execute=True):
        org = make_organization(name="Solidarity Centre Kathmandu", review_status=PROPOSED)
    mention = mention_of(document, org, "Solidarity Centre Kathmandu")
    Organization.objects.filter(pk=org.pk).update(search_vector=None, description="Nepal")
    with django_capture_on_commit_callbacks(execute=True):
        curator_client.post(
            changelist(Mention), {"action": "confirm_mentions", "_selected_action": [mention.pk]}
        )
    assert Organization.objects.get(pk=org.pk).review_status == CONFIRMED
    assert org in _organization_hits("Nepal")


# Editing and history


def test_edit_then_revert_from_history(curator_client):
    org = make_organization(name="Migrant Forum Asia", acronym="MFA")
    data = admin_form_data(curator_client.get(change(org)))
    data["name"] = "Migrant Forum in Asia"
    response = curator_client.post(change(org), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    org.refresh_from_db()
    assert org.name == "Migrant Forum in Asia"

    history_url = reverse("admin:organizations_organization_history", args=[org.pk])
    response = curator_client.get(history_url)
    assertContains(response, "curator")
    assertContains(response, "<strong>Name:</strong>")  # the field-by-field diff
    assertContains(response, "Migrant Forum Asia")

    first = org.history.earliest()
    revert_url = reverse(
        "admin:organizations_organization_simple_history", args=[org.pk, first.history_id]
    )
    data = admin_form_data(curator_client.get(revert_url))
    assert data["name"] == "Migrant Forum Asia"
    assert curator_client.post(revert_url, data).status_code == 302
    org.refresh_from_db()
    assert org.name == "Migrant Forum Asia"
    assert org.history.count() == 3


def test_document_text_shows_its_mentions_escaped(curator_client):
    document = make_document(text="<script>x</script> The Migrant Forum in Asia met in Manila.")
    org = make_organization(name="Migrant Forum in Asia")
    mention_of(document, org, "Migrant Forum in Asia")
    response = curator_client.get(change(document))
    assertContains(response, "&lt;script&gt;x&lt;/script&gt;")
    assertNotContains(response, "<script>x</script>")
    assertContains(response, 'class="mention-proposed"')
    assertContains(response, ">Migrant Forum in Asia</mark>")


# Review queue


def test_review_queue_shows_the_passage_and_confirms_with_the_record(curator_client):
    document = make_document(text="On 1 November the Migrant Forum in Asia opened the meeting.")
    org = make_organization(name="Migrant Forum in Asia")
    mention = mention_of(document, org, "Migrant Forum in Asia")
    response = curator_client.get(changelist(Mention), {"review_status__exact": PROPOSED})
    assertContains(response, "On 1 November the <mark>Migrant Forum in Asia</mark> opened")

    response = curator_client.post(
        changelist(Mention), {"action": "confirm_mentions", "_selected_action": [mention.pk]}
    )
    assert response.status_code == 302
    mention.refresh_from_db()
    org.refresh_from_db()
    assert (mention.review_status, org.review_status) == (CONFIRMED, CONFIRMED)


def test_reject_in_bulk_leaves_the_record_alone(curator_client):
    document = make_document(text="ILO and ILO again, and ILO.")
    org = make_organization(name="ILO")
    first = mention_of(document, org, "ILO")
    second = Mention.objects.create(
        document=document, start=8, end=11, text="ILO", rule="test", organization=org
    )
    curator_client.post(
        changelist(Mention),
        {"action": "reject_selected", "_selected_action": [first.pk, second.pk]},
    )
    assert set(Mention.objects.values_list("review_status", flat=True)) == {REJECTED}
    org.refresh_from_db()
    assert org.review_status == PROPOSED
    response = curator_client.get(changelist(Mention), {"review_status__exact": PROPOSED})
    assert response.context["cl"].result_count == 0


def test_confirm_one_record_from_its_list(curator_client):
    org = make_organization()
    curator_client.post(
        changelist(Organization), {"action": "confirm_selected", "_selected_action": [org.pk]}
    )
    org.refresh_from_db()
    assert org.review_status == CONFIRMED


def test_index_shows_pending_counts(curator_client):
    make_organization()
    make_organization(review_status=CONFIRMED)
    response = curator_client.get(reverse("admin:index"))
    assertContains(response, "Waiting for review")
    link = f"{changelist(Organization)}?review_status__exact=proposed"
    assertContains(
        response, f'<tr><th scope="row"><a href="{link}">Organizations</a></th><td>1</td></tr>'
    )


# Upload


def test_upload_a_good_file_imports_it(curator_client):
    text = b"Regional consultation on migrant domestic workers\n15 Aug 2007 | Consultations\n\n"
    text += b"Unions and NGOs met in Bangkok to discuss the rights of migrant workers.\n" * 5
    upload = SimpleUploadedFile("consultation-2007.txt", text, content_type="text/plain")
    url = reverse("admin:documents_sourcedocument_upload")
    assert curator_client.get(url).status_code == 200
    response = curator_client.post(url, {"files": [upload]}, follow=True)
    assert SourceDocument.objects.count() == 1
    assertContains(response, "Documents: 1 new")


def test_upload_a_bad_file_changes_nothing(curator_client):
    url = reverse("admin:documents_sourcedocument_upload")
    empty = SimpleUploadedFile("empty.txt", b"", content_type="text/plain")
    binary = SimpleUploadedFile("scan.txt", b"\x00\x01\x02\xff" * 50, content_type="text/plain")
    response = curator_client.post(url, {"files": [binary]}, follow=True)
    assert SourceDocument.objects.count() == 0
    assertContains(response, "scan.txt")
    assertContains(response, "1 failed")
    response = curator_client.post(url, {"files": [empty]})
    assert SourceDocument.objects.count() == 0
    pdf = SimpleUploadedFile("report.pdf", b"%PDF-1.4", content_type="application/pdf")
    response = curator_client.post(url, {"files": [pdf]})
    assert response.status_code == 200
    assertContains(response, "Only .txt and .html files can be imported")
    assert SourceDocument.objects.count() == 0


def test_upload_errors_name_the_uploaded_file_not_the_server_copy(curator_client):
    url = reverse("admin:documents_sourcedocument_upload")
    binary = SimpleUploadedFile("my scan.txt", b"\x00\x01\x02\xff" * 50)
    latin = SimpleUploadedFile(
        "café notes.txt",
        "Consultation in Genève\n15 Aug 2007 | Consultations\n\n".encode("cp1252")
        + "Unions met to discuss the rights of migrant workers in Genève.\n".encode("cp1252") * 5,
    )
    response = curator_client.post(url, {"files": [binary, latin]}, follow=True)
    assertContains(response, "Not imported — my scan.txt: looks like a binary file, not text")
    assertContains(response, "Imported with a note — café notes.txt: not valid UTF-8")
    shown = [str(m) for m in response.context["messages"]]
    assert not any("upload-" in m or tempfile.gettempdir() in m for m in shown), shown


def test_upload_needs_the_add_permission(client):
    user = get_user_model().objects.create_user("intern", password="x-Pass-9z!", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("admin:documents_sourcedocument_upload")).status_code == 403


def test_review_one_by_one_on_the_list(curator_client):
    document = make_document(text="The ILO office in Bangkok.")
    org = make_organization(name="ILO")
    mention = mention_of(document, org, "ILO")
    response = curator_client.get(changelist(Mention), {"review_status__exact": PROPOSED})
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": str(mention.pk),
        "form-0-review_status": REJECTED,
        "_save": "Save",
    }
    response = curator_client.post(response.request["PATH_INFO"], data)
    assert response.status_code == 302
    mention.refresh_from_db()
    assert mention.review_status == REJECTED
    assert mention.history.first().history_user.username == "curator"


def test_curator_decisions_survive_a_later_import(curator_client, sources_dir):
    """Confirmed records are never changed, rejected passages never proposed again."""
    url = reverse("admin:documents_sourcedocument_upload")
    source = sorted(sources_dir.glob("*.txt"))[0]

    def upload(content: bytes):
        files = [SimpleUploadedFile(source.name, content, content_type="text/plain")]
        return curator_client.post(url, {"files": files}, follow=True)

    upload(source.read_bytes())
    mention = Mention.objects.filter(organization__isnull=False).first()
    assert mention is not None, "the importer proposed no organization"
    org = mention.organization
    curator_client.post(
        changelist(Mention), {"action": "reject_selected", "_selected_action": [mention.pk]}
    )
    data = admin_form_data(curator_client.get(change(org)))
    data.update(name=f"{org.name} (checked)", review_status=CONFIRMED)
    assert curator_client.post(change(org), data).status_code == 302

    upload(source.read_bytes() + b"\nA line added later.\n")  # a changed file: imported again
    mention.refresh_from_db()
    org.refresh_from_db()
    assert mention.review_status == REJECTED
    same_span = Mention.objects.filter(
        document=mention.document, start=mention.start, end=mention.end
    )
    assert list(same_span.values_list("review_status", flat=True)) == [REJECTED]
    assert (org.name.endswith("(checked)"), org.review_status) == (True, CONFIRMED)
