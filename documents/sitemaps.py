"""sitemap.xml (an index of one sitemap a record kind, each split past 50,000 addresses) and
robots.txt, which names it and keeps search and faceted (query-string) addresses out of
search engines' indexes: the sitemap already lists every public record once."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from taggit.models import Tag

from .kinds import RECORD_KINDS


class RecordSitemap(Sitemap):
    """Every public record of one kind, with its last change; pages of `limit` addresses."""

    limit = 50_000

    def __init__(self, model):
        self.model = model

    def items(self):
        return self.model.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, record):
        return record.updated_at

    def get_latest_lastmod(self):
        # Django's default loads every item to take the latest; one aggregate does.
        return self.model.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class TagSitemap(Sitemap):
    limit = 50_000

    def items(self):
        return Tag.objects.filter(taggit_taggeditem_items__isnull=False).distinct().order_by("pk")

    def location(self, tag):
        return reverse("documents:tag-detail", kwargs={"slug": tag.slug})


class ListPageSitemap(Sitemap):
    """The home page and the list of each record kind."""

    def items(self):
        return [
            "home",
            "documents:document-list",
            "documents:event-list",
            "documents:series-list",
            "documents:convention-list",
            "documents:tag-list",
            "organizations:organization-list",
            "organizations:person-list",
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": ListPageSitemap(),
    **{kind.code: RecordSitemap(kind.model) for kind in RECORD_KINDS},
    "tags": TagSitemap(),
}

ROBOTS_DISALLOWED = (
    "/search/",  # search results: endless, and each record has its own page
    "/*?",  # facets, filters and list pages by query string
    "/admin/",
    "/oai/",  # for harvesters (OAI-PMH), not search engines
    "/organizations/suggest/",
)


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOWED)]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap-index'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
