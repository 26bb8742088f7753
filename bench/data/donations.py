"""Donations for the benchmark: gifts on a tenth of the projects, a matched community fund.

Rows are written as verified webhooks would leave them (donation, gift and match ledger
rows), with bulk_create; 100,000 projects give ~50,000 donations.
"""

import datetime

from django.utils import timezone

from core import pagecache
from places.models import Community
from projects.catalog.models import Project
from projects.donations.models import CommunityFund, Donation, DonationStatus, LedgerEntry, LedgerKind, MatchingPool

BATCH = 5_000
GIFTS_PER_PROJECT = 5
# The most-given-to project, for the giving-page scenario.
HOT_PROJECT_GIFTS = 400


def generate(*, size: int, rng, stdout) -> None:
    project_ids = list(Project.objects.order_by("id").values_list("id", flat=True)[: max(1, size // 10)])
    community = Community.objects.order_by("id").first()
    if not project_ids or community is None:
        stdout.write("donations: no projects or communities, nothing generated")
        return
    now = timezone.now()
    fund, _ = CommunityFund.objects.get_or_create(community=community, name="基准测试邻里微基金")
    pool, _ = MatchingPool.objects.get_or_create(
        sponsor="基准测试配捐方",
        project_id=project_ids[0],
        defaults={"ratio": "1.00", "cap_fen": 10**12, "starts_at": now - datetime.timedelta(days=400)},
    )
    start = Donation.objects.count()
    plan = [(project_ids[0], None)] * HOT_PROJECT_GIFTS
    plan += [(pid, None) for pid in project_ids[1:] for _ in range(GIFTS_PER_PROJECT)]
    plan += [(None, fund.pk)] * 200
    made = 0
    for offset in range(0, len(plan), BATCH):
        chunk = plan[offset : offset + BATCH]
        donations = [
            Donation(
                project_id=pid,
                fund_id=fid,
                amount_fen=rng.choice([2000, 5000, 10000, 20000]),
                donor_name=rng.choice("王李张刘陈杨黄赵") + rng.choice("秀建明丽") + rng.choice("英华亮军"),
                is_anonymous=rng.random() < 0.2,
                receipt_email=f"bench{start + offset + i}@example.org",
                status=DonationStatus.SUCCEEDED,
                payment_intent_id=f"pi_bench_{start + offset + i:08d}",
                charge_id=f"ch_bench_{start + offset + i:08d}",
                succeeded_at=now - datetime.timedelta(minutes=offset + i),
            )
            for i, (pid, fid) in enumerate(chunk)
        ]
        Donation.objects.bulk_create(donations, batch_size=1000)
        created = list(
            Donation.objects.filter(payment_intent_id__in=[d.payment_intent_id for d in donations]).values_list(
                "id", "project_id", "fund_id", "amount_fen", "charge_id"
            )
        )
        entries = [
            LedgerEntry(
                kind=LedgerKind.GIFT, amount_fen=amount, donation_id=did, project_id=pid, fund_id=fid, stripe_ref=charge
            )
            for did, pid, fid, amount, charge in created
        ]
        entries += [
            LedgerEntry(kind=LedgerKind.MATCH, amount_fen=amount, donation_id=did, project_id=pid, pool=pool)
            for did, pid, fid, amount, charge in created
            if pid == project_ids[0]
        ]
        LedgerEntry.objects.bulk_create(entries, batch_size=2000)
        made += len(created)
    pagecache.invalidate_on_commit()
    stdout.write(f"donations: {made} donations on {len(project_ids)} projects and one fund")
