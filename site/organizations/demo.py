"""The 13 incubated organizations of the documents, with valid credit codes, and 13 stations."""

import datetime
import random

from places.models import Community

from .creditcode import ALPHABET, check_character, organization_code_check
from .models import IncubationStatus, Organization, OrganizationType, Station

ORGANIZATIONS = [
    ("南岸区益心社会工作服务中心", OrganizationType.SOCIAL_SERVICE),
    ("南岸区阳光邻里互助协会", OrganizationType.SOCIAL_GROUP),
    ("南岸区乐龄为老服务中心", OrganizationType.SOCIAL_SERVICE),
    ("南岸区青禾青少年发展中心", OrganizationType.SOCIAL_SERVICE),
    ("南岸区同心助残服务社", OrganizationType.SOCIAL_SERVICE),
    ("南岸区江南志愿者协会", OrganizationType.SOCIAL_GROUP),
    ("南岸区善治社区发展中心", OrganizationType.SOCIAL_SERVICE),
    ("南岸区花园路居民议事会", OrganizationType.COMMUNITY),
    ("南岸区德润家庭教育服务中心", OrganizationType.SOCIAL_SERVICE),
    ("南岸区绿色家园环保协会", OrganizationType.SOCIAL_GROUP),
    ("南岸区暖心公益基金会", OrganizationType.FOUNDATION),
    ("南岸区和美调解服务中心", OrganizationType.SOCIAL_SERVICE),
    ("南岸区书香社区阅读会", OrganizationType.COMMUNITY),
]
TYPE_DIGIT = {
    OrganizationType.SOCIAL_GROUP: "1",
    OrganizationType.SOCIAL_SERVICE: "2",
    OrganizationType.FOUNDATION: "3",
    OrganizationType.COMMUNITY: "9",
}


def make_credit_code(rng: random.Random, org_type: str, division: str = "500108") -> str:
    body = "".join(rng.choice(ALPHABET[:10]) for _ in range(8))
    first17 = "5" + TYPE_DIGIT[org_type] + division + body + organization_code_check(body)
    return first17 + check_character(first17)


def seed(*, stdout) -> None:
    rng = random.Random(13)
    communities = list(Community.objects.order_by("id"))
    for index, (name, org_type) in enumerate(ORGANIZATIONS):
        code = make_credit_code(rng, org_type)
        status = [IncubationStatus.INCUBATING, IncubationStatus.GRADUATED][index % 2]
        Organization.objects.get_or_create(
            name=name,
            defaults={
                "credit_code": code,
                "org_type": org_type,
                "registered_on": datetime.date(2018 + index % 6, 1 + index % 12, 1 + index),
                "legal_representative": "负责人" + str(index + 1),
                "community": communities[index % len(communities)],
                "annual_report_year": 2025,
                "annual_report_filed_on": datetime.date(2026, 5, 20),
                "incubation_status": status,
                "incubation_applied_on": datetime.date(2023, 3, 1),
                "incubation_started_on": datetime.date(2023, 4, 1),
                "incubation_graduated_on": datetime.date(2025, 4, 1) if status == IncubationStatus.GRADUATED else None,
                "summary": "扎根社区的公益组织，参与V益案与社区公益微创投。",
            },
        )
    organizations = list(Organization.objects.order_by("id")[:13])
    for index, community in enumerate(communities[:13]):
        Station.objects.get_or_create(
            name=f"{community.name}公益站",
            defaults={"community": community, "organization": organizations[index % len(organizations)]},
        )
    stdout.write(f"    {Organization.objects.count()} organizations, {Station.objects.count()} stations")
