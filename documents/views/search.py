"""The search page: results of `documents.search.search()` with their facets."""

from django.core.paginator import Paginator
from django.shortcuts import render

from ..facets import FACET_LABELS
from ..search import search

PAGE_SIZE = 10  # results a page: each brings a snippet cut from its whole text


def search_results(request):
    query = request.GET.get("q", "")
    filters = {name: request.GET.get(name, "") for name in FACET_LABELS}
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
