"""Merging duplicates in the admin, the redirect of the old address, and undoing the merge."""

import pytest
from django.db import models
from django.urls import reverse
from pytest_django.asserts import assertContains

from documents.models import EventOrganization, EventParticipant, Mention
from organizations.models import Affiliation, MergeRecord, Organization, Person, PersonAlias
from organizations.services import (
    MergeRefused,
    merge_undo,
    organization_merge,
    redirect_for_slug,
)
from tests.factories import make_document, make_event, make_organization, make_person

pytestmark = pytest.mark.django_db

ORG_LIST = reverse("admin:organizations_organization_changelist")
MERGE_LIST = reverse("admin:organizations_mergerecord_changelist")


@pytest.fixture
def duplicates():
    """Migrant Forum in Asia twice, the duplicate carrying an event, a mention and a member."""
    mfa = make_organization(name="Migrant Forum in Asia", acronym="MFA", slug="mfa")
    dupe = make_organization(
        name="Migrants Forum in Asia", acronym="MFA", slug="migrants-forum-in-asia"
    )
    dupe.tags.add("network")
    event = make_event()
    other_event = make_event()
    EventOrganization.objects.create(event=event, organization=dupe, role="organizer")
    # The same role at the same event on both: the duplicate row is dropped, and restored on undo.
    EventOrganization.objects.create(event=other_event, organization=dupe, role="partner")
    EventOrganization.objects.create(event=other_event, organization=mfa, role="partner")
    gois = make_person(name="William Gois")
    Affiliation.objects.create(person=gois, organization=dupe, title="Regional Coordinator")
    EventParticipant.objects.create(event=event, person=gois, affiliation=dupe)
    document = make_document(text="The Migrants Forum in Asia organised it.")
    Mention.objects.create(
        document=document,
        start=4,
        end=26,
        text="Migrants Forum in Asia",
        rule="t",
        organization=dupe,
    )
    child = make_organization(name="MFA Philippines", parent=dupe)
    return {"mfa": mfa, "dupe": dupe, "event": event, "gois": gois, "child": child}


def test_possible_duplicates_are_flagged(curator_client, duplicates):
    make_organization(name="Asia Forum in Migrant")  # same words, another order: flagged
    make_organization(name="Building and Wood Workers International")
    response = curator_client.get(ORG_LIST, {"duplicate": "yes"})
    names = {o.name for o in response.context["cl"].result_list}
    assert names == {"Migrant Forum in Asia", "Migrants Forum in Asia", "Asia Forum in Migrant"}
    assert Organization.objects.possible_duplicates().count() == 3


def test_merge_shows_what_will_move_then_merges(curator_client, duplicates):
    mfa, dupe = duplicates["mfa"], duplicates["dupe"]
    selected = {"action": "merge_selected", "_selected_action": [mfa.pk, dupe.pk]}
    response = curator_client.post(ORG_LIST, selected)
    assert response.status_code == 200
    assertContains(response, "What will move from it")
    assertContains(response, "2 organizations at events (organization)")
    assertContains(response, "1 mentions (organization)")

    response = curator_client.post(ORG_LIST, {**selected, "confirm": "yes", "survivor": mfa.pk})
    assert response.status_code == 302
    assert not Organization.objects.filter(pk=dupe.pk).exists()
    assert set(mfa.event_roles.values_list("event", "role")) == {
        (duplicates["event"].pk, "organizer"),
        (EventOrganization.objects.get(role="partner").event_id, "partner"),
    }
    assert mfa.mentions.count() == 1
    assert mfa.affiliations.get().person == duplicates["gois"]
    assert EventParticipant.objects.get().affiliation == mfa
    assert list(mfa.children.all()) == [duplicates["child"]]
    assert "Migrants Forum in Asia" in mfa.aliases.values_list("name", flat=True)
    assert set(mfa.tags.names()) == {"network"}
    merge = MergeRecord.objects.get()
    assert merge.merged_by.username == "curator"
    moved = mfa.mentions.get().history.first()
    assert (moved.history_user.username, moved.organization_id) == ("curator", mfa.pk)


def test_old_address_redirects_permanently_after_merge(client, duplicates):
    mfa, dupe = duplicates["mfa"], duplicates["dupe"]
    old_url = dupe.get_absolute_url()
    organization_merge(source=dupe, target=mfa)
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == mfa.get_absolute_url()
    assert (
        client.get(reverse("organizations:organization-detail", args=["nobody"])).status_code == 404
    )


def test_chained_merges_redirect_to_the_last_survivor(duplicates):
    mfa, dupe = duplicates["mfa"], duplicates["dupe"]
    third = make_organization(name="MFA Secretariat")
    organization_merge(source=dupe, target=mfa)
    organization_merge(source=mfa, target=third)
    assert redirect_for_slug(Organization, "migrants-forum-in-asia") == third


def test_undo_merge_puts_everything_back(curator_client, client, duplicates):
    mfa, dupe = duplicates["mfa"], duplicates["dupe"]
    before = {
        "roles": set(EventOrganization.objects.values_list("pk", "organization_id", "role")),
        "mentions": set(Mention.objects.values_list("pk", "organization_id")),
    }
    curator_client.post(
        ORG_LIST,
        {
            "action": "merge_selected",
            "_selected_action": [mfa.pk, dupe.pk],
            "confirm": "yes",
            "survivor": mfa.pk,
        },
    )
    merge = MergeRecord.objects.get()
    response = curator_client.post(
        MERGE_LIST, {"action": "undo_merges", "_selected_action": [merge.pk]}
    )
    assert response.status_code == 302

    restored = Organization.objects.get(pk=dupe.pk)
    assert (restored.slug, restored.name, restored.acronym) == (dupe.slug, dupe.name, "MFA")
    assert (
        set(EventOrganization.objects.values_list("pk", "organization_id", "role"))
        == (before["roles"])
    )
    assert set(Mention.objects.values_list("pk", "organization_id")) == before["mentions"]
    assert Affiliation.objects.get().organization_id == dupe.pk
    assert EventParticipant.objects.get().affiliation_id == dupe.pk
    assert duplicates["child"].__class__.objects.get(pk=duplicates["child"].pk).parent_id == dupe.pk
    assert not mfa.aliases.exists()
    assert set(restored.tags.names()) == {"network"} and not mfa.tags.exists()
    merge.refresh_from_db()
    assert merge.is_undone and merge.undone_by.username == "curator"
    assert client.get(restored.get_absolute_url()).status_code == 200


def test_merge_two_people(curator_client):
    gois = make_person(name="William Gois")
    dupe = make_person(name="Gois, William", slug="gois-william")
    event = make_event()
    EventParticipant.objects.create(event=event, person=dupe, role="speaker")
    assert set(Person.objects.possible_duplicates()) == {gois, dupe}
    person_list = reverse("admin:organizations_person_changelist")
    curator_client.post(
        person_list,
        {
            "action": "merge_selected",
            "_selected_action": [gois.pk, dupe.pk],
            "confirm": "yes",
            "survivor": gois.pk,
        },
    )
    assert EventParticipant.objects.get().person == gois
    assert PersonAlias.objects.get().name == "Gois, William"
    response = curator_client.get(reverse("organizations:person-detail", args=["gois-william"]))
    assert response.status_code == 301


def test_merge_needs_two_records(curator_client, duplicates):
    response = curator_client.post(
        ORG_LIST, {"action": "merge_selected", "_selected_action": [duplicates["mfa"].pk]}
    )
    assert response.status_code == 302
    assert Organization.objects.filter(pk=duplicates["dupe"].pk).exists()


@pytest.fixture
def unifem():
    """UN Women > UNIFEM > two regional offices: a tree a parent-into-child merge meets."""
    un_women = make_organization(name="UN Women", slug="un-women")
    unifem = make_organization(name="UNIFEM", acronym="UNIFEM", slug="unifem", parent=un_women)
    esea = make_organization(
        name="UNIFEM East and Southeast Asia Regional Office", slug="unifem-esea", parent=unifem
    )
    south_asia = make_organization(
        name="UNIFEM South Asia Regional Office", slug="unifem-south-asia", parent=unifem
    )
    return {"un_women": un_women, "unifem": unifem, "esea": esea, "south_asia": south_asia}


def _merge(curator_client, records, survivor):
    return curator_client.post(
        ORG_LIST,
        {
            "action": "merge_selected",
            "_selected_action": [r.pk for r in records],
            "confirm": "yes",
            "survivor": survivor.pk,
        },
        follow=True,
    )


def _parents():
    return dict(Organization.objects.values_list("pk", "parent_id"))


def test_merging_a_parent_into_its_child_never_makes_it_part_of_itself(curator_client, unifem):
    esea, south_asia = unifem["esea"], unifem["south_asia"]
    before = _parents()
    _merge(curator_client, [unifem["unifem"], esea], esea)

    esea.refresh_from_db()
    assert esea.parent_id == unifem["un_women"].pk  # the merged parent's own parent
    assert Organization.objects.get(pk=south_asia.pk).parent_id == esea.pk
    assert list(esea.children.all()) == [Organization.objects.get(pk=south_asia.pk)]
    assert not Organization.objects.filter(parent_id=models.F("pk")).exists()

    curator_client.post(
        MERGE_LIST, {"action": "undo_merges", "_selected_action": [MergeRecord.objects.get().pk]}
    )
    assert _parents() == before


def test_merging_a_top_level_parent_into_its_child_leaves_the_child_top_level(curator_client):
    unifem = make_organization(name="UNIFEM", slug="unifem")
    office = make_organization(name="UNIFEM Bangkok", slug="unifem-bangkok", parent=unifem)
    before = _parents()
    organization_merge(source=unifem, target=office)
    assert Organization.objects.get(pk=office.pk).parent_id is None
    merge_undo(merge=MergeRecord.objects.get())
    assert _parents() == before


def test_a_merge_that_would_make_a_parent_cycle_is_refused(curator_client, unifem):
    # UN Women into the East and Southeast Asia office: UNIFEM would become part of the office,
    # which is part of UNIFEM. Nothing of the selection is merged, and the curator is told why.
    also = make_organization(name="A UN Women duplicate", slug="un-women-dupe")
    before = _parents()
    response = _merge(curator_client, [also, unifem["un_women"], unifem["esea"]], unifem["esea"])
    assertContains(response, "Nothing merged.")
    assertContains(response, "would be part of itself")
    assert _parents() == before
    assert not MergeRecord.objects.exists()
    with pytest.raises(MergeRefused):
        organization_merge(source=unifem["un_women"], target=unifem["esea"])


def test_a_merge_moves_any_number_of_mentions_in_the_same_few_queries(
    django_capture_on_commit_callbacks,
):
    """A body named in thousands of passages must merge within a request, search kept fresh."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from documents.search import search

    def merge_named_in(n):
        target = make_organization(name=f"Zebrafinch Council {n}")
        source = make_organization(name=f"Quokka Union {n}")
        for i in range(n):
            document = make_document(text=f"The Quokka Union met, report {i}.")
            Mention.objects.create(
                document=document,
                start=4,
                end=16,
                text="Quokka Union",
                rule="t",
                organization=source,
            )
        with (
            CaptureQueriesContext(connection) as queries,
            django_capture_on_commit_callbacks(execute=True),
        ):
            organization_merge(source=source, target=target)
        return len(queries), target

    few, _ = merge_named_in(3)
    many, target = merge_named_in(40)
    assert many <= few  # the first merge also looked up content types
    assert target.mentions.count() == 40
    assert target.mentions.first().history.first().history_type == "~"
    results = search("Zebrafinch Council 40")
    documents = {hit.object.pk for hit in results.hits[: results.total] if hit.kind == "document"}
    assert documents == set(target.mentions.values_list("document", flat=True))
