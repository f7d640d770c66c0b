"""The SQLite engine: one FTS5 table for every kind, weighted like PostgreSQL's A/B/C through
bm25(), snippets from snippet(); user terms are quoted before they reach MATCH."""

from __future__ import annotations

import re

from django.db import connection

from .ranking import KIND_CODES, MAX_MATCHES, START_SEL, STOP_SEL, ranked

FTS_TABLE = "search_index"
WEIGHTS = {"A": 10.0, "B": 4.0, "C": 1.0}  # bm25 column weights, in step with PG's A/B/C


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
    def indexed(cls, kind: str, pks) -> set[int]:
        """Which of these records have an entry: a lookup by rowid, a chunk at a time."""
        cls.ensure()
        rowids = [cls._rowid(kind, pk) for pk in pks]
        found = set()
        with connection.cursor() as cursor:
            for start in range(0, len(rowids), cls.DELETE_CHUNK):
                chunk = rowids[start : start + cls.DELETE_CHUNK]
                cursor.execute(
                    f"SELECT rowid / 16 FROM {FTS_TABLE} "
                    f"WHERE rowid IN ({', '.join(['%s'] * len(chunk))})",
                    chunk,
                )
                found.update(pk for (pk,) in cursor.fetchall())
        return found

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
            return ranked(cursor.fetchall())

    @classmethod
    def with_snippets(cls, queryset, kind: str, terms: str) -> tuple[list, dict[int, str]]:
        """The records of `queryset` and their snippets: the snippets come from the FTS table."""
        records = list(queryset)
        return records, cls.snippets(kind, [obj.pk for obj in records] or [0], terms)

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
