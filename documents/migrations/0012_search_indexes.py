"""PostgreSQL indexes that keep search bounded (docs/performance.md, "Search"); none on SQLite.

- A trigram GIN index on each name searched for typos, so `name % 'Migrant Forum in Aisa'`
  is an index scan, not a similarity computed against every name. Needs pg_trgm: created here
  when the role may; when it may not, typo tolerance stays off and nothing else changes.
- A full-text GIN index on each title or name alone, so the titles that match a common word
  are found among the candidates however many bodies match it.
"""

from django.db import migrations

NAME_TABLES = {
    "documents_eventseries": "name",
    "organizations_organization": "name",
    "organizations_person": "name",
}
TITLE_TABLES = {
    **NAME_TABLES,
    "documents_event": "name",
    "documents_sourcedocument": "title",
    "documents_convention": "title",
}


def _has_trigram(cursor) -> bool:
    try:
        cursor.execute("SAVEPOINT search_trgm")
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        cursor.execute("RELEASE SAVEPOINT search_trgm")
    except Exception:
        cursor.execute("ROLLBACK TO SAVEPOINT search_trgm")
    cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
    return cursor.fetchone() is not None


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        if _has_trigram(cursor):
            for table, column in NAME_TABLES.items():
                cursor.execute(
                    f"CREATE INDEX IF NOT EXISTS {table}_{column}_trgm "
                    f"ON {table} USING gin ({column} gin_trgm_ops)"
                )
        for table, column in TITLE_TABLES.items():
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {table}_{column}_fts ON {table} "
                f"USING gin (to_tsvector('english'::regconfig, coalesce({column}, '')))"
            )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for table, column in TITLE_TABLES.items():
            cursor.execute(f"DROP INDEX IF EXISTS {table}_{column}_fts")
        for table, column in NAME_TABLES.items():
            cursor.execute(f"DROP INDEX IF EXISTS {table}_{column}_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0011_event_kind_launch_adoption"),
        ("organizations", "0003_history_indexes"),
    ]
    operations = [migrations.RunPython(create, drop, elidable=False)]
