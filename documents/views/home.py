from django.core.paginator import Paginator
from django.db.models import Count, F
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from taggit.models import Tag

from advocacy_site.charts import year_chart
from organizations.activity import organizations_with_counts
from organizations.models import Organization

from ..kinds import RECORD_KINDS
from ..models import Convention, Event, SourceDocument
from ..search import search

PAGE_SIZE = 20
NEWEST = F("start_date").desc(nulls_last=True)  # undated records last on both engines
TAG_PAGE_SIZE = 50


def home(request):
    documents = SourceDocument.objects.published()
    context = {
        "counts": {kind.plural: kind.model.objects.published().count() for kind in RECORD_KINDS},
        "chart": year_chart(Event.objects.published().year_counts()),
        "recent_documents": documents.for_listing().order_by(NEWEST, "title")[:8],
        "recent_events": Event.objects.published().for_listing().order_by(NEWEST, "name")[:6],
        "top_organizations": organizations_with_counts(Organization.objects.published()).order_by(
            "-event_count", "name"
        )[:10],
        "conventions": Convention.objects.published()
        .with_counts()
        .order_by("-event_count", "identifier")[:8],
    }
    return render(request, "home.html", context)


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the SVG icon."""
    return redirect(static("favicon.svg"), permanent=True)


def search_results(request):
    query = request.GET.get("q", "")
    filters = {name: request.GET.get(name, "") for name in ("type", "year", "organization")}
    filters |= {name: request.GET.get(name, "") for name in ("country", "convention", "tag")}
    results = search(query, filters=filters)
    page = Paginator(results.hits, PAGE_SIZE).get_page(request.GET.get("page"))
    for facet in results.facets:
        for value in facet["values"]:
            value["query"] = _facet_query(request.GET, facet["name"], value)
    context = {
        "query": results.query,
        "results": results,
        "page_obj": page,
        "facets": results.facets,
        "active_filters": _active_filters(request.GET, results),
    }
    return render(request, "documents/search_results.html", context)


def _active_filters(params, results) -> list[dict]:
    """The filters in force, each with its label and the link that removes it."""
    labels = {f["name"]: f["label"] for f in results.facets}
    values = {(f["name"], v["value"]): v["label"] for f in results.facets for v in f["values"]}
    active = []
    for name, value in results.filters.items():
        remove = params.copy()
        remove.pop("page", None)
        remove.pop(name, None)
        label = values.get((name, value), value)
        active.append({"name": name, "label": labels[name], "value": label, "remove": remove})
    return active


def _facet_query(params, name: str, value: dict):
    """The search's parameters with this facet value chosen (or dropped if it was), page reset."""
    query = params.copy()
    query.pop("page", None)
    if value["selected"]:
        query.pop(name, None)
    else:
        query[name] = value["value"]
    return query


def tag_list(request):
    tags = Tag.objects.annotate(n=Count("taggit_taggeditem_items")).filter(n__gt=0).order_by("name")
    page = Paginator(tags, 200).get_page(request.GET.get("page"))
    return render(request, "documents/tag_list.html", {"page_obj": page})


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    groups = []
    for kind in RECORD_KINDS:
        queryset = kind.model.objects.published().for_listing().filter(tags__slug=tag.slug)
        records = list(queryset.distinct()[: TAG_PAGE_SIZE + 1])
        if records:
            groups.append(
                {
                    "label": kind.label,
                    "records": records[:TAG_PAGE_SIZE],
                    "more": len(records) > TAG_PAGE_SIZE,
                }
            )
    return render(request, "documents/tag_detail.html", {"tag": tag, "groups": groups})
