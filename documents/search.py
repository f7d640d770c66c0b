"""The one way into search: `search(query, filters=...)` over every public record type.

Both engines give one result shape, `SearchResults`: ranked `(kind, pk, rank)` matches, facet
counts, and a lazily loaded hit list (records plus XSS-safe highlighted snippets) to paginate.
PostgreSQL uses the stored weighted `search_vector` columns (A title, B names and tags, C body)
with websearch syntax, plus trigram similarity on names for typos when pg_trgm is there. SQLite
uses one FTS5 table, weighted the same way through bm25(). We branch on the engine once, in
`_engine()`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramSimilarity,
)
from django.db import connection, connections, models, transaction
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from taggit.models import Tag

from advocacy_site.countries import country_name
from organizations.models import Organization

from .facets import FACET_LABELS, facet_counts, match_attributes
from .kinds import KINDS, RECORD_KINDS, kind_of
from .models import Convention, EventOrganization

KIND_CODES = {kind.code: n for n, kind in enumerate(RECORD_KINDS, start=1)}  # FTS5 rowid tag
ORGANIZER_ROLES = ("organizer", "co-organizer", "host")
MAX_QUERY_CHARS = 300
MAX_MATCHES = 1000  # facets and filters work over the best thousand matches
REBUILD_CHUNK = 500  # records loaded at a time when the whole index is rebuilt
FTS_TABLE = "search_index"
TEXT_CONFIG = "english"
# Private-use characters mark highlights inside snippets until the text is escaped.
START_SEL, STOP_SEL = "\ue000", "\ue001"
WEIGHTS = {"A": 10.0, "B": 4.0, "C": 1.0}  # SQLite bm25 column weights, in step with PG's A/B/C
TRIGRAM_THRESHOLD = 0.3


def clean_query(query: str | None) -> str:
    """The user's text, made safe for any engine: no control characters, bounded length."""
    text = " ".join(re.sub(r"[\x00-\x1f\x7f\ue000\ue001]", " ", query or "").split())
    if len(text) > MAX_QUERY_CHARS:
        cut = text[: MAX_QUERY_CHARS + 1]  # a space just past the limit ends a whole word
        text = cut.rsplit(" ", 1)[0] if " " in cut else cut[:MAX_QUERY_CHARS]
    return text.strip()


def highlight(snippet: str) -> SafeString:
    """Escape a snippet, then turn the sentinel markers into <mark>: document text stays text."""
    escaped = escape(snippet.replace("\n", " "))
    return mark_safe(escaped.replace(START_SEL, "<mark>").replace(STOP_SEL, "</mark>"))


# --- Results ---------------------------------------------------------------------------------


@dataclass
class Hit:
    kind: str
    object: object
    rank: float
    snippet: SafeString

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind].singular


class HitList:
    """The ranked matches, sliced by the Paginator; only the shown page is loaded."""

    def __init__(self, matches: list[tuple[str, int, float]], terms: str):
        self.matches, self.terms = matches, terms

    def __len__(self):
        return len(self.matches)

    def count(self):
        return len(self.matches)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return _load_hits(self.matches[index], self.terms)
        return _load_hits([self.matches[index]], self.terms)[0]


@dataclass
class SearchResults:
    query: str
    hits: HitList
    facets: list[dict]
    total: int
    filters: dict[str, str]


# --- Entry point -----------------------------------------------------------------------------


def search(query: str | None, *, filters: dict[str, str] | None = None) -> SearchResults:
    """Ranked public records matching `query`, narrowed by facet `filters`, with facet counts."""
    terms = clean_query(query)
    filters = valid_filters(filters or {})
    matches = _engine().matches(terms) if terms else []
    attributes, labels = match_attributes(matches)
    matches = [m for m in matches if (m[0], m[1]) in attributes]  # drops unpublished stragglers
    kept = [m for m in matches if _passes(attributes[(m[0], m[1])], filters)]
    facets = facet_counts([attributes[(m[0], m[1])] for m in matches], labels, filters)
    return SearchResults(terms, HitList(kept, terms), facets, len(kept), filters)


def valid_filters(filters: dict) -> dict[str, str]:
    """The facet filters that name something that exists; a mistyped one is ignored, not fatal."""
    kept = {k: str(v).strip() for k, v in filters.items() if v and k in FACET_LABELS}
    slugs = {
        "organization": Organization.objects.published(),
        "convention": Convention.objects.published(),
        "tag": Tag.objects.all(),
    }
    valid = {
        "type": lambda v: v in KINDS,
        "year": lambda v: re.fullmatch(r"[12]\d{3}", v) is not None,
        "country": lambda v: re.fullmatch(r"[A-Z]{2}", v) is not None and country_name(v) != v,
        **{
            k: (lambda v, qs=qs: re.fullmatch(r"[-\w]+", v) and qs.filter(slug=v).exists())
            for k, qs in slugs.items()
        },
    }
    return {k: v for k, v in kept.items() if len(v) <= 200 and valid[k](v)}


def matching_ids(query: str | None, model) -> list[int]:
    """Ids of public `model` records the search index matches to `query`, best first: what
    `search()` ranks, without facets or loading records (tests read the index with it)."""
    kind = kind_of(model).code
    terms = clean_query(query)
    return [pk for k, pk, _rank in (_engine().matches(terms) if terms else []) if k == kind]


def _passes(attrs: dict[str, set[str]], filters: dict[str, str]) -> bool:
    return all(value in attrs.get(name, ()) for name, value in filters.items())


def _order(rows: Iterable[tuple[str, int, float]]) -> list[tuple[str, int, float]]:
    """Best rank first; equal ranks by kind then id, so both engines agree on ties."""
    best: dict[tuple[str, int], float] = {}
    for kind, pk, rank in rows:
        best[(kind, pk)] = max(rank, best.get((kind, pk), float("-inf")))
    ordered = sorted(
        best.items(), key=lambda kv: (-float(f"{kv[1]:.6g}"), KIND_CODES[kv[0][0]], kv[0][1])
    )
    return [(kind, pk, rank) for (kind, pk), rank in ordered[:MAX_MATCHES]]


def _load_hits(matches, terms: str) -> list[Hit]:
    by_kind: dict[str, list[int]] = {}
    for kind, pk, _rank in matches:
        by_kind.setdefault(kind, []).append(pk)
    objects, snippets = {}, {}
    for kind, pks in by_kind.items():
        queryset = KINDS[kind].model.objects.published().for_listing()
        for obj in queryset.filter(pk__in=pks):
            objects[(kind, obj.pk)] = obj
        snippets.update(
            {(kind, pk): text for pk, text in _engine().snippets(kind, pks, terms).items()}
        )
    events = [obj for (kind, _pk), obj in objects.items() if kind == "event"]
    for pk, line in _event_lines(events).items():
        if START_SEL not in snippets.get(("event", pk), ""):
            snippets[("event", pk)] = line
    return [
        Hit(kind, objects[(kind, pk)], rank, highlight(snippets.get((kind, pk), "")))
        for kind, pk, rank in matches
        if (kind, pk) in objects
    ]


def _event_lines(events) -> dict[int, str]:
    """`1–3 November 2007 · Consultation · Singapore · ATUC, MFA` for events whose description
    does not hold the match: readable, where the index's run of names is not."""
    if not events:
        return {}
    organizers: dict[int, list[str]] = {}
    roles = (
        EventOrganization.objects.visible()
        .filter(
            event__in=events,
            role__in=ORGANIZER_ROLES,
            organization__in=Organization.objects.published(),
        )
        .order_by("organization__name")
        .values_list("event_id", "organization__acronym", "organization__name")
    )
    for event_id, acronym, name in roles:
        names = organizers.setdefault(event_id, [])
        if (acronym or name) not in names:
            names.append(acronym or name)
    lines = {}
    for event in events:
        date = event.date_display if event.start_date else ""
        organized = ", ".join(organizers.get(event.pk, []))
        parts = (date, event.get_kind_display(), event.place_display, organized)
        lines[event.pk] = " · ".join(p for p in parts if p)
    return lines


# --- Index maintenance -----------------------------------------------------------------------


def index_records(model, pks, *, writer: BackgroundVectorWriter | None = None) -> int:
    """Bring many records of one model up to date at once (what a bulk import touched).

    With a `writer` (PostgreSQL, outside a transaction), the vectors are computed and stored
    in the background: see `BackgroundVectorWriter`."""
    records = model.objects.filter(pk__in=list(pks)).for_search_index()
    return _engine().update(kind_of(model).code, records, writer=writer)


def unindex_record(kind: str, pk: int) -> None:
    _engine().delete(kind, pk)


def search_index_rebuild() -> dict[str, int]:
    """Rebuild the whole search index from the records; returns how many of each were indexed."""
    engine = _engine()
    counts = {}
    with transaction.atomic():
        engine.ensure()
        engine.clear()
        for kind in RECORD_KINDS:
            model = kind.model
            pks = list(model.objects.order_by("pk").values_list("pk", flat=True))
            counts[kind.code] = sum(
                engine.update(kind.code, model.objects.filter(pk__in=chunk).for_search_index())
                for chunk in (pks[i : i + REBUILD_CHUNK] for i in range(0, len(pks), REBUILD_CHUNK))
            )
    return counts


def search_backend_ensure() -> None:
    """Create what the engine needs outside migrations (FTS5 table, or pg_trgm when allowed)."""
    _engine().ensure()


def _engine():
    return PostgresEngine if connection.vendor == "postgresql" else SqliteEngine


# --- SQLite: FTS5 ----------------------------------------------------------------------------


def fts5_query(terms: str) -> str:
    """User text as a safe FTS5 query: each word or "quoted phrase" becomes a quoted phrase."""
    if terms.count('"') % 2:
        terms += '"'
    phrases = []
    for bit in re.findall(r'"[^"]*"|[^\s"]+', terms):
        words = re.findall(r"\w+", bit)
        is_operator = not bit.startswith('"') and bit.lower() in {"and", "or", "not"}
        if words and not is_operator:
            phrases.append('"' + " ".join(words) + '"')
    return " ".join(phrases)


class SqliteEngine:
    DELETE_CHUNK = 500  # rowids a statement, under SQLite's limit on parameters

    @staticmethod
    def ensure():
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
                "kind UNINDEXED, title, names, body, "
                "tokenize = 'porter unicode61 remove_diacritics 2')"
            )

    @staticmethod
    def clear():
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")

    @staticmethod
    def _rowid(kind: str, pk: int) -> int:
        return pk * 16 + KIND_CODES[kind]

    @classmethod
    def update(cls, kind: str, records, *, writer=None) -> int:
        """Replace these records' rows: one DELETE a chunk, one prepared INSERT for the public
        ones. `writer` is PostgreSQL's: FTS5 rows are written here, in this transaction."""
        cls.ensure()  # a database migrated before search existed gets its table on first write
        records = list(records)
        rows = []
        for obj in records:
            if obj.is_public:
                parts = obj.index_components()
                rows.append([cls._rowid(kind, obj.pk), kind, parts["A"], parts["B"], parts["C"]])
        rowids = [cls._rowid(kind, obj.pk) for obj in records]
        with connection.cursor() as cursor:
            for start in range(0, len(rowids), cls.DELETE_CHUNK):
                chunk = rowids[start : start + cls.DELETE_CHUNK]
                cursor.execute(
                    f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({', '.join(['%s'] * len(chunk))})",
                    chunk,
                )
            if rows:
                cursor.executemany(
                    f"INSERT INTO {FTS_TABLE} (rowid, kind, title, names, body) "
                    "VALUES (%s, %s, %s, %s, %s)",
                    rows,
                )
        return len(rows)

    @classmethod
    def delete(cls, kind: str, pk: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [cls._rowid(kind, pk)])

    @staticmethod
    def matches(terms: str) -> list[tuple[str, int, float]]:
        match = fts5_query(terms)
        if not match:
            return []
        weights = ", ".join(str(w) for w in WEIGHTS.values())
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT kind, rowid / 16, -bm25({FTS_TABLE}, 0, {weights}) FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH %s ORDER BY bm25({FTS_TABLE}, 0, {weights}) LIMIT %s",
                [match, MAX_MATCHES],
            )
            return _order(cursor.fetchall())

    @classmethod
    def snippets(cls, kind: str, pks: list[int], terms: str) -> dict[int, str]:
        match = fts5_query(terms)
        rowids = [cls._rowid(kind, pk) for pk in pks]
        placeholders = ", ".join(["%s"] * len(rowids))
        with connection.cursor() as cursor:
            # The body's best passage when the terms are in it, else the best of any column.
            cursor.execute(
                f"SELECT rowid / 16, snippet({FTS_TABLE}, 3, %s, %s, '…', 28), "
                f"snippet({FTS_TABLE}, -1, %s, %s, '…', 28) FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH %s AND rowid IN ({placeholders})",
                [START_SEL, STOP_SEL, START_SEL, STOP_SEL, match, *rowids],
            )
            # An event's other columns are a run of names: it gets a readable line instead.
            return {
                pk: body if START_SEL in body or kind == "event" else best
                for pk, body, best in cursor
            }


class BackgroundVectorWriter:
    """Stores PostgreSQL search vectors from a second connection, so the server computes them
    (`to_tsvector` over whole documents, about a tenth of an import's time) on its own core
    while this process reads and analyses the next batch of texts.

    Updates run one at a time, in the order submitted, each in its own transaction. The second
    connection sees committed rows only, so use it outside a transaction (`available()`).
    Call `settle()` before writing rows an update in flight may touch: it waits for them and
    raises the first error. `close()` settles and closes the second connection.
    """

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-vectors")
        self._pending: list[Future] = []

    @staticmethod
    def available() -> bool:
        return connection.vendor == "postgresql" and not connection.in_atomic_block

    def submit(self, write: Callable[[], None]) -> None:
        self._pending.append(self._pool.submit(self._in_transaction, write))

    @staticmethod
    def _in_transaction(write: Callable[[], None]) -> None:
        with transaction.atomic():  # on this worker thread's own connection
            write()

    def settle(self) -> None:
        pending, self._pending = self._pending, []
        for future in pending:
            future.result()

    def close(self) -> None:
        try:
            self.settle()
        finally:
            self._pool.submit(connections.close_all).result()
            self._pool.shutdown()


# --- PostgreSQL: weighted tsvector, websearch, trigram ---------------------------------------


def _joined(*fields):
    """Fields joined by ` · ` for SearchHeadline to read (CONCAT_WS without NULL surprises)."""
    parts = []
    for name in fields:
        parts += [F(name), Value(" · ")]
    return Concat(*parts[:-1], output_field=models.TextField())


@cache
def _has_trigram() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cursor.fetchone() is not None


TRIGRAM_NAMES = {"organization": "name", "person": "name", "event": "name"}


class PostgresEngine:
    UPDATE_CHUNK = 1000  # records a statement, well under the 65,535 parameters allowed

    @staticmethod
    def ensure():
        # Typos in names need pg_trgm; it is optional, so a refusal only turns that branch off.
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except Exception:
            pass
        _has_trigram.cache_clear()

    @staticmethod
    def clear():
        pass  # every row is rewritten by update()

    @classmethod
    def update(cls, kind: str, records, *, writer: BackgroundVectorWriter | None = None) -> int:
        """A statement a chunk of `records`: the vector of each public one, NULL for the rest.

        The texts are read here; the statements run here, or on `writer`'s connection."""
        rows = []
        for obj in records:
            if obj.is_public:
                parts = obj.index_components()
                rows.append((obj.pk, parts["A"], parts["B"], parts["C"]))
            else:
                rows.append((obj.pk, None, None, None))
        table = connection.ops.quote_name(KINDS[kind].model._meta.db_table)
        for start in range(0, len(rows), cls.UPDATE_CHUNK):
            chunk = rows[start : start + cls.UPDATE_CHUNK]
            if writer is None:
                cls._vectors_write(table, chunk)
            else:
                writer.submit(lambda chunk=chunk: cls._vectors_write(table, chunk))
        return sum(row[1] is not None for row in rows)

    @staticmethod
    def _vectors_write(table: str, rows: list[tuple]) -> None:
        """Set the vectors of `rows` (pk, A, B, C), on whichever connection this thread has."""
        weighted = " || ".join(
            f"setweight(to_tsvector('{TEXT_CONFIG}', coalesce(v.{w.lower()}, '')), '{w}')"
            for w in "ABC"
        )
        values = ", ".join(["(%s::bigint, %s::text, %s::text, %s::text)"] * len(rows))
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} AS t SET search_vector = "
                f"CASE WHEN v.a IS NULL THEN NULL ELSE {weighted} END "
                f"FROM (VALUES {values}) AS v(id, a, b, c) WHERE t.id = v.id",
                [value for row in rows for value in row],
            )

    @staticmethod
    def delete(kind: str, pk: int) -> None:
        pass  # the row and its vector went together

    @staticmethod
    def _query(terms: str) -> SearchQuery:
        return SearchQuery(terms, search_type="websearch", config=TEXT_CONFIG)

    @classmethod
    def matches(cls, terms: str) -> list[tuple[str, int, float]]:
        query, rows = cls._query(terms), []
        for kind in RECORD_KINDS:
            found = (
                kind.model.objects.published()
                .filter(search_vector=query)
                .annotate(rank=SearchRank(F("search_vector"), query, normalization=0))
                .order_by("-rank")
                .values_list("pk", "rank")[:MAX_MATCHES]
            )
            rows += [(kind.code, pk, rank) for pk, rank in found]
        if _has_trigram():
            rows += cls._similar_names(terms)
        return _order(rows)

    @staticmethod
    def _similar_names(terms: str) -> list[tuple[str, int, float]]:
        """Names close to the query (`Migrant Forum in Aisa`), ranked below real text matches."""
        rows = []
        for kind, name_field in TRIGRAM_NAMES.items():
            similar = (
                KINDS[kind]
                .model.objects.published()
                .annotate(similarity=TrigramSimilarity(name_field, terms))
                .filter(similarity__gte=TRIGRAM_THRESHOLD)
                .order_by("-similarity")
                .values_list("pk", "similarity")[:20]
            )
            rows += [(kind, pk, similarity * 0.01) for pk, similarity in similar]
        return rows

    @classmethod
    def snippets(cls, kind: str, pks: list[int], terms: str) -> dict[int, str]:
        fields = KINDS[kind].model.headline_fields
        source = fields[0] if len(fields) == 1 else _joined(*fields)
        headline = SearchHeadline(
            source,
            cls._query(terms),
            config=TEXT_CONFIG,
            start_sel=START_SEL,
            stop_sel=STOP_SEL,
            max_words=40,
            min_words=20,
            short_word=2,
        )
        rows = KINDS[kind].model.objects.filter(pk__in=pks).annotate(snippet=headline)
        return dict(rows.values_list("pk", "snippet"))
