"""The PostgreSQL engine: stored weighted `search_vector` columns (A title, B names and tags,
C body) queried with websearch syntax, snippets from SearchHeadline, trigram similarity on
names for typos when pg_trgm is there; and the writer that stores vectors in the background."""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramSimilarity,
)
from django.db import connection, connections, models, transaction
from django.db.models import F, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Concat

from ..kinds import KINDS, RECORD_KINDS
from .ranking import MAX_MATCHES, START_SEL, STOP_SEL, ranked

TEXT_CONFIG = "english"
LONE_DASH = re.compile(r"(?<!\S)[-\u2013\u2014]+(?=\s|$)")
CANDIDATES = 500  # records of a kind whose vector matches that are ranked, at most
TITLE_CANDIDATES = 200  # and records of a kind whose title matches, however many bodies do
SIMILAR_NAMES = 20  # names close to a misspelt query, a kind
# Typo guesses only for a search whose words found fewer records than this: a misspelt name
# finds little, while for a common word the trigram index would hand back every name holding
# its letters, each to recheck.
TYPOS_UNDER = 10


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


def _title_matches(field: str, terms: str) -> RawSQL:
    """`field` alone matches `terms`: the expression the migration 0011 indexes, word for word."""
    column = connection.ops.quote_name(field)
    return RawSQL(
        f"to_tsvector('{TEXT_CONFIG}'::regconfig, coalesce({column}, '')) "
        f"@@ websearch_to_tsquery('{TEXT_CONFIG}'::regconfig, %s)",
        [terms],
        output_field=models.BooleanField(),
    )


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
    def indexed(kind: str, pks) -> set[int]:
        """Which of these records have a stored vector."""
        found = KINDS[kind].model.objects.filter(pk__in=list(pks), search_vector__isnull=False)
        return set(found.values_list("pk", flat=True))

    @staticmethod
    def delete(kind: str, pk: int) -> None:
        pass  # the row and its vector went together

    @staticmethod
    def _query(terms: str) -> SearchQuery:
        # A dash standing alone is punctuation (`ASEAN CSO - Trade Unions`), not websearch's
        # NOT: left in, a document's own title did not find it.
        terms = LONE_DASH.sub(" ", terms)
        return SearchQuery(terms, search_type="websearch", config=TEXT_CONFIG)

    @classmethod
    def matches(cls, terms: str) -> list[tuple[str, int, float]]:
        """The best matches of each kind, ranked among a bounded set of candidates.

        A common word matches nearly every record; ranking them all grows with the archive.
        So each kind takes at most CANDIDATES records whose vector matches (in no particular
        order: the GIN index finds them and stops) and TITLE_CANDIDATES whose title alone
        matches (its own index), so title matches are not lost among the bodies; only those
        are ranked.
        """
        query, rows = cls._query(terms), []
        for kind in RECORD_KINDS:
            published = (
                kind.model.objects.published()
                .order_by()  # candidates in whatever order the index gives them: no sort
                # A title can match before the record's vector is written: it ranks last.
                .annotate(
                    rank=Coalesce(
                        SearchRank(F("search_vector"), query, normalization=0), Value(0.0)
                    )
                )
                .values_list("pk", "rank")
            )
            in_body = published.filter(search_vector=query)[:CANDIDATES]
            in_title = published.filter(_title_matches(kind.title_field, terms))
            found = in_body.union(in_title[:TITLE_CANDIDATES]).order_by("-rank", "pk")
            rows += [(kind.code, pk, rank) for pk, rank in found[:MAX_MATCHES]]
        if _has_trigram():
            rows += cls._similar_names(terms, wanted=len(rows) < TYPOS_UNDER)
        return ranked(rows)

    @staticmethod
    def _similar_names(terms: str, wanted: bool) -> list[tuple[str, int, float]]:
        """Names close to the query (`Migrant Forum in Aisa`), ranked below real text matches.

        One statement for every kind with a typo field, run on every search so each costs
        the same queries; when not `wanted` its condition is a constant false, which
        PostgreSQL answers without reading a row. `name % terms` is what the trigram index
        answers (similarity over pg_trgm's threshold, 0.3 by default); the similarity
        itself is computed for those only."""
        lookups = [
            kind.model.objects.published()
            .filter(RawSQL("%s", [wanted], output_field=models.BooleanField()))
            .filter(**{f"{kind.typo_field}__trigram_similar": terms})
            .annotate(
                record_kind=Value(kind.code),
                similarity=TrigramSimilarity(kind.typo_field, terms),
            )
            .order_by("-similarity", "pk")
            .values_list("record_kind", "pk", "similarity")[:SIMILAR_NAMES]
            for kind in RECORD_KINDS
            if kind.typo_field
        ]
        similar = lookups[0].union(*lookups[1:], all=True)
        return [(kind, pk, similarity * 0.01) for kind, pk, similarity in similar]

    @classmethod
    def _headline(cls, kind: str, terms: str) -> SearchHeadline:
        fields = KINDS[kind].model.headline_fields
        source = fields[0] if len(fields) == 1 else _joined(*fields)
        return SearchHeadline(
            source,
            cls._query(terms),
            config=TEXT_CONFIG,
            start_sel=START_SEL,
            stop_sel=STOP_SEL,
            max_words=40,
            min_words=20,
            short_word=2,
        )

    @classmethod
    def snippets(cls, kind: str, pks: list[int], terms: str) -> dict[int, str]:
        rows = KINDS[kind].model.objects.filter(pk__in=pks)
        return dict(rows.annotate(snippet=cls._headline(kind, terms)).values_list("pk", "snippet"))

    @classmethod
    def with_snippets(cls, queryset, kind: str, terms: str) -> tuple[list, dict[int, str]]:
        """The records of `queryset` and their snippets, in one statement."""
        records = list(queryset.annotate(search_snippet=cls._headline(kind, terms)))
        return records, {obj.pk: obj.search_snippet for obj in records}
