"""Small things every page shows: the favicon, year-chart labels, A–Z letter links."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from advocacy_site.charts import year_chart

from ..factories import make_organization

pytestmark = pytest.mark.django_db


def test_favicon_is_linked_and_favicon_ico_does_not_404(client):
    response = client.get(reverse("home"))
    assert 'rel="icon"' in response.content.decode()
    assert finders.find("favicon.svg")
    legacy = client.get("/favicon.ico")
    assert legacy.status_code == 301
    assert legacy["Location"].endswith("favicon.svg")


def labelled(chart):
    return [bar.year for bar in chart.bars if bar.show_label]


def test_a_short_chart_labels_every_bar():
    rows = [{"year": y, "n": 1} for y in (2004, 2005, 2007, 2010)]
    assert labelled(year_chart(rows)) == list(range(2004, 2011))


def test_a_long_chart_labels_years_that_have_events():
    rows = [{"year": y, "n": 1} for y in (1990, 1995, 1996, 2000, 2001, 2010)]
    assert labelled(year_chart(rows)) == [1990, 1995, 2000, 2010]


def test_letter_links_keep_kind_and_country(client):
    make_organization(name="Philippine Union", country="PH", kind="trade_union")
    url = reverse("organizations:organization-list")
    response = client.get(url, {"kind": "trade_union", "country": "PH", "page": "1"})
    assert '<a href="?kind=trade_union&amp;country=PH&amp;letter=P"' in response.content.decode()
