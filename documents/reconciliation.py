"""The reconciliation service: a spreadsheet's names matched to the archive's records.

It speaks the W3C Entity Reconciliation API 0.2 that OpenRefine uses
(https://www.w3.org/community/reports/reconciliation/CG-FINAL-specs-0.2-20230410/) for
organizations, people and conventions. Names compare through their name keys
(advocacy_site/names.py): case, accents and punctuation never make two names differ.

A batch costs one or two queries a type for its exact hits (name, acronym, alias, identifier),
then at most one query a type for each query left without an exact hit, to find near names.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.db.models import Prefetch, Q
from django.db.models.functions import Lower, Upper

from advocacy_site.names import name_key
from organizations.models import Organization, OrganizationAlias, Person, PersonAlias

from .models import Convention

DEFAULT_LIMIT = 5
MAX_LIMIT = 50
MAX_QUERIES = 200
MAX_QUERY_CHARS = 300
EXACT_SCORE = 100.0
NEAR_SCORE = 90.0  # a near name never outscores an exact one


class ReconciliationError(ValueError):
    """A request the service cannot answer: its message says what to fix."""


@dataclass(frozen=True)
class Query:
    key: str  # the client's own label for this query, e.g. "q0"
    text: str
    types: tuple[str, ...]
    limit: int


@dataclass
class Candidate:
    record: object
    names: list[str]  # the name and the other names it may be matched by
    description: str


@dataclass(frozen=True)
class RecordType:
    id: str
    name: str
    exact: Callable[[list[str]], list[Candidate]]
    near: Callable[[str, int], list[Candidate]]


# --- Parsing ---------------------------------------------------------------------------------


def parse_queries(raw: str) -> list[Query]:
    """The `queries` parameter as Query objects, or a ReconciliationError saying what is wrong."""
    try:
        batch = json.loads(raw)
    except ValueError as error:
        raise ReconciliationError(f"queries is not valid JSON: {error}") from None
    if not isinstance(batch, dict):
        raise ReconciliationError('queries must be a JSON object: {"q0": {"query": "..."}}')
    if len(batch) > MAX_QUERIES:
        raise ReconciliationError(f"at most {MAX_QUERIES} queries a request")
    return [_parse_query(key, value) for key, value in batch.items()]


def _parse_query(key: str, value) -> Query:
    if not isinstance(value, dict):
        raise ReconciliationError(f"query {key!r} must be an object with a 'query' string")
    text = value.get("query", "")
    if not isinstance(text, str):
        raise ReconciliationError(f"query {key!r}: 'query' must be a string")
    return Query(
        key=key,
        text=text.strip()[:MAX_QUERY_CHARS],
        types=_parse_types(key, value.get("type")),
        limit=_parse_limit(key, value.get("limit")),
    )


def _parse_types(key: str, value) -> tuple[str, ...]:
    if value is None or value == []:
        return tuple(TYPES)
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ReconciliationError(f"query {key!r}: 'type' must be a type id or a list of them")
    unknown = [v for v in values if v.lower() not in TYPES]
    if unknown:
        known = ", ".join(TYPES)
        raise ReconciliationError(f"query {key!r}: unknown type {unknown[0]!r} (known: {known})")
    return tuple(dict.fromkeys(v.lower() for v in values))


def _parse_limit(key: str, value) -> int:
    if value is None:
        return DEFAULT_LIMIT
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise ReconciliationError(f"query {key!r}: 'limit' must be a number")
    if value < 1:
        raise ReconciliationError(f"query {key!r}: 'limit' must be 1 or more")
    return int(min(value, MAX_LIMIT))


# --- Matching --------------------------------------------------------------------------------


def reconcile(queries: list[Query], view_id: Callable[[object], str]) -> dict:
    """Each query's candidates, best first, in the result batch shape of the specification.

    Exact hits are looked up once a type for the whole batch; only a query with no exact hit
    in any of its types is then searched for near names, one lookup a type.
    """
    all_queries, queries = queries, [q for q in queries if name_key(q.text)]
    found = {query.key: [] for query in queries}
    for record_type in TYPES.values():
        mine = [q for q in queries if record_type.id in q.types]
        exact = record_type.exact([q.text for q in mine]) if mine else []
        for query in mine:
            hits = [c for c in exact if _matches_exactly(query.text, c)]
            found[query.key] += [
                _result(c, EXACT_SCORE, record_type, view_id, unique=len(hits) == 1) for c in hits
            ]
    for query in queries:
        if found[query.key]:
            continue
        for type_id in query.types:
            record_type = TYPES[type_id]
            found[query.key] += [
                _result(c, _near_score(query.text, c), record_type, view_id, unique=False)
                for c in record_type.near(query.text, query.limit)
            ]
    return {q.key: {"result": _best(found.get(q.key, []), q.limit)} for q in all_queries}


def _best(results: list[dict], limit: int) -> list[dict]:
    return sorted(results, key=lambda r: (-r["score"], r["name"]))[:limit]


def _result(candidate, score, record_type, view_id, *, unique: bool) -> dict:
    result = {
        "id": view_id(candidate.record),
        "name": candidate.names[0],
        "score": round(score, 1),
        "match": score == EXACT_SCORE and unique,
        "type": [{"id": record_type.id, "name": record_type.name}],
    }
    if candidate.description:
        result["description"] = candidate.description
    return result


def _matches_exactly(text: str, candidate: Candidate) -> bool:
    """The text is one of the candidate's names, spaces aside (`C 189`, `ITUC AP`)."""
    key = name_key(text).replace(" ", "")
    return any(name_key(name).replace(" ", "") == key for name in candidate.names)


def _near_score(text: str, candidate: Candidate) -> float:
    key = name_key(text)
    ratio = max(SequenceMatcher(None, key, name_key(n)).ratio() for n in candidate.names)
    return NEAR_SCORE * ratio


def _words(text: str) -> list[str]:
    return name_key(text).split()[:8]


# --- Organizations ---------------------------------------------------------------------------


def _organization_candidate(organization) -> Candidate:
    names = [organization.name, organization.acronym, *(a.name for a in organization.aliases_all)]
    details = [organization.acronym, organization.get_kind_display(), organization.country]
    return Candidate(organization, [n for n in names if n], " · ".join(d for d in details if d))


def _organizations():
    aliases = Prefetch("aliases", OrganizationAlias.objects.all(), to_attr="aliases_all")
    return Organization.objects.published().prefetch_related(aliases)


def organizations_exact(texts: list[str]) -> list[Candidate]:
    keys = {name_key(t) for t in texts}
    acronyms = {t.strip().lower() for t in texts}
    found = (
        _organizations()
        .alias(acronym_lower=Lower("acronym"))
        .filter(
            Q(name_key__in=keys) | Q(acronym_lower__in=acronyms) | Q(aliases__name_key__in=keys)
        )
        .distinct()
    )
    return [_organization_candidate(o) for o in found]


def organizations_near(text: str, limit: int) -> list[Candidate]:
    # Closest first (exact, then prefix, then all the words), so a cut keeps the best.
    matches = _organizations().matching_text(text).order_by("closeness", "name_key")
    return [_organization_candidate(o) for o in matches[: limit * 4]]


# --- People ----------------------------------------------------------------------------------


def _person_candidate(person) -> Candidate:
    names = [person.name, *(a.name for a in person.aliases_all)]
    return Candidate(person, names, person.honorific)


def _people():
    aliases = Prefetch("aliases", PersonAlias.objects.all(), to_attr="aliases_all")
    return Person.objects.published().prefetch_related(aliases)


def people_exact(texts: list[str]) -> list[Candidate]:
    keys = {name_key(t) for t in texts}
    found = _people().filter(Q(name_key__in=keys) | Q(aliases__name_key__in=keys)).distinct()
    return [_person_candidate(p) for p in found]


def people_near(text: str, limit: int) -> list[Candidate]:
    """People whose name or an alias holds every word of `text`, in any order."""
    in_name, in_alias = Q(), Q()
    for word in _words(text):
        in_name &= Q(name_key__contains=word)
        in_alias &= Q(aliases__name_key__contains=word)
    found = _people().filter(in_name | in_alias).distinct().order_by("name_key")
    return [_person_candidate(p) for p in found[: limit * 4]]


# --- Conventions -----------------------------------------------------------------------------


def _convention_candidate(convention) -> Candidate:
    """An instrument is named by its titles, its identifier, and an ILO one by `C189` too."""
    identifier = convention.identifier
    names = [convention.title, convention.short_name, identifier, identifier.removeprefix("ILO-")]
    return Candidate(convention, list(dict.fromkeys(n for n in names if n)), identifier)


def _identifier_forms(text: str) -> set[str]:
    """The identifiers `text` may be: `UN-ICRMW` as written; `C189`, `c 189`, `C.189` ILO-C189."""
    compact = "".join(text.upper().replace("-", " ").replace(".", " ").split())
    return {text.strip().upper(), f"ILO-{compact}"}


def conventions_exact(texts: list[str]) -> list[Candidate]:
    lowered = {t.strip().lower() for t in texts}
    identifiers = set().union(*(_identifier_forms(t) for t in texts))
    found = (
        Convention.objects.published()
        .alias(id_upper=Upper("identifier"), title_lower=Lower("title"))
        .alias(short_lower=Lower("short_name"))
        .filter(
            Q(id_upper__in=identifiers) | Q(title_lower__in=lowered) | Q(short_lower__in=lowered)
        )
    )
    return [_convention_candidate(c) for c in found]


def conventions_near(text: str, limit: int) -> list[Candidate]:
    in_title, in_short = Q(), Q()
    for word in _words(text):
        in_title &= Q(title__icontains=word)
        in_short &= Q(short_name__icontains=word)
    found = Convention.objects.published().filter(in_title | in_short).order_by("identifier")
    return [_convention_candidate(c) for c in found[: limit * 4]]


TYPES = {
    "organization": RecordType(
        "organization", "Organization", organizations_exact, organizations_near
    ),
    "person": RecordType("person", "Person", people_exact, people_near),
    "convention": RecordType("convention", "Convention", conventions_exact, conventions_near),
}
