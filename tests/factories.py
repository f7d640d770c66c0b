"""Small `make_<model>(**overrides)` helpers: each record valid on its own, unique by default."""

import datetime as dt
import hashlib
import itertools

from documents.models import Convention, Event, EventSeries, SourceDocument
from organizations.models import Organization, Person

_counter = itertools.count(1)


def make_document(**overrides) -> SourceDocument:
    n = next(_counter)
    fields = {
        "title": f"Consultation report {n}",
        "slug": f"consultation-report-{n}",
        "text": f"Report number {n} on the rights of migrant workers.\n",
        "content_sha256": hashlib.sha256(f"doc-{n}".encode()).hexdigest(),
        "source_file": f"report-{n}.txt",
    }
    fields.update(overrides)
    return SourceDocument.objects.create(**fields)


def make_organization(**overrides) -> Organization:
    n = next(_counter)
    fields = {"name": f"Migrant Workers Union {n}", "slug": f"migrant-workers-union-{n}"}
    fields.update(overrides)
    return Organization.objects.create(**fields)


def make_person(**overrides) -> Person:
    n = next(_counter)
    fields = {"name": f"Person Number {n}", "slug": f"person-number-{n}"}
    fields.update(overrides)
    return Person.objects.create(**fields)


def make_event(**overrides) -> Event:
    n = next(_counter)
    fields = {
        "name": f"Regional consultation {n}",
        "slug": f"regional-consultation-{n}",
        "kind": Event.Kind.CONSULTATION,
        "start_date": dt.date(2007, 11, 1),
        "end_date": dt.date(2007, 11, 3),
        "date_precision": "day",
    }
    fields.update(overrides)
    return Event.objects.create(**fields)


def make_series(**overrides) -> EventSeries:
    n = next(_counter)
    fields = {"name": f"Regional Forum on Migrant Labour {n}", "slug": f"regional-forum-{n}"}
    fields.update(overrides)
    return EventSeries.objects.create(**fields)


def make_convention(**overrides) -> Convention:
    n = next(_counter)
    fields = {
        "identifier": f"ILO-C{n:03d}",
        "slug": f"ilo-c{n:03d}",
        "short_name": f"Convention {n}",
        "title": f"Convention {n}, 2000",
        "number": n,
    }
    fields.update(overrides)
    return Convention.objects.create(**fields)


def make_mention(document, record, *, text=None, **overrides):
    """A mention of `record` at the first place its name (or `text`) appears in `document`."""
    from documents.kinds import kind_of
    from documents.models import Mention

    kind = kind_of(record).code
    text = text or getattr(record, "name", None) or getattr(record, "title", "")
    start = document.text.index(text)
    fields = {"start": start, "end": start + len(text), "text": text, "rule": "test"}
    fields.update(overrides)
    return Mention.objects.create(document=document, **{kind: record}, **fields)


def make_archive_graph():
    """A small cross-linked archive: the 2007 ASEAN consultation, as the importer would file it."""
    from documents.models import EventOrganization, EventParticipant

    atuc = make_organization(
        name="ASEAN Trade Union Council", acronym="ATUC", slug="asean-trade-union-council"
    )
    mfa = make_organization(
        name="Migrant Forum in Asia", acronym="MFA", slug="migrant-forum-in-asia", kind="network"
    )
    gois = make_person(name="William Gois", slug="william-gois")
    c189 = make_convention(
        identifier="ILO-C189",
        slug="ilo-c189",
        short_name="Domestic Workers Convention",
        title="Domestic Workers Convention, 2011 (No. 189)",
        number=189,
    )
    document = make_document(
        title="Sub-Regional Consultation of ASEAN CSO and Trade Unions",
        slug="sub-regional-consultation-2007",
        text=(
            "The consultation was co-organized by the ASEAN Trade Union Council (ATUC) and "
            "Migrant Forum in Asia (MFA). William Gois, Regional Coordinator of MFA, spoke on "
            "domestic workers and the Domestic Workers Convention.\n"
        ),
        start_date=dt.date(2007, 11, 15),
        end_date=dt.date(2007, 11, 15),
    )
    event = make_event(
        name="Sub-Regional Consultation on the ASEAN Declaration",
        slug="sub-regional-consultation-on-the-asean-declaration-2007",
        city="Singapore",
        country="SG",
    )
    event.documents.add(document)
    event.conventions.add(c189)
    EventOrganization.objects.create(event=event, organization=atuc, role="co-organizer")
    EventOrganization.objects.create(event=event, organization=mfa, role="co-organizer")
    EventParticipant.objects.create(
        event=event, person=gois, role="speaker", title="Regional Coordinator", affiliation=mfa
    )
    make_mention(document, atuc)
    make_mention(document, mfa)
    make_mention(document, gois)
    make_mention(document, c189, text="Domestic Workers Convention")
    make_mention(document, event, text="The consultation")
    return {
        "atuc": atuc,
        "mfa": mfa,
        "gois": gois,
        "c189": c189,
        "document": document,
        "event": event,
    }


def make_bulk_archive(size: int, *, hub=None):
    """`size` events, documents and organizations, all linked to `hub` (an organization)."""
    from documents.models import EventOrganization, EventParticipant

    hub = hub or make_organization(name="Hub Network", acronym="HUB", slug="hub-network")
    convention = make_convention()
    for i in range(size):
        org = make_organization(acronym=f"O{i}")
        person = make_person()
        document = make_document(
            text=f"The Hub Network met {org.name} about migrant workers.\n",
            start_date=dt.date(2000 + i % 15, 1 + i % 12, 1),
            end_date=dt.date(2000 + i % 15, 1 + i % 12, 1),
        )
        event = make_event(
            start_date=dt.date(2000 + i % 15, 1 + i % 12, 2),
            end_date=dt.date(2000 + i % 15, 1 + i % 12, 3),
            country="PH",
        )
        event.documents.add(document)
        event.conventions.add(convention)
        event.tags.add("recruitment")
        document.tags.add("recruitment")
        EventOrganization.objects.create(event=event, organization=hub, role="organizer")
        EventOrganization.objects.create(event=event, organization=org, role="partner")
        EventParticipant.objects.create(event=event, person=person, title="Delegate")
        make_mention(document, hub, text="Hub Network")
        make_mention(document, org)
        make_mention(document, event, text=f"The Hub Network met {org.name}")
    return hub
