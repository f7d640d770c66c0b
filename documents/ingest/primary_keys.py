"""Primary keys reserved before a batch's rows are inserted, so new rows can point at each
other before any is written (the importer's write path, `store.py`)."""

from __future__ import annotations

from collections import Counter, defaultdict

from django.db import connection, models


class PrimaryKeys:
    """Primary keys reserved ahead of the insert, so a batch's new rows can refer to each other.

    PostgreSQL hands them out from the table's sequence; SQLite from `sqlite_sequence` (Django
    makes every table AUTOINCREMENT), an update that also takes the database's write lock. A
    key is never handed out twice; keys reserved and not used leave gaps, as sequences do.
    Use one instance per transaction: a rollback on SQLite gives the reservation back.
    """

    FIRST_BLOCK = 16
    _usual: dict[type, int] = {}  # keys of each model the last batch used: the first block's size

    def __init__(self) -> None:
        self._free: dict[type, list[int]] = defaultdict(list)
        self._used: Counter = Counter()

    def next(self, model: type[models.Model]) -> int:
        free = self._free[model]
        if not free:  # a block as big as the last batch needed, then doubling what this one has
            size = max(self.FIRST_BLOCK, self._used[model], self._usual.get(model, 0) * 9 // 8)
            free.extend(sorted(_reserve(model, size), reverse=True))
        self._used[model] += 1
        self._usual[model] = self._used[model]
        return free.pop()


_SEQUENCES: dict[tuple[str, str], str] = {}  # PostgreSQL: (table, key column) -> its sequence


def _reserve(model: type[models.Model], count: int) -> list[int]:
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            if (table, column) not in _SEQUENCES:
                cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, column])
                _SEQUENCES[table, column] = cursor.fetchone()[0]
            cursor.execute(
                "SELECT nextval(%s::regclass) FROM generate_series(1, %s)",
                [_SEQUENCES[table, column], count],
            )
            return [row[0] for row in cursor.fetchall()]
        quoted = connection.ops.quote_name(table)
        cursor.execute(  # a table never written to has no sequence row yet
            "INSERT INTO sqlite_sequence (name, seq) "
            f"SELECT %s, (SELECT coalesce(max({column}), 0) FROM {quoted}) "
            "WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = %s)",
            [table, table],
        )
        cursor.execute("UPDATE sqlite_sequence SET seq = seq + %s WHERE name = %s", [count, table])
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        last = cursor.fetchone()[0]
    return list(range(last - count + 1, last + 1))
