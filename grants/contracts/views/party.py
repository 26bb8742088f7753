"""Both parties: the contract page, its PDF versions, signing, and the organization's reports."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import access, access_bureau, access_org_member, access_org_owner, access_staff
from core.money import fen_to_yuan, yuan_to_fen

from .. import selectors, services
from ..access import access_contract_party, access_signer, can_see_contract, can_write_report
from ..forms import (
    ExtensionForm,
    ReasonForm,
    RecoveryForm,
    ReportFileForm,
    ReportForm,
    ReviewForm,
    SignForm,
    UploadForm,
)
from ..models import Contract, ContractStatus, ContractVersion, Report
from .common import act, paginate, refuse


def _visible_contract(request, pk) -> Contract:
    contract = selectors.contract_detail(pk)
    if not can_see_contract(request.user, contract):
        raise Http404
    return contract


@access(access_contract_party)
def index(request):
    staff = access_staff(request.user)
    return render(
        request,
        "contracts/index.html",
        {"contracts": paginate(request, selectors.contracts_for(request.user, staff=staff)), "staff": staff},
    )


@access(access_contract_party)
def detail(request, pk):
    contract = _visible_contract(request, pk)
    versions = list(contract.versions.all())
    current = next((v for v in reversed(versions) if not v.superseded), None)
    organization = contract.award.application.organization
    return render(
        request,
        "contracts/detail.html",
        {
            "contract": contract,
            "versions": versions,
            "current": current,
            "tranches": selectors.tranche_rows(contract),
            "reports": list(contract.reports.all()),
            "evaluations": list(contract.evaluations.all()),
            "recovery": getattr(contract, "recovery", None) if hasattr(contract, "recovery") else None,
            "staff": access_staff(request.user),
            "bureau": access_bureau(request.user),
            "owner": access_org_owner(request.user, organization),
            "can_upload": bool(
                current
                and current.fully_signed
                and (access_bureau(request.user) or access_org_owner(request.user, organization))
            ),
            "amend_form": ReasonForm(),
            "recovery_form": RecoveryForm(),
            "upload_form": UploadForm(),
            "ContractStatus": ContractStatus,
        },
    )


@access(access_contract_party)
def version_pdf(request, pk):
    version = get_object_or_404(ContractVersion.objects.select_related("contract__award__application"), pk=pk)
    if not can_see_contract(request.user, version.contract):
        raise Http404
    response = FileResponse(version.pdf.open("rb"), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{version.contract.number}-v{version.number}.pdf"'
    response["X-Content-SHA256"] = version.sha256
    return response


@access(access_signer)
def sign(request, pk):
    """Shows the current version, its hash and the PDF link; the POST must carry that hash."""
    contract = _visible_contract(request, pk)
    organization = contract.award.application.organization
    sides = []
    if access_bureau(request.user):
        sides.append("purchaser")
    if access_org_owner(request.user, organization):
        sides.append("provider")
    if not sides:
        raise Http404
    current = services.current_version(contract)
    back = reverse("contracts:detail", kwargs={"pk": pk})
    if request.method == "POST":
        form = SignForm(request.POST)
        if not form.is_valid():
            return refuse(request, ValidationError(_("Confirm the exact version you read (its SHA-256).")), back=back)
        if form.cleaned_data["side"] not in sides:
            return refuse(request, ValidationError(_("You cannot sign for that party.")), back=back, status=403)
        return act(
            request,
            lambda: services.contract_sign(actor=request.user, contract=contract, **form.cleaned_data),
            success=_("Signed."),
            back=back,
        )
    return render(request, "contracts/sign.html", {"contract": contract, "current": current, "sides": sides})


@require_POST
@access(access_signer)
def signed_copy(request, pk):
    contract = _visible_contract(request, pk)
    form = UploadForm(request.POST, request.FILES)
    back = reverse("contracts:detail", kwargs={"pk": pk})
    if not form.is_valid():
        return refuse(request, ValidationError(_("Choose the signed copy to upload.")), back=back)
    return act(
        request,
        lambda: services.signed_copy_upload(actor=request.user, contract=contract, upload=form.cleaned_data["file"]),
        success=_("The signed copy is uploaded."),
        back=back,
    )


def _visible_report(request, pk) -> Report:
    report = selectors.report_detail(pk)
    if not can_see_contract(request.user, report.contract):
        raise Http404
    return report


def _parse_report(post, report) -> dict:
    milestones = {
        row.milestone_id: (post.get(f"m{row.milestone_id}") == "on", post.get(f"mnote{row.milestone_id}", "")[:200])
        for row in report.milestones.all()
    }
    indicators, spending = {}, {}
    try:
        for row in report.indicators.all():
            indicators[row.indicator_id] = Decimal(post.get(f"i{row.indicator_id}") or 0)
        for row in report.spending.all():
            spending[row.budget_line_id] = yuan_to_fen(post.get(f"s{row.budget_line_id}") or 0)
    except (InvalidOperation, ValueError):
        raise ValidationError(_("Enter numbers for actual values and spending.")) from None
    return {"milestones": milestones, "indicators": indicators, "spending": spending}


@access(access_contract_party)
def report(request, pk):
    report = _visible_report(request, pk)
    writer = can_write_report(request.user, report)
    back = reverse("contracts:report", kwargs={"pk": pk})
    if request.method == "POST":
        if not writer:
            raise Http404
        if report.editable and report.contract.signed_at:
            services.report_prepare(report)
            report = selectors.report_detail(pk)
        form = ReportForm(request.POST)
        if not form.is_valid():
            return refuse(request, ValidationError(_("Check the report's figures.")), back=back)
        try:
            parts = _parse_report(request.POST, report)
        except ValidationError as error:
            return refuse(request, error, back=back)
        return act(
            request,
            lambda: services.report_save(actor=request.user, report=report, **form.cleaned_data, **parts),
            success=_("The report is saved as a draft."),
            back=back,
        )
    if writer and report.editable and report.contract.signed_at and not report.milestones.all():
        services.report_prepare(report)
        report = selectors.report_detail(pk)
    for row in report.spending.all():
        row.spent_yuan = fen_to_yuan(row.spent_fen)
    form = ReportForm(
        initial={
            "narrative": report.narrative,
            "problems": report.problems,
            "beneficiaries_served": report.beneficiaries_served,
        }
    )
    return render(
        request,
        "contracts/report.html",
        {
            "report": report,
            "contract": report.contract,
            "form": form,
            "writer": writer and report.editable,
            "staff": access_staff(request.user),
            "bureau": access_bureau(request.user),
            "review_form": ReviewForm(),
            "extension_form": ExtensionForm(),
            "file_form": ReportFileForm(),
        },
    )


@require_POST
@access(access_org_member)
def report_submit(request, pk):
    report = _visible_report(request, pk)
    if not can_write_report(request.user, report):
        raise Http404
    return act(
        request,
        lambda: services.report_submit(actor=request.user, report=report),
        success=_("The report is submitted for review."),
        back=reverse("contracts:report", kwargs={"pk": pk}),
    )


@require_POST
@access(access_org_member)
def report_file(request, pk):
    report = _visible_report(request, pk)
    if not can_write_report(request.user, report):
        raise Http404
    form = ReportFileForm(request.POST, request.FILES)
    back = reverse("contracts:report", kwargs={"pk": pk})
    if not form.is_valid():
        return refuse(request, ValidationError(_("Choose a file.")), back=back)
    line = None
    if form.cleaned_data.get("budget_line"):
        line = next(
            (
                row.budget_line
                for row in report.spending.all()
                if row.budget_line_id == form.cleaned_data["budget_line"]
            ),
            None,
        )
    return act(
        request,
        lambda: services.report_file_add(
            actor=request.user,
            report=report,
            kind=form.cleaned_data["kind"],
            title=form.cleaned_data["title"],
            upload=form.cleaned_data["file"],
            budget_line=line,
        ),
        success=_("The file is added."),
        back=back,
    )
