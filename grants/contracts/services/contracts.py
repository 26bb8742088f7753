"""Generating, editing, finalising (PDF version + SHA-256), signing and amending contracts."""

import datetime
import hashlib

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from audit.services import audit_record
from core.clock import now, today
from core.workdays import add_workdays
from grants.rounds.models import Award

from ..defaults import DEFAULT_TEMPLATE_FIELDS, DEFAULT_TEMPLATE_NAME
from ..models import (
    ApprovalStatus,
    Contract,
    ContractStatus,
    ContractTemplate,
    ContractVersion,
    Report,
    ReportKind,
    Tranche,
    TrancheCondition,
    TrancheStatus,
)
from .common import CONTRACTS, contract_url, notify_bureau, notify_org
from .projects import project_sync

EDITABLE_FIELDS = [
    "service_content",
    "deliverables",
    "quantity",
    "quality",
    "settlement_method",
    "rights_duties",
    "breach_liability",
    "term_start",
    "term_end",
    "term_justification",
]
DEFAULT_DELIVERABLES = "按申报书实施服务，提交服务记录、活动照片、中期报告和结项报告。"
DEFAULT_PLAN = [(4000, TrancheCondition.SIGNING), (3000, TrancheCondition.MIDTERM), (3000, TrancheCondition.FINAL)]


class ContractLocked(ValidationError):
    """Raised for any change to a contract that is not a draft (views answer 409)."""


def default_template() -> ContractTemplate:
    template = ContractTemplate.objects.filter(is_default=True).first() or ContractTemplate.objects.first()
    if template is not None:
        return template
    try:
        with transaction.atomic():
            return _create_default_template()
    except IntegrityError:  # created meanwhile by a concurrent request
        return ContractTemplate.objects.get(name=DEFAULT_TEMPLATE_NAME)


def _create_default_template() -> ContractTemplate:
    return ContractTemplate.objects.create(name=DEFAULT_TEMPLATE_NAME, is_default=True, **DEFAULT_TEMPLATE_FIELDS)


def months_between(start: datetime.date, end: datetime.date) -> int:
    """Whole months a term from `start` to `end` (inclusive) occupies: 1 Jan–31 Dec is 12."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day >= start.day:
        months += 1
    return max(months, 1)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    import calendar

    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _lock(contract: Contract) -> Contract:
    return Contract.objects.select_for_update().select_related("award__application").get(pk=contract.pk)


def _require_draft(contract: Contract) -> None:
    if contract.status != ContractStatus.DRAFT:
        raise ContractLocked(
            _("Contract %(number)s is %(status)s and cannot be edited; amend it to make a new version.")
            % {"number": contract.number, "status": contract.get_status_display()},
            code="contract_locked",
        )


def _plan_amounts(amount_fen: int, shares: list[int]) -> list[int]:
    amounts = [amount_fen * share // 10000 for share in shares]
    amounts[-1] += amount_fen - sum(amounts)
    return amounts


@transaction.atomic
def contract_create(*, actor, award: Award, template: ContractTemplate | None = None) -> Contract:
    award = (
        Award.objects.select_for_update()
        .select_related("application__organization", "application__round")
        .get(pk=award.pk)
    )
    approval = getattr(award, "approval", None)
    if approval is None or approval.status != ApprovalStatus.APPROVED:
        raise ValidationError(_("Nothing reaches contracting without the bureau's approval."))
    if Contract.objects.filter(award=award).exists():
        raise ValidationError(_("This award already has a contract."))
    template = template or default_template()
    application, organization = award.application, award.application.organization
    start = today().replace(day=1)
    start = _add_months(start, 1)
    end = _add_months(start, 12) - datetime.timedelta(days=1)
    indicators = "；".join(f"{i.name} {i.target.normalize():f}{i.unit}" for i in application.indicators.all())
    year = start.year if start.year == today().year else today().year
    for _attempt in range(5):
        seq = (Contract.objects.filter(year=year).aggregate(m=Max("seq"))["m"] or 0) + 1
        contract = Contract(
            award=award,
            template=template,
            year=year,
            seq=seq,
            number=template.make_number(year=year, seq=seq),
            purchaser_name=template.purchaser_name,
            provider_name=organization.name,
            provider_credit_code=organization.credit_code or "",
            provider_legal_representative=organization.legal_representative,
            project_name=application.project_name,
            service_content=application.activities,
            # Contract text is Chinese whatever the operator's interface language.
            deliverables=DEFAULT_DELIVERABLES,
            quantity=indicators,
            quality=template.quality_default,
            settlement_method=template.settlement_default,
            rights_duties=template.rights_duties_default,
            breach_liability=template.breach_default,
            term_start=start,
            term_end=end,
            term_months=12,
            amount_fen=award.amount_fen,
            created_by=actor,
        )
        contract.full_clean(exclude=["project"])
        try:
            with transaction.atomic():
                contract.save()
            break
        except IntegrityError:
            continue
    else:  # pragma: no cover - five collisions in a row
        raise ValidationError(_("Could not allocate a contract number; try again."))
    _replace_plan(contract, [(share, condition) for share, condition in DEFAULT_PLAN])
    project_sync(contract)
    audit_record(actor=actor, action="contracts.created", obj=contract, changes={"award": award.pk})
    return contract


def _replace_plan(contract: Contract, plan: list[tuple[int, str]]) -> None:
    """Replace the unpaid part of the schedule: shares in basis points, summing to 10000."""
    if not plan:
        raise ValidationError(_("Give at least one tranche."))
    shares = [int(share) for share, _c in plan]
    if any(share <= 0 for share in shares):
        raise ValidationError(_("Every tranche needs a positive share."))
    if sum(shares) != 10000:
        raise ValidationError(
            _("The tranche shares add up to %(total)s%%; they must add up to 100%%.") % {"total": sum(shares) / 100}
        )
    conditions = [condition for _s, condition in plan]
    if any(condition not in TrancheCondition.values for condition in conditions):
        raise ValidationError(_("Unknown tranche condition."))
    if contract.tranches.exclude(status=TrancheStatus.PLANNED).exists():
        raise ValidationError(_("Tranches have been approved or paid; the schedule cannot be replaced."))
    contract.tranches.all().delete()
    amounts = _plan_amounts(contract.amount_fen, shares)
    for seq, (share, condition, amount) in enumerate(zip(shares, conditions, amounts, strict=True), start=1):
        tranche = Tranche(contract=contract, seq=seq, share_bp=share, condition=condition, amount_fen=amount)
        tranche.full_clean(exclude=["contract"])
        tranche.save()
    contract.schedule_total_fen = sum(amounts)
    contract.schedule_share_bp = sum(shares)
    contract.save(update_fields=["schedule_total_fen", "schedule_share_bp"])


@transaction.atomic
def contract_update(*, actor, contract: Contract, **fields) -> Contract:
    contract = _lock(contract)
    _require_draft(contract)
    before = {name: getattr(contract, name) for name in EDITABLE_FIELDS}
    for name, value in fields.items():
        if name not in EDITABLE_FIELDS:
            raise ValidationError(_("Unknown field %(name)s.") % {"name": name})
        setattr(
            contract, name, value if value is not None else ("" if name not in ("term_start", "term_end") else None)
        )
    if contract.term_start and contract.term_end:
        if contract.term_end <= contract.term_start:
            raise ValidationError({"term_end": _("The term must end after it starts.")})
        contract.term_months = months_between(contract.term_start, contract.term_end)
        if contract.term_months > 36:
            raise ValidationError({"term_end": _("The term is at most 36 months.")})
    contract.full_clean(exclude=["project"])
    contract.save()
    changes = {
        k: [str(before[k]), str(getattr(contract, k))] for k in EDITABLE_FIELDS if before[k] != getattr(contract, k)
    }
    audit_record(actor=actor, action="contracts.edited", obj=contract, changes=changes)
    return contract


@transaction.atomic
def tranche_plan_set(*, actor, contract: Contract, plan: list[tuple[int, str]]) -> Contract:
    contract = _lock(contract)
    _require_draft(contract)
    _replace_plan(contract, plan)
    audit_record(actor=actor, action="contracts.schedule_set", obj=contract, changes={"plan": plan})
    return contract


def contract_context(contract: Contract, *, version_number: int) -> dict:
    from core.capitals import amount_in_words

    application = contract.award.application
    return {
        "contract": contract,
        "template": contract.template,
        "version_number": version_number,
        "application": application,
        "amount_words": amount_in_words(contract.amount_fen),
        "tranches": [{"tranche": t, "amount_words": amount_in_words(t.amount_fen)} for t in contract.tranches.all()],
        "indicators": list(application.indicators.all()),
        "milestones": list(application.milestones.all()),
        "budget_lines": list(application.budget_lines.all()),
        # for the CSS string of the page header: no quotes, backslashes or markup characters
        "header_number": "".join(ch for ch in contract.number if ch not in "\\\"'<>&"),
    }


def render_contract_pdf(contract: Contract, *, version_number: int) -> bytes:
    """The contract as PDF; the number is printed in the top margin of every page (template CSS)."""
    from core.pdf import render_pdf

    return render_pdf("contracts/pdf/contract.html", contract_context(contract, version_number=version_number))


@transaction.atomic
def contract_finalise(*, actor, contract: Contract, reason: str = "") -> ContractVersion:
    contract = _lock(contract)
    _require_draft(contract)
    missing = contract.missing_contents()
    if missing:
        raise ValidationError(
            _("The contract cannot be finalised; fill in: %(fields)s.") % {"fields": "、".join(missing)}
        )
    if contract.schedule_share_bp != 10000 or contract.schedule_total_fen != contract.amount_fen:
        raise ValidationError(_("The payment schedule must add up to 100% and to the contract amount."))
    number = (contract.versions.aggregate(m=Max("number"))["m"] or 0) + 1
    contract.versions.filter(superseded=False).update(superseded=True)
    pdf = render_contract_pdf(contract, version_number=number)
    version = ContractVersion(
        contract=contract,
        number=number,
        sha256=hashlib.sha256(pdf).hexdigest(),
        content={name: str(getattr(contract, name)) for name in [*EDITABLE_FIELDS, "amount_fen", "number"]},
        reason=reason,
        created_by=actor,
    )
    version.pdf.save(f"{contract.number}-v{number}.pdf", ContentFile(pdf), save=False)
    version.save()
    CONTRACTS.apply(contract, ContractStatus.FINALISED)
    contract.finalised_at = now()
    contract.save()
    audit_record(
        actor=actor, action="contracts.finalised", obj=contract, changes={"version": number, "sha256": version.sha256}
    )
    subject = _("Contract %(number)s is ready to sign") % {"number": contract.number}
    notify_org(
        contract.award.application.organization, kind="contracts.ready", subject=subject, url=contract_url(contract)
    )
    notify_bureau(kind="contracts.ready", subject=subject, url=contract_url(contract))
    return version


@transaction.atomic
def contract_reopen(*, actor, contract: Contract, reason: str = "") -> Contract:
    """Back to draft before anyone has signed the finalised version (it is superseded)."""
    contract = _lock(contract)
    if contract.status != ContractStatus.FINALISED:
        raise ContractLocked(_("Only a finalised, unsigned contract can be reopened."), code="contract_locked")
    if (
        contract.versions.filter(superseded=False, provider_signed_at__isnull=False).exists()
        or contract.versions.filter(superseded=False, purchaser_signed_at__isnull=False).exists()
    ):
        raise ContractLocked(
            _("Someone has signed this version; amend it after both have signed."), code="contract_locked"
        )
    contract.versions.filter(superseded=False).update(superseded=True)
    CONTRACTS.apply(contract, ContractStatus.DRAFT)
    contract.save()
    audit_record(actor=actor, action="contracts.reopened", obj=contract, reason=reason)
    return contract


def current_version(contract: Contract) -> ContractVersion | None:
    return contract.versions.filter(superseded=False).order_by("-number").first()


SIDES = ("provider", "purchaser")


@transaction.atomic
def contract_sign(*, actor, contract: Contract, side: str, sha256: str) -> ContractVersion:
    """Sign the exact version the signer saw: `sha256` must be the current version's hash."""
    from accounts.access import access_bureau, access_org_owner

    contract = _lock(contract)
    if side not in SIDES:
        raise ValidationError(_("Unknown signing party."))
    if contract.status != ContractStatus.FINALISED:
        raise ContractLocked(_("This contract is not awaiting signatures."), code="contract_locked")
    version = (
        ContractVersion.objects.select_for_update()
        .filter(contract=contract, superseded=False)
        .order_by("-number")
        .first()
    )
    if version is None:
        raise ValidationError(_("There is no version to sign."))
    if (sha256 or "").strip().lower() != version.sha256:
        raise ValidationError(
            _(
                "The document you confirmed is not the current version of the contract; open the current version and sign that."
            ),
            code="hash_mismatch",
        )
    organization = contract.award.application.organization
    if side == "provider":
        if not access_org_owner(actor, organization):
            raise ValidationError(_("Only the provider's authorised member signs for the provider."))
        if version.provider_signed_at:
            raise ValidationError(_("The provider has already signed this version."))
        version.provider_signed_by, version.provider_signed_at = actor, now()
    else:
        if not access_bureau(actor):
            raise ValidationError(_("Only a bureau officer signs for the purchaser."))
        if version.purchaser_signed_at:
            raise ValidationError(_("The purchaser has already signed this version."))
        version.purchaser_signed_by, version.purchaser_signed_at = actor, now()
    version.save()
    audit_record(
        actor=actor,
        action=f"contracts.signed_{side}",
        obj=contract,
        changes={"version": version.number, "sha256": version.sha256},
    )
    if version.fully_signed:
        _complete_signing(actor=actor, contract=contract, version=version)
    return version


def _complete_signing(*, actor, contract: Contract, version: ContractVersion) -> None:
    first = contract.signed_at is None
    CONTRACTS.apply(contract, ContractStatus.SIGNED)
    contract.signed_at = contract.signed_at or now()
    signed_on = today()
    # The public summary is due within 2 working days of signing; it is published at once.
    contract.summary_due_on = add_workdays(signed_on, 2)
    contract.summary_published_on = signed_on
    contract.save()
    if first:
        midpoint = contract.term_start + (contract.term_end - contract.term_start) / 2
        Report.objects.get_or_create(contract=contract, kind=ReportKind.MIDTERM, defaults={"due_on": midpoint})
        Report.objects.get_or_create(contract=contract, kind=ReportKind.FINAL, defaults={"due_on": contract.term_end})
    project_sync(contract)
    audit_record(actor=actor, action="contracts.signed", obj=contract, changes={"version": version.number})
    notify_org(
        contract.award.application.organization,
        kind="contracts.signed",
        subject=_("Contract %(number)s is signed by both parties") % {"number": contract.number},
        url=contract_url(contract),
    )


@transaction.atomic
def signed_copy_upload(*, actor, contract: Contract, upload) -> ContractVersion:
    contract = _lock(contract)
    version = contract.versions.filter(superseded=False).order_by("-number").first()
    if version is None or not version.fully_signed:
        raise ValidationError(_("Upload the signed copy after both parties have signed."))
    from core.uploads import validate_document_upload

    validate_document_upload(upload)
    version.signed_copy.save(upload.name, upload, save=True)
    audit_record(actor=actor, action="contracts.signed_copy", obj=contract, changes={"version": version.number})
    return version


@transaction.atomic
def contract_amend(*, actor, contract: Contract, reason: str) -> Contract:
    """Open an amendment: the contract becomes a draft; finalising makes a new version to sign."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for the amendment."))
    contract = _lock(contract)
    if contract.status != ContractStatus.SIGNED:
        raise ContractLocked(_("Only a signed, running contract can be amended."), code="contract_locked")
    CONTRACTS.apply(contract, ContractStatus.DRAFT)
    contract.save()
    audit_record(actor=actor, action="contracts.amendment_opened", obj=contract, reason=reason)
    return contract


def publish_due_summaries() -> int:
    """Safety net for the daily job: publish any signed contract's summary not yet published."""
    from django.db.models import Q

    pending = Contract.objects.filter(signed_at__isnull=False, summary_published_on__isnull=True)
    count = 0
    for contract in pending.filter(Q(status=ContractStatus.SIGNED) | Q(status=ContractStatus.CLOSED)):
        with transaction.atomic():
            contract = _lock(contract)
            contract.summary_published_on = today()
            contract.save(update_fields=["summary_published_on"])
            audit_record(actor=None, action="contracts.summary_published", obj=contract)
            count += 1
    return count
