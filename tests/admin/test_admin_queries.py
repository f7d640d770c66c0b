"""Every admin list page costs the same number of queries whatever the archive's size."""

import itertools

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from documents.models import EventOrganization, EventParticipant, Mention
from organizations.models import Affiliation, OrganizationAlias, PersonAlias
from organizations.services import organization_merge
from tests.factories import (
    make_convention,
    make_document,
    make_event,
    make_organization,
    make_person,
    make_series,
)

pytestmark = pytest.mark.django_db

_years = itertools.cycle([2005, 2007, 2011, 2018])


def grow_archive(n: int) -> None:
    """Add `n` of everything, cross-linked as the importer links them."""
    for i in range(n):
        year = next(_years)
        org = make_organization(kind="ngo" if i % 2 else "network", country="PH" if i % 3 else "")
        OrganizationAlias.objects.create(organization=org, name=f"Alias {org.pk}")
        person = make_person()
        PersonAlias.objects.create(person=person, name=f"Alias {person.pk}")
        document = make_document(
            text=f"{org.name} met {person.name}.", start_date=f"{year}-03-01", category=f"c{i % 3}"
        )
        event = make_event(
            start_date=f"{year}-03-01",
            end_date=f"{year}-03-02",
            series=make_series(),
            edition=i + 1,
        )
        event.documents.add(document)
        make_convention()
        Affiliation.objects.create(person=person, organization=org, title="Director")
        EventOrganization.objects.create(event=event, organization=org, role="organizer")
        EventParticipant.objects.create(event=event, person=person, affiliation=org)
        Mention.objects.create(
            document=document, start=0, end=len(org.name), text=org.name, rule="t", organization=org
        )
    loser = make_organization()
    organization_merge(source=loser, target=org)


def _changelists():
    return [
        reverse(f"admin:{m._meta.app_label}_{m._meta.model_name}_changelist")
        for m in admin.site._registry
        if m._meta.app_label in ("documents", "organizations")
    ]


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_every_admin_list_makes_a_constant_number_of_queries(
    curator_client, django_assert_max_num_queries
):
    grow_archive(3)
    small = {url: _count(curator_client, url) for url in _changelists()}
    grow_archive(30)
    for url, n in small.items():
        with django_assert_max_num_queries(n):
            assert curator_client.get(url).status_code == 200


def test_every_add_change_and_history_page_opens(curator_client):
    grow_archive(2)
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        if opts.app_label not in ("documents", "organizations"):
            continue
        obj = model._default_manager.first()
        prefix = f"admin:{opts.app_label}_{opts.model_name}"
        urls = [reverse(f"{prefix}_change", args=[obj.pk])]
        if hasattr(model_admin, "history_view"):
            urls.append(reverse(f"{prefix}_history", args=[obj.pk]))
        if model_admin.has_add_permission(_request_for(curator_client)):
            urls.append(reverse(f"{prefix}_add"))
        for url in urls:
            assert curator_client.get(url).status_code == 200, url


def _request_for(client):
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = client.get(reverse("admin:index")).wsgi_request.user
    return request
