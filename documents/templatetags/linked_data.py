"""Machine-readable descriptions in a page's head: schema.org JSON-LD and Open Graph.

`{% structured_data "event" %}` describes the page's record from what its view put in the
context (documents/structured_data.py builds the dict); `{% canonical_url %}` is the page's
address without its query string.
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from documents import structured_data

register = template.Library()

# As Django's json_script: no `<`, `>` or `&` survives, so `</script>` in a name cannot end
# the element, and the JSON stays valid.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _builders(context) -> dict:
    get = context.get
    return {
        "event": lambda url: structured_data.event_data(
            get("event"),
            url,
            # The page's lists are paginated: the first page of each is described.
            organization_roles=get("organizations_page") or (),
            participants=get("people_page") or (),
            conventions=get("conventions") or (),
            documents=get("documents_page") or (),
        ),
        "organization": lambda url: structured_data.organization_data(
            get("organization"), url, aliases=get("aliases") or ()
        ),
        "person": lambda url: structured_data.person_data(
            get("person"),
            url,
            aliases=get("aliases") or (),
            affiliations=get("affiliations_page") or (),
        ),
        "convention": lambda url: structured_data.convention_data(get("convention"), url),
        "document": lambda url: structured_data.document_data(
            get("document"),
            url,
            events=get("events") or (),
            organizations=get("organizations") or (),
            people=get("people") or (),
            conventions=get("conventions") or (),
        ),
        "series": lambda url: structured_data.series_data(
            get("series"), url, editions=get("editions") or ()
        ),
        "site": structured_data.site_data,
    }


def json_ld_script(data: dict) -> str:
    """`data` as a JSON-LD script element, escaped as Django's `json_script` escapes."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def structured_data_script(context, kind: str) -> str:
    """The JSON-LD script describing this page's record of `kind`."""
    request = context["request"]
    return json_ld_script(_builders(context)[kind](request.build_absolute_uri))


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """This page's address, without its query string (pages, filters and sorting)."""
    request = context["request"]
    return request.build_absolute_uri(request.path)
