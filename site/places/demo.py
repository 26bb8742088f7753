"""Demo geography: one district, two streets, 13 communities, compounds and ~500 households."""

import random
from decimal import Decimal

from .models import Building, Community, Compound, District, Household, HouseholdMember, Street

STREETS = {
    "南坪街道": ["南坪东路社区", "阳光社区", "江南社区", "后堡社区", "福利社社区", "响水路社区", "工贸社区"],
    "花园路街道": ["花园路社区", "土庙子社区", "长江村社区", "四公里社区", "白鹤社区", "金竹社区"],
}
COMPOUNDS = ["阳光水岸", "土庙子院落", "江南小区", "滨江花园", "南山苑", "福利社院落", "长江花园"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "秀英建华明亮丽军芳伟敏静磊强洋艳勇杰娟涛超霞平刚桂兰"


def seed(*, stdout) -> None:
    rng = random.Random(20261122)
    district, _ = District.objects.get_or_create(name="南岸区", defaults={"code": "500108"})
    for street_name, communities in STREETS.items():
        street, _ = Street.objects.get_or_create(district=district, name=street_name)
        for c_index, community_name in enumerate(communities):
            community, _ = Community.objects.get_or_create(street=street, name=community_name)
            for k in range(2):
                compound_name = f"{COMPOUNDS[(c_index + k) % len(COMPOUNDS)]}{'' if k == 0 else '二期'}"
                compound, _ = Compound.objects.get_or_create(community=community, name=compound_name)
                for b in range(1, 3):
                    building, _ = Building.objects.get_or_create(compound=compound, name=f"{b}栋")
                    if building.households.exists():
                        continue
                    for floor in range(1, 6):
                        for door in (1, 2):
                            household = Household(
                                building=building,
                                unit=f"{floor}-{door}",
                                area_m2=Decimal(rng.randrange(5500, 13000)) / 100,
                            )
                            household.save()
                            for m in range(rng.choice([1, 2, 2, 3])):
                                HouseholdMember.objects.create(
                                    household=household,
                                    name=rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2)),
                                    phone=f"139{rng.randrange(10**8):08d}",
                                    is_voter=(m == 0),
                                )
    stdout.write(f"    {Household.objects.count()} households in {Community.objects.count()} communities")
