"""Community workers: the triage queue, 三事分流 decisions, referrals, paper ideas, outreach."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import access, access_operator, community_ids_of_worker, ensure
from places.models import Community

from . import selectors
from .access import access_idea_worker
from .forms import AnswerForm, EnterIdeaForm, OutreachEventForm, TriageForm
from .models import Idea, IdeaStatus, Referral
from .services import (
    idea_adopt,
    idea_close,
    idea_enter_on_behalf,
    idea_mark_private,
    idea_mark_small,
    idea_merge,
    idea_refer,
    idea_reject,
    outreach_event_record,
    referral_answer,
)
from .views import apply_errors


def _scope(user):
    """Community ids the worker may triage (None: every community, for operators)."""
    return None if access_operator(user) else community_ids_of_worker(user)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@access(access_idea_worker)
def queue(request):
    scope = _scope(request.user)
    community_id = _int(request.GET.get("community"))
    untriaged = selectors.queue(scope, community_id=community_id)
    page = Paginator(untriaged, 30).get_page(request.GET.get("page"))
    communities = Community.objects.order_by("id")
    if scope is not None:
        communities = communities.filter(pk__in=scope)
    return render(
        request,
        "ideas/queue.html",
        {
            "page_obj": page,
            "ages": selectors.queue_age_counts(untriaged),
            "matters": list(selectors.open_matters(scope, community_id=community_id)[:50]),
            "overdue": list(selectors.overdue_referrals(scope)[:50]),
            "communities": communities,
            "community_id": community_id,
        },
    )


@access(access_idea_worker)
def enter(request):
    scope = _scope(request.user)
    if request.method == "POST":
        form = EnterIdeaForm(request.POST, request.FILES, communities=scope)
        if form.is_valid():
            try:
                idea = idea_enter_on_behalf(
                    actor=request.user,
                    on_behalf_of=form.cleaned_data["on_behalf_of"],
                    photos=form.cleaned_data.get("photos") or [],
                    **form.idea_fields(),
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The paper idea is entered and awaits triage."))
                return redirect("ideas:detail", pk=idea.pk)
    else:
        call = selectors.current_call()
        form = EnterIdeaForm(initial={"call": call.pk} if call else {}, communities=scope)
    return render(request, "ideas/enter.html", {"form": form})


def _triage_decide(request, idea, form) -> bool:
    data = form.cleaned_data
    common = {"responsible": data["responsible"], "supervisor": data["supervisor"], "reason": data["reason"]}
    decision = data["decision"]
    if decision == IdeaStatus.MAJOR:
        idea_refer(
            actor=request.user, idea=idea, department=data["department"], workdays=data["workdays"] or 0, **common
        )
    elif decision == IdeaStatus.SMALL:
        idea_mark_small(actor=request.user, idea=idea, workdays=data["workdays"] or 20, **common)
    elif decision == IdeaStatus.PRIVATE:
        idea_mark_private(actor=request.user, idea=idea, guidance=data["guidance"], **common)
    elif decision == IdeaStatus.MERGED:
        if data["into"] is None:
            raise ValidationError({"into": _("Choose the idea this one duplicates.")})
        idea_merge(actor=request.user, idea=idea, into=data["into"], reason=data["reason"])
    else:
        idea_reject(actor=request.user, idea=idea, reason=data["reason"])
    return True


@access(access_idea_worker)
def triage(request, pk):
    idea = get_object_or_404(Idea.objects.select_related("community", "compound"), pk=pk)
    ensure(access_idea_worker, request.user, idea)
    if idea.status == IdeaStatus.DRAFT:
        return redirect("ideas:queue")
    if request.method == "POST" and idea.status != IdeaStatus.SUBMITTED:
        messages.error(
            request, _("This idea has already been triaged: %(status)s.") % {"status": idea.get_status_display()}
        )
        return redirect("ideas:triage", pk=idea.pk)
    form = TriageForm(request.POST or None, idea=idea)
    if request.method == "POST" and form.is_valid():
        try:
            _triage_decide(request, idea, form)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Decision recorded; the resident has been told."))
            return redirect("ideas:detail", pk=idea.pk)
    return render(
        request,
        "ideas/triage.html",
        {
            "idea": idea,
            "form": form,
            "referral": selectors.referral_of(idea),
            "answer_form": AnswerForm(),
            "waiting_days": selectors.days_waiting(idea),
        },
    )


@require_POST
@access(access_idea_worker)
def answer(request, pk):
    referral = get_object_or_404(Referral.objects.select_related("idea"), pk=pk)
    ensure(access_idea_worker, request.user, referral.idea)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            referral_answer(actor=request.user, referral=referral, answer=form.cleaned_data["answer"])
            messages.success(request, _("The answer is recorded and published on the idea page."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("ideas:triage", pk=referral.idea_id)


@require_POST
@access(access_idea_worker)
def close(request, pk):
    idea = get_object_or_404(Idea, pk=pk)
    ensure(access_idea_worker, request.user, idea)
    try:
        idea_close(actor=request.user, idea=idea, note=request.POST.get("note", "")[:500])
        messages.success(request, _("The matter is closed; the resident is asked for feedback."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("ideas:triage", pk=idea.pk)


@require_POST
@access(access_idea_worker)
def adopt(request, pk):
    idea = get_object_or_404(Idea, pk=pk)
    ensure(access_idea_worker, request.user, idea)
    try:
        idea_adopt(actor=request.user, idea=idea, reason=request.POST.get("reason", "")[:500])
        messages.success(request, _("The idea is marked as adopted as a project."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("ideas:triage", pk=idea.pk)


@access(access_idea_worker)
def event_new(request):
    scope = _scope(request.user)
    form = OutreachEventForm(request.POST or None, communities=scope)
    if request.method == "POST" and form.is_valid():
        try:
            outreach_event_record(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The outreach event is recorded."))
            return redirect("ideas:queue")
    return render(request, "ideas/event_form.html", {"form": form})
