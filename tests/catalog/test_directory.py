import datetime

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import OrganizationFactory

from .factories import CatalogProjectFactory

pytestmark = pytest.mark.django_db


def test_directory_lists_incubated_and_partner_organizations_with_totals():
    incubated = OrganizationFactory(
        name="益心社工", incubation_status="incubating", incubation_started_on=datetime.date(2024, 1, 1)
    )
    partner = OrganizationFactory(name="暖心基金会", is_partner=True)
    OrganizationFactory(name="无关组织")
    CatalogProjectFactory(organization=incubated, amount_fen=1_000_000)
    CatalogProjectFactory(organization=incubated, amount_fen=2_000_000)
    response = Client().get(reverse("catalog:organizations"))
    assert response.status_code == 200 and not response.cookies
    rows = {o.name: o for o in response.context["organizations"]}
    assert set(rows) == {"益心社工", "暖心基金会"}
    assert rows["益心社工"].project_count == 2 and rows["益心社工"].funding_fen == 3_000_000
    only_partners = Client().get(reverse("catalog:organizations"), {"kind": "partner"})
    assert [o.name for o in only_partners.context["organizations"]] == ["暖心基金会"]
    detail = Client().get(reverse("catalog:organization", kwargs={"pk": incubated.pk}))
    assert detail.status_code == 200 and "益心社工" in detail.content.decode()
    assert Client().get(reverse("catalog:organization", kwargs={"pk": partner.pk + 999})).status_code == 404


def test_trained_members_come_from_valid_certificates_of_the_organization():
    from tests.cohorts.factories import CohortFactory, enrolled
    from training.cohorts.models import Certificate

    org = OrganizationFactory(name="青禾", is_partner=True)
    cohort = CohortFactory()
    for index in range(3):
        application = enrolled(cohort)
        application.organization = org if index < 2 else None
        application.save()
        Certificate.objects.create(
            cohort=cohort,
            trainee=application.applicant,
            serial=f"C-{index}",
            verification_code=f"v{index}",
            holder_name="x",
            hours=10,
            issued_on=datetime.date(2026, 6, 1),
        )
    response = Client().get(reverse("catalog:organizations"))
    assert [o.trained_members for o in response.context["organizations"]] == [2]
