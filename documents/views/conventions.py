"""Conventions and other instruments: the list, and an instrument's page."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from advocacy_site.charts import year_chart
from organizations.activity import organizations_most_present_at
from organizations.models import Organization

from ..models import Convention, Event
from .passages import mentioning_documents_page

PAGE_SIZE = 50


def convention_list(request):
    # Each row carries its event_count and document_count, kept up to date (documents.counts).
    conventions = Convention.objects.published().order_by("body", "kind", "number", "identifier")
    page = Paginator(conventions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "documents/convention_list.html", {"page_obj": page})


def convention_detail(request, slug):
    convention = get_object_or_404(
        Convention.objects.published().prefetch_related("tags"), slug=slug
    )
    events = Event.objects.published().discussing(convention)
    organizations = organizations_most_present_at(Organization.objects.published(), events)[:20]
    documents_page, passages = mentioning_documents_page(
        convention.mentions, request.GET.get("documents_page"), PAGE_SIZE
    )
    context = {
        "convention": convention,
        "documents_page": documents_page,
        "events_page": Paginator(events.for_listing(), PAGE_SIZE).get_page(request.GET.get("page")),
        "chart": year_chart(events.year_counts()),
        "organizations": organizations,
        "passages": passages,
    }
    return render(request, "documents/convention_detail.html", context)
