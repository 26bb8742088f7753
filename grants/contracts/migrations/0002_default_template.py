"""The standard contract template, so operators find one to edit in the CMS from the start."""

from django.db import migrations


def create(apps, schema_editor):
    ContractTemplate = apps.get_model("contracts", "ContractTemplate")
    if ContractTemplate.objects.exists():
        return
    from grants.contracts.defaults import DEFAULT_TEMPLATE_FIELDS, DEFAULT_TEMPLATE_NAME

    ContractTemplate.objects.create(name=DEFAULT_TEMPLATE_NAME, is_default=True, **DEFAULT_TEMPLATE_FIELDS)


class Migration(migrations.Migration):
    dependencies = [("contracts", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
