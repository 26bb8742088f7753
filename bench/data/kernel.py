"""Kernel bench data: enough households in the demo worker's community for a full roll.

The household roll shows 60 rows a page; the demo community has 40 households. This adds a
compound of six-door, ten-floor buildings until the community holds max(120, size // 20)
households (5,000 at size 100,000: a large urban community), each with one to three
members, exactly one of them the designated voter. Additive: only missing rows are made.
"""

from decimal import Decimal

from places.models import Building, Community, Compound, Household, HouseholdMember

COMPOUND = "益创基准花园"
FLOORS, DOORS = 10, 6
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "秀英建华明亮丽军芳伟敏静磊强洋艳勇杰娟涛超霞平刚桂兰"


def households_wanted(size: int) -> int:
    return max(120, size // 20)


def generate(*, size, rng, stdout) -> None:
    from accounts.models import Role, RoleKind

    role = Role.objects.filter(kind=RoleKind.COMMUNITY_WORKER, community__isnull=False).order_by("id").first()
    community = role.community if role else Community.objects.order_by("id").first()
    if community is None:
        stdout.write("    kernel: no community (seed_demo not loaded?); nothing to add")
        return
    missing = households_wanted(size) - Household.objects.filter(community=community).count()
    if missing <= 0:
        stdout.write(f"    kernel: {community.name} already has enough households")
        return
    compound, _ = Compound.objects.get_or_create(community=community, name=COMPOUND)
    per_building = FLOORS * DOORS
    existing = Household.objects.filter(compound=compound).count()
    total = existing + missing
    households, buildings = [], {}
    for index in range(existing, total):
        number, slot = divmod(index, per_building)
        if number not in buildings:
            buildings[number], _ = Building.objects.get_or_create(compound=compound, name=f"{number + 1}栋")
        building = buildings[number]
        floor, door = divmod(slot, DOORS)
        households.append(
            Household(
                building=building,
                compound=compound,
                community=community,
                unit=f"{floor + 1}-{door + 1}",
                area_m2=Decimal(rng.randrange(5500, 13000)) / 100,
            )
        )
    created = Household.objects.bulk_create(households, batch_size=2000)
    members = []
    for household in created:
        for position in range(rng.choice((1, 2, 2, 3))):
            members.append(
                HouseholdMember(
                    household=household,
                    name=rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2)),
                    phone=f"139{rng.randrange(10**8):08d}",
                    is_voter=position == 0,
                )
            )
    HouseholdMember.objects.bulk_create(members, batch_size=5000)
    stdout.write(f"    kernel: +{len(created)} households ({len(members)} members) in {community.name}")
