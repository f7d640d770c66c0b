"""The reconciliation endpoint OpenRefine talks to: the manifest, and batches of queries."""

import json
import re

from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ..reconciliation import TYPES, ReconciliationError, parse_queries, reconcile

JSONP_CALLBACK = re.compile(r"^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$")
SERVICE_NAME = "Migrant-labour advocacy archive"


def manifest(request) -> dict:
    """What the service offers: versions, identifiers, types, where a record's page is."""
    root = request.build_absolute_uri("/")
    return {
        "versions": ["0.2"],
        "name": SERVICE_NAME,
        "identifierSpace": root,
        "schemaSpace": "https://schema.org/",
        "view": {"url": root + "{{id}}/"},
        "defaultTypes": [{"id": t.id, "name": t.name} for t in TYPES.values()],
    }


def record_id(record) -> str:
    """A record's identifier: its page's path without the slashes (`organizations/mfa`)."""
    return record.get_absolute_url().strip("/")


def _answer(request, data: dict, status: int = 200) -> HttpResponse:
    callback = request.GET.get("callback") or request.POST.get("callback")
    if callback is None:
        response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    elif not JSONP_CALLBACK.match(callback) or len(callback) > 100:
        response = JsonResponse({"error": "callback must be a JavaScript name"}, status=400)
    else:
        body = f"/**/{callback}({json.dumps(data)});"
        response = HttpResponse(body, status=status, content_type="application/javascript")
    response["Access-Control-Allow-Origin"] = "*"  # for browser clients; nothing private here
    return response


@csrf_exempt  # OpenRefine posts from its own server, with no session and no CSRF token
@require_http_methods(["GET", "POST"])
def reconcile_service(request):
    """Without `queries`, the manifest; with them, each query's candidates."""
    raw = request.POST.get("queries") if request.method == "POST" else request.GET.get("queries")
    if raw is None:
        if request.method == "POST":
            return _answer(request, {"error": "a POST needs a queries parameter"}, status=400)
        return _answer(request, manifest(request))
    try:
        queries = parse_queries(raw)
    except ReconciliationError as error:
        return _answer(request, {"error": str(error)}, status=400)
    return _answer(request, reconcile(queries, record_id))
