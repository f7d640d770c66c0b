"""Public pages cached whole for anonymous visitors, under the archive's version number.

Every committed change to the records bumps `ArchiveVersion` (saves and deletes through the
signals below, bulk writes through `rows_changed_in_bulk`, the importer once per batch), so a
cached page is never served after the archive changed: the version is part of the cache key,
and old entries simply expire. The same number gives an ETag: a browser or proxy that sends
it back gets 304 Not Modified. Curators (logged in) and the admin are never cached.
"""

import hashlib

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from advocacy_site.health import DATABASE_DOWN

from .models import ArchiveVersion

# Apps whose rows the public pages show (taggit: tags and their links to records).
ARCHIVE_APPS = {"documents", "organizations", "taggit"}
ENTRY_SECONDS = 24 * 3600  # a stale version's entries are never read again; they just expire


def archive_version() -> tuple[int, float]:
    """The archive's version number and the time it last changed (0, 0 before any change)."""
    row = ArchiveVersion.objects.filter(pk=1).values_list("number", "changed_at").first()
    return (row[0], row[1].timestamp()) if row else (0, 0.0)


def _bump_now() -> None:
    changed = ArchiveVersion.objects.filter(pk=1).update(
        number=F("number") + 1, changed_at=timezone.now()
    )
    if not changed:
        ArchiveVersion.objects.get_or_create(pk=1, defaults={"number": 1})


def archive_version_bump() -> None:
    """Mark the archive changed once the current transaction commits (now, outside one).
    Many writes in one atomic block (a cascade of deletes, a batch) bump it once."""
    level = set(connection.savepoint_ids)
    if connection.in_atomic_block and any(
        sids == level and func is _bump_now for sids, func, *_ in connection.run_on_commit
    ):
        return
    transaction.on_commit(_bump_now)


def on_archive_row_changed(sender, **kwargs):
    if kwargs.get("raw"):
        return
    if "action" in kwargs and not kwargs["action"].startswith("post_"):
        return
    archive_version_bump()


def _archive_models():
    """The models whose rows the public pages show: not the version itself, not history."""
    for label in ARCHIVE_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if model is not ArchiveVersion and not model.__name__.startswith("Historical"):
                yield model


def connect() -> None:
    # Per model, not for all senders: a post_delete receiver for every model would take the
    # fast path from every delete in the project (sessions, history, cascades).
    for model in _archive_models():
        uid = f"archive-version-{model._meta.label}"
        post_save.connect(on_archive_row_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(on_archive_row_changed, sender=model, dispatch_uid=f"{uid}-delete")
        m2m_changed.connect(on_archive_row_changed, sender=model, dispatch_uid=f"{uid}-m2m")


class PublicPageCacheMiddleware:
    """Serve anonymous GETs of public pages from the cache, with an ETag and Cache-Control.

    Placed after the authentication middleware. `PUBLIC_PAGE_CACHE_SECONDS` (browsers' and
    proxies' max-age) set to 0 turns the whole thing off.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        max_age = getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", 0)
        try:
            public = bool(max_age) and self._public(request)  # a curator's session is read
            number, changed_at = archive_version() if public else (0, 0.0)
        except DATABASE_DOWN:
            # Down: the page itself meets the outage, where DatabaseOutageMiddleware answers
            # 503. An error raised here, outside any view, would reach the visitor as a 500.
            return self.get_response(request)
        if not public:
            response = self.get_response(request)
            if max_age and request.method in ("GET", "HEAD"):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        etag = f'"archive-{number}-{int(changed_at)}"'
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            return self._headers(not_modified, etag, max_age)
        path_key = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        database = connection.settings_dict["NAME"]  # Redis may serve several archives
        key = f"page:{database}:{number}:{changed_at}:{path_key}"
        cached = cache.get(key)
        if cached is not None:
            content, content_type = cached
            return self._headers(HttpResponse(content, content_type=content_type), etag, max_age)
        response = self.get_response(request)
        if self._storable(request, response):
            cache.set(key, (response.content, response["Content-Type"]), ENTRY_SECONDS)
            self._headers(response, etag, max_age)
        return response

    @staticmethod
    def _public(request) -> bool:
        if request.method not in ("GET", "HEAD"):
            return False
        if request.path.startswith("/admin/"):
            return False
        return not request.user.is_authenticated

    @staticmethod
    def _storable(request, response) -> bool:
        return (
            request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
        )

    @staticmethod
    def _headers(response, etag: str, max_age: int):
        response["ETag"] = etag
        patch_cache_control(response, public=True, max_age=max_age)
        patch_vary_headers(response, ("Cookie",))
        return response
