"""Facets for search results: what each matched record is (type, year, organizations, country,
conventions, tags), loaded in a fixed number of queries however many records matched."""

from __future__ import annotations

from collections import Counter, defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from taggit.models import TaggedItem

from advocacy_site.countries import country_name
from advocacy_site.records import published_through

from .kinds import RECORD_KINDS, kind_of
from .models import Event, EventOrganization, Mention

FACET_LABELS = {
    "type": "Type",
    "year": "Year",
    "organization": "Organization",
    "country": "Country",
    "convention": "Convention",
    "tag": "Tag",
}
# What a kind's rows give the facets beside `start_date` (year) and `country`, where it has them.
FACET_FIELDS = {"organization": ["name", "acronym"], "convention": ["identifier"]}

Key = tuple[str, int]
# Ids to look up when a kind has none matched: the query still runs (and finds nothing), so a
# search costs the same queries whatever kinds its matches are, at every size of archive.
NO_IDS = [0]
FACET_VALUES = 20  # values listed a facet, the most frequent (and the chosen one): pages stay small


def _org_label(name: str, acronym: str) -> str:
    return f"{name} ({acronym})" if acronym else name


def match_attributes(matches) -> tuple[dict[Key, dict[str, set[str]]], dict[str, dict[str, str]]]:
    """For each public matched record, its facet values; and a label for every value seen."""
    ids: dict[str, list[int]] = defaultdict(list)
    for kind, pk, _rank in matches:
        ids[kind].append(pk)
    attrs: dict[Key, dict[str, set[str]]] = {}
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    labels["type"] = {kind.code: kind.label for kind in RECORD_KINDS}

    def add(kind, pk, facet, value, label=None):
        if (kind, pk) in attrs and value:
            attrs[(kind, pk)][facet].add(str(value))
            labels[facet][str(value)] = label or str(value)

    for record_kind in RECORD_KINDS:
        kind, model = record_kind.code, record_kind.model
        fields = ["pk", "slug", *_facet_fields(model), *FACET_FIELDS.get(kind, [])]
        for row in model.objects.published().filter(pk__in=ids[kind] or NO_IDS).values(*fields):
            attrs[(kind, row["pk"])] = defaultdict(set)
            add(kind, row["pk"], "type", kind, record_kind.label)
            if row.get("start_date"):
                add(kind, row["pk"], "year", row["start_date"].year)
            if row.get("country"):
                add(kind, row["pk"], "country", row["country"], country_name(row["country"]))
            if kind == "organization":
                label = _org_label(row["name"], row["acronym"])
                add(kind, row["pk"], "organization", row["slug"], label)
            if kind == "convention":
                add(kind, row["pk"], "convention", row["slug"], row["identifier"])
    _add_relations(ids, add)
    _add_tags(ids, add)
    return attrs, labels


def _facet_fields(model) -> list[str]:
    names = {field.name for field in model._meta.concrete_fields}
    return [name for name in ("start_date", "country") if name in names]


def _add_relations(ids, add) -> None:
    # Only what the facet filters accept (`search.valid_filters`): published, not rejected.
    # Joined conditions, not `IN (published ids)`: SQLite runs that subquery once a row.
    public_org = published_through("organization")
    public_convention = published_through("convention")
    events, documents = ids["event"] or NO_IDS, ids["document"] or NO_IDS
    for event_id, slug, name, acronym in (
        EventOrganization.objects.visible()
        .filter(public_org, event_id__in=events)
        .order_by()
        .values_list(
            "event_id", "organization__slug", "organization__name", "organization__acronym"
        )
    ):
        add("event", event_id, "organization", slug, _org_label(name, acronym))
    through = Event.conventions.through
    for event_id, slug, identifier in (
        through.objects.filter(public_convention, event_id__in=events)
        .order_by()
        .values_list("event_id", "convention__slug", "convention__identifier")
    ):
        add("event", event_id, "convention", slug, identifier)
    mentions = Mention.objects.visible().filter(document_id__in=documents).order_by()
    for doc_id, slug, name, acronym in (
        mentions.filter(public_org)
        .values_list(
            "document_id", "organization__slug", "organization__name", "organization__acronym"
        )
        .distinct()
    ):
        add("document", doc_id, "organization", slug, _org_label(name, acronym))
    for doc_id, slug, identifier in (
        mentions.filter(public_convention)
        .values_list("document_id", "convention__slug", "convention__identifier")
        .distinct()
    ):
        add("document", doc_id, "convention", slug, identifier)


def _add_tags(ids, add) -> None:
    models = [kind.model for kind in RECORD_KINDS]
    types = {
        kind_of(model).code: ct for model, ct in ContentType.objects.get_for_models(*models).items()
    }
    kind_of_type = {ct.pk: kind for kind, ct in types.items()}
    condition = Q()
    for kind, content_type in types.items():
        condition |= Q(content_type=content_type, object_id__in=ids[kind] or NO_IDS)
    items = TaggedItem.objects.filter(condition).order_by()
    for type_id, object_id, slug, name in items.values_list(
        "content_type_id", "object_id", "tag__slug", "tag__name"
    ):
        add(kind_of_type[type_id], object_id, "tag", slug, name)


def facet_counts(attribute_sets, labels, filters) -> list[dict]:
    """The most frequent values of each facet, counted over the records the *other* filters leave.

    So choosing 2007 still lists the other years, with the counts they would give.
    """
    facets = []
    for name, title in FACET_LABELS.items():
        others = {k: v for k, v in filters.items() if k != name}
        counter = Counter(
            value
            for attrs in attribute_sets
            if all(v in attrs.get(k, ()) for k, v in others.items())
            for value in attrs.get(name, ())
        )
        ordered = _most_common(counter, labels[name], filters.get(name))
        if name == "year":
            ordered.sort(key=lambda kv: kv[0], reverse=True)
        values = [
            {
                "value": value,
                "label": labels[name][value],
                "count": count,
                "selected": filters.get(name) == value,
            }
            for value, count in ordered
        ]
        facets.append({"name": name, "label": title, "values": values})
    return facets


def _most_common(counter: Counter, labels: dict[str, str], selected: str | None) -> list:
    """The FACET_VALUES most frequent values, most frequent first, ties by label; plus the
    selected value wherever it falls, so a filter in force always shows."""
    ordered = sorted(counter.items(), key=lambda kv: (-kv[1], labels[kv[0]].lower()))
    shown = ordered[:FACET_VALUES]
    shown += [kv for kv in ordered[FACET_VALUES:] if kv[0] == selected]
    return shown
