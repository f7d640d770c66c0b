"""Writes that span several models: importing source texts into the archive."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from django.db import IntegrityError, transaction

from organizations.models import Affiliation, Organization, OrganizationAlias, Person
from organizations.names import name_key
from organizations.partial_dates import PartialDate
from organizations.records import ReviewStatus, unique_slug

from .ingest.analysis import analyse_source
from .ingest.findings import DocumentAnalysis, Span
from .ingest.reference import instruments
from .ingest.report import IngestReport
from .ingest.resolver import ArchiveResolver
from .ingest.sources import SourceError, SourceText, collect_paths, read_source
from .models import (
    Convention,
    Event,
    EventOrganization,
    EventParticipant,
    Mention,
    SourceDocument,
)

PROPOSED, CONFIRMED, REJECTED = ReviewStatus.PROPOSED, ReviewStatus.CONFIRMED, ReviewStatus.REJECTED


class _Writer:
    """Writes one analysed document; records it creates are counted in the report."""

    def __init__(self, document: SourceDocument, resolver: ArchiveResolver, report: IngestReport):
        self.document = document
        self.resolver = resolver
        self.report = report
        self.mentions: list[Mention] = []
        self.rejected = set(
            Mention.objects.filter(document=document, review_status=REJECTED).values_list(
                "start", "end", "organization_id", "person_id", "event_id", "convention_id"
            )
        )
        self.rejected_spans = {(s, e) for s, e, *_ in self.rejected}
        self.existing = set(
            Mention.objects.filter(document=document).values_list(
                "start", "end", "organization_id", "person_id", "event_id", "convention_id"
            )
        )

    def mention(self, span: Span, **target) -> None:
        ids = (
            target.get("organization"),
            target.get("person"),
            target.get("event"),
            target.get("convention"),
        )
        key = (span.start, span.end, *(getattr(t, "pk", None) for t in ids))
        if key in self.existing:
            return  # a curator's decision on this passage stands; never proposed again
        self.existing.add(key)
        self.mentions.append(
            Mention(
                document=self.document,
                start=span.start,
                end=span.end,
                text=span.text[:1000],
                rule=span.rule,
                confidence=span.confidence,
                **target,
            )
        )

    def all_spans_rejected(self, spans: list[Span]) -> bool:
        return bool(spans) and all((s.start, s.end) in self.rejected_spans for s in spans)

    def created(self, kind: str) -> None:
        self.report.created[kind] += 1


def _store_organizations(w: _Writer, analysis: DocumentAnalysis) -> dict[str, Organization]:
    records: dict[str, Organization] = {}
    existing_ids = {
        key: w.resolver.organization_for(f) for key, f in analysis.organizations.items()
    }
    loaded = Organization.objects.in_bulk([pk for pk in existing_ids.values() if pk])
    for key, finding in analysis.organizations.items():
        if w.all_spans_rejected(finding.spans):
            continue
        org = loaded.get(existing_ids[key])
        if org is None:
            org = Organization.objects.create(
                name=finding.name[:300],
                acronym=finding.acronym[:40],
                kind=finding.kind,
                country=finding.country,
                website=finding.website,
                slug=unique_slug(Organization, finding.name),
                review_status=PROPOSED,
            )
            w.created("organizations")
        elif org.review_status != CONFIRMED and finding.acronym and not org.acronym:
            org.acronym = finding.acronym[:40]
            org.save(update_fields=["acronym", "updated_at"])
        if org.review_status != CONFIRMED:
            for alias in finding.aliases:
                if alias.lower() not in (org.name.lower(), org.acronym.lower()):
                    OrganizationAlias.objects.get_or_create(
                        organization=org,
                        name=alias[:300],
                        defaults={"kind": "acronym" if alias.isupper() else "name"},
                    )
        w.resolver.remember_organization(org.pk, [finding.name, *finding.aliases], org.acronym)
        records[key] = org
        for span in finding.spans:
            w.mention(span, organization=org)
    # Parents named in the gazetteer, once both bodies are in the archive.
    for key, finding in analysis.organizations.items():
        org = records.get(key)
        if org is None or not finding.parent or org.parent_id or org.review_status == CONFIRMED:
            continue
        parent_pk = next(
            (
                records[k].pk
                for k, f in analysis.organizations.items()
                if f.name == finding.parent and k in records
            ),
            None,
        ) or w.resolver.org_by_key.get(name_key(finding.parent))
        if parent_pk and parent_pk != org.pk:
            Organization.objects.filter(pk=org.pk).update(parent_id=parent_pk)
    return records


def _store_people(w, analysis, orgs: dict[str, Organization]) -> dict[str, Person]:
    records: dict[str, Person] = {}
    for key, finding in analysis.people.items():
        if w.all_spans_rejected(finding.spans):
            continue
        org = orgs.get(finding.organization_key)
        pk = w.resolver.person_for(finding, org.pk if org else None)
        person = Person.objects.filter(pk=pk).first() if pk else None
        if person is None:
            person = Person.objects.create(
                name=finding.name[:200],
                honorific=finding.honorific[:30],
                slug=unique_slug(Person, finding.name),
                review_status=PROPOSED,
            )
            w.created("people")
        if org or finding.title:
            Affiliation.objects.get_or_create(
                person=person,
                organization=org,
                title=finding.title[:300],
                source_document=w.document,
                defaults={
                    "review_status": PROPOSED,
                    "date_text": w.document.date_text,
                    "start_date": w.document.start_date,
                    "end_date": w.document.end_date,
                    "date_precision": w.document.date_precision,
                },
            )
        w.resolver.remember_person(person.pk, finding.name, org.pk if org else None)
        records[key] = person
        for span in finding.spans:
            w.mention(span, person=person)
    return records


def _convention_from_reference(identifier: str) -> Convention:
    inst = instruments()[identifier]
    convention = Convention(
        identifier=inst.id,
        slug=unique_slug(Convention, inst.id),
        short_name=inst.short_name[:200],
        title=inst.title[:500],
        body=inst.body if inst.body in Convention.Body.values else "other",
        kind=inst.kind if inst.kind in Convention.Kind.values else "convention",
        number=inst.number,
        place_adopted=inst.place[:100],
        official_url=inst.url,
        review_status=CONFIRMED,  # facts from the shipped reference list, not from a text
    )
    if inst.adopted_on:
        date = PartialDate.parse_iso(inst.adopted_on)
        convention.set_partial_date(PartialDate(date.start, date.end, date.precision))
    elif inst.year_adopted:
        convention.set_partial_date(PartialDate.from_parts(inst.year_adopted))
    convention.save()
    return convention


def _store_conventions(w, analysis) -> dict[str, Convention]:
    records = {}
    for identifier, finding in analysis.conventions.items():
        if w.all_spans_rejected(finding.spans):
            continue
        pk = w.resolver.convention_by_id.get(identifier.upper())
        convention = Convention.objects.get(pk=pk) if pk else _convention_from_reference(identifier)
        if not pk:
            w.resolver.convention_by_id[identifier.upper()] = convention.pk
            w.created("conventions")
        records[identifier] = convention
        for span in finding.spans:
            w.mention(span, convention=convention)
    return records


def _store_events(w, analysis, orgs, people, conventions) -> None:
    for finding in analysis.events:
        if w.all_spans_rejected(finding.spans):
            continue
        pk = w.resolver.event_for(finding)
        event = Event.objects.filter(pk=pk).first() if pk else None
        if event is None:
            event = Event(
                name=finding.name[:500],
                slug=unique_slug(Event, finding.name),
                kind=finding.kind,
                city=finding.city[:120],
                country=finding.country,
                review_status=PROPOSED,
                latitude=round(finding.latitude, 5) if finding.latitude is not None else None,
                longitude=round(finding.longitude, 5) if finding.longitude is not None else None,
            )
            event.set_partial_date(finding.date)
            event.save()
            w.created("events")
            w.resolver.remember_event(event.pk, finding)
        event.documents.add(w.document)
        if event.review_status != CONFIRMED:
            for key, role in finding.organizations:
                if key in orgs:
                    EventOrganization.objects.get_or_create(
                        event=event, organization=orgs[key], role=role
                    )
            for key, role in finding.people:
                if key in people:
                    person_finding = analysis.people[key]
                    EventParticipant.objects.get_or_create(
                        event=event,
                        person=people[key],
                        role=role,
                        defaults={
                            "title": person_finding.title[:300],
                            "affiliation": orgs.get(person_finding.organization_key),
                        },
                    )
            event.conventions.add(
                *[conventions[c] for c in finding.conventions if c in conventions]
            )
            if analysis.tags:
                event.tags.add(*analysis.tags)
        for span in finding.spans:
            w.mention(span, event=event)


def _store_document(source: SourceText, analysis: DocumentAnalysis) -> tuple[SourceDocument, bool]:
    document = SourceDocument.objects.filter(source_file=source.path.name).first()
    is_new = document is None
    if is_new:
        document = SourceDocument(
            slug=unique_slug(SourceDocument, analysis.title), source_file=source.path.name
        )
    document.title = analysis.title[:500]
    document.text = analysis.text
    document.category = analysis.category
    document.region = analysis.region
    document.content_sha256 = source.sha256
    document.set_partial_date(analysis.date)
    document.full_clean(exclude=["slug"] if not is_new else None)
    document.save()
    if analysis.tags:
        document.tags.add(*analysis.tags)
    if not is_new:  # the text changed: old proposals point at old offsets
        Mention.objects.filter(document=document, review_status=PROPOSED).delete()
    return document, is_new


def source_document_store(
    *, source: SourceText, resolver: ArchiveResolver, report: IngestReport
) -> SourceDocument | None:
    """Create or update one document and everything found in it, in its own transaction.

    The same content again changes nothing; a changed file with the same name updates its
    document. Confirmed records are never changed; rejected passages are never proposed again.
    """
    if SourceDocument.objects.filter(content_sha256=source.sha256).exists():
        report.unchanged += 1
        return None
    analysis = analyse_source(source)
    try:
        with transaction.atomic():
            document, is_new = _store_document(source, analysis)
            w = _Writer(document, resolver, report)
            orgs = _store_organizations(w, analysis)
            people = _store_people(w, analysis, orgs)
            conventions = _store_conventions(w, analysis)
            _store_events(w, analysis, orgs, people, conventions)
            Mention.objects.bulk_create(w.mentions)
    except IntegrityError as exc:
        resolver.reload()  # records made inside the rolled-back transaction are gone
        raise SourceError(f"{source.path}: could not be stored ({exc})") from exc
    if is_new:
        report.new += 1
        report.created["documents"] += 1
    else:
        report.updated += 1
    return document


def archive_ingest(
    *,
    paths: Iterable[str | Path],
    on_file: Callable[[Path], None] | None = None,
) -> IngestReport:
    """Import every source text under `paths`; a bad file is reported and the rest go on."""
    report = IngestReport()
    resolver = ArchiveResolver()
    for item in collect_paths(paths):
        if isinstance(item, SourceError):
            report.failed += 1
            report.errors.append(str(item))
            continue
        if on_file:
            on_file(item)
        try:
            source = read_source(item)
            report.notes.extend(source.notes)
            source_document_store(source=source, resolver=resolver, report=report)
        except SourceError as exc:
            report.failed += 1
            report.errors.append(str(exc))
    report.proposals = Mention.objects.pending_review().count()
    return report


def archive_dry_run(*, paths: Iterable[str | Path]) -> dict:
    """What an import would find, as data; writes nothing."""
    documents = []
    for item in collect_paths(paths):
        if isinstance(item, SourceError):
            documents.append({"file": str(item).split(":", 1)[0], "errors": [str(item)]})
            continue
        try:
            documents.append(analyse_source(read_source(item)).as_json())
        except SourceError as exc:
            documents.append({"file": item.name, "errors": [str(exc)]})
    return {"documents": documents}
