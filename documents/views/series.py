"""Event series: recurring gatherings, each page listing its editions by year."""

from django.core.paginator import Paginator
from django.db.models import F, Prefetch
from django.shortcuts import get_object_or_404, render

from ..models import Event, EventSeries, SourceDocument

PAGE_SIZE = 50


def series_list(request):
    series = EventSeries.objects.published().with_counts().order_by("name")
    page = Paginator(series, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "documents/eventseries_list.html", {"page_obj": page})


def series_detail(request, slug):
    series = get_object_or_404(EventSeries.objects.published(), slug=slug)
    documents = SourceDocument.objects.published().for_listing().order_by("start_date", "title")
    editions = (
        Event.objects.published()
        .filter(series=series)
        .defer("description", "search_vector")
        .prefetch_related(Prefetch("documents", queryset=documents, to_attr="public_documents"))
        .order_by(F("start_date").asc(nulls_last=True), "edition", "name")
    )
    context = {"series": series, "editions": list(editions)}
    return render(request, "documents/eventseries_detail.html", context)
