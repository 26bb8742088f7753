import datetime
import uuid
from decimal import Decimal

import factory
from django.utils import timezone

from projects.catalog.models import FundingSource, Project, ProjectStatus
from projects.donations.models import CommunityFund, Donation, MatchingPool
from tests.factories import CommunityFactory


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    name = factory.Sequence(lambda n: f"楼道微更新项目{n}")
    community = factory.SubFactory(CommunityFactory)
    year = 2026
    funding_source = FundingSource.DONATIONS
    status = ProjectStatus.ACTIVE


class CommunityFundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommunityFund

    community = factory.SubFactory(CommunityFactory)
    name = factory.Sequence(lambda n: f"社区微基金{n}")


class MatchingPoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MatchingPool

    sponsor = factory.Sequence(lambda n: f"爱心企业{n}")
    ratio = Decimal("1.00")
    cap_fen = 100_000
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))


class DonationFactory(factory.django.DjangoModelFactory):
    """A pending donation as donation_start leaves it (without calling Stripe)."""

    class Meta:
        model = Donation

    project = factory.SubFactory(ProjectFactory)
    amount_fen = 10_000
    donor_name = "王秀英"
    receipt_email = factory.Sequence(lambda n: f"donor{n}@example.org")
    payment_intent_id = factory.LazyFunction(lambda: "pi_" + uuid.uuid4().hex[:20])
