"""Resolution: which record already in the archive a finding refers to, so nothing is duplicated.

Lookups are loaded once per run and kept in memory, so importing thousands of documents costs
a few queries per document, not per name.
"""

from __future__ import annotations

from collections import defaultdict

from advocacy_site.names import name_key
from documents.models import Convention, Event, EventSeries
from organizations.models import Affiliation, Organization, OrganizationAlias, Person, PersonAlias

from .findings import EventFinding, OrganizationFinding, PersonFinding
from .reference import acronym_key


class ArchiveResolver:
    """In-memory index of the archive's names; `remember_*` keeps it in step with new records."""

    def __init__(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.tags: dict = {}  # tag name -> taggit Tag, filled as tags are first used
        self._slugs: dict[type, set[str]] = {}
        self.org_by_key: dict[str, int] = {}
        self.org_by_acronym: dict[str, set[int]] = defaultdict(set)
        self.org_country: dict[int, str] = {}
        for pk, key, acronym, country in Organization.objects.values_list(
            "pk", "name_key", "acronym", "country"
        ):
            self.org_country[pk] = country
            self.org_by_key.setdefault(key, pk)
            if acronym:
                self.org_by_acronym[acronym_key(acronym)].add(pk)
        for pk, key in OrganizationAlias.objects.values_list("organization_id", "name_key"):
            self.org_by_key.setdefault(key, pk)
        self.person_by_key: dict[str, set[int]] = defaultdict(set)
        for pk, key in Person.objects.values_list("pk", "name_key"):
            self.person_by_key[key].add(pk)
        for pk, key in PersonAlias.objects.values_list("person_id", "name_key"):
            self.person_by_key[key].add(pk)
        self.person_orgs: dict[int, set[int]] = defaultdict(set)
        for person_id, org_id in Affiliation.objects.exclude(organization=None).values_list(
            "person_id", "organization_id"
        ):
            self.person_orgs[person_id].add(org_id)
        self.convention_by_id = {
            ident.upper(): pk for pk, ident in Convention.objects.values_list("pk", "identifier")
        }
        self.events_by_start: dict[tuple, list[tuple[int, str, str]]] = defaultdict(list)
        for pk, kind, start, city, name in Event.objects.values_list(
            "pk", "kind", "start_date", "city", "name"
        ):
            self.events_by_start[(kind, start)].append((pk, city, name_key(name)))
        self.series_by_key: dict[str, int] = {
            name_key(name): pk for pk, name in EventSeries.objects.values_list("pk", "name")
        }

    def slugs(self, model) -> set[str]:
        """The slugs `model` already uses, loaded once; new ones are added as they are made."""
        if model not in self._slugs:
            self._slugs[model] = set(model._default_manager.values_list("slug", flat=True))
        return self._slugs[model]

    # --- organizations ---
    def organization_for(self, finding: OrganizationFinding) -> int | None:
        for name in (finding.name, *sorted(finding.aliases)):
            pk = self.org_by_key.get(name_key(name))
            if pk and self._same_country(pk, finding.country):
                return pk
        if finding.acronym:
            same = self.org_by_acronym.get(acronym_key(finding.acronym), set())
            if len(same) == 1:  # an ambiguous acronym never merges two bodies
                pk = next(iter(same))
                return pk if self._same_country(pk, finding.country) else None
        return None

    def _same_country(self, pk: int, country: str) -> bool:
        """A body of one country is never another country's body of the same name (the
        "Ministry of Labour" of Thailand and of Nepal), nor a body without one its own."""
        known = self.org_country.get(pk, "")
        return not (known and country and known != country)

    def remember_organization(
        self, pk: int, names: list[str], acronym: str, country: str = ""
    ) -> None:
        self.org_country[pk] = country
        for name in names:
            self.org_by_key.setdefault(name_key(name), pk)
        if acronym:
            self.org_by_acronym[acronym_key(acronym)].add(pk)

    # --- people ---
    def person_for(self, finding: PersonFinding, org_pk: int | None) -> int | None:
        candidates = self.person_by_key.get(name_key(finding.name), set())
        if not candidates:
            return None
        if org_pk:
            same_org = [pk for pk in candidates if org_pk in self.person_orgs.get(pk, ())]
            if same_org:
                return same_org[0]
        if len(finding.name.split()) == 1:
            return None  # a first name alone is only the same person within one organization
        return next(iter(candidates)) if len(candidates) == 1 else None

    def remember_person(self, pk: int, name: str, org_pk: int | None) -> None:
        self.person_by_key[name_key(name)].add(pk)
        if org_pk:
            self.person_orgs[pk].add(org_pk)

    # --- events ---
    def event_for(self, finding: EventFinding) -> int | None:
        if finding.date is None:
            return None
        for pk, city, key in self.events_by_start.get((finding.kind, finding.date.start), []):
            if (city or "") == (finding.city or "") or key == name_key(finding.name):
                return pk
        return None

    def remember_event(self, pk: int, finding: EventFinding) -> None:
        if finding.date is not None:
            self.events_by_start[(finding.kind, finding.date.start)].append(
                (pk, finding.city, name_key(finding.name))
            )

    # --- event series ---
    def series_for(self, name: str) -> int | None:
        """The series called `name`, whatever its case, accents or punctuation."""
        return self.series_by_key.get(name_key(name))

    def remember_series(self, pk: int, name: str) -> None:
        self.series_by_key.setdefault(name_key(name), pk)
