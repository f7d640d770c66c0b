"""The site benchmark's server parts: a bare view and cost headers that exist only under its
own settings (bench/site_server.py), never in the site."""

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture
def benchmark_settings(settings, tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    settings.ROOT_URLCONF = "site_server_urls"
    settings.MIDDLEWARE = ["site_server_urls.RequestCostHeaders", *settings.MIDDLEWARE]
    yield settings
    sys.modules.pop("site_server_urls", None)


@pytest.mark.django_db
def test_the_site_has_no_bare_view_and_no_cost_headers(client):
    assert client.get("/__bench__/bare/").status_code == 404
    assert "X-Bench-Queries" not in client.get("/events/").headers


@pytest.mark.django_db
def test_under_the_benchmark_pages_carry_their_time_and_queries(client, benchmark_settings):
    bare = client.get("/__bench__/bare/")
    assert (bare.status_code, bare.content, bare["X-Bench-Queries"]) == (200, b"ok", "0")
    events = client.get("/events/")
    assert events.status_code == 200
    assert int(events["X-Bench-Queries"]) >= 1
    assert float(events["X-Bench-Time-Ms"]) > 0
