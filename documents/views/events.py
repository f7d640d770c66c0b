import calendar

from django.core.paginator import Paginator
from django.db.models import Case, Count, Prefetch, Q, When
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from advocacy_site.charts import year_chart
from advocacy_site.countries import country_name
from advocacy_site.partial_dates import DatePrecision
from advocacy_site.query_params import clean_param
from organizations.activity import organizations_at_events
from organizations.models import Organization

from ..models import Event, EventOrganization, EventParticipant, Mention

YEAR_PAGE_SIZE = 100
RELATED_EVENTS = 8


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
        "organization_options": organizations_at_events(
            Organization.objects.published(), year_events
        )
        .distinct()
        .order_by("name")
        .values_list("slug", "name"),
        "previous_year": max((y for y in years if y < year), default=None),
        "next_year": min((y for y in years if y > year), default=None),
    }
    return render(request, "documents/event_archive_year.html", context)


def event_detail(request, slug):
    event = get_object_or_404(
        Event.objects.published().select_related("part_of").prefetch_related("tags"), slug=slug
    )
    public_orgs = Organization.objects.published()
    roles = (
        EventOrganization.objects.filter(event=event, organization__in=public_orgs)
        .exclude(review_status="rejected")
        .select_related("organization")
        .order_by("role", "organization__name")
    )
    participants = (
        EventParticipant.objects.filter(event=event, person__is_published=True)
        .exclude(review_status="rejected")
        .exclude(person__review_status="rejected")
        .select_related("person")
        .prefetch_related(Prefetch("affiliation", queryset=public_orgs))  # None if not public
        .order_by("role", "person__name")
    )
    passages = (
        Mention.objects.public()
        .filter(event=event)
        .select_related("document")
        .only("start", "end", "text", "event", "document", "document__title", "document__slug")
        .order_by("document__start_date", "document_id", "start")
    )
    documents = (
        event.documents.published()
        .for_listing()
        .prefetch_related(Prefetch("mentions", queryset=passages, to_attr="passages"))
    )
    org_ids = [role.organization_id for role in roles]
    shared_roles = EventOrganization.objects.filter(organization__in=org_ids).exclude(
        review_status="rejected"
    )
    related = (
        Event.objects.published()
        .for_listing()
        .filter(organization_roles__in=shared_roles)
        .exclude(pk=event.pk)
        .annotate(shared=Count("organization_roles__organization", distinct=True))
        .order_by("-shared", "start_date")[:RELATED_EVENTS]
    )
    in_order = Event.objects.published().for_listing().order_by("start_date", "name", "pk")
    previous_event = next_event = None
    if event.start_date:
        same_day = Q(start_date=event.start_date)
        before = Q(start_date__lt=event.start_date) | same_day & Q(name__lt=event.name)
        after = Q(start_date__gt=event.start_date) | same_day & Q(name__gt=event.name)
        previous_event = in_order.filter(before).last()
        next_event = in_order.filter(after).first()
    context = {
        "event": event,
        "organization_roles": roles,
        "participants": participants,
        "conventions": event.conventions.published(),
        "documents": documents,
        "related_events": related,
        "sub_events": event.sub_events.published().for_listing(),
        "previous_event": previous_event,
        "next_event": next_event,
    }
    return render(request, "documents/event_detail.html", context)
