"""/healthz and the 503 page: a database outage answers 503 with Retry-After, and the site
answers again by itself once the database is back."""

import json
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError, connection, connections
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _database_down(error=OperationalError):
    """Every new cursor fails as it does while the server is down or restarting."""
    return mock.patch.object(
        connections["default"], "cursor", side_effect=error("server closed the connection")
    )


def test_healthz_answers_200_with_a_small_json_body_never_cached(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_does_not(client):
    with _database_down():
        response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert json.loads(response.content)["status"] == "unavailable"
    assert response["Retry-After"].isdigit()
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("error", [OperationalError, InterfaceError], ids=lambda e: e.__name__)
@pytest.mark.parametrize("page", ["home", "document", "organization-list", "search"])
def test_a_database_outage_answers_503_with_retry_after_then_recovers(client, graph, page, error):
    url = {
        "home": "/",
        "document": graph["document"].get_absolute_url(),
        "organization-list": reverse("organizations:organization-list"),
        "search": reverse("documents:search") + "?q=ATUC",
    }[page]
    with _database_down(error):
        response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert "no-store" in response["Cache-Control"]
    assert b"Briefly unavailable" in response.content

    assert client.get(url).status_code == 200  # the database is back: nothing to restart


def test_an_outage_answers_503_with_the_public_page_cache_on(client, graph, page_cache):
    """Production runs with the page cache, which reads the archive's version first."""
    with _database_down():
        response = client.get("/")
    assert response.status_code == 503
    assert b"Briefly unavailable" in response.content
    assert client.get("/").status_code == 200


def test_a_bad_query_is_still_a_500_not_an_outage(client):
    from django.db import ProgrammingError

    client.raise_request_exception = False
    with mock.patch.object(connections["default"], "cursor", side_effect=ProgrammingError("x")):
        assert client.get("/").status_code == 500


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a server to be unreachable")
@pytest.mark.django_db(transaction=True)
def test_an_unreachable_server_answers_503_and_the_next_request_reconnects(client):
    settings_dict = connections["default"].settings_dict
    port = settings_dict.get("PORT")
    connections["default"].close()
    settings_dict["PORT"] = "1"  # nothing listens there
    try:
        response = client.get("/")
        health = client.get(reverse("healthz"))
    finally:
        settings_dict["PORT"] = port
    assert response.status_code == 503
    assert health.status_code == 503
    assert client.get("/").status_code == 200
    assert client.get(reverse("healthz")).status_code == 200


def test_persistent_connections_are_checked_before_reuse(settings):
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
