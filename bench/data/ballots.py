"""Benchmark data for ballots: a compound the size of Yangguang Shuian (2,058 households),
every household verified with one resident account as its designated voter.

The burst scenario opens a fresh ballot on this compound each run. Idempotent: the
compound is built once, whatever `size` (ballots do not grow with the project count).
"""

from decimal import Decimal

BENCH_COMPOUND = "阳光水岸（压测）"
HOUSEHOLDS = 2058
PHONE_BASE = 17700000000


def generate(*, size: int, rng, stdout) -> None:
    from django.contrib.auth.hashers import make_password

    from accounts.models import Role, RoleKind, User
    from core.clock import now
    from places.models import Building, Community, Compound, Household, HouseholdMember

    community = Community.objects.order_by("id").first()
    if community is None:
        stdout.write("  ballots: no community (run seed_demo first); skipped")
        return
    compound, created = Compound.objects.get_or_create(community=community, name=BENCH_COMPOUND)
    if not created and Household.objects.filter(compound=compound).count() >= HOUSEHOLDS:
        return
    verifier = User.objects.filter(is_superuser=True).order_by("id").first()
    buildings = [Building.objects.get_or_create(compound=compound, name=f"{n}栋")[0] for n in range(1, 22)]
    moment = now()
    households = [
        Household(
            building=buildings[i % len(buildings)],
            compound=compound,
            community=community,
            unit=f"{i // 21 + 1}-{i}",
            area_m2=Decimal(rng.randrange(5500, 14000)) / 100,
            verified_by=verifier,
            verified_at=moment,
        )
        for i in range(HOUSEHOLDS)
    ]
    Household.objects.bulk_create(households, batch_size=1000)
    password = make_password(None)  # unusable: the scenario signs these accounts in by session
    users = [
        User(username=str(PHONE_BASE + i), phone=str(PHONE_BASE + i), full_name=f"压测住户{i}", password=password)
        for i in range(HOUSEHOLDS)
    ]
    User.objects.bulk_create(users, batch_size=1000, ignore_conflicts=True)
    users = list(User.objects.filter(username__in=[u.username for u in users]).order_by("username"))
    Role.objects.bulk_create(
        [Role(user=u, kind=RoleKind.RESIDENT) for u in users], batch_size=1000, ignore_conflicts=True
    )
    households = list(Household.objects.filter(compound=compound).order_by("id"))
    HouseholdMember.objects.bulk_create(
        [
            HouseholdMember(household=h, user=u, name=u.full_name, is_voter=True)
            for h, u in zip(households, users, strict=False)
        ],
        batch_size=1000,
    )
    stdout.write(f"  ballots: {len(households)} verified households in {BENCH_COMPOUND}")
