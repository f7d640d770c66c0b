"""Small `make_<model>(**overrides)` helpers: each record valid on its own, unique by default."""

import datetime as dt
import hashlib
import itertools

from documents.models import Convention, Event, SourceDocument
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
