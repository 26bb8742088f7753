"""On PostgreSQL, a trigram GIN index for the substring half of the search (Chinese text has
no word boundaries, so `icontains` carries most searches). Needs the pg_trgm extension; if it
cannot be created (no privilege), the search still works, only without this index."""

from django.db import migrations, transaction

INDEX = "catalog_project_search_trgm"


def add_index(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception:  # noqa: BLE001 - optional speed-up, never a failed migration
        return
    # The expression Django's icontains produces: UPPER("search_text"::text) LIKE UPPER(%s).
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON catalog_project USING gin ((UPPER(search_text::text)) gin_trgm_ops)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("catalog", "0003_search_index_and_backfill")]

    operations = [migrations.RunPython(add_index, drop_index)]
