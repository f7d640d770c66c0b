"""The bench-only parts of bench/site_server.py's settings: the timing middleware, the bare
view, and the URLs (the project's, plus the bare view)."""

import time

from django.db import connections
from django.http import HttpResponse
from django.urls import include, path


class RequestCostHeaders:
    """Times each request and counts its SQL queries, on every database connection."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        queries = 0

        def counted(execute, sql, params, many, context):
            nonlocal queries
            queries += 1
            return execute(sql, params, many, context)

        started = time.perf_counter()
        wrappers = [c.execute_wrapper(counted) for c in connections.all()]
        for wrapper in wrappers:
            wrapper.__enter__()
        try:
            response = self.get_response(request)
            if not response.streaming:
                response.content  # noqa: B018 (a lazy response renders here, inside the timing)
        finally:
            for wrapper in reversed(wrappers):
                wrapper.__exit__(None, None, None)
        response["X-Bench-Time-Ms"] = f"{(time.perf_counter() - started) * 1000:.3f}"
        response["X-Bench-Queries"] = str(queries)
        return response


def bare(request):
    """The floor: Django's request handling and middleware, no database, no template."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("__bench__/bare/", bare, name="bench-bare"),
    path("", include("advocacy_site.urls")),
]
