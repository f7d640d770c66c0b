"""The read-only JSON API at /api/: public records, their links, provenance and search, with
an OpenAPI description at /api/schema and browsable documentation at /api/docs.

django-ninja rather than Django REST framework: the answers are read-only dicts checked
against pydantic schemas, which also make the OpenAPI description, with no serializer,
viewset or router layer between a QuerySet method and its JSON.
"""

from django.http import Http404
from ninja import NinjaAPI, Swagger
from ninja.errors import ValidationError

from . import actors, mentions, popolo, records
from .filters import FilterError

api = NinjaAPI(
    title="Migrant-labour advocacy archive",
    version="1",
    description="Read-only open data: documents, events, event series, organizations, people, "
    "conventions, the passages they were found in, and search. Only what the public site "
    "shows; records are identified by their slugs.",
    urls_namespace="api",
    openapi_url="/schema",
    docs=Swagger(settings={"persistAuthorization": False}),
    docs_url="/docs",
)
api.add_router("/", records.router)
api.add_router("/", actors.router)
api.add_router("/", mentions.router)
api.add_router("/", popolo.router)


def _where(error: dict) -> str:
    return ".".join(str(part) for part in error.get("loc", ())[1:]) or "request"


@api.exception_handler(ValidationError)
def refuse_invalid(request, exc):
    """A parameter of the wrong form: 400 saying which and why (not ninja's 422)."""
    detail = "; ".join(f"{_where(e)}: {e.get('msg', 'invalid')}" for e in exc.errors)
    return api.create_response(request, {"detail": detail}, status=400)


@api.exception_handler(FilterError)
def refuse_filter(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=400)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(
        request, {"detail": "No public record has this identifier."}, status=404
    )
