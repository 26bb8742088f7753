"""Demo gifts: several projects with donations and one community fund matched by a sponsor.

No Stripe: the rows a verified webhook would leave are written directly (donation, gift,
match, receipt number). Idempotent through the fixed demo PaymentIntent ids.
"""

import datetime
import random

from django.utils import timezone

from places.models import Community
from projects.catalog.models import FundingSource, Project, ProjectStatus

from . import matching
from .models import (
    CommunityFund,
    Donation,
    DonationStatus,
    LedgerEntry,
    LedgerKind,
    MatchingPool,
    Receipt,
    ReceiptCounter,
)

DONORS = ["王秀英", "李建华", "张明亮", "刘丽", "陈军", "杨芳", "黄伟", "赵敏", "吴静", "周磊", "徐强", "孙洋"]
MESSAGES = ["一点心意，支持社区公益！", "为楼道微更新加油", "", "希望老人们过得更好", "", "邻里互助，温暖你我"]
FALLBACK_PROJECTS = ["阳光水岸楼道微更新", "土庙子院落长者饭堂", "江南社区四点半课堂"]


def _projects() -> list[Project]:
    projects = list(Project.objects.order_by("id")[:4])
    if projects:
        return projects
    communities = list(Community.objects.order_by("id")[:3])
    return [
        Project.objects.get_or_create(
            name=name,
            defaults={
                "community": communities[i % len(communities)] if communities else None,
                "year": 2026,
                "funding_source": FundingSource.DONATIONS,
                "status": ProjectStatus.ACTIVE,
                "summary": "居民提出、社区组织实施的公益微项目，接受社会捐赠。",
            },
        )[0]
        for i, name in enumerate(FALLBACK_PROJECTS)
    ]


def _gift(index: int, *, project=None, fund=None, amount_fen: int, when) -> None:
    intent = f"pi_demo_{index:03d}"
    if Donation.objects.filter(payment_intent_id=intent).exists():
        return
    name = DONORS[index % len(DONORS)]
    donation = Donation.objects.create(
        project=project,
        fund=fund,
        amount_fen=amount_fen,
        donor_name=name,
        is_anonymous=index % 5 == 0,
        message=MESSAGES[index % len(MESSAGES)],
        receipt_email=f"donor{index}@demo.yichuang.cn",
        status=DonationStatus.SUCCEEDED,
        payment_intent_id=intent,
        charge_id=f"ch_demo_{index:03d}",
        succeeded_at=when,
    )
    Donation.objects.filter(pk=donation.pk).update(created_at=when)
    donation.created_at = when
    LedgerEntry.objects.create(
        kind=LedgerKind.GIFT,
        amount_fen=amount_fen,
        donation=donation,
        project=project,
        fund=fund,
        stripe_ref=donation.charge_id,
    )
    matching.match_gift(donation)
    counter, _ = ReceiptCounter.objects.get_or_create(year=when.year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    Receipt.objects.create(
        donation=donation, number=f"YC{when.year}-{counter.last_number:06d}", issued_at=when, sent_at=when
    )


def seed(*, stdout) -> None:
    rng = random.Random(8)
    start = timezone.now() - datetime.timedelta(days=60)
    community = Community.objects.filter(name="阳光社区").first() or Community.objects.order_by("id").first()
    if community is None:
        stdout.write("    donations: no communities, skipped")
        return
    fund, _ = CommunityFund.objects.get_or_create(
        community=community,
        name=f"{community.name}邻里微基金",
        defaults={"description": "由居民、商户和共建单位捐赠，用于小区公共事务和困难邻里帮扶，收支每季度公示。"},
    )
    MatchingPool.objects.get_or_create(
        sponsor="南岸区爱心企业联合会",
        fund=fund,
        defaults={"ratio": "1.00", "cap_fen": 2_000_000, "starts_at": start - datetime.timedelta(days=1)},
    )
    index = 0
    for project in _projects():
        for _ in range(5):
            index += 1
            _gift(
                index,
                project=project,
                amount_fen=rng.choice([2000, 5000, 10000, 20000, 8800]),
                when=start + datetime.timedelta(days=index, hours=rng.randint(8, 20)),
            )
    for _ in range(8):
        index += 1
        _gift(
            index,
            fund=fund,
            amount_fen=rng.choice([5000, 10000, 50000]),
            when=start + datetime.timedelta(days=index % 50, hours=rng.randint(8, 20)),
        )
    stdout.write(f"    {Donation.objects.count()} donations, {LedgerEntry.objects.count()} ledger entries")
