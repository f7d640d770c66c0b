"""Absolute URLs of records, in the API and on the public site, from their slugs: each address
is reversed once a request and filled in per row (an export writes 100,000 of them)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.http import urlencode

PLACEHOLDER = "__slug__"

PAGE_URL_NAMES = {
    "document": "documents:document-detail",
    "event": "documents:event-detail",
    "series": "documents:series-detail",
    "convention": "documents:convention-detail",
    "organization": "organizations:organization-detail",
    "person": "organizations:person-detail",
}
API_URL_NAMES = {kind: f"api:{kind}" for kind in PAGE_URL_NAMES}


class Links:
    """`links.page("event", slug)`, `links.api("event", slug)`: absolute addresses for one
    request's host."""

    def __init__(self, request):
        self.root = request.build_absolute_uri("/").rstrip("/")
        self._templates: dict[str, str] = {}

    def _template(self, name: str) -> str:
        if name not in self._templates:
            self._templates[name] = self.root + reverse(name, kwargs={"slug": PLACEHOLDER})
        return self._templates[name]

    def page(self, kind: str, slug: str | None) -> str | None:
        return self._template(PAGE_URL_NAMES[kind]).replace(PLACEHOLDER, slug) if slug else None

    def api(self, kind: str, slug: str | None) -> str | None:
        return self._template(API_URL_NAMES[kind]).replace(PLACEHOLDER, slug) if slug else None

    @staticmethod
    def api_path(kind: str, slug: str) -> str:
        return reverse(API_URL_NAMES[kind], kwargs={"slug": slug})

    def api_call(self, url_name: str, query: dict | None = None, **kwargs) -> str:
        """The absolute address of an API call (`events`, `mention`) with its query."""
        address = self.root + reverse(f"api:{url_name}", kwargs=kwargs or None)
        return f"{address}?{urlencode(query)}" if query else address

    def absolute(self, path: str) -> str:
        return self.root + path

    def ref(self, kind: str, slug: str | None, name: str) -> dict | None:
        """A link to another record: its slug, name, API address and public page."""
        if not slug:
            return None
        return {
            "id": slug,
            "name": name,
            "url": self.api(kind, slug),
            "html_url": self.page(kind, slug),
        }
