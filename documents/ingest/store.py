"""The importer's write side: a batch of analysed documents into the archive, in one transaction
and a few statements a table.

Written document by document, an import cost about ninety queries a document. Here a batch is
planned in memory first: every finding is resolved against the archive (the resolver's
in-memory index) and against the records the batch itself creates, whose primary keys are
reserved up front (`PrimaryKeys`), so new rows can point at each other before any is written.
Then each table gets one bulk insert, with its history rows. The caller runs a batch inside
one transaction and, if it fails, writes its documents again one at a time, so a bad document
fails alone and no document is ever half-written.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from django.db import models
from simple_history.utils import bulk_update_with_history

from advocacy_site.names import name_key
from advocacy_site.records import ReviewStatus, unique_slug
from documents.models import (
    Convention,
    Event,
    EventOrganization,
    EventParticipant,
    EventSeries,
    Mention,
    SourceDocument,
)
from documents.signals import records_reindex
from organizations.models import Affiliation, Organization, OrganizationAlias, Person

from .findings import DocumentAnalysis, EventFinding, Span
from .inserts import RowInserts
from .new_rows import convention_from_reference, event_from_finding, tags_add
from .primary_keys import PrimaryKeys
from .resolver import ArchiveResolver
from .series import series_named
from .sources import SourceText

PROPOSED, CONFIRMED, REJECTED = ReviewStatus.PROPOSED, ReviewStatus.CONFIRMED, ReviewStatus.REJECTED
# Inserted first, in this order: an event's row points at its series.
RECORD_MODELS = (SourceDocument, Organization, Person, Convention, EventSeries, Event)
PART_MODELS = (OrganizationAlias, Affiliation, EventOrganization, EventParticipant, Mention)
EVENT_DOCUMENTS = Event.documents.through
EVENT_CONVENTIONS = Event.conventions.through
LINK_BATCH = 500  # many-to-many rows a statement
MAX_EDITION = 999  # a larger "edition" is a misread year or number, not a count of meetings


class DocumentContext:
    """What the archive already holds for one document: for an updated document, the curator's
    decisions on its passages, which the importer never overrides."""

    def __init__(self, document: SourceDocument, is_new: bool):
        self.document = document
        self.is_new = is_new
        rows = (
            []
            if is_new
            else Mention.objects.filter(document=document).values_list(
                "start",
                "end",
                "organization_id",
                "person_id",
                "event_id",
                "convention_id",
                "review_status",
            )
        )
        self.mentions = {row[:6] for row in rows}
        self.rejected_spans = {(row[0], row[1]) for row in rows if row[6] == REJECTED}
        self.affiliations = (
            set()
            if is_new
            else set(
                Affiliation.objects.filter(source_document=document).values_list(
                    "person_id", "organization_id", "title"
                )
            )
        )

    def all_spans_rejected(self, spans: list[Span]) -> bool:
        return bool(spans) and all((s.start, s.end) in self.rejected_spans for s in spans)


class DocumentBatch:
    """Plans, then writes, a batch of analysed documents; run `write` inside a transaction.

    After `write`: `new` and `updated` documents, and `created` records by type.
    """

    def __init__(self, resolver: ArchiveResolver):
        self.resolver = resolver
        self.keys = PrimaryKeys()
        self.new = self.updated = 0
        self.created: Counter = Counter()
        self.records: dict[type, list] = defaultdict(list)  # new records, in memory until written
        self.parts = RowInserts()  # aliases, roles, mentions...; the records join them at the end
        self.links: dict[type, list] = defaultdict(list)  # new many-to-many rows
        self.tagged: list[tuple[models.Model, list[str]]] = []
        self.touched: set[tuple[type, int]] = set()  # records whose search entry changes
        self.inserted: set[tuple[type, int]] = set()  # records this batch creates
        self.by_file: dict[str, SourceDocument] = {}  # documents already imported, by file name
        self.loaded: dict[type, dict[int, models.Model]] = defaultdict(dict)
        self.org_aliases: set[tuple[int, str]] = set()
        self.org_roles: set[tuple[int, int, str]] = set()
        self.person_roles: set[tuple[int, int, str]] = set()
        self.editions: dict[int, Event] = {}  # events already written that join a series

    # --- the whole batch ------------------------------------------------------------------

    def write(self, items: list[tuple[SourceText, DocumentAnalysis]]) -> list[SourceDocument]:
        self._load_known(items)
        documents = [self._plan_document(source, analysis) for source, analysis in items]
        self._insert()
        records_reindex(self.touched)
        return documents

    def _load_known(self, items) -> None:
        """The records this batch's findings resolve to, loaded in one query a table."""
        resolver = self.resolver
        files = [source.name for source, _ in items]
        for document in SourceDocument.objects.filter(source_file__in=files):  # newest first
            self.by_file.setdefault(document.source_file, document)
        analyses = [analysis for _, analysis in items]
        org_pks, person_pks, convention_pks, event_pks = set(), set(), set(), set()
        for analysis in analyses:
            org_pks.update(resolver.organization_for(f) for f in analysis.organizations.values())
            for finding in analysis.people.values():
                person_pks.update(resolver.person_by_key.get(name_key(finding.name), ()))
            convention_pks.update(
                resolver.convention_by_id.get(i.upper()) for i in analysis.conventions
            )
            event_pks.update(resolver.event_for(f) for f in analysis.events)
        for model, pks in (
            (Organization, org_pks),
            (Person, person_pks),
            (Convention, convention_pks),
            (Event, event_pks),
        ):
            pks.discard(None)
            if pks:
                self.loaded[model].update(model.objects.in_bulk(pks))
        org_pks, event_pks = list(self.loaded[Organization]), list(self.loaded[Event])
        if org_pks:
            self.org_aliases.update(
                OrganizationAlias.objects.filter(organization__in=org_pks).values_list(
                    "organization_id", "name_key"
                )
            )
        if event_pks:
            self.org_roles.update(
                EventOrganization.objects.filter(event__in=event_pks).values_list(
                    "event_id", "organization_id", "role"
                )
            )
            self.person_roles.update(
                EventParticipant.objects.filter(event__in=event_pks).values_list(
                    "event_id", "person_id", "role"
                )
            )

    def _record(self, model, pk: int | None):
        """A record the batch knows (loaded or new), or loads; None when there is none."""
        if pk is None:
            return None
        known = self.loaded[model]
        if pk not in known:
            record = model.objects.filter(pk=pk).first()
            if record is None:
                return None
            known[pk] = record
            if model is Organization:  # a match the batch's own new names led to
                self.org_aliases.update(
                    OrganizationAlias.objects.filter(organization=record).values_list(
                        "organization_id", "name_key"
                    )
                )
        return known[pk]

    def _new(self, record: models.Model, kind: str | None = None) -> models.Model:
        """A new record: its key reserved now, its row written with the batch."""
        model = type(record)
        record.pk = self.keys.next(model)
        self.records[model].append(record)
        self.loaded[model][record.pk] = record
        self.touched.add((model, record.pk))
        self.inserted.add((model, record.pk))
        if kind:
            self.created[kind] += 1
        return record

    def _part(self, model, **values) -> None:
        self.parts.add(model, {"id": self.keys.next(model), **values})

    def _insert(self) -> None:
        for model in RECORD_MODELS:
            for record in self.records[model]:
                self.parts.add_record(record)
        self.parts.write([*RECORD_MODELS, *PART_MODELS])
        if self.editions:  # one UPDATE for the batch, with a history row each
            bulk_update_with_history(list(self.editions.values()), Event, ["series", "edition"])
        for through, rows in self.links.items():
            through.objects.bulk_create(rows, batch_size=LINK_BATCH, ignore_conflicts=True)
        tags_add(self.tagged, self.resolver.tags)

    # --- one document ---------------------------------------------------------------------

    def _plan_document(self, source: SourceText, analysis: DocumentAnalysis) -> SourceDocument:
        document = self.by_file.get(source.name)
        is_new = document is None
        if is_new:
            document = SourceDocument(
                slug=unique_slug(
                    SourceDocument, analysis.title, taken=self.resolver.slugs(SourceDocument)
                ),
                source_file=source.name,
            )
        document.title = analysis.title[:500]
        document.text = analysis.text
        document.category = analysis.category
        document.region = analysis.region
        document.content_sha256 = source.sha256
        document.set_partial_date(analysis.date)
        document.clean_fields()  # lengths and choices; uniqueness is the database's to enforce
        if is_new:
            self._new(document, "documents")
            self.new += 1
        else:  # the text changed: old proposals point at old offsets
            document.save()
            Mention.objects.filter(document=document, review_status=PROPOSED).delete()
            self.updated += 1
        context = DocumentContext(document, is_new)
        self._tag(document, analysis.tags)
        orgs = self._plan_organizations(context, analysis)
        people = self._plan_people(context, analysis, orgs)
        conventions = self._plan_conventions(context, analysis)
        self._plan_events(context, analysis, orgs, people, conventions)
        return document

    def _mention(self, context: DocumentContext, span: Span, **target: int) -> None:
        key = (
            span.start,
            span.end,
            *(target.get(f"{f}_id") for f in ("organization", "person", "event", "convention")),
        )
        if key in context.mentions:
            return  # a curator's decision on this passage stands; never proposed again
        context.mentions.add(key)
        self._part(
            Mention,
            document_id=context.document.pk,
            start=span.start,
            end=span.end,
            text=span.text[:1000],
            rule=span.rule,
            confidence=span.confidence,
            **target,
        )

    def _tag(self, record, names: list[str]) -> None:
        if names:
            self.tagged.append((record, names))
            self.touched.add((type(record), record.pk))

    def _plan_organizations(self, context, analysis) -> dict[str, Organization]:
        resolver = self.resolver
        records: dict[str, Organization] = {}
        for key, finding in analysis.organizations.items():
            if context.all_spans_rejected(finding.spans):
                continue
            org = self._record(Organization, resolver.organization_for(finding))
            if org is None:
                name = finding.name[:300]
                org = self._new(
                    Organization(
                        name=name,
                        name_key=name_key(name),
                        acronym=finding.acronym[:40],
                        kind=finding.kind,
                        country=finding.country,
                        website=finding.website,
                        slug=unique_slug(Organization, name, taken=resolver.slugs(Organization)),
                        review_status=PROPOSED,
                    ),
                    "organizations",
                )
            elif org.review_status != CONFIRMED and finding.acronym and not org.acronym:
                org.acronym = finding.acronym[:40]
                if (Organization, org.pk) not in self.inserted:  # new ones are written later
                    org.save(update_fields=["acronym", "updated_at"])
            if org.review_status != CONFIRMED:
                self._plan_aliases(org, finding.aliases)
            resolver.remember_organization(
                org.pk, [finding.name, *finding.aliases], org.acronym, org.country
            )
            records[key] = org
            for span in finding.spans:
                self._mention(context, span, organization_id=org.pk)
        self._link_parents(analysis, records)
        return records

    def _plan_aliases(self, org: Organization, aliases: Iterable[str]) -> None:
        for alias in sorted(aliases):
            key = (org.pk, name_key(alias))
            if alias.lower() in (org.name.lower(), org.acronym.lower()) or key in self.org_aliases:
                continue
            self.org_aliases.add(key)
            self.touched.add((Organization, org.pk))
            self._part(
                OrganizationAlias,
                organization_id=org.pk,
                name=alias[:300],
                name_key=key[1],
                kind="acronym" if alias.isupper() else "name",
            )

    def _link_parents(self, analysis, records: dict[str, Organization]) -> None:
        """Parents named in the gazetteer, once both bodies are in the archive."""
        by_name = {f.name: records[k].pk for k, f in analysis.organizations.items() if k in records}
        for key, finding in analysis.organizations.items():
            org = records.get(key)
            if org is None or not finding.parent or org.parent_id or org.review_status == CONFIRMED:
                continue
            parent_pk = by_name.get(finding.parent) or self.resolver.org_by_key.get(
                name_key(finding.parent)
            )
            if not parent_pk or parent_pk == org.pk:
                continue
            org.parent_id = parent_pk
            if (Organization, org.pk) not in self.inserted:
                Organization.objects.filter(pk=org.pk).update(parent_id=parent_pk)
                self.touched.add((Organization, org.pk))

    def _plan_people(self, context, analysis, orgs) -> dict[str, Person]:
        resolver = self.resolver
        records: dict[str, Person] = {}
        document = context.document
        for key, finding in analysis.people.items():
            if context.all_spans_rejected(finding.spans):
                continue
            org = orgs.get(finding.organization_key)
            org_pk = org.pk if org else None
            person = self._record(Person, resolver.person_for(finding, org_pk))
            if person is None:
                name = finding.name[:200]
                person = self._new(
                    Person(
                        name=name,
                        name_key=name_key(name),
                        honorific=finding.honorific[:30],
                        slug=unique_slug(Person, name, taken=resolver.slugs(Person)),
                        review_status=PROPOSED,
                    ),
                    "people",
                )
            affiliation_key = (person.pk, org_pk, finding.title[:300])
            if (org or finding.title) and affiliation_key not in context.affiliations:
                context.affiliations.add(affiliation_key)
                self._part(
                    Affiliation,
                    person_id=person.pk,
                    organization_id=org_pk,
                    title=finding.title[:300],
                    source_document_id=document.pk,
                    review_status=PROPOSED,
                    date_text=document.date_text,
                    start_date=document.start_date,
                    end_date=document.end_date,
                    date_precision=document.date_precision,
                )
            resolver.remember_person(person.pk, finding.name, org_pk)
            records[key] = person
            for span in finding.spans:
                self._mention(context, span, person_id=person.pk)
        return records

    def _plan_conventions(self, context, analysis) -> dict[str, Convention]:
        by_id = self.resolver.convention_by_id
        records = {}
        for identifier, finding in analysis.conventions.items():
            if context.all_spans_rejected(finding.spans):
                continue
            convention = self._record(Convention, by_id.get(identifier.upper()))
            if convention is None:
                convention = self._new(
                    convention_from_reference(identifier, self.resolver.slugs(Convention)),
                    "conventions",
                )
                by_id[identifier.upper()] = convention.pk
            records[identifier] = convention
            for span in finding.spans:
                self._mention(context, span, convention_id=convention.pk)
        return records

    def _plan_events(self, context, analysis, orgs, people, conventions) -> None:
        resolver = self.resolver
        for finding in analysis.events:
            if context.all_spans_rejected(finding.spans):
                continue
            event = self._record(Event, resolver.event_for(finding))
            if event is None:
                event = self._new(event_from_finding(finding, resolver), "events")
                resolver.remember_event(event.pk, finding)
            self.links[EVENT_DOCUMENTS].append(
                EVENT_DOCUMENTS(event_id=event.pk, sourcedocument_id=context.document.pk)
            )
            if event.review_status != CONFIRMED:
                self._plan_edition(event, finding)
                self._plan_roles(analysis, event, finding, orgs, people)
                self.links[EVENT_CONVENTIONS].extend(
                    EVENT_CONVENTIONS(event_id=event.pk, convention_id=conventions[c].pk)
                    for c in finding.conventions
                    if c in conventions
                )
                self._tag(event, finding.tags)
            for span in finding.spans:
                self._mention(context, span, event_id=event.pk)

    def _plan_edition(self, event: Event, finding: EventFinding) -> None:
        """Link the event to its series (made on first sight), unless it already has one."""
        name = " ".join(finding.series.split())[:300]
        if not name or event.series_id not in (None, self.resolver.series_for(name)):
            return
        if event.series_id is None:
            event.series_id = self.resolver.series_for(name) or self._new_series(name)
        elif event.edition or not finding.edition:
            return  # nothing new: the same series, the number known or still unknown
        event.edition = finding.edition if 0 < (finding.edition or 0) <= MAX_EDITION else None
        if (Event, event.pk) not in self.inserted:  # new events are written with the batch
            self.editions[event.pk] = event
        self.touched.add((Event, event.pk))  # its entry names its series

    def _new_series(self, name: str) -> int:
        known = series_named(name)
        series = self._new(
            EventSeries(
                name=name,
                acronym=known.acronym if known else "",
                slug=unique_slug(EventSeries, name, taken=self.resolver.slugs(EventSeries)),
                review_status=PROPOSED,
            ),
            "event series",
        )
        self.resolver.remember_series(series.pk, name)
        return series.pk

    def _plan_roles(self, analysis, event, finding: EventFinding, orgs, people) -> None:
        for key, role in finding.organizations:
            if key in orgs and (event.pk, orgs[key].pk, role) not in self.org_roles:
                self.org_roles.add((event.pk, orgs[key].pk, role))
                self.touched.add((Event, event.pk))  # its entry names its organizations
                self._part(
                    EventOrganization, event_id=event.pk, organization_id=orgs[key].pk, role=role
                )
        for key, role in finding.people:
            if key in people and (event.pk, people[key].pk, role) not in self.person_roles:
                self.person_roles.add((event.pk, people[key].pk, role))
                person_finding = analysis.people[key]
                affiliation = orgs.get(person_finding.organization_key)
                self._part(
                    EventParticipant,
                    event_id=event.pk,
                    person_id=people[key].pk,
                    role=role,
                    title=person_finding.title[:300],
                    affiliation_id=affiliation.pk if affiliation else None,
                )


def write_analyses(
    items: list[tuple[SourceText, DocumentAnalysis]], resolver: ArchiveResolver
) -> DocumentBatch:
    """The write path's one entry: a batch of analysed texts into the archive, in the caller's
    transaction. The returned batch tells what it wrote (`new`, `updated`, `created`)."""
    batch = DocumentBatch(resolver)
    batch.write(items)
    return batch
