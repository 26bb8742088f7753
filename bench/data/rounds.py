"""Bench data for rounds: an open round with many applications, a reviewer's queue, and a
live roadshow whose representatives the submission burst signs in as.

Shaped around `size` (projects): applications = size // 20 (50 at 1,000; 5,000 at 100,000),
bulk-created with their budget lines so the pages read realistic rows.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

BENCH_ROUND = "基准测试·公益创投"
ROADSHOW_ROUND = "基准测试·路演"
REPRESENTATIVES = 150
TEAMS = 10


def generate(*, size, rng, stdout) -> None:
    from accounts.models import Role, RoleKind, User
    from grants.rounds.models import (
        Application,
        ApplicationStatus,
        BudgetLine,
        ReviewAssignment,
        Roadshow,
        RoadshowScorer,
        Round,
        RoundStatus,
        RubricCriterion,
    )
    from organizations.models import Organization

    if Round.objects.filter(title=BENCH_ROUND).exists():
        stdout.write("    rounds: bench data present")
        return
    now = timezone.now()
    organizations = list(Organization.objects.order_by("id")[:200])
    common = {
        "budget_fen": 100_000_000_00,
        "max_amount_fen": 0,
        "status": RoundStatus.OPEN,
        "applications_per_org": 1000,
        "opens_at": now - datetime.timedelta(days=1),
        "closes_at": now + datetime.timedelta(days=30),
        "year": now.year,
    }
    round = Round.objects.create(title=BENCH_ROUND, theme="德育创投", **common)
    show = Round.objects.create(title=ROADSHOW_ROUND, theme="德育创投", **common)
    for r in (round, show):
        RubricCriterion.objects.create(round=r, name="需求与成效", weight=Decimal(60))
        RubricCriterion.objects.create(round=r, name="预算合理性", weight=Decimal(40))
    count = max(size // 20, 60)
    applications = Application.objects.bulk_create(
        [
            Application(
                round=round,
                organization=organizations[i % len(organizations)],
                project_name=f"基准项目{i}",
                amount_fen=50_000_00,
                status=ApplicationStatus.ACCEPTED if i % 3 else ApplicationStatus.SUBMITTED,
                need="需求",
                target_group="居民",
                beneficiaries=100,
                activities="活动",
                team="团队",
                submitted_at=now,
            )
            for i in range(count)
        ],
        batch_size=2000,
    )
    BudgetLine.objects.bulk_create(
        [
            BudgetLine(
                application=a,
                category="activity",
                item="活动",
                unit_price_fen=500_00,
                quantity=100,
                subtotal_fen=50_000_00,
            )
            for a in applications
        ],
        batch_size=5000,
    )
    reviewer = User.objects.filter(roles__kind=RoleKind.REVIEWER).order_by("id").first()
    if reviewer is not None:
        ReviewAssignment.objects.bulk_create(
            [
                ReviewAssignment(application=a, reviewer=reviewer)
                for a in applications[:60]
                if a.status == ApplicationStatus.ACCEPTED
            ],
            ignore_conflicts=True,
        )
    teams = Application.objects.bulk_create(
        [
            Application(
                round=show,
                organization=organizations[i % len(organizations)],
                project_name=f"路演项目{i}",
                amount_fen=50_000_00,
                status=ApplicationStatus.SHORTLISTED,
                submitted_at=now,
            )
            for i in range(TEAMS)
        ]
    )
    roadshow = Roadshow.objects.create(round=show, held_at=now, venue="基准路演厅", is_open=True)
    users = User.objects.bulk_create(
        [
            User(
                username=f"bench-rep-{i:03d}@bench.yichuang.cn",
                email=f"bench-rep-{i:03d}@bench.yichuang.cn",
                full_name=f"代表{i}",
            )
            for i in range(REPRESENTATIVES)
        ],
        ignore_conflicts=True,
    )
    users = list(User.objects.filter(username__startswith="bench-rep-").order_by("id"))
    Role.objects.bulk_create([Role(user=u, kind=RoleKind.RESIDENT) for u in users], ignore_conflicts=True)
    RoadshowScorer.objects.bulk_create(
        [RoadshowScorer(roadshow=roadshow, user=u, kind="representative") for u in users], ignore_conflicts=True
    )
    stdout.write(f"    rounds: {count} applications, {len(teams)} roadshow teams, {len(users)} representatives")
