"""Multi-row INSERTs for the importer, each row with the history row django-simple-history's
`bulk_create_with_history` would write for it.

Django's `bulk_create` builds and prepares a model instance a row (and simple-history another
for its history row); for the hundred rows a document brings that was most of an import's
time. Here a row is a dict of attribute values. Plain values (str, int, float, bool, None) go
to the database as they are; anything else (dates, times, decimals, choices) is converted by
its field, as Django would. PostgreSQL gets the rows by COPY, SQLite by one prepared statement. Every row carries its primary key, reserved beforehand, so the
history rows can point at their records without reading anything back.
"""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.db import connection, models
from django.utils import timezone

PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})


class RowInserts:
    """New rows by model, in the order added; `write()` inserts each model's rows together."""

    def __init__(self) -> None:
        self.rows: dict[type[models.Model], list[dict]] = defaultdict(list)

    def add(self, model: type[models.Model], values: dict) -> None:
        """`values`: attribute names (`organization_id`, not `organization`) to values, the
        primary key included; fields left out take their defaults."""
        self.rows[model].append(values)

    def add_record(self, record: models.Model) -> None:
        """A model instance built in memory, its primary key set."""
        self.rows[type(record)].append(
            {f.attname: getattr(record, f.attname) for f in record._meta.concrete_fields}
        )

    def write(self, models_in_order: list[type[models.Model]]) -> None:
        now = timezone.now()
        for model in models_in_order:
            rows = self.rows.pop(model, None)
            if rows:
                values = _table_insert(model, rows, now)
                if getattr(settings, "SIMPLE_HISTORY_ENABLED", True) and hasattr(model, "history"):
                    _history_insert(model, values, now)
        if self.rows:
            raise ValueError(f"No order given for {', '.join(m.__name__ for m in self.rows)}")


def _table_insert(model, rows: list[dict], now) -> tuple[list[str], list[list]]:
    """Insert `rows`; returns the columns' attribute names and the values as written."""
    fields = [f for f in model._meta.concrete_fields if not _generated(f)]
    defaults = {}  # what a value left out (or an unsaved instance's empty timestamp) becomes
    for f in fields:
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            defaults[f.attname] = f.get_db_prep_save(now, connection)
        elif f.has_default():
            defaults[f.attname] = f.get_db_prep_save(f.get_default(), connection)
        elif f.null:
            defaults[f.attname] = None
    columns = [(f, f.attname, f.attname in defaults, f.null) for f in fields]
    prepared = []
    for row in rows:
        values = []
        for f, name, has_default, nullable in columns:
            value = row.get(name)
            if value is None and has_default and (not nullable or name not in row):
                value = defaults[name]
            elif type(value) not in PLAIN_TYPES:
                value = f.get_db_prep_save(value, connection)
            values.append(value)
        prepared.append(values)
    _execute(model._meta.db_table, [f.column for f in fields], prepared)
    return [f.attname for f in fields], prepared


def _history_insert(model, written: tuple[list[str], list[list]], now) -> None:
    history = model.history.model
    attnames, rows = written
    index = {name: i for i, name in enumerate(attnames)}
    tracked = list(history.tracked_fields)
    positions = [index[f.attname] for f in tracked]
    user = history.get_default_history_user(None)  # the curator uploading, if any
    extra = [
        history._meta.get_field("history_date").get_db_prep_save(now, connection),
        None,  # change reason
        "+",  # created
        user.pk if user is not None else None,
    ]
    columns = [f.column for f in tracked]
    columns += ["history_date", "history_change_reason", "history_type", "history_user_id"]
    _execute(history._meta.db_table, columns, [[row[i] for i in positions] + extra for row in rows])


def _execute(table: str, columns: list[str], rows: list[list]) -> None:
    quote = connection.ops.quote_name
    names = ", ".join(map(quote, columns))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY streams the rows in one command; executemany would still cost a round of
            # parsing and planning a row on the server.
            with cursor.cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:  # SQLite runs in-process: one prepared statement, stepped a row at a time
            placeholders = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO {quote(table)} ({names}) VALUES ({placeholders})", rows
            )


def _generated(field) -> bool:
    return getattr(field, "generated", False)
