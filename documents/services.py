"""Writes that span several models: importing source texts into the archive."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from simple_history.utils import bulk_create_with_history
from taggit.models import Tag, TaggedItem

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
from .signals import search_index_deferred

logger = logging.getLogger(__name__)
PROPOSED, CONFIRMED, REJECTED = ReviewStatus.PROPOSED, ReviewStatus.CONFIRMED, ReviewStatus.REJECTED


class _Writer:
    """Writes one analysed document. New relation rows are collected and written in bulk at the
    end (with their history rows), so a document costs a few queries per record type."""

    def __init__(
        self,
        document: SourceDocument,
        resolver: ArchiveResolver,
        report: IngestReport,
        is_new: bool,
    ):
        self.document = document
        self.resolver = resolver
        self.report = report
        self.pending: dict[type, list] = defaultdict(list)
        self.tagged: list[tuple[object, list[str]]] = []
        existing = (
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
        self.existing = {row[:6] for row in existing}
        self.rejected_spans = {(row[0], row[1]) for row in existing if row[6] == REJECTED}

    def mention(self, span: Span, **target) -> None:
        ids = (target.get(f) for f in ("organization", "person", "event", "convention"))
        key = (span.start, span.end, *(getattr(t, "pk", None) for t in ids))
        if key in self.existing:
            return  # a curator's decision on this passage stands; never proposed again
        self.existing.add(key)
        self.pending[Mention].append(
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

    def tag(self, obj, names: list[str]) -> None:
        if names:
            self.tagged.append((obj, names))

    def flush(self) -> None:
        for model, rows in self.pending.items():
            bulk_create_with_history(rows, model, batch_size=500)
        _tags_add(self.tagged, self.resolver.tags)


def _tags_add(tagged: list[tuple[object, list[str]]], tag_cache: dict[str, Tag]) -> None:
    """Tag many records at once; taggit's `add` costs several queries a call."""
    if not tagged:
        return
    names = {n for _, ns in tagged for n in ns}
    for name in names - tag_cache.keys():
        tag_cache[name], _ = Tag.objects.get_or_create(name=name)
    rows = [
        TaggedItem(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            tag=tag_cache[name],
        )
        for obj, ns in tagged
        for name in ns
    ]
    TaggedItem.objects.bulk_create(rows, ignore_conflicts=True)


def _store_organizations(w: _Writer, analysis: DocumentAnalysis) -> dict[str, Organization]:
    records: dict[str, Organization] = {}
    existing_ids = {
        key: w.resolver.organization_for(f) for key, f in analysis.organizations.items()
    }
    loaded = Organization.objects.in_bulk([pk for pk in existing_ids.values() if pk])
    known_aliases = set(
        OrganizationAlias.objects.filter(organization__in=loaded).values_list(
            "organization_id", "name_key"
        )
    )
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
                slug=unique_slug(Organization, finding.name, taken=w.resolver.slugs(Organization)),
                review_status=PROPOSED,
            )
            w.created("organizations")
        elif org.review_status != CONFIRMED and finding.acronym and not org.acronym:
            org.acronym = finding.acronym[:40]
            org.save(update_fields=["acronym", "updated_at"])
        if org.review_status != CONFIRMED:
            for alias in sorted(finding.aliases):
                alias_key = (org.pk, name_key(alias))
                if (
                    alias.lower() in (org.name.lower(), org.acronym.lower())
                    or alias_key in known_aliases
                ):
                    continue
                known_aliases.add(alias_key)
                w.pending[OrganizationAlias].append(
                    OrganizationAlias(
                        organization=org,
                        name=alias[:300],
                        name_key=name_key(alias),
                        kind="acronym" if alias.isupper() else "name",
                    )
                )
        w.resolver.remember_organization(org.pk, [finding.name, *finding.aliases], org.acronym)
        records[key] = org
        for span in finding.spans:
            w.mention(span, organization=org)
    _link_parents(w, analysis, records)
    return records


def _link_parents(w: _Writer, analysis: DocumentAnalysis, records: dict[str, Organization]) -> None:
    """Parents named in the gazetteer, once both bodies are in the archive."""
    by_name = {f.name: records[k].pk for k, f in analysis.organizations.items() if k in records}
    for key, finding in analysis.organizations.items():
        org = records.get(key)
        if org is None or not finding.parent or org.parent_id or org.review_status == CONFIRMED:
            continue
        parent_pk = by_name.get(finding.parent) or w.resolver.org_by_key.get(
            name_key(finding.parent)
        )
        if parent_pk and parent_pk != org.pk:
            Organization.objects.filter(pk=org.pk).update(parent_id=parent_pk)


def _store_people(w, analysis, orgs: dict[str, Organization]) -> dict[str, Person]:
    records: dict[str, Person] = {}
    matches = {
        key: w.resolver.person_for(f, getattr(orgs.get(f.organization_key), "pk", None))
        for key, f in analysis.people.items()
    }
    loaded = Person.objects.in_bulk([pk for pk in matches.values() if pk])
    affiliations = set(
        Affiliation.objects.filter(source_document=w.document).values_list(
            "person_id", "organization_id", "title"
        )
    )
    for key, finding in analysis.people.items():
        if w.all_spans_rejected(finding.spans):
            continue
        org = orgs.get(finding.organization_key)
        person = loaded.get(matches[key])
        if person is None:
            person = Person.objects.create(
                name=finding.name[:200],
                honorific=finding.honorific[:30],
                slug=unique_slug(Person, finding.name, taken=w.resolver.slugs(Person)),
                review_status=PROPOSED,
            )
            w.created("people")
        affiliation_key = (person.pk, org.pk if org else None, finding.title[:300])
        if (org or finding.title) and affiliation_key not in affiliations:
            affiliations.add(affiliation_key)
            doc = w.document
            w.pending[Affiliation].append(
                Affiliation(
                    person=person,
                    organization=org,
                    title=finding.title[:300],
                    source_document=doc,
                    review_status=PROPOSED,
                    date_text=doc.date_text,
                    start_date=doc.start_date,
                    end_date=doc.end_date,
                    date_precision=doc.date_precision,
                )
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
    pks = {i: w.resolver.convention_by_id.get(i.upper()) for i in analysis.conventions}
    loaded = Convention.objects.in_bulk([pk for pk in pks.values() if pk])
    for identifier, finding in analysis.conventions.items():
        if w.all_spans_rejected(finding.spans):
            continue
        convention = loaded.get(pks[identifier])
        if convention is None:
            convention = _convention_from_reference(identifier)
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
        is_new = event is None
        if is_new:
            event = Event(
                name=finding.name[:500],
                slug=unique_slug(Event, finding.name, taken=w.resolver.slugs(Event)),
                kind=finding.kind,
                city=finding.city[:120],
                country=finding.country,
                review_status=PROPOSED,
                description=finding.description,
                latitude=round(finding.latitude, 5) if finding.latitude is not None else None,
                longitude=round(finding.longitude, 5) if finding.longitude is not None else None,
            )
            event.set_partial_date(finding.date)
            event.save()
            w.created("events")
            w.resolver.remember_event(event.pk, finding)
        event.documents.add(w.document)
        if event.review_status != CONFIRMED:
            _event_roles(w, analysis, event, finding, orgs, people, is_new=is_new)
            event.conventions.add(
                *[conventions[c] for c in finding.conventions if c in conventions]
            )
            w.tag(event, finding.tags)
        for span in finding.spans:
            w.mention(span, event=event)


def _event_roles(w, analysis, event, finding, orgs, people, *, is_new: bool) -> None:
    org_roles = (
        set() if is_new else set(event.organization_roles.values_list("organization_id", "role"))
    )
    person_roles = set() if is_new else set(event.participants.values_list("person_id", "role"))
    for key, role in finding.organizations:
        if key in orgs and (orgs[key].pk, role) not in org_roles:
            org_roles.add((orgs[key].pk, role))
            w.pending[EventOrganization].append(
                EventOrganization(event=event, organization=orgs[key], role=role)
            )
    for key, role in finding.people:
        if key in people and (people[key].pk, role) not in person_roles:
            person_roles.add((people[key].pk, role))
            person_finding = analysis.people[key]
            w.pending[EventParticipant].append(
                EventParticipant(
                    event=event,
                    person=people[key],
                    role=role,
                    title=person_finding.title[:300],
                    affiliation=orgs.get(person_finding.organization_key),
                )
            )


def _store_document(
    source: SourceText, analysis: DocumentAnalysis, resolver: ArchiveResolver
) -> tuple[SourceDocument, bool]:
    document = SourceDocument.objects.filter(source_file=source.path.name).first()
    is_new = document is None
    if is_new:
        document = SourceDocument(
            slug=unique_slug(SourceDocument, analysis.title, taken=resolver.slugs(SourceDocument)),
            source_file=source.path.name,
        )
    document.title = analysis.title[:500]
    document.text = analysis.text
    document.category = analysis.category
    document.region = analysis.region
    document.content_sha256 = source.sha256
    document.set_partial_date(analysis.date)
    document.clean_fields()  # lengths and choices; uniqueness is the database's to enforce
    document.save()
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
    try:
        analysis = analyse_source(source)
        with transaction.atomic(), search_index_deferred():
            document, is_new = _store_document(source, analysis, resolver)
            w = _Writer(document, resolver, report, is_new)
            w.tag(document, analysis.tags)
            orgs = _store_organizations(w, analysis)
            people = _store_people(w, analysis, orgs)
            conventions = _store_conventions(w, analysis)
            _store_events(w, analysis, orgs, people, conventions)
            w.flush()
    except Exception as exc:  # one bad document never stops the run, nor leaves half a record
        resolver.reload()  # records made inside the rolled-back transaction are gone
        logger.exception("Importing %s failed", source.path)
        raise SourceError(
            source.path, f"could not be imported ({type(exc).__name__}: {exc})"
        ) from exc
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
    with search_index_deferred() as index:
        _ingest_each(paths, resolver, report, on_file, index)
    report.proposals = Mention.objects.pending_review().count()
    return report


SEARCH_INDEX_BATCH = 200  # documents between search-index updates during an import


def _ingest_each(paths, resolver, report, on_file, index) -> None:
    for n, item in enumerate(collect_paths(paths), start=1):
        if index is not None and n % SEARCH_INDEX_BATCH == 0:
            index.flush()
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


def archive_dry_run(*, paths: Iterable[str | Path]) -> dict:
    """What an import would find, as data; writes nothing. An unreadable file appears with only
    its name and the reason."""
    documents = []
    for item in collect_paths(paths):
        try:
            if isinstance(item, SourceError):
                raise item
            documents.append(analyse_source(read_source(item)).as_json())
        except SourceError as exc:
            documents.append({"file": exc.path.name or str(exc.path), "errors": [str(exc)]})
    return {"documents": documents}
