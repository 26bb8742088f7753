"""The bureau's and the centre's side: approval, drafting, finalising, payments, review, evaluation."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import access, access_bureau, access_staff
from core.money import yuan_to_fen
from grants.rounds.models import Award, AwardStatus

from .. import selectors, services
from ..forms import (
    ApproveForm,
    AssessmentForm,
    ContractForm,
    EvaluationForm,
    ExtensionForm,
    PayForm,
    ReasonForm,
    RecoveryForm,
    ReturnForm,
    ReviewForm,
    TrancheFormSet,
)
from ..models import Contract, ContractStatus, Report, Tranche
from .common import act, refuse


def _award(pk) -> Award:
    return get_object_or_404(
        Award.objects.select_related("application__organization", "application__round"),
        pk=pk,
        status=AwardStatus.CONFIRMED,
    )


def _contract(pk) -> Contract:
    return get_object_or_404(Contract.objects.select_related("award__application__organization"), pk=pk)


def _detail_url(contract) -> str:
    return reverse("contracts:detail", kwargs={"pk": contract.pk})


@access(access_staff)
def approvals(request):
    return render(
        request,
        "contracts/approvals.html",
        {
            "awards": selectors.awaiting_approval(),
            "approved": selectors.approved_without_contract(),
            "approve_form": ApproveForm(),
            "is_bureau": access_bureau(request.user),
        },
    )


@access(access_staff)
def assessment(request, pk):
    award = _award(pk)
    approval = getattr(award, "approval", None)
    initial = {}
    if approval:
        initial = {
            "necessity": approval.assessment_necessity,
            "feasibility": approval.assessment_feasibility,
            "conclusion": approval.assessment_conclusion,
            "score": approval.assessment_score,
        }
    form = AssessmentForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            return act(
                request,
                lambda: services.assessment_record(actor=request.user, award=award, **form.cleaned_data),
                success=_("The prior performance assessment is recorded."),
                back=reverse("contracts:approvals"),
            )
    return render(
        request,
        "contracts/assessment.html",
        {"award": award, "approval": approval, "form": form, "return_form": ReturnForm()},
        status=status,
    )


@require_POST
@access(access_bureau)
def approve(request):
    form = ApproveForm(request.POST)
    back = reverse("contracts:approvals")
    ids = [int(value) for value in request.POST.getlist("award") if value.isdigit()]
    awards = list(
        Award.objects.filter(pk__in=ids, status=AwardStatus.CONFIRMED).select_related("application__organization")
    )
    if not form.is_valid() or not awards:
        return refuse(request, ValidationError(_("Choose awards and give the approval number.")), back=back)
    return act(
        request,
        lambda: services.approval_approve(actor=request.user, awards=awards, number=form.cleaned_data["number"]),
        success=_("%(count)s purchases approved.") % {"count": len(awards)},
        back=back,
    )


@require_POST
@access(access_bureau)
def return_award(request, pk):
    award = _award(pk)
    form = ReturnForm(request.POST)
    back = reverse("contracts:approvals")
    if not form.is_valid():
        return refuse(request, ValidationError(_("Give the reasons for returning.")), back=back)
    return act(
        request,
        lambda: services.approval_return(actor=request.user, award=award, reason=form.cleaned_data["reason"]),
        success=_("Returned with reasons."),
        back=back,
    )


@require_POST
@access(access_staff)
def create(request, pk):
    award = _award(pk)
    try:
        contract = services.contract_create(actor=request.user, award=award)
    except ValidationError as error:
        return refuse(request, error, back=reverse("contracts:approvals"))
    return redirect("contracts:edit", pk=contract.pk)


@access(access_staff)
def edit(request, pk):
    contract = _contract(pk)
    back = _detail_url(contract)
    if not contract.editable:
        return refuse(
            request,
            ValidationError(_("A contract that is not a draft cannot be edited; amend it to make a new version.")),
            back=back,
            status=409,
        )
    form = ContractForm(request.POST or None, instance=contract)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = {name: form.cleaned_data.get(name) for name in ContractForm.Meta.fields}
            return act(
                request,
                lambda: services.contract_update(actor=request.user, contract=contract, **data),
                success=_("The contract is saved."),
                back=back,
            )
    tranches = [{"share": t.share_percent, "condition": t.condition} for t in contract.tranches.all()]
    return render(
        request,
        "contracts/edit.html",
        {
            "contract": contract,
            "form": form,
            "formset": TrancheFormSet(initial=tranches, prefix="t"),
            "missing": contract.missing_contents(),
        },
        status=status,
    )


@require_POST
@access(access_staff)
def tranches(request, pk):
    contract = _contract(pk)
    formset = TrancheFormSet(request.POST, prefix="t")
    back = reverse("contracts:edit", kwargs={"pk": pk}) if contract.editable else _detail_url(contract)
    if not formset.is_valid():
        return refuse(request, ValidationError(_("Check the tranche shares and conditions.")), back=back)
    plan = [
        (int(form.cleaned_data["share"] * 100), form.cleaned_data["condition"])
        for form in formset.forms
        if form.cleaned_data
    ]
    return act(
        request,
        lambda: services.tranche_plan_set(actor=request.user, contract=contract, plan=plan),
        success=_("The payment schedule is saved."),
        back=back,
    )


@require_POST
@access(access_staff)
def finalise(request, pk):
    contract = _contract(pk)
    reason = request.POST.get("reason", "")
    return act(
        request,
        lambda: services.contract_finalise(actor=request.user, contract=contract, reason=reason),
        success=_("The contract is finalised; both parties can now sign this version."),
        back=_detail_url(contract),
    )


@require_POST
@access(access_staff)
def reopen(request, pk):
    contract = _contract(pk)
    return act(
        request,
        lambda: services.contract_reopen(actor=request.user, contract=contract, reason=request.POST.get("reason", "")),
        success=_("The contract is a draft again."),
        back=_detail_url(contract),
    )


@require_POST
@access(access_staff)
def amend(request, pk):
    contract = _contract(pk)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return act(
        request,
        lambda: services.contract_amend(actor=request.user, contract=contract, reason=reason),
        success=_("Amendment opened: edit the contract and finalise a new version."),
        back=_detail_url(contract),
    )


def _tranche(pk) -> Tranche:
    return get_object_or_404(Tranche.objects.select_related("contract"), pk=pk)


@require_POST
@access(access_bureau)
def tranche_approve(request, pk):
    tranche = _tranche(pk)
    return act(
        request,
        lambda: services.tranche_approve(actor=request.user, tranche=tranche),
        success=_("The payment is approved."),
        back=_detail_url(tranche.contract),
    )


@require_POST
@access(access_bureau)
def tranche_pay(request, pk):
    tranche = _tranche(pk)
    form = PayForm(request.POST)
    back = _detail_url(tranche.contract)
    if not form.is_valid():
        return refuse(request, ValidationError(_("Give the date the money was paid.")), back=back)
    return act(
        request,
        lambda: services.tranche_pay(actor=request.user, tranche=tranche, paid_on=form.cleaned_data["paid_on"]),
        success=_("The payment is recorded."),
        back=back,
    )


@access(access_staff)
def ledger(request):
    round_id = request.GET.get("round", "")
    round_id = int(round_id) if round_id.isdigit() else None
    page = request.GET.get("page", "1")
    data = selectors.ledger(round_id=round_id, page=int(page) if page.isdigit() else 1)
    return render(
        request,
        "contracts/ledger.html",
        {**data, "rounds_list": selectors.rounds_with_contracts(), "round_id": round_id},
    )


def _report(pk) -> Report:
    return get_object_or_404(Report.objects.select_related("contract"), pk=pk)


@require_POST
@access(access_staff)
def report_review(request, pk):
    report = _report(pk)
    form = ReviewForm(request.POST)
    back = reverse("contracts:report", kwargs={"pk": pk})
    if not form.is_valid():
        return refuse(request, ValidationError(_("Choose a decision.")), back=back)
    return act(
        request,
        lambda: services.report_review(actor=request.user, report=report, **form.cleaned_data),
        success=_("The review is recorded and the organization is told."),
        back=back,
    )


@require_POST
@access(access_bureau)
def report_extend(request, pk):
    report = _report(pk)
    form = ExtensionForm(request.POST)
    back = reverse("contracts:report", kwargs={"pk": pk})
    if not form.is_valid():
        return refuse(request, ValidationError(_("Give the new deadline and the reason.")), back=back)
    return act(
        request,
        lambda: services.report_extend(actor=request.user, report=report, **form.cleaned_data),
        success=_("The extension is recorded."),
        back=back,
    )


@access(access_staff)
def evaluation(request, pk):
    contract = _contract(pk)
    if contract.status not in (ContractStatus.SIGNED, ContractStatus.CLOSED, ContractStatus.TERMINATED):
        raise Http404
    form = EvaluationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            return act(
                request,
                lambda: services.evaluation_final(actor=request.user, contract=contract, **form.cleaned_data),
                success=_("The final evaluation is recorded."),
                back=_detail_url(contract),
            )
    return render(request, "contracts/evaluation.html", {"contract": contract, "form": form}, status=status)


@require_POST
@access(access_bureau)
def recovery_settle(request, pk):
    from ..models import Recovery

    recovery = get_object_or_404(Recovery.objects.select_related("contract"), pk=pk)
    form = RecoveryForm(request.POST)
    back = _detail_url(recovery.contract)
    if not form.is_valid():
        return refuse(request, ValidationError(_("Give the amount to recover and its basis.")), back=back)
    return act(
        request,
        lambda: services.recovery_settle(
            actor=request.user,
            recovery=recovery,
            to_recover_fen=yuan_to_fen(form.cleaned_data["amount"]),
            reason=form.cleaned_data["reason"],
        ),
        success=_("The recovery is recorded."),
        back=back,
    )
