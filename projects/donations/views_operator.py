"""The operator's side: ledger, CSV export, donation detail with refunds, reconciliation."""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import access, access_operator
from core.money import fen_to_yuan

from . import conf, gateway, services
from .forms import LedgerFilterForm, RefundForm
from .models import Donation, RefundRequestStatus
from .reconcile import reconcile
from .selectors import ledger_entries, ledger_summary


def _filtered_entries(request):
    form = LedgerFilterForm(request.GET or None)
    filters = {}
    if form.is_valid():
        filters = {
            "kind": form.cleaned_data["kind"],
            "project_id": form.cleaned_data["project"],
            "fund_id": form.cleaned_data["fund"],
        }
    return form, ledger_entries(**filters)


@access(access_operator)
def ledger(request):
    form, entries = _filtered_entries(request)
    page = Paginator(entries, 60).get_page(request.GET.get("page"))
    return render(request, "donations/ledger.html", {"form": form, "page_obj": page, "summary": ledger_summary()})


@access(access_operator)
def ledger_csv(request):
    _form, entries = _filtered_entries(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="donations-ledger.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read the Chinese text as UTF-8
    writer = csv.writer(response)
    writer.writerow(
        [_("Time"), _("Kind"), _("Amount (yuan)"), _("Target"), _("Donation"), _("Pool"), _("Stripe reference")]
    )
    for entry in entries.iterator(chunk_size=2000):
        writer.writerow(
            [
                entry.created_at.isoformat(),
                entry.get_kind_display(),
                fen_to_yuan(entry.amount_fen),
                str(entry.project or entry.fund),
                entry.donation.payment_intent_id,
                str(entry.pool or ""),
                entry.stripe_ref,
            ]
        )
    return response


def _donation(pk):
    return get_object_or_404(Donation.objects.select_related("project", "fund", "receipt", "donor"), pk=pk)


@access(access_operator)
def donation_detail(request, pk):
    donation = _donation(pk)
    context = {
        "donation": donation,
        "entries": donation.ledger_entries.select_related("pool").order_by("created_at", "id"),
        "refunds": donation.refund_requests.select_related("requested_by"),
        "form": RefundForm(),
        "stripe_ready": conf.stripe_ready(),
    }
    return render(request, "donations/donation_detail.html", context)


@access(access_operator)
@require_POST
def donation_refund(request, pk):
    donation = _donation(pk)
    form = RefundForm(request.POST)
    if form.is_valid():
        try:
            refund = services.refund_request_create(
                actor=request.user,
                donation=donation,
                amount_fen=form.amount_fen(donation),
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items() if hasattr(exc, "error_dict") else [(None, exc.messages)]:
                for error in errors:
                    form.add_error("amount" if field == "amount" else ("reason" if field == "reason" else None), error)
        else:
            if refund.status == RefundRequestStatus.FAILED:
                messages.error(request, _("Stripe refused the refund: %(error)s") % {"error": refund.error})
            else:
                messages.success(request, _("The refund is sent to Stripe; the gift changes when Stripe confirms it."))
            return redirect("donations:donation_detail", pk=pk)
    context = {
        "donation": donation,
        "entries": donation.ledger_entries.select_related("pool").order_by("created_at", "id"),
        "refunds": donation.refund_requests.select_related("requested_by"),
        "form": form,
        "stripe_ready": conf.stripe_ready(),
    }
    return render(request, "donations/donation_detail.html", context, status=400)


@access(access_operator)
def reconciliation(request):
    context = {"stripe_ready": conf.stripe_ready(), "ran": False}
    if request.GET.get("run") and context["stripe_ready"]:
        context["ran"] = True
        try:
            context["result"] = reconcile()
        except gateway.GatewayError as exc:
            context["error"] = exc.message
    return render(request, "donations/reconcile.html", context)
