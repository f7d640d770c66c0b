"""Small things every page shows: the favicon, year-chart labels, A–Z letter links."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from advocacy_site.charts import year_chart
from documents.models import Event

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


@pytest.mark.parametrize(
    ("years", "labelled_years"),
    [
        ((2007,), [2007]),
        ((2004, 2005, 2007, 2010), [2004, 2006, 2008, 2010]),
        ((1990, 1995, 1996, 2000, 2001, 2010), list(range(1990, 2011, 2))),
        ((1960, 1975, 2026), list(range(1960, 2027, 10))),
    ],
)
def test_chart_labels_never_touch_at_any_span(years, labelled_years):
    """A year's label is wider than its bar's slot: every second year at least, evenly."""
    assert labelled(year_chart([{"year": y, "n": 1} for y in years])) == labelled_years


def test_chart_bars_show_their_figures_and_link_to_their_years(client):
    Event.objects.create(name="Regional consultation", slug="rc", start_date="2009-07-30")
    page = client.get(reverse("documents:event-list")).content.decode()
    year = reverse("documents:event-archive-year", args=[2009])
    assert f'<a href="{year}" aria-label="2009: 1 event"><rect' in page
    assert 'class="value">1</text>' in page


def test_letter_links_keep_kind_and_country(client):
    make_organization(name="Philippine Union", country="PH", kind="trade_union")
    url = reverse("organizations:organization-list")
    response = client.get(url, {"kind": "trade_union", "country": "PH", "page": "1"})
    assert '<a href="?kind=trade_union&amp;country=PH&amp;letter=P"' in response.content.decode()
