"""The applicant's side: dashboard, drafting, budget table, attachments, submit, withdraw."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import access, access_org_member, organization_ids_of
from core.pdf import render_pdf
from organizations.models import Organization

from .. import selectors, services
from ..access import access_applicant_or_staff, can_see_application
from ..forms import (
    ApplicationForm,
    AttachmentForm,
    BudgetFormSet,
    IndicatorFormSet,
    MilestoneFormSet,
    filled,
)
from ..models import Attachment
from .common import get_application, get_round, report


@access(access_org_member)
def dashboard(request):
    applications = list(selectors.applications_of_member(request.user))
    rows = [
        {"application": a, "next": selectors.next_step(a), "editable": services.application_editable(a)}
        for a in applications
    ]
    return render(request, "rounds/dashboard.html", {"rows": rows, "open_rounds": selectors.open_rounds()})


def _member_organizations(user):
    return Organization.objects.filter(pk__in=organization_ids_of(user)).order_by("name")


@access(access_org_member)
def apply(request, pk):
    round = get_round(pk=pk)
    organizations = list(_member_organizations(request.user))
    if request.method == "POST":
        org = next((o for o in organizations if str(o.pk) == request.POST.get("organization")), None)
        name = request.POST.get("project_name", "").strip()
        if org is None or not name:
            messages.error(request, _("Choose your organization and name the project."))
        else:
            try:
                application = services.application_create_draft(
                    actor=request.user, round=round, organization=org, project_name=name[:120]
                )
            except ValidationError as error:
                report(request, error)
            else:
                messages.success(request, _("The draft is created. Fill in the plan and the budget."))
                return redirect("rounds:application_edit", pk=application.pk)
        status = 400
    else:
        status = 200
    return render(request, "rounds/apply.html", {"round": round, "organizations": organizations}, status=status)


def _visible_application(request, pk):
    application = get_application(pk)
    if not can_see_application(request.user, application):
        raise Http404
    return application


@access(access_applicant_or_staff)
def application(request, pk):
    _visible_application(request, pk)
    application = selectors.application_detail(pk)
    return render(
        request,
        "rounds/application.html",
        {
            "application": application,
            "next": selectors.next_step(application),
            "editable": services.application_editable(application),
            "problems": services.submission_problems(application) if services.application_editable(application) else [],
            "is_member": application.organization_id in organization_ids_of(request.user),
        },
    )


def _initial_children(application):
    return (
        [
            {
                "category": x.category,
                "item": x.item,
                "unit_price": x.unit_price_fen / 100,
                "quantity": x.quantity,
                "subtotal": x.subtotal_fen / 100,
            }
            for x in application.budget_lines.all()
        ],
        [{"title": m.title, "due_on": m.due_on} for m in application.milestones.all()],
        [{"name": i.name, "target": i.target, "unit": i.unit} for i in application.indicators.all()],
    )


@access(access_org_member)
def application_edit(request, pk):
    application = _visible_application(request, pk)
    if application.organization_id not in organization_ids_of(request.user):
        raise Http404
    if not services.application_editable(application):
        messages.error(request, _("This application can no longer be changed."))
        return redirect("rounds:application", pk=pk)
    data = request.POST if request.method == "POST" else None
    form = ApplicationForm(data, instance=application, round=application.round)
    lines, steps, targets = _initial_children(application)
    budget = BudgetFormSet(data, prefix="budget", initial=None if data else lines)
    milestones = MilestoneFormSet(data, prefix="milestones", initial=None if data else steps)
    indicators = IndicatorFormSet(data, prefix="indicators", initial=None if data else targets)
    status = 200
    if data is not None:
        status = 400
        if all(x.is_valid() for x in (form, budget, milestones, indicators)):
            try:
                with transaction.atomic():
                    services.application_update(
                        actor=request.user,
                        application=application,
                        **form.application_fields(),
                        linked_ideas=form.cleaned_data["linked_ideas"],
                        budget_lines=[f.as_line() for f in filled(budget)],
                        milestones=[
                            {"title": f.cleaned_data["title"], "due_on": f.cleaned_data["due_on"]}
                            for f in filled(milestones)
                        ],
                        indicators=[
                            {k: f.cleaned_data[k] for k in ("name", "target", "unit")} for f in filled(indicators)
                        ],
                    )
            except ValidationError as error:
                report(request, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("rounds:application", pk=pk)
    return render(
        request,
        "rounds/application_edit.html",
        {
            "application": application,
            "form": form,
            "budget": budget,
            "milestones": milestones,
            "indicators": indicators,
        },
        status=status,
    )


@require_POST
@access(access_org_member)
def application_submit(request, pk):
    application = _visible_application(request, pk)
    if application.organization_id not in organization_ids_of(request.user):
        raise Http404
    try:
        services.application_submit(actor=request.user, application=application)
    except ValidationError as error:
        report(request, error)
    else:
        messages.success(request, _("Submitted. You can still edit it until the deadline."))
    return redirect("rounds:application", pk=pk)


@require_POST
@access(access_org_member)
def application_withdraw(request, pk):
    application = _visible_application(request, pk)
    if application.organization_id not in organization_ids_of(request.user):
        raise Http404
    try:
        services.application_withdraw(
            actor=request.user, application=application, reason=request.POST.get("reason", "")
        )
    except ValidationError as error:
        report(request, error)
    else:
        messages.success(request, _("The application is withdrawn."))
    return redirect("rounds:application", pk=pk)


@access(access_org_member)
def attachment_add(request, pk):
    application = _visible_application(request, pk)
    if application.organization_id not in organization_ids_of(request.user):
        raise Http404
    form = AttachmentForm(request.POST or None, request.FILES or None, round=application.round)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.attachment_add(actor=request.user, application=application, **form.cleaned_data)
            except ValidationError as error:
                report(request, error)
            else:
                messages.success(request, _("The document is attached."))
                return redirect("rounds:application", pk=pk)
    return render(request, "rounds/attachment.html", {"application": application, "form": form}, status=status)


@require_POST
@access(access_org_member)
def attachment_remove(request, pk):
    attachment = get_object_or_404(Attachment.objects.select_related("application"), pk=pk)
    if attachment.application.organization_id not in organization_ids_of(request.user):
        raise Http404
    try:
        services.attachment_remove(actor=request.user, attachment=attachment)
    except ValidationError as error:
        report(request, error)
    return redirect("rounds:application", pk=attachment.application_id)


@access(access_applicant_or_staff)
def application_pdf(request, pk):
    _visible_application(request, pk)
    application = selectors.application_detail(pk)
    pdf = render_pdf("rounds/pdf/application.html", {"application": application})
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="application-{application.pk}.pdf"'
    return response
