"""The operator's side: the round's control room, screening, assignment, ranking, notice."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import access, access_operator, access_staff

from .. import selectors, services
from ..forms import AnswerForm, AssignForm, ExtendForm, NoticeForm, OverrideForm, ScorerForm, ScreeningForm
from ..models import ApplicationStatus, Objection, Roadshow, RoundStatus
from ..services.awards import pool_used_fen
from .common import get_application, get_round, report


@access(access_staff)
def manage(request, pk):
    round = get_round(pk=pk)
    applications = round.applications.select_related("organization", "award").order_by("status", "id")
    notice = getattr(round, "notice", None) if hasattr(round, "notice") else None
    return render(
        request,
        "rounds/manage.html",
        {
            "round": round,
            "applications": applications,
            "extend_form": ExtendForm(),
            "statuses": RoundStatus,
            "notice": notice,
            "objections": notice.objections.select_related("award__application") if notice else [],
            "answer_form": AnswerForm(),
            "notice_form": NoticeForm(),
            "used_fen": pool_used_fen(round),
            "roadshow": Roadshow.objects.filter(round=round).first(),
        },
    )


def _done(request, action, success_message):
    try:
        action()
    except ValidationError as error:
        report(request, error)
    else:
        messages.success(request, success_message)


@require_POST
@access(access_operator)
def round_move(request, pk):
    round = get_round(pk=pk)
    target = request.POST.get("target", "")
    if target not in RoundStatus.values:
        messages.error(request, _("Unknown status."))
    else:
        _done(
            request,
            lambda: services.round_move(actor=request.user, round=round, target=target),
            _("The round is updated."),
        )
    return redirect("rounds:manage", pk=pk)


@require_POST
@access(access_operator)
def round_extend(request, pk):
    round = get_round(pk=pk)
    form = ExtendForm(request.POST)
    if form.is_valid():
        _done(
            request,
            lambda: services.round_extend(actor=request.user, round=round, **form.cleaned_data),
            _("The deadline is extended."),
        )
    else:
        messages.error(request, _("Give a new closing time and the reason."))
    return redirect("rounds:manage", pk=pk)


@access(access_operator)
def screen(request, pk):
    application = get_application(pk)
    form = ScreeningForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.application_screen(actor=request.user, application=application, **form.cleaned_data)
            except ValidationError as error:
                report(request, error)
            else:
                messages.success(request, _("The decision is recorded and the applicant is told."))
                return redirect("rounds:manage", pk=application.round_id)
    return render(
        request,
        "rounds/screen.html",
        {
            "application": selectors.application_detail(pk),
            "form": form,
            "checks": services.eligibility_checks(application),
        },
        status=status,
    )


@require_POST
@access(access_operator)
def shortlist(request, pk):
    application = get_application(pk)
    chosen = request.POST.get("shortlisted") == "1"
    _done(
        request,
        lambda: services.application_shortlist(
            actor=request.user, application=application, shortlisted=chosen, reason=request.POST.get("reason", "")
        ),
        _("Recorded."),
    )
    return redirect("rounds:progress", pk=application.round_id)


@require_POST
@access(access_operator)
def assign(request, pk):
    application = get_application(pk)
    form = AssignForm(request.POST)
    if form.is_valid():
        _done(
            request,
            lambda: services.review_assign(
                actor=request.user, application=application, reviewer=form.cleaned_data["reviewer"]
            ),
            _("The reviewer is assigned."),
        )
    else:
        messages.error(request, _("Choose a reviewer."))
    return redirect("rounds:progress", pk=application.round_id)


@access(access_staff)
def progress(request, pk):
    round = get_round(pk=pk)
    return render(
        request,
        "rounds/progress.html",
        {
            "round": round,
            "rows": selectors.review_progress(round),
            "reviewers": list(AssignForm().fields["reviewer"].queryset),
            "accepted": ApplicationStatus.ACCEPTED,
        },
    )


@access(access_staff)
def ranking(request, pk):
    round = get_round(pk=pk)
    return render(
        request,
        "rounds/ranking.html",
        {
            "round": round,
            "rows": selectors.ranking_rows(round),
            "override_form": OverrideForm(round=round),
            "used_fen": pool_used_fen(round),
            "overrides": round.overrides.select_related("application", "actor"),
        },
    )


@require_POST
@access(access_operator)
def rank(request, pk):
    round = get_round(pk=pk)
    _done(request, lambda: services.round_rank(actor=request.user, round=round), _("Ranked, and the pool walked."))
    return redirect("rounds:ranking", pk=pk)


@require_POST
@access(access_operator)
def override(request, pk):
    round = get_round(pk=pk)
    form = OverrideForm(request.POST, round=round)
    if form.is_valid():
        _done(
            request,
            lambda: services.award_override(actor=request.user, round=round, **form.cleaned_data),
            _("The override is recorded and the pool re-walked."),
        )
    else:
        messages.error(request, _("Choose an application, the action and write the reason."))
    return redirect("rounds:ranking", pk=pk)


@require_POST
@access(access_operator)
def notice_publish(request, pk):
    round = get_round(pk=pk)
    form = NoticeForm(request.POST)
    form.is_valid()
    _done(
        request,
        lambda: services.notice_publish(actor=request.user, round=round, text=form.cleaned_data.get("text", "")),
        _("The notice is published."),
    )
    return redirect("rounds:manage", pk=pk)


@require_POST
@access(access_operator)
def objection_answer(request, pk):
    objection = get_object_or_404(Objection.objects.select_related("notice"), pk=pk)
    form = AnswerForm(request.POST)
    if form.is_valid():
        _done(
            request,
            lambda: services.objection_answer(actor=request.user, objection=objection, **form.cleaned_data),
            _("The answer is recorded and sent."),
        )
    else:
        messages.error(request, _("Choose the outcome and write the answer."))
    return redirect("rounds:manage", pk=objection.notice.round_id)


@require_POST
@access(access_operator)
def notice_confirm(request, pk):
    round = get_round(pk=pk)
    _done(request, lambda: services.notice_confirm(actor=request.user, round=round), _("The awards are confirmed."))
    return redirect("rounds:manage", pk=pk)


@access(access_staff)
def roadshow_live(request, pk):
    round = get_round(pk=pk)
    roadshow = get_object_or_404(Roadshow, round=round)
    return render(
        request,
        "rounds/roadshow_live.html",
        {
            "round": round,
            "roadshow": roadshow,
            "status": selectors.roadshow_status(roadshow),
            "scorer_form": ScorerForm(),
        },
    )


@require_POST
@access(access_operator)
def roadshow_toggle(request, pk):
    roadshow = get_object_or_404(Roadshow, round_id=pk)
    _done(
        request,
        lambda: services.roadshow_set_open(
            actor=request.user, roadshow=roadshow, is_open=request.POST.get("open") == "1"
        ),
        _("Recorded."),
    )
    return redirect("rounds:roadshow_live", pk=pk)


@require_POST
@access(access_operator)
def scorer_add(request, pk):
    roadshow = get_object_or_404(Roadshow, round_id=pk)
    form = ScorerForm(request.POST)
    if form.is_valid():
        _done(
            request,
            lambda: services.roadshow_scorer_add(actor=request.user, roadshow=roadshow, **form.cleaned_data),
            _("Added."),
        )
    else:
        messages.error(request, _("Choose a person and how they score."))
    return redirect("rounds:roadshow_live", pk=pk)
