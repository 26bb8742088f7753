"""Public giving pages and the donor's payment steps. Operator pages are in views_operator.py."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from accounts.access import access, access_public
from core.pagecache import skip_page_cache
from projects.catalog.models import Project, ProjectStatus

from . import conf, gateway, services
from .forms import DonateForm
from .models import CommunityFund, Donation, DonationStatus
from .selectors import donor_wall, open_funds, totals_for
from .webhooks import BadEvent, stripe_event_receive

logger = logging.getLogger(__name__)

GIVING_STATUSES = [ProjectStatus.PLANNED, ProjectStatus.ACTIVE]


def _giving_context(*, project=None, fund=None) -> dict:
    return {
        "project": project,
        "fund": fund,
        "target": project or fund,
        "totals": totals_for(project=project, fund=fund),
        "wall": donor_wall(project=project, fund=fund),
        "stripe_ready": conf.stripe_ready(),
        "accepts_gifts": fund.is_open if fund else project.status in GIVING_STATUSES,
    }


@access(access_public)
def index(request):
    projects = Project.objects.filter(status__in=GIVING_STATUSES).select_related("community").order_by("-year", "id")
    page = Paginator(projects, 30).get_page(request.GET.get("page"))
    return render(
        request, "donations/index.html", {"funds": open_funds(), "page_obj": page, "stripe_ready": conf.stripe_ready()}
    )


def _project(pk):
    return get_object_or_404(Project.objects.select_related("community", "organization"), pk=pk)


def _fund(pk):
    return get_object_or_404(CommunityFund.objects.select_related("community__street"), pk=pk)


@access(access_public)
def project_giving(request, pk):
    project = _project(pk)
    return render(request, "donations/giving.html", {**_giving_context(project=project), "form": DonateForm()})


@access(access_public)
def fund_detail(request, pk):
    fund = _fund(pk)
    return render(request, "donations/giving.html", {**_giving_context(fund=fund), "form": DonateForm()})


def _give(request, *, project=None, fund=None):
    context = _giving_context(project=project, fund=fund)
    form = DonateForm(request.POST)
    if not context["stripe_ready"] or not context["accepts_gifts"]:
        return render(request, "donations/giving.html", {**context, "form": form}, status=409)
    if form.is_valid():
        data = form.cleaned_data
        try:
            donation = services.donation_start(
                project=project,
                fund=fund,
                amount_fen=data["amount_fen"],
                donor_name=data["donor_name"],
                is_anonymous=data["is_anonymous"],
                message=data["message"],
                receipt_email=data["receipt_email"],
                donor=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        except gateway.GatewayError:
            logger.exception("could not create a PaymentIntent")
            context["gateway_down"] = True
        else:
            return redirect("donations:pay", token=donation.token)
    return render(request, "donations/giving.html", {**context, "form": form}, status=400)


@access(access_public)
@require_POST
def give_project(request, pk):
    return _give(request, project=_project(pk))


@access(access_public)
@require_POST
def give_fund(request, pk):
    return _give(request, fund=_fund(pk))


def _donation(token) -> Donation:
    return get_object_or_404(Donation.objects.select_related("project", "fund", "receipt"), token=token)


@access(access_public)
def pay(request, token):
    skip_page_cache(request)
    donation = _donation(token)
    if donation.status != DonationStatus.PENDING and donation.status != DonationStatus.FAILED:
        return redirect("donations:thanks", token=token)
    context = {"donation": donation, "stripe_ready": conf.stripe_ready()}
    if context["stripe_ready"]:
        try:
            context["client_secret"] = gateway.payment_intent_client_secret(donation.payment_intent_id)
        except gateway.GatewayError:
            logger.exception("could not read PaymentIntent %s", donation.payment_intent_id)
            context["gateway_down"] = True
        context["publishable_key"] = settings.STRIPE_PUBLISHABLE_KEY
        context["return_url"] = request.build_absolute_uri(donation_thanks_url(donation))
    response = render(request, "donations/pay.html", context)
    response["Cache-Control"] = "no-store"
    return response


def donation_thanks_url(donation) -> str:
    return reverse("donations:thanks", kwargs={"token": donation.token})


@access(access_public)
def thanks(request, token):
    """Where Stripe sends the browser back. It only reports: the webhook decides the status."""
    skip_page_cache(request)
    donation = _donation(token)
    response = render(request, "donations/thanks.html", {"donation": donation})
    response["Cache-Control"] = "no-store"
    return response


@access(access_public)
@csrf_exempt
@require_POST
def stripe_webhook(request):
    """Public and CSRF-exempt, but it acts only on payloads whose Stripe signature verifies."""
    try:
        outcome = stripe_event_receive(payload=request.body, signature=request.headers.get("Stripe-Signature", ""))
    except BadEvent:
        return HttpResponseBadRequest("invalid signature or payload")
    return HttpResponse(outcome, content_type="text/plain")
