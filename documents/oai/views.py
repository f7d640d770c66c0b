"""/oai/: the OAI-PMH 2.0 endpoint, over GET and POST (form-encoded)."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .arguments import OaiError, parse_request
from .verbs import VERBS, Repository
from .xml import add, envelope, serialize


@csrf_exempt  # harvesters POST forms without a session; the endpoint only reads
@require_http_methods(["GET", "HEAD", "POST"])
def oai_endpoint(request):
    params = request.POST if request.method == "POST" else request.GET
    repo = _repository(request)
    try:
        oai_request = parse_request(params)
    except OaiError as error:
        # Section 3.6: after badVerb or badArgument the request element carries no attributes.
        root = envelope(now=repo.now, base_url=repo.base_url, request_attributes={})
        add(root, "error", error.message, code=error.code)
        return _xml_response(root)
    attributes = {"verb": oai_request.verb, **oai_request.arguments}
    root = envelope(now=repo.now, base_url=repo.base_url, request_attributes=attributes)
    try:
        VERBS[oai_request.verb](root, repo, oai_request.arguments)
    except OaiError as error:
        if error.code == "badArgument":
            root = envelope(now=repo.now, base_url=repo.base_url, request_attributes={})
        add(root, "error", error.message, code=error.code)
    return _xml_response(root)


def _repository(request) -> Repository:
    host = settings.OAI_REPOSITORY_HOST or request.get_host().rsplit(":", 1)[0]
    return Repository(
        base_url=request.build_absolute_uri(reverse("oai:endpoint")),
        host=host,
        site_url=f"{request.scheme}://{request.get_host()}",
        now=timezone.now(),
        page_size=settings.OAI_PAGE_SIZE,
    )


def _xml_response(root) -> HttpResponse:
    return HttpResponse(serialize(root), content_type="text/xml; charset=utf-8")
