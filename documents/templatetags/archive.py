"""Template helpers for the public pages."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, number, param="page"):
    """The current address with one page parameter changed (`events_page=3`), others kept."""
    query = context["request"].GET.copy()
    query[param] = number
    return f"?{query.urlencode()}"
