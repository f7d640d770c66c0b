"""The front page, and the favicon browsers ask for."""

from django.db.models import F
from django.shortcuts import redirect, render
from django.templatetags.static import static

from advocacy_site.charts import year_chart
from organizations.models import Organization

from ..kinds import RECORD_KINDS
from ..models import Convention, Event, SourceDocument

NEWEST = F("start_date").desc(nulls_last=True)  # undated records last on both engines


def home(request):
    documents = SourceDocument.objects.published()
    context = {
        "counts": {kind.plural: kind.model.objects.published().count() for kind in RECORD_KINDS},
        "chart": year_chart(Event.objects.published().year_counts()),
        "recent_documents": documents.for_listing().order_by(NEWEST, "title")[:8],
        "recent_events": Event.objects.published().for_listing().order_by(NEWEST, "name")[:6],
        # Counts stored with the records, read from their indexes: no counting per request.
        "top_organizations": Organization.objects.published().order_by("-event_count", "name")[:10],
        "conventions": Convention.objects.published().order_by("-event_count", "identifier")[:8],
    }
    return render(request, "home.html", context)


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the SVG icon."""
    return redirect(static("favicon.svg"), permanent=True)
