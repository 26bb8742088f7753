import io
import random

import pytest
from django.test import Client

from projects.catalog.models import Project
from tests.factories import CommunityFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def test_generator_is_additive_and_scenario_paths_open():
    from bench.data import catalog as data
    from bench.scenarios import catalog as scenarios

    CommunityFactory()
    OrganizationFactory()
    out = io.StringIO()
    data.generate(size=300, rng=random.Random(1), stdout=out)
    assert Project.objects.count() == 300
    data.generate(size=300, rng=random.Random(1), stdout=out)
    assert Project.objects.count() == 300
    data.generate(size=1200, rng=random.Random(2), stdout=out)
    assert Project.objects.count() == 1200
    assert Project.objects.filter(street__isnull=True).count() == 0
    client = Client()
    for scenario in scenarios.SCENARIOS:
        if scenario.role:
            continue
        path = scenario.path(None)
        assert client.get(path).status_code == 200, path
