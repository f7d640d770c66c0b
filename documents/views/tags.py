"""Tags: the list of them, and each tag's records of every kind."""

from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from taggit.models import Tag

from ..kinds import RECORD_KINDS

TAG_PAGE_SIZE = 50


def tag_list(request):
    tags = Tag.objects.annotate(n=Count("taggit_taggeditem_items")).filter(n__gt=0).order_by("name")
    page = Paginator(tags, 200).get_page(request.GET.get("page"))
    return render(request, "documents/tag_list.html", {"page_obj": page})


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    groups = []
    for kind in (kind for kind in RECORD_KINDS if kind.taggable):
        queryset = kind.model.objects.published().for_listing().filter(tags__slug=tag.slug)
        records = list(queryset.distinct()[: TAG_PAGE_SIZE + 1])
        if records:
            groups.append(
                {
                    "label": kind.label,
                    "records": records[:TAG_PAGE_SIZE],
                    "more": len(records) > TAG_PAGE_SIZE,
                }
            )
    return render(request, "documents/tag_detail.html", {"tag": tag, "groups": groups})
