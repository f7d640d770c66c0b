"""Is the database answering: `/healthz` for whoever watches the site, and a 503 page instead
of a bare 500 while it is not.

Recovery needs nothing here: a failed query marks the connection, Django closes it when the
request ends, and with CONN_HEALTH_CHECKS the next request checks a kept connection before use.
"""

import logging

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache

# The errors of a database that is down, restarting or unreachable; not those of a bad query.
DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30

logger = logging.getLogger(__name__)


def outage_response() -> HttpResponse:
    """The 503 page: rendered from a template that needs no request and no database."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


class DatabaseOutageMiddleware:
    """Answer 503 with Retry-After when a view or its template meets a database outage."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_DOWN):
            return None
        logger.error(
            "database unavailable: %s",
            exception,
            extra={"path": request.path, "error": type(exception).__name__},
        )
        return outage_response()


@never_cache
def healthz(request):
    """200 `{"status": "ok"}` when the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        logger.error("health check: database unavailable: %s", exc)
        response = JsonResponse({"status": "unavailable", "database": "error"}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return JsonResponse({"status": "ok", "database": "ok"})
