"""Fill street and search_text for rows made before they existed, and on PostgreSQL add a
GIN index for full-text search (`simple` configuration, the expression the filter uses)."""

from django.db import migrations

INDEX = "catalog_project_search_gin"


def backfill(apps, schema_editor):
    Project = apps.get_model("catalog", "Project")
    for project in Project.objects.select_related("organization", "community__street").iterator(chunk_size=500):
        community = project.community
        parts = [
            project.name, project.summary,
            project.organization.name if project.organization_id else "",
            community.name if community else "",
            community.street.name if community else "",
        ]
        project.search_text = " ".join(p for p in parts if p)
        if community:
            project.street_id = community.street_id
        project.save(update_fields=["search_text", "street"])


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON catalog_project "
        "USING gin (to_tsvector('simple'::regconfig, COALESCE(search_text, ''::text)))"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_extend_project_record")]

    operations = [
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.RunPython(add_index, drop_index),
    ]
