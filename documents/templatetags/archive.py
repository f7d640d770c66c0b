"""Template helpers for the public pages."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, number, param="page"):
    """The current address with one page parameter changed (`events_page=3`), others kept."""
    query = context["request"].GET.copy()
    query[param] = number
    return f"?{query.urlencode()}"


@register.simple_tag(takes_context=True)
def facet_url(context, name, value):
    """The current search with one facet set to `value` (or removed when None), page reset."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    if value is None:
        query.pop(name, None)
    else:
        query[name] = value
    return f"?{query.urlencode()}"
