"""Bench data for contracts: signed purchase contracts with tranches, accepted mid-term reports
(spending per budget line), public project records and published summaries.

Shaped around `size` (projects): contracts = size // 50 (at least 60: 60 at 1,000; 2,000 at
100,000). A second call with a larger size adds the missing ones. Rows are bulk-created.
"""

import datetime
from decimal import Decimal

BENCH_ROUND = "基准测试·政府购买服务"
PREFIX = "BENCH-GMFW-"
AMOUNT = 80_000_00


def generate(*, size, rng, stdout) -> None:
    from django.utils import timezone

    from core import pagecache
    from grants.contracts.models import (
        Approval,
        Contract,
        ContractTemplate,
        Report,
        ReportIndicator,
        ReportMilestone,
        ReportSpending,
        Tranche,
    )
    from grants.contracts.services import default_template
    from grants.rounds.models import Application, Award, BudgetLine, Indicator, Milestone, Round, RoundStatus
    from organizations.models import Organization
    from projects.catalog.models import Project

    target = max(size // 50, 60)
    have = Contract.objects.filter(number__startswith=PREFIX).count()
    if have >= target:
        stdout.write(f"    contracts: {have} bench contracts present")
        return
    now = timezone.now()
    today = timezone.localdate()
    template = ContractTemplate.objects.filter(is_default=True).first() or default_template()
    round, _created = Round.objects.get_or_create(
        title=BENCH_ROUND,
        defaults={"budget_fen": 10**12, "status": RoundStatus.CLOSED, "year": today.year, "theme": "为老服务"},
    )
    organizations = list(Organization.objects.order_by("id")[:200])
    new = range(have, target)
    applications = Application.objects.bulk_create(
        [
            Application(
                round=round,
                organization=organizations[i % len(organizations)],
                project_name=f"基准购买服务项目{i}",
                amount_fen=AMOUNT,
                status="shortlisted",
                activities="每周两次助老服务、月度健康讲座。",
                beneficiaries=rng.randint(80, 600),
                community=organizations[i % len(organizations)].community,
                submitted_at=now,
            )
            for i in new
        ],
        batch_size=2000,
    )
    lines = BudgetLine.objects.bulk_create(
        [
            BudgetLine(
                application=a, category=category, item=item, unit_price_fen=fen, quantity=1, subtotal_fen=fen, order=k
            )
            for a in applications
            for k, (category, item, fen) in enumerate(
                [
                    ("personnel", "社工补贴", 16_000_00),
                    ("activity", "活动经费", 48_000_00),
                    ("materials", "物料", 16_000_00),
                ]
            )
        ],
        batch_size=5000,
    )
    milestones = Milestone.objects.bulk_create(
        [
            Milestone(application=a, title=title, due_on=today + datetime.timedelta(days=days))
            for a in applications
            for title, days in (("启动", -60), ("中期", 90), ("结项", 300))
        ],
        batch_size=5000,
    )
    indicators = Indicator.objects.bulk_create(
        [Indicator(application=a, name="服务人次", target=Decimal(2000), unit="人次") for a in applications],
        batch_size=5000,
    )
    awards = Award.objects.bulk_create(
        [Award(application=a, amount_fen=AMOUNT, status="confirmed", confirmed_at=now, rank=1) for a in applications],
        batch_size=5000,
    )
    Approval.objects.bulk_create(
        [
            Approval(
                award=w,
                status="approved",
                assessment_conclusion="建议购买",
                assessment_score=85,
                assessed_at=now,
                number="基准审〔2026〕1号",
                decided_at=now,
            )
            for w in awards
        ],
        batch_size=5000,
    )
    projects = Project.objects.bulk_create(
        [
            Project(
                name=a.project_name,
                organization_id=a.organization_id,
                community_id=a.community_id,
                year=today.year,
                funding_source="purchase",
                amount_fen=AMOUNT,
                status="active",
                progress_pct=33,
                beneficiaries=a.beneficiaries,
                summary=a.activities,
                award=w,
            )
            for a, w in zip(applications, awards, strict=True)
        ],
        batch_size=5000,
    )
    contracts = Contract.objects.bulk_create(
        [
            Contract(
                award=w,
                template=template,
                project=p,
                year=today.year,
                seq=900_000 + i,
                number=f"{PREFIX}{i:06d}",
                status="signed",
                purchaser_name=template.purchaser_name,
                provider_name=a.organization.name,
                provider_credit_code=a.organization.credit_code or "",
                project_name=a.project_name,
                service_content=a.activities,
                deliverables="服务记录与报告",
                quantity="服务人次 2000人次",
                quality="满意度不低于90%",
                settlement_method="分三期支付",
                rights_duties="按约定履行",
                breach_liability="按约定承担",
                term_start=today - datetime.timedelta(days=90),
                term_end=today + datetime.timedelta(days=274),
                term_months=12,
                amount_fen=AMOUNT,
                schedule_total_fen=AMOUNT,
                schedule_share_bp=10000,
                finalised_at=now,
                signed_at=now,
                summary_due_on=today,
                summary_published_on=today,
            )
            for i, a, w, p in zip(new, applications, awards, projects, strict=True)
        ],
        batch_size=2000,
    )
    Tranche.objects.bulk_create(
        [
            Tranche(
                contract=c,
                seq=seq,
                share_bp=share,
                amount_fen=AMOUNT * share // 10000,
                condition=condition,
                status=status,
                paid_on=today if status == "paid" else None,
                approved_at=now if status != "planned" else None,
            )
            for c in contracts
            for seq, share, condition, status in (
                (1, 4000, "signing", "paid"),
                (2, 3000, "midterm", "paid"),
                (3, 3000, "final", "planned"),
            )
        ],
        batch_size=5000,
    )
    reports = Report.objects.bulk_create(
        [
            Report(
                contract=c,
                kind="midterm",
                due_on=today - datetime.timedelta(days=5),
                status="accepted",
                narrative="按计划推进",
                beneficiaries_served=120,
                submitted_at=now,
                reviewed_at=now,
            )
            for c in contracts
        ]
        + [Report(contract=c, kind="final", due_on=c.term_end) for c in contracts],
        batch_size=5000,
    )
    midterms = reports[: len(contracts)]
    by_app = {}
    for line in lines:
        by_app.setdefault(("l", line.application_id), []).append(line)
    for m in milestones:
        by_app.setdefault(("m", m.application_id), []).append(m)
    for ind in indicators:
        by_app.setdefault(("i", ind.application_id), []).append(ind)
    spending, done, actuals = [], [], []
    for report, a in zip(midterms, applications, strict=True):
        spending += [
            ReportSpending(report=report, budget_line=b, spent_fen=b.subtotal_fen // 2) for b in by_app[("l", a.pk)]
        ]
        done += [ReportMilestone(report=report, milestone=m, done=m.title == "启动") for m in by_app[("m", a.pk)]]
        actuals += [ReportIndicator(report=report, indicator=ind, actual=Decimal(900)) for ind in by_app[("i", a.pk)]]
    ReportSpending.objects.bulk_create(spending, batch_size=5000)
    ReportMilestone.objects.bulk_create(done, batch_size=5000)
    ReportIndicator.objects.bulk_create(actuals, batch_size=5000)
    pagecache.invalidate_on_commit()
    stdout.write(f"    contracts: {len(contracts)} added ({target} bench contracts)")
