"""The download links of a list page: its CSV and JSON exports with the page's filters."""

from django import template
from django.urls import reverse

from ..exports import NAVIGATION

register = template.Library()


@register.simple_tag(takes_context=True)
def export_url(context, name: str, fmt: str, **fixed) -> str:
    """The export of list `name` as `fmt` with this page's filters (not its page number),
    plus `fixed` ones the page takes from its path (`year=2007` on a year's events)."""
    query = context["request"].GET.copy()
    for param in NAVIGATION:
        query.pop(param, None)
    for param, value in fixed.items():
        if value not in (None, ""):
            query[param] = value
    address = reverse(f"documents:export-{fmt}", kwargs={"name": name})
    return f"{address}?{query.urlencode()}" if query else address
