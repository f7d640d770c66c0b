"""Atom feeds of what is new in the archive: documents and events for the whole archive, and
both together for one organization, convention, event series, tag or country, so a
researcher can follow one body or one treaty. Public records only; each feed costs the same
few queries however long the archive is (its object, then one query a record kind)."""

from urllib.parse import urlencode

import pycountry
from django.contrib.syndication.views import Feed
from django.db.models.functions import Substr
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from taggit.models import Tag

from advocacy_site.countries import country_name
from organizations.models import Organization

from .models import Convention, Event, EventSeries, Mention, SourceDocument

FEED_ITEMS = 30
SUMMARY_CHARS = 400
ARCHIVE_NAME = "Migrant-labour advocacy archive"


def newest_documents(documents=None) -> list:
    """The newest public documents, with `summary` (the text's opening) and not the text."""
    documents = SourceDocument.objects.published() if documents is None else documents
    return list(
        documents.defer("text", "search_vector")
        .annotate(summary=Substr("text", 1, SUMMARY_CHARS))
        .order_by("-created_at", "-pk")[:FEED_ITEMS]
    )


def newest_events(events=None) -> list:
    events = Event.objects.published() if events is None else events
    return list(events.defer("search_vector").order_by("-created_at", "-pk")[:FEED_ITEMS])


def newest_of_both(documents, events) -> list:
    """Documents and events together, newest first: two queries."""
    records = newest_documents(documents) + newest_events(events)
    return sorted(records, key=lambda record: record.created_at, reverse=True)[:FEED_ITEMS]


class ArchiveFeed(Feed):
    """What every feed here shares: Atom, and how a document or an event reads as an entry."""

    feed_type = Atom1Feed
    author_name = ARCHIVE_NAME

    def item_title(self, item):
        return str(item)

    def item_description(self, item):
        if isinstance(item, SourceDocument):
            return item.summary
        parts = [item.get_kind_display(), item.date_display, item.place_display]
        return " · ".join(p for p in parts if p) + (
            f"\n\n{item.description}" if item.description else ""
        )

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at


class NewDocumentsFeed(ArchiveFeed):
    title = f"{ARCHIVE_NAME}: new documents"
    subtitle = "Source documents as they are added to the archive."

    def link(self):
        return reverse("documents:document-list")

    def items(self):
        return newest_documents()


class NewEventsFeed(ArchiveFeed):
    title = f"{ARCHIVE_NAME}: new events"
    subtitle = "Consultations, trainings and founding meetings as they are added to the archive."

    def link(self):
        return reverse("documents:event-list")

    def items(self):
        return newest_events()


class RecordFeed(ArchiveFeed):
    """New documents and events about one record; a slug no public record has gives 404."""

    def title(self, obj):
        return f"{ARCHIVE_NAME}: {obj}"

    def subtitle(self, obj):
        return f"New documents and events about {obj}."

    def link(self, obj):
        return obj.get_absolute_url()


class OrganizationFeed(RecordFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Organization.objects.published(), slug=slug)

    def items(self, obj):
        mentioning = Mention.objects.public().filter(organization=obj).values("document")
        return newest_of_both(
            SourceDocument.objects.published().filter(pk__in=mentioning),
            Event.objects.published().with_organization([obj]),
        )


class ConventionFeed(RecordFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Convention.objects.published(), slug=slug)

    def items(self, obj):
        mentioning = Mention.objects.public().filter(convention=obj).values("document")
        return newest_of_both(
            SourceDocument.objects.published().filter(pk__in=mentioning),
            Event.objects.published().discussing(obj),
        )


def _describing(events):
    """Public documents that describe any of `events`."""
    links = Event.documents.through.objects.filter(event__in=events).values("sourcedocument")
    return SourceDocument.objects.published().filter(pk__in=links)


class SeriesFeed(RecordFeed):
    def get_object(self, request, slug):
        return get_object_or_404(EventSeries.objects.published(), slug=slug)

    def items(self, obj):
        editions = Event.objects.published().filter(series=obj)
        return newest_of_both(_describing(editions.values("pk")), editions)


class TagFeed(RecordFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def subtitle(self, obj):
        return f"New documents and events tagged {obj}."

    def link(self, obj):
        return reverse("documents:tag-detail", kwargs={"slug": obj.slug})

    def items(self, obj):
        documents = SourceDocument.objects.published().filter(tags__slug=obj.slug).distinct()
        events = Event.objects.published().filter(tags__slug=obj.slug).distinct()
        return newest_of_both(documents, events)


class CountryFeed(RecordFeed):
    """Events held in one country, and the documents that describe them."""

    def get_object(self, request, code):
        if len(code) != 2 or pycountry.countries.get(alpha_2=code.upper()) is None:
            raise Http404("No country has this code.")
        return code.upper()

    def title(self, obj):
        return f"{ARCHIVE_NAME}: {country_name(obj)}"

    def subtitle(self, obj):
        return f"New events in {country_name(obj)}, and the documents that describe them."

    def link(self, obj):
        return f"{reverse('documents:event-list')}?{urlencode({'country': obj})}"

    def items(self, obj):
        events = Event.objects.published().filter(country=obj)
        return newest_of_both(_describing(events.values("pk")), events)
