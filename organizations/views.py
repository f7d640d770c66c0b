from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from .models import Organization, Person
from .services import redirect_merged

PAGE_SIZE = 50


def organization_list(request):
    organizations = Organization.objects.published()
    page = Paginator(organizations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organizations/organization_list.html", {"page_obj": page})


@redirect_merged(Organization)
def organization_detail(request, slug):
    organization = get_object_or_404(
        Organization.objects.published().select_related("parent"), slug=slug
    )
    context = {
        "organization": organization,
        "aliases": organization.aliases.all(),
        "children": organization.children.published(),
        "events": organization.events.published().order_by("start_date").distinct()[:PAGE_SIZE],
    }
    return render(request, "organizations/organization_detail.html", context)


def person_list(request):
    people = Person.objects.published()
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organizations/person_list.html", {"page_obj": page})


@redirect_merged(Person)
def person_detail(request, slug):
    person = get_object_or_404(Person.objects.published(), slug=slug)
    context = {
        "person": person,
        "affiliations": person.affiliations.exclude(review_status="rejected").select_related(
            "organization"
        ),
        "events": person.events.published().order_by("start_date").distinct()[:PAGE_SIZE],
    }
    return render(request, "organizations/person_detail.html", context)
