"""`{% feed_links %}`: the <link rel="alternate"> tags for the page being shown: the archive's
two feeds everywhere, and the feed of the record (or country) the page is about."""

from django import template
from django.urls import reverse
from django.utils.html import format_html_join

from advocacy_site.countries import country_name

register = template.Library()

# A page (its URL name): the feed of what it shows (same URL arguments), and the context
# variable holding its record, which names the feed.
RECORD_FEEDS = {
    "organizations:organization-detail": ("organizations:organization-feed", "organization"),
    "documents:convention-detail": ("documents:convention-feed", "convention"),
    "documents:series-detail": ("documents:series-feed", "series"),
    "documents:tag-detail": ("documents:tag-feed", "tag"),
}
ARCHIVE_FEEDS = (
    ("documents:document-feed", "New documents"),
    ("documents:event-feed", "New events"),
)


@register.simple_tag(takes_context=True)
def feed_links(context) -> str:
    """Reads only the request's resolved URL: no query."""
    feeds = [(reverse(name), title) for name, title in ARCHIVE_FEEDS]
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is not None and match.view_name in RECORD_FEEDS:
        feed, record = RECORD_FEEDS[match.view_name]
        title = f"New about {context.get(record) or 'this record'}"
        feeds.append((reverse(feed, kwargs=match.kwargs), title))
    elif match is not None and match.view_name == "documents:event-list":
        code = request.GET.get("country", "")
        if len(code) == 2 and country_name(code) != code:
            feeds.append(
                (
                    reverse("documents:country-feed", kwargs={"code": code.upper()}),
                    f"New events in {country_name(code)}",
                )
            )
    return format_html_join(
        "\n  ",
        '<link rel="alternate" type="application/atom+xml" href="{}" title="{}">',
        feeds,
    )
