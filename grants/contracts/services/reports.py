"""Progress reports (drafts, submission, review), evaluations, failure and recovery, reminders."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from audit.services import audit_record
from core.clock import now, today
from notifications.services import notify

from ..models import (
    Contract,
    ContractStatus,
    Evaluation,
    EvaluationStage,
    EvaluatorKind,
    FileKind,
    Recovery,
    Report,
    ReportFile,
    ReportIndicator,
    ReportKind,
    ReportMilestone,
    ReportSpending,
    ReportStatus,
    TrancheStatus,
)
from .common import CONTRACTS, REPORTS, TRANCHES, bureau_officers, contract_url, notify_bureau, notify_org
from .projects import project_sync


def _lock(report: Report) -> Report:
    return (
        Report.objects.select_for_update()
        .select_related("contract__award__application__organization")
        .get(pk=report.pk)
    )


def report_prepare(report: Report) -> None:
    """Make sure the report has one row per milestone, indicator and budget line of the application."""
    application = report.contract.award.application
    have = set(report.milestones.values_list("milestone_id", flat=True))
    ReportMilestone.objects.bulk_create(
        [ReportMilestone(report=report, milestone=m) for m in application.milestones.all() if m.pk not in have]
    )
    have = set(report.indicators.values_list("indicator_id", flat=True))
    ReportIndicator.objects.bulk_create(
        [ReportIndicator(report=report, indicator=i) for i in application.indicators.all() if i.pk not in have]
    )
    have = set(report.spending.values_list("budget_line_id", flat=True))
    ReportSpending.objects.bulk_create(
        [ReportSpending(report=report, budget_line=b) for b in application.budget_lines.all() if b.pk not in have]
    )


@transaction.atomic
def report_save(
    *,
    actor,
    report: Report,
    narrative: str = "",
    problems: str = "",
    beneficiaries_served: int = 0,
    milestones: dict[int, tuple[bool, str]] | None = None,
    indicators: dict[int, Decimal] | None = None,
    spending: dict[int, int] | None = None,
) -> Report:
    report = _lock(report)
    if not report.editable:
        raise ValidationError(
            _("This report is %(status)s and cannot be changed.") % {"status": report.get_status_display()}
        )
    if report.contract.signed_at is None:
        raise ValidationError(_("Reports start after the contract is signed."))
    report_prepare(report)
    report.narrative, report.problems = narrative, problems
    report.beneficiaries_served = beneficiaries_served
    report.full_clean(exclude=["contract"])
    report.save()
    for row in report.milestones.all():
        if milestones and row.milestone_id in milestones:
            row.done, row.note = milestones[row.milestone_id]
            row.save()
    for row in report.indicators.all():
        if indicators and row.indicator_id in indicators:
            value = Decimal(indicators[row.indicator_id])
            if value < 0:
                raise ValidationError(_("Actual values cannot be negative."))
            row.actual = value
            row.save()
    for row in report.spending.select_related("budget_line"):
        if spending and row.budget_line_id in spending:
            value = int(spending[row.budget_line_id])
            if value < 0:
                raise ValidationError(_("Spending cannot be negative."))
            row.spent_fen = value
            row.save()
    audit_record(actor=actor, action="contracts.report_saved", obj=report)
    return report


@transaction.atomic
def report_file_add(*, actor, report: Report, kind: str, title: str, upload, budget_line=None) -> ReportFile:
    report = _lock(report)
    if not report.editable:
        raise ValidationError(_("Files can be added only while the report is being written."))
    if kind not in FileKind.values:
        raise ValidationError(_("Unknown file kind."))
    item = ReportFile(report=report, kind=kind, title=title or upload.name, budget_line=budget_line, file=upload)
    item.full_clean()
    item.save()
    audit_record(actor=actor, action="contracts.report_file_added", obj=report, changes={"file": item.title})
    return item


def _stage(report: Report) -> str:
    return EvaluationStage.MIDTERM if report.kind == ReportKind.MIDTERM else EvaluationStage.FINAL


@transaction.atomic
def report_submit(*, actor, report: Report) -> Report:
    report = _lock(report)
    if not report.narrative.strip():
        raise ValidationError(_("Describe what was done before submitting."))
    first_submission = report.submitted_at is None
    REPORTS.apply(report, ReportStatus.SUBMITTED)
    report.submitted_at, report.submitted_by = now(), actor
    if first_submission and today() > report.deadline:
        # Late without an approved extension: the evaluation this report conditions fails.
        report.late = True
    report.save()
    audit_record(actor=actor, action="contracts.report_submitted", obj=report, changes={"late": report.late})
    if report.late:
        evaluation_fail(
            actor=None,
            contract=report.contract,
            stage=_stage(report),
            reason=_("The %(kind)s was submitted after %(date)s without an approved extension.")
            % {"kind": report.get_kind_display(), "date": report.deadline},
        )
    notify_bureau(
        kind="contracts.report_submitted",
        subject=_("%(kind)s of contract %(number)s submitted")
        % {"kind": report.get_kind_display(), "number": report.contract.number},
        url=contract_url(report.contract),
    )
    return report


@transaction.atomic
def report_review(*, actor, report: Report, decision: str, comment: str = "") -> Report:
    """decision: "accept", "changes" (with comments) or "fail" (the evaluation fails)."""
    report = _lock(report)
    comment = (comment or "").strip()
    if decision not in ("accept", "changes", "fail"):
        raise ValidationError(_("Unknown decision."))
    if decision in ("changes", "fail") and not comment:
        raise ValidationError(_("Write the comments for the organization."))
    target = ReportStatus.ACCEPTED if decision in ("accept", "fail") else ReportStatus.CHANGES
    REPORTS.apply(report, target)
    report.review_comment = comment
    report.reviewed_by, report.reviewed_at = actor, now()
    report.save()
    audit_record(actor=actor, action=f"contracts.report_{decision}", obj=report, reason=comment)
    contract = report.contract
    if decision == "fail":
        evaluation_fail(actor=actor, contract=contract, stage=_stage(report), reason=comment)
    elif decision == "accept" and report.kind == ReportKind.MIDTERM and not report.late:
        Evaluation.objects.get_or_create(
            contract=contract,
            stage=EvaluationStage.MIDTERM,
            defaults={"passed": True, "evaluated_by": actor, "evaluated_at": now(), "comments": comment},
        )
    project_sync(contract)
    subjects = {
        "accept": _("Your %(kind)s is accepted"),
        "changes": _("Changes are requested to your %(kind)s"),
        "fail": _("Your %(kind)s did not pass the evaluation"),
    }
    notify_org(
        contract.award.application.organization,
        kind=f"contracts.report_{decision}",
        subject=subjects[decision] % {"kind": report.get_kind_display()},
        body=comment,
        url=contract_url(contract),
    )
    return report


@transaction.atomic
def report_extend(*, actor, report: Report, until: datetime.date, reason: str) -> Report:
    report = _lock(report)
    if report.submitted_at is not None:
        raise ValidationError(_("The report is already submitted."))
    if not (reason or "").strip():
        raise ValidationError(_("Give the reason for the extension."))
    if until is None or until <= report.due_on:
        raise ValidationError(_("The extension must end after the due date."))
    report.extension_until, report.extension_reason = until, reason.strip()
    report.save()
    audit_record(actor=actor, action="contracts.report_extended", obj=report, changes={"until": until}, reason=reason)
    return report


GRADES = [(Decimal(90), "优秀"), (Decimal(80), "良好"), (Decimal(60), "合格"), (Decimal(0), "不合格")]
SELF_WEIGHT = Decimal("0.2")
PASS_MARK = Decimal(60)


def grade_for(score: Decimal) -> str:
    return next(label for floor, label in GRADES if score >= floor)


def combined_score(self_score: Decimal, evaluator_score: Decimal) -> Decimal:
    """20 % self-evaluation, 80 % the bureau's or the third party's score."""
    value = Decimal(self_score) * SELF_WEIGHT + Decimal(evaluator_score) * (1 - SELF_WEIGHT)
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@transaction.atomic
def evaluation_final(
    *,
    actor,
    contract: Contract,
    self_score: Decimal,
    evaluator_score: Decimal,
    evaluator_kind: str = EvaluatorKind.BUREAU,
    evaluator_name: str = "",
    comments: str = "",
) -> Evaluation:
    contract = (
        Contract.objects.select_for_update().select_related("award__application__organization").get(pk=contract.pk)
    )
    final = contract.reports.filter(kind=ReportKind.FINAL).first()
    if final is None or final.status != ReportStatus.ACCEPTED:
        raise ValidationError(_("The final evaluation needs an accepted final report."))
    if contract.evaluations.filter(stage=EvaluationStage.FINAL).exists():
        raise ValidationError(_("The final evaluation is already recorded."))
    for value in (self_score, evaluator_score):
        if value is None or not Decimal(0) <= Decimal(value) <= Decimal(100):
            raise ValidationError(_("Scores run from 0 to 100."))
    score = combined_score(self_score, evaluator_score)
    passed = score >= PASS_MARK
    evaluation = Evaluation(
        contract=contract,
        stage=EvaluationStage.FINAL,
        passed=passed,
        self_score=self_score,
        evaluator_score=evaluator_score,
        evaluator_kind=evaluator_kind,
        evaluator_name=evaluator_name,
        score=score,
        grade=grade_for(score),
        comments=comments,
        evaluated_by=actor,
        evaluated_at=now(),
    )
    evaluation.full_clean(exclude=["contract"])
    evaluation.save()
    audit_record(
        actor=actor,
        action="contracts.final_evaluation",
        obj=contract,
        changes={"score": score, "grade": evaluation.grade},
    )
    if passed:
        if contract.status == ContractStatus.SIGNED:
            CONTRACTS.apply(contract, ContractStatus.CLOSED)
            contract.closed_at = now()
            contract.save()
        project_sync(contract)
    else:
        _fail(
            actor=actor,
            contract=contract,
            reason=_("Final evaluation: %(grade)s (%(score)s).") % {"grade": evaluation.grade, "score": score},
        )
    notify_org(
        contract.award.application.organization,
        kind="contracts.final_evaluation",
        subject=_("Final evaluation of contract %(number)s: %(grade)s")
        % {"number": contract.number, "grade": evaluation.grade},
        url=contract_url(contract),
    )
    return evaluation


@transaction.atomic
def evaluation_fail(*, actor, contract: Contract, stage: str, reason: str) -> Evaluation:
    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    evaluation, created = Evaluation.objects.get_or_create(
        contract=contract,
        stage=stage,
        defaults={"passed": False, "comments": reason, "evaluated_by": actor, "evaluated_at": now(), "grade": "不合格"},
    )
    if not created and evaluation.passed:
        raise ValidationError(_("This evaluation has already passed."))
    _fail(actor=actor, contract=contract, reason=reason)
    return evaluation


def _fail(*, actor, contract: Contract, reason: str) -> None:
    """Block every unpaid tranche, open the recovery record, terminate and suspend the project."""
    for tranche in contract.tranches.select_for_update().filter(
        status__in=[TrancheStatus.PLANNED, TrancheStatus.APPROVED]
    ):
        TRANCHES.apply(tranche, TrancheStatus.BLOCKED)
        tranche.save()
    paid = contract.tranches.filter(status=TrancheStatus.PAID).aggregate(s=Sum("amount_fen"))["s"] or 0
    Recovery.objects.get_or_create(contract=contract, defaults={"reason": reason, "paid_fen": paid})
    if CONTRACTS.can(contract.status, ContractStatus.TERMINATED):
        CONTRACTS.apply(contract, ContractStatus.TERMINATED)
        contract.closed_at = now()
        contract.save()
    project_sync(contract)
    audit_record(actor=actor, action="contracts.evaluation_failed", obj=contract, reason=reason)
    notify_bureau(
        kind="contracts.recovery",
        subject=_("Contract %(number)s failed its evaluation; remaining tranches are blocked")
        % {"number": contract.number},
        url=contract_url(contract),
    )


def report_reminders_send(*, day: datetime.date | None = None) -> int:
    """Remind organizations N days before a report is due, on the due day and each day overdue.

    Each reminder carries a dedupe key (report, day, recipient) unique in the database, so a
    second run on the same day (or a restarted scheduler) sends nothing new.
    """
    from grants.rounds.services.common import org_members

    day = day or today()
    sent = 0
    reports = (
        Report.objects.filter(status__in=[ReportStatus.DRAFT, ReportStatus.CHANGES], submitted_at__isnull=True)
        .filter(contract__signed_at__isnull=False, contract__status__in=[ContractStatus.SIGNED, ContractStatus.DRAFT])
        .select_related("contract__template", "contract__award__application__organization")
    )
    staff = None
    for report in reports:
        days_left = (report.deadline - day).days
        lead = report.contract.template.reminder_days
        if days_left in (lead, 1, 0):
            subject = _("%(kind)s of contract %(number)s is due on %(date)s") % {
                "kind": report.get_kind_display(),
                "number": report.contract.number,
                "date": report.deadline,
            }
            recipients = org_members(report.contract.award.application.organization)
        elif days_left < 0:
            subject = _("%(kind)s of contract %(number)s is %(days)s days overdue") % {
                "kind": report.get_kind_display(),
                "number": report.contract.number,
                "days": -days_left,
            }
            if staff is None:
                staff = bureau_officers()
            recipients = org_members(report.contract.award.application.organization) + staff
        else:
            continue
        for user in recipients:
            with transaction.atomic():
                if notify(
                    recipient=user,
                    kind="contracts.report_reminder",
                    subject=subject,
                    url=contract_url(report.contract),
                    dedupe_key=f"contracts.report:{report.pk}:{day.isoformat()}:{user.pk}",
                ):
                    sent += 1
    return sent


@transaction.atomic
def recovery_settle(*, actor, recovery: Recovery, to_recover_fen: int, reason: str) -> Recovery:
    """Record what is to be recovered of the money paid before the failure, and close the record."""
    from ..models import RecoveryStatus

    recovery = Recovery.objects.select_for_update().select_related("contract").get(pk=recovery.pk)
    if recovery.status != RecoveryStatus.OPEN:
        raise ValidationError(_("This recovery record is already settled."))
    if not (reason or "").strip():
        raise ValidationError(_("Give the basis for the amount."))
    if to_recover_fen is None or not 0 <= to_recover_fen <= recovery.paid_fen:
        raise ValidationError(_("The amount to recover must be between zero and what was paid."))
    recovery.to_recover_fen = to_recover_fen
    recovery.status, recovery.settled_at = RecoveryStatus.SETTLED, now()
    recovery.reason = f"{recovery.reason}\n{reason.strip()}"
    recovery.full_clean(exclude=["contract"])
    recovery.save()
    audit_record(
        actor=actor,
        action="contracts.recovery_settled",
        obj=recovery.contract,
        changes={"to_recover_fen": to_recover_fen},
    )
    notify_org(
        recovery.contract.award.application.organization,
        kind="contracts.recovery",
        subject=_("Contract %(number)s: amount to return decided") % {"number": recovery.contract.number},
        url=contract_url(recovery.contract),
    )
    return recovery
