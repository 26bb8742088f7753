import io

import pytest

from projects.catalog.models import Project

pytestmark = pytest.mark.django_db


def test_demo_imports_the_356_projects_once():
    from organizations import demo as org_demo
    from places import demo as places_demo
    from projects.catalog import demo

    out = io.StringIO()
    places_demo.seed(stdout=out)
    org_demo.seed(stdout=out)
    demo.seed(stdout=out)
    assert Project.objects.filter(external_ref__isnull=False).count() == 356, out.getvalue()
    assert Project.objects.filter(street__isnull=True).count() == 0
    assert set(Project.objects.values_list("year", flat=True).distinct()) == set(range(2019, 2026))
    assert Project.objects.filter(milestones__isnull=False).distinct().count() == 12
    demo.seed(stdout=out)
    assert Project.objects.count() == 356


def test_demo_csv_is_what_the_generator_makes():
    import csv

    from projects.catalog import demo

    with demo.CSV_PATH.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == demo.HEADER
    assert rows[1:] == demo.generate_rows()
