from django.core.paginator import Paginator
from django.db.models.functions import Substr, Upper
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render

from advocacy_site.charts import year_chart
from advocacy_site.countries import country_name
from advocacy_site.query_params import clean_param
from documents.models import Convention, Event
from documents.views.passages import mentioning_documents_page

from .activity import (
    organization_people,
    organizations_most_present_at,
    people_with_counts,
    person_affiliations,
    person_roles,
)
from .models import Organization, Person
from .services import redirect_merged

PAGE_SIZE = 50
TIMELINE_PAGE_SIZE = 25
SUGGESTIONS = 10
CO_APPEARING = 12


def organization_list(request):
    filters = {
        "q": clean_param(request.GET.get("q")),
        "kind": clean_param(request.GET.get("kind"), 40),
        "country": clean_param(request.GET.get("country"), 2),
        "letter": clean_param(request.GET.get("letter"), 1).upper(),
    }
    published = Organization.objects.published()
    organizations = published.order_by("name_key", "name")  # counts stored on each row
    if filters["q"]:
        organizations = organizations.filter(pk__in=published.matching_text(filters["q"]))
    if filters["kind"]:
        organizations = organizations.filter(kind=filters["kind"])
    if filters["country"]:
        organizations = organizations.filter(country=filters["country"])
    if filters["letter"]:
        organizations = organizations.filter(name_key__startswith=filters["letter"].lower())
    page = Paginator(organizations, PAGE_SIZE).get_page(request.GET.get("page"))
    countries = published.exclude(country="").values_list("country", flat=True).distinct()
    letters = (
        published.annotate(letter=Upper(Substr("name_key", 1, 1)))
        .order_by("letter")
        .values_list("letter", flat=True)
        .distinct()
    )
    context = {
        "page_obj": page,
        "filters": filters,
        "kind_options": Organization.Kind.choices,
        "country_options": sorted(
            ((c, country_name(c)) for c in countries.order_by("country")), key=lambda c: c[1]
        ),
        "letters": list(letters),
    }
    return render(request, "organizations/organization_list.html", context)


def organization_suggest(request):
    """Type-ahead for the organization search box: a few names, acronyms and addresses."""
    text = clean_param(request.GET.get("q"), 100)
    matches = Organization.objects.published().matching_text(text).order_by("closeness", "name_key")
    rows = matches.values("name", "acronym", "slug")[:SUGGESTIONS] if text else []
    suggestions = [
        {
            "name": row["name"],
            "acronym": row["acronym"],
            "url": Organization(slug=row["slug"]).get_absolute_url(),
        }
        for row in rows
    ]
    return JsonResponse({"query": text, "suggestions": suggestions})


@redirect_merged(Organization)
def organization_detail(request, slug):
    organization = get_object_or_404(
        Organization.objects.published().select_related("parent").prefetch_related("tags"),
        slug=slug,
    )
    events = Event.objects.published().with_organization([organization])
    others = Organization.objects.published().exclude(pk=organization.pk)
    documents_page, passages = mentioning_documents_page(
        organization.mentions, request.GET.get("documents_page"), TIMELINE_PAGE_SIZE
    )
    context = {
        "organization": organization,
        "aliases": organization.aliases.all(),
        "country": country_name(organization.country),
        "children": organization.children.published(),
        "events_page": Paginator(events.for_listing(), TIMELINE_PAGE_SIZE).get_page(
            request.GET.get("events_page")
        ),
        "chart": year_chart(events.year_counts()),
        "people": organization_people(organization)[:PAGE_SIZE],
        "conventions": Convention.objects.published().most_linked_to(events),
        "documents_page": documents_page,
        "passages": passages,
        "co_appearing": organizations_most_present_at(others, events)[:CO_APPEARING],
    }
    return render(request, "organizations/organization_detail.html", context)


def person_list(request):
    people = people_with_counts(Person.objects.published()).order_by("name")
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organizations/person_list.html", {"page_obj": page})


@redirect_merged(Person)
def person_detail(request, slug):
    person = get_object_or_404(Person.objects.published().prefetch_related("tags"), slug=slug)
    roles = person_roles(person)
    documents_page, passages = mentioning_documents_page(
        person.mentions, request.GET.get("documents_page"), TIMELINE_PAGE_SIZE
    )
    context = {
        "person": person,
        "aliases": person.aliases.all(),
        "affiliations_page": Paginator(person_affiliations(person), TIMELINE_PAGE_SIZE).get_page(
            request.GET.get("affiliations_page")
        ),
        "roles_page": Paginator(roles, TIMELINE_PAGE_SIZE).get_page(request.GET.get("page")),
        "chart": year_chart(
            person.events.published().filter(pk__in=roles.values("event")).distinct().year_counts()
        ),
        "documents_page": documents_page,
        "passages": passages,
    }
    return render(request, "organizations/person_detail.html", context)
