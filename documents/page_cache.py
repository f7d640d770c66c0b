"""Public pages cached whole for anonymous visitors, under the archive's version number.

Every committed change to the records bumps `ArchiveVersion` (saves and deletes through the
signals below, bulk writes through `rows_changed_in_bulk`, the importer once per batch), so a
cached page is never served after the archive changed: the version is part of the cache key,
and old entries simply expire. The same number gives an ETag: a browser or proxy that sends
it back gets 304 Not Modified. Curators (logged in) and the admin are never cached.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

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
    if kwargs.get("raw") or sender._meta.app_label not in ARCHIVE_APPS:
        return
    if sender is ArchiveVersion or sender.__name__.startswith("Historical"):
        return
    if "action" in kwargs and not kwargs["action"].startswith("post_"):
        return
    archive_version_bump()


def connect() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(on_archive_row_changed, dispatch_uid=f"archive-version-{signal!r}")


class PublicPageCacheMiddleware:
    """Serve anonymous GETs of public pages from the cache, with an ETag and Cache-Control.

    Placed after the authentication middleware. `PUBLIC_PAGE_CACHE_SECONDS` (browsers' and
    proxies' max-age) set to 0 turns the whole thing off.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        max_age = getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", 0)
        if not max_age or not self._public(request):
            response = self.get_response(request)
            if max_age and request.method in ("GET", "HEAD"):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        number, changed_at = archive_version()
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
