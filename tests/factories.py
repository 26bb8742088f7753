"""factory_boy factories for the kernel. Later apps add theirs in tests/<app>/factories.py."""

import itertools
from decimal import Decimal

import factory
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Role, RoleKind, User
from organizations.demo import make_credit_code
from organizations.models import IncubationStatus, Organization, OrganizationType, Station
from places.models import Building, Community, Compound, District, Household, HouseholdMember, Street

PASSWORD = "Correct-Horse-42"
_phones = itertools.count(13900000000)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}@example.org")
    email = factory.LazyAttribute(lambda o: o.username if "@" in o.username else "")
    full_name = factory.Sequence(lambda n: f"张{n}明")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class ResidentFactory(UserFactory):
    username = factory.LazyFunction(lambda: str(next(_phones)))
    phone = factory.LazyAttribute(lambda o: o.username)
    email = ""

    @factory.post_generation
    def resident_role(obj, create, extracted, **kwargs):
        if create:
            Role.objects.create(user=obj, kind=RoleKind.RESIDENT)


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("name",)

    name = "南岸区"


class StreetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Street

    district = factory.SubFactory(DistrictFactory)
    name = factory.Sequence(lambda n: f"街道{n}")


class CommunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Community

    street = factory.SubFactory(StreetFactory)
    name = factory.Sequence(lambda n: f"社区{n}")


class CompoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Compound

    community = factory.SubFactory(CommunityFactory)
    name = factory.Sequence(lambda n: f"小区{n}")


class BuildingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Building

    compound = factory.SubFactory(CompoundFactory)
    name = factory.Sequence(lambda n: f"{n}栋")


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    building = factory.SubFactory(BuildingFactory)
    unit = factory.Sequence(lambda n: f"{n}-1")
    area_m2 = Decimal("88.50")


class HouseholdMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HouseholdMember

    household = factory.SubFactory(HouseholdFactory)
    name = factory.Sequence(lambda n: f"李{n}华")
    is_voter = False


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"测试社会工作服务中心{n}")
    org_type = OrganizationType.SOCIAL_SERVICE
    credit_code = factory.Sequence(
        lambda n: make_credit_code(__import__("random").Random(n + 1000), OrganizationType.SOCIAL_SERVICE)
    )
    incubation_status = IncubationStatus.NONE
    annual_report_year = 2025


class StationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Station

    community = factory.SubFactory(CommunityFactory)
    name = factory.Sequence(lambda n: f"公益站{n}")


def grant(user: User, kind: str, **scope) -> User:
    Role.objects.get_or_create(user=user, kind=kind, **scope)
    if hasattr(user, "_yc_roles"):
        del user._yc_roles
    return user


def verified_totp(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="test", confirmed=True)
