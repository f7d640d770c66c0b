"""Finding organizations by name or acronym (the A–Z search and the type-ahead), and A–Z order."""

import json

import pytest
from django.urls import reverse

from organizations.models import Organization

from ..factories import make_organization

pytestmark = pytest.mark.django_db


@pytest.fixture
def names():
    make_organization(name="Migrant Forum in Asia", acronym="MFA", slug="mfa")
    make_organization(name="Malaysian Trades Union Congress", acronym="M-TAG", slug="mtag")
    make_organization(
        name="International Trade Union Confederation Asia Pacific",
        acronym="ITUC-AP",
        slug="ituc-ap",
    )
    make_organization(name="ASEAN Trade Union Council", acronym="ATUC", slug="atuc")
    make_organization(name="Arab Trade Union Confederation", acronym="ArabTUC", slug="arabtuc")
    make_organization(name="Atuc Friends Network", slug="atuc-friends")
    make_organization(name="Friends of ATUC", slug="friends-of-atuc")


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("mtag", "mtag"),
        ("m.tag", "mtag"),
        ("ituc ap", "ituc-ap"),
        ("ITUCAP", "ituc-ap"),
        ("ÁTUC", "atuc"),
        ("Arab TUC", "arabtuc"),
        ("migrant forum asia", "mfa"),
        ("forum asia migrant", "mfa"),
    ],
)
def test_acronyms_and_names_fold_alike(client, names, query, slug):
    found = Organization.objects.published().matching_text(query).values_list("slug", flat=True)
    assert slug in found
    response = client.get(reverse("organizations:organization-list"), {"q": query})
    assert slug in [o.slug for o in response.context["page_obj"]]


def test_missing_word_does_not_match(names):
    assert not Organization.objects.matching_text("migrant forum europe").exists()


def test_type_ahead_ranks_exact_then_prefix_then_contains(client, names):
    response = client.get(reverse("organizations:organization-suggest"), {"q": "atuc"})
    urls = [s["url"] for s in json.loads(response.content)["suggestions"]]
    assert urls == [
        "/organizations/atuc/",
        "/organizations/atuc-friends/",
        "/organizations/friends-of-atuc/",
    ]


def test_a_to_z_ignores_case(client):
    make_organization(name="ASEAN Trade Union Council", slug="atuc")
    make_organization(name="Arab Trade Union Confederation", slug="arabtuc")
    make_organization(name="agency for workers", slug="agency")
    response = client.get(reverse("organizations:organization-list"))
    assert [o.slug for o in response.context["page_obj"]] == ["agency", "arabtuc", "atuc"]
