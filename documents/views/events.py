import calendar

from django.core.paginator import Paginator
from django.db.models import Case, When
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from advocacy_site.charts import year_chart
from advocacy_site.countries import country_name
from advocacy_site.partial_dates import DatePrecision
from advocacy_site.query_params import clean_param
from organizations.activity import organizations_at_events
from organizations.models import Organization

from ..models import Event, EventOrganization, EventParticipant

YEAR_PAGE_SIZE = 50
EVENT_LIST_PAGE_SIZE = 50  # each of an event's lists pages on its own (issue 12: 144 KB)
RELATED_EVENTS = 8
ORGANIZATION_OPTIONS = 100  # in the year page's filter


def event_archive(request):
    rows = list(Event.objects.published().year_counts())
    undated = Event.objects.published().filter(start_date__isnull=True).count()
    context = {"chart": year_chart(rows), "years": rows, "undated": undated}
    return render(request, "documents/event_archive.html", context)


def event_archive_year(request, year):
    year_events = Event.objects.published().in_year(year)
    years = [row["year"] for row in Event.objects.published().year_counts()]
    if year not in years:
        raise Http404("No events in this year.")
    filters = {
        "kind": clean_param(request.GET.get("kind"), 40),
        "country": clean_param(request.GET.get("country"), 2),
        "organization": clean_param(request.GET.get("organization")),
    }
    events = year_events.for_listing()
    if filters["kind"]:
        events = events.filter(kind=filters["kind"])
    if filters["country"]:
        events = events.filter(country=filters["country"])
    if filters["organization"]:
        events = events.with_organization(Organization.objects.filter(slug=filters["organization"]))
    # Events dated only to the year come after the months, under their own heading.
    year_only = Case(When(date_precision=DatePrecision.YEAR, then=1), default=0)
    events = events.distinct().order_by(year_only, "start_date", "name")
    page = Paginator(events, YEAR_PAGE_SIZE).get_page(request.GET.get("page"))
    months = {}
    for event in page:
        month = None if event.date_precision == DatePrecision.YEAR else event.start_date.month
        months.setdefault(month, []).append(event)
    kinds = dict(Event.Kind.choices)
    context = {
        "year": year,
        "page_obj": page,
        "months": [
            {
                "name": calendar.month_name[m] if m else "Date within the year not known",
                "slug": f"month-{m}" if m else "month-unknown",
                "events": evs,
            }
            for m, evs in months.items()
        ],
        "filters": filters,
        "kind_options": [
            (k, kinds.get(k, k))
            for k in year_events.order_by("kind").values_list("kind", flat=True).distinct()
        ],
        "country_options": sorted(
            (
                (code, country_name(code))
                for code in year_events.exclude(country="")
                .order_by("country")
                .values_list("country", flat=True)
                .distinct()
            ),
            key=lambda c: c[1],
        ),
        "organization_options": _organization_options(year_events, filters["organization"]),
        "previous_year": max((y for y in years if y < year), default=None),
        "next_year": min((y for y in years if y > year), default=None),
    }
    return render(request, "documents/event_archive_year.html", context)


def _organization_options(year_events, selected: str) -> list[tuple[str, str]]:
    """The year's busiest organizations (by their stored counts), by name, and the one chosen:
    a bounded list where a big year holds thousands (issue 12: the year page's size)."""
    at_year = organizations_at_events(Organization.objects.published(), year_events).distinct()
    busiest = at_year.order_by("-event_count", "name").values_list("slug", "name")
    options = dict(busiest[:ORGANIZATION_OPTIONS])
    if selected and selected not in options:
        options.update(at_year.filter(slug=selected).values_list("slug", "name"))
    return sorted(options.items(), key=lambda option: option[1])


def event_detail(request, slug):
    event = get_object_or_404(
        Event.objects.published().select_related("part_of", "series").prefetch_related("tags"),
        slug=slug,
    )
    roles = EventOrganization.objects.public_at(event)
    # Related events share its busiest organizations: a bounded list, whatever its size.
    organization_ids = list(roles.values_list("organization_id", flat=True)[:EVENT_LIST_PAGE_SIZE])
    published = Event.objects.published()
    previous_event, next_event = published.neighbours(event)
    lists = {
        "organizations_page": roles,
        "people_page": EventParticipant.objects.public_at(event),
        "documents_page": event.documents.published().with_passages_about(event),
        "sub_events_page": event.sub_events.published().for_listing(),
    }
    context = {
        "event": event,
        **{
            param: Paginator(rows, EVENT_LIST_PAGE_SIZE).get_page(request.GET.get(param))
            for param, rows in lists.items()
        },
        "conventions": event.conventions.published(),
        "related_events": published.sharing_organizations(organization_ids, event=event)[
            :RELATED_EVENTS
        ],
        "previous_event": previous_event,
        "next_event": next_event,
    }
    return render(request, "documents/event_detail.html", context)
