"""Source documents: the list, and a document's page with its text and what it mentions."""

from django.core.paginator import Paginator
from django.db.models import F
from django.shortcuts import get_object_or_404, render

from advocacy_site.passages import Span, linked_text

from ..models import Mention, SourceDocument

PAGE_SIZE = 50
LINKED_TARGETS = ("organization", "person", "convention")


def document_list(request):
    documents = (
        SourceDocument.objects.published()
        .for_listing()
        .order_by(F("start_date").desc(nulls_last=True), "title")
    )
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "documents/sourcedocument_list.html", {"page_obj": page})


def document_detail(request, slug):
    document = get_object_or_404(
        SourceDocument.objects.published().prefetch_related("tags"), slug=slug
    )
    mentions = (
        Mention.objects.visible()
        .filter(document=document)
        .exclude(organization=None, person=None, convention=None)
        .select_related("organization", "person", "convention")
    )
    spans, linked = [], {}
    for mention in mentions:
        target = mention.target
        if target.is_public:
            kind = next(k for k in LINKED_TARGETS if getattr(mention, f"{k}_id"))
            url = target.get_absolute_url()
            spans.append(Span(mention.start, mention.end, url, kind, str(target)))
            linked.setdefault(kind, {})[target.pk] = target
    context = {
        "document": document,
        "paragraphs": linked_text(document.text, spans),
        "events": document.events.published().for_listing(),
        "organizations": sorted(linked.get("organization", {}).values(), key=lambda o: o.name),
        "people": sorted(linked.get("person", {}).values(), key=lambda p: p.name),
        "conventions": sorted(linked.get("convention", {}).values(), key=lambda c: c.identifier),
        "citation_url": request.build_absolute_uri(document.get_absolute_url()),
    }
    return render(request, "documents/sourcedocument_detail.html", context)
