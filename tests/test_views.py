import pytest
from django.urls import resolve, reverse
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from .factories import make_convention, make_document, make_event, make_organization, make_person

pytestmark = pytest.mark.django_db


def test_home_page_lists_documents_and_counts(client):
    make_document(title="Founding of the caucus")
    make_document(title="Hidden draft", is_published=False)
    response = client.get("/")
    assert response.status_code == 200
    assertTemplateUsed(response, "home.html")
    assertContains(response, "Founding of the caucus")
    assertNotContains(response, "Hidden draft")
    assert response.context["counts"]["documents"] == 1


def test_every_public_page_answers(client):
    document = make_document()
    event = make_event()
    event.documents.add(document)
    org = make_organization()
    person = make_person()
    convention = make_convention()
    urls = [
        "/",
        reverse("documents:document-list"),
        reverse("documents:event-list"),
        reverse("documents:convention-list"),
        reverse("organizations:organization-list"),
        reverse("organizations:person-list"),
        document.get_absolute_url(),
        event.get_absolute_url(),
        org.get_absolute_url(),
        person.get_absolute_url(),
        convention.get_absolute_url(),
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_unpublished_records_are_not_found(client):
    org = make_organization(is_published=False)
    assert client.get(org.get_absolute_url()).status_code == 404


def test_unknown_address_gives_a_helpful_404(client):
    response = client.get("/organizations/no-such-body/")
    assert response.status_code == 404
    assertContains(response, "Page not found", status_code=404)


def test_urls_resolve_both_ways():
    assert reverse("documents:event-detail", kwargs={"slug": "x"}) == "/events/x/"
    assert resolve("/events/x/").view_name == "documents:event-detail"
    assert resolve("/organizations/migrant-forum-in-asia/").view_name == (
        "organizations:organization-detail"
    )


def test_home_page_query_count_is_constant(client, django_assert_max_num_queries):
    for _ in range(30):
        make_document()
    with django_assert_max_num_queries(8):
        client.get("/")
