"""Purchase of services in the demo data, run through the real services after the rounds demo.

Three awarded projects go through the prior performance assessment, a batch approval, their
contracts (PDF, both signatures), two tranches, a mid-term report with requested changes and
its resubmission, the final report and the final evaluation. A fourth is signed and running
(its mid-term report in draft), a fifth waits for approval.
"""

import datetime
from decimal import Decimal

from accounts.models import Role, RoleKind, User
from core.clock import today
from core.demo_accounts import DEMO_PASSWORD
from grants.rounds.models import Application, Award, AwardStatus, BudgetLine, Indicator, Milestone

from . import services
from .models import Contract, Report, ReportKind

FULL = 3


def _owner(organization) -> User:
    role = Role.objects.filter(kind=RoleKind.ORG_OWNER, organization=organization).select_related("user").first()
    if role:
        return role.user
    login = f"owner{organization.pk}@demo.yichuang.cn"
    user, created = User.objects.get_or_create(
        username=login, defaults={"full_name": f"{organization.name[:4]}负责人", "email": login}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    Role.objects.get_or_create(user=user, kind=RoleKind.ORG_OWNER, organization=organization)
    return user


def _awards(operator, needed: int) -> list[Award]:
    awards = list(
        Award.objects.filter(status=AwardStatus.CONFIRMED)
        .select_related("application__organization")
        .order_by("rank", "id")[:needed]
    )
    if len(awards) >= needed:
        return awards
    # The rounds demo gave fewer confirmed awards than needed: add some to its latest round.
    from grants.rounds.models import ApplicationStatus, Round
    from organizations.models import Organization

    round = Round.objects.order_by("-id").first()
    organizations = list(Organization.objects.order_by("id")[: needed - len(awards)])
    for index, organization in enumerate(organizations):
        application = Application.objects.create(
            round=round,
            organization=organization,
            project_name=f"社区互助服务项目{index + 1}",
            amount_fen=80_000_00,
            status=ApplicationStatus.SHORTLISTED,
            activities="每周开展邻里互助活动。",
            beneficiaries=200,
            community=organization.community,
        )
        BudgetLine.objects.create(
            application=application,
            category="activity",
            item="活动经费",
            unit_price_fen=80_000_00,
            quantity=1,
            subtotal_fen=80_000_00,
        )
        Milestone.objects.create(application=application, title="启动", due_on=datetime.date(2026, 9, 1))
        Milestone.objects.create(application=application, title="结项", due_on=datetime.date(2027, 6, 30))
        Indicator.objects.create(application=application, name="服务人次", target=Decimal(1000), unit="人次")
        awards.append(
            Award.objects.create(application=application, amount_fen=80_000_00, status=AwardStatus.CONFIRMED, rank=99)
        )
    return awards


def _report(*, provider, officer, report: Report, ratio: float, request_changes: bool) -> None:
    application = report.contract.award.application
    services.report_prepare(report)
    milestones = list(application.milestones.all())
    done = milestones if report.kind == ReportKind.FINAL else milestones[: max(1, len(milestones) // 2)]
    data = {
        "narrative": "按计划开展服务活动，完成阶段目标。",
        "problems": "部分活动因天气调整时间。",
        "beneficiaries_served": int(application.beneficiaries * ratio),
        "milestones": {m.pk: (m in done, "") for m in milestones},
        "indicators": {
            i.pk: (i.target * Decimal(str(ratio))).quantize(Decimal("0.01")) for i in application.indicators.all()
        },
        "spending": {b.pk: int(b.subtotal_fen * ratio) for b in application.budget_lines.all()},
    }
    services.report_save(actor=provider, report=report, **data)
    services.report_submit(actor=provider, report=report)
    if request_changes:
        services.report_review(actor=officer, report=report, decision="changes", comment="请补充活动照片和支出收据。")
        services.report_save(actor=provider, report=report, **{**data, "narrative": data["narrative"] + "已补充收据。"})
        services.report_submit(actor=provider, report=report)
    services.report_review(actor=officer, report=report, decision="accept", comment="同意。")


def _pay(officer, contract, seq):
    tranche = contract.tranches.get(seq=seq)
    services.tranche_approve(actor=officer, tranche=tranche)
    services.tranche_pay(actor=officer, tranche=tranche, paid_on=today())


def seed(*, stdout) -> None:
    if Contract.objects.exists():
        stdout.write(f"    {Contract.objects.count()} contracts (already seeded)")
        return
    officer = User.objects.get(username="bureau@demo.yichuang.cn")
    operator = User.objects.get(username="operator@demo.yichuang.cn")
    awards = _awards(operator, FULL + 2)
    approved, waiting = awards[: FULL + 1], awards[FULL + 1 :]
    for award in awards:
        services.assessment_record(
            actor=officer,
            award=award,
            necessity="回应社区青少年课后看护需求，公益属性明确。",
            feasibility="实施方案可行，预算与产出匹配。",
            conclusion="建议纳入政府购买服务。",
            score=86,
        )
    services.approval_approve(actor=officer, awards=approved, number=f"南民审〔{today().year}〕18号")
    services.default_template()
    for index, award in enumerate(approved):
        provider = _owner(award.application.organization)
        contract = services.contract_create(actor=operator, award=award)
        version = services.contract_finalise(actor=operator, contract=contract)
        services.contract_sign(actor=provider, contract=contract, side="provider", sha256=version.sha256)
        services.contract_sign(actor=officer, contract=contract, side="purchaser", sha256=version.sha256)
        contract.refresh_from_db()
        _pay(officer, contract, 1)
        midterm = contract.reports.get(kind=ReportKind.MIDTERM)
        if index >= FULL:
            services.report_prepare(midterm)
            services.report_save(actor=provider, report=midterm, narrative="服务进行中。", beneficiaries_served=40)
            continue
        _report(provider=provider, officer=officer, report=midterm, ratio=0.5, request_changes=True)
        _pay(officer, contract, 2)
        final = contract.reports.get(kind=ReportKind.FINAL)
        _report(provider=provider, officer=officer, report=final, ratio=0.95, request_changes=False)
        services.evaluation_final(
            actor=officer,
            contract=contract,
            self_score=Decimal(92),
            evaluator_kind="third_party",
            evaluator_name="南岸区社会组织评估中心",
            evaluator_score=Decimal(85 + index * 3),
            comments="目标达成，群众满意度高。",
        )
    stdout.write(f"    {Contract.objects.count()} contracts signed, {len(waiting)} awards awaiting approval")
