from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from organizations.models import Organization, Person

from .models import Convention, Event, Mention, SourceDocument

PAGE_SIZE = 50


def home(request):
    documents = SourceDocument.objects.published().order_by("-start_date", "title")
    context = {
        "counts": {
            "documents": documents.count(),
            "events": Event.objects.published().count(),
            "organizations": Organization.objects.published().count(),
            "people": Person.objects.published().count(),
            "conventions": Convention.objects.published().count(),
        },
        "documents": documents.only(
            "title",
            "slug",
            "start_date",
            "end_date",
            "date_precision",
            "date_approximate",
            "category",
            "region",
        ),
    }
    return render(request, "home.html", context)


def document_list(request):
    documents = SourceDocument.objects.published().defer("text", "search_vector")
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "documents/sourcedocument_list.html", {"page_obj": page})


def document_detail(request, slug):
    document = get_object_or_404(SourceDocument.objects.published(), slug=slug)
    events = document.events.published().order_by("start_date")
    mentions = (
        Mention.objects.visible()
        .filter(document=document)
        .select_related("organization", "person", "event", "convention")
    )
    return render(
        request,
        "documents/sourcedocument_detail.html",
        {"document": document, "events": events, "mentions": mentions},
    )


def event_list(request):
    events = Event.objects.published().order_by("start_date", "name")
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "documents/event_list.html", {"page_obj": page})


def event_detail(request, slug):
    event = get_object_or_404(Event.objects.published(), slug=slug)
    context = {
        "event": event,
        "organization_roles": event.organization_roles.filter(
            organization__in=Organization.objects.published()
        ).select_related("organization"),
        "participants": event.participants.filter(
            person__in=Person.objects.published()
        ).select_related("person", "affiliation"),
        "conventions": event.conventions.published(),
        "documents": event.documents.published().defer("text", "search_vector"),
    }
    return render(request, "documents/event_detail.html", context)


def convention_list(request):
    conventions = Convention.objects.published()
    page = Paginator(conventions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "documents/convention_list.html", {"page_obj": page})


def convention_detail(request, slug):
    convention = get_object_or_404(Convention.objects.published(), slug=slug)
    events = convention.events.published().order_by("start_date")
    return render(
        request, "documents/convention_detail.html", {"convention": convention, "events": events}
    )
