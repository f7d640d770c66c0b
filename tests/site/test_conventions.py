"""Conventions: the events that discuss them and the documents that mention them, counted."""

import pytest
from django.urls import reverse

from documents.counts import archive_counts_refresh

from ..factories import make_archive_graph, make_convention, make_document, make_event, make_mention

pytestmark = pytest.mark.django_db


def counts(client):
    archive_counts_refresh()  # as it stands once the writes commit (tests never commit)
    response = client.get(reverse("documents:convention-list"))
    return {c.slug: (c.event_count, c.document_count) for c in response.context["page_obj"]}


def test_convention_list_counts_linked_events_and_mentioning_documents(client):
    graph = make_archive_graph()
    make_event(slug="unrelated")
    assert counts(client)[graph["c189"].slug] == (1, 1)


def test_events_whose_documents_mention_a_convention_count_and_are_listed(client):
    cmw = make_convention(identifier="UN-ICRMW", slug="un-icrmw", short_name="Migrant Workers")
    document = make_document(text="The meeting urged ratification of the ICRMW.\n")
    make_mention(document, cmw, text="ICRMW")
    event = make_event(slug="ratification-meeting")
    event.documents.add(document)
    hidden = make_event(slug="hidden-meeting", is_published=False)
    hidden.documents.add(document)
    assert counts(client)[cmw.slug] == (1, 1)
    response = client.get(cmw.get_absolute_url())
    assert [e.slug for e in response.context["events_page"]] == ["ratification-meeting"]
    assert response.context["documents_page"].paginator.count == 1
    assert document.title in response.content.decode()


def test_rejected_mentions_do_not_count(client):
    cmw = make_convention(slug="cmw")
    document = make_document(text="On the Convention here.\n")
    make_mention(document, cmw, text="Convention", review_status="rejected")
    make_event(slug="m").documents.add(document)
    assert counts(client)[cmw.slug] == (0, 0)
