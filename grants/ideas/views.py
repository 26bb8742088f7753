"""Public idea board and idea pages (cacheable for visitors), and the resident's own pages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import access, access_public, access_resident, access_signed_in

from . import selectors
from .access import access_idea_worker
from .filters import IdeaBoardFilter, board_queryset
from .forms import FeedbackForm, IdeaForm
from .models import Idea, IdeaCall, IdeaStatus
from .services import (
    idea_create,
    idea_feedback,
    idea_submit,
    idea_support,
    idea_support_withdraw,
    idea_update,
)

PER_PAGE = 20


def apply_errors(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form (field errors where the field exists)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@access(access_public)
def board(request, call_pk=None):
    call = None
    if call_pk is not None:
        call = IdeaCall.objects.live().filter(pk=call_pk).first()
        if call is None:
            raise Http404
    filterset = IdeaBoardFilter(request.GET or None, queryset=board_queryset(call))
    qs = filterset.qs if filterset.is_bound and filterset.is_valid() else board_queryset(call)
    page = Paginator(qs, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "ideas/board.html",
        {
            "call": call,
            "filter": filterset,
            "form": filterset.form,
            "page_obj": page,
            "querystring": query.urlencode(),
            "calls": IdeaCall.objects.live().order_by("-collection_opens"),
        },
    )


@access(access_public)
def idea_detail(request, pk):
    idea = selectors.public_idea(pk, user=request.user)
    if idea is None:
        raise Http404
    user = request.user
    signed_in = user.is_authenticated
    context = {
        "idea": idea,
        "referral": selectors.referral_of(idea),
        "history": list(idea.history.all()),
        "photos": list(idea.photos.all()),
        "ballots": selectors.ballots_on(idea) if idea.status in (IdeaStatus.SMALL, IdeaStatus.ADOPTED) else [],
        "signed_in": signed_in,
    }
    if signed_in:
        context.update(
            {
                "supported": idea.pk in selectors.user_supports(user, [idea.pk]),
                "is_author": idea.submitted_by_id == user.pk,
                "is_worker": access_idea_worker(user, idea),
                "feedback_form": FeedbackForm() if idea.awaiting_feedback else None,
                "can_support": idea.status not in (IdeaStatus.DRAFT, IdeaStatus.MERGED, IdeaStatus.REJECTED),
            }
        )
    return render(request, "ideas/detail.html", context)


def _save_idea(request, form, *, idea=None):
    submit = request.POST.get("action") == "submit"
    try:
        fields = form.idea_fields()
        photos = form.cleaned_data.get("photos") or []
        if idea is None:
            idea = idea_create(author=request.user, submit=submit, photos=photos, **fields)
        else:
            idea = idea_update(actor=request.user, idea=idea, submit=submit, photos=photos, **fields)
    except ValidationError as exc:
        apply_errors(form, exc)
        return None
    if idea.status == IdeaStatus.SUBMITTED and submit:
        messages.success(request, _("Thank you: your idea has been submitted."))
    else:
        messages.success(request, _("Your draft is saved. You can finish it later from “My ideas”."))
    return idea


@access(access_resident)
def idea_new(request):
    call = selectors.current_call()
    if request.method == "POST":
        form = IdeaForm(request.POST, request.FILES)
        if form.is_valid():
            idea = _save_idea(request, form)
            if idea is not None:
                return redirect("ideas:detail", pk=idea.pk)
    else:
        initial = {"call": call.pk} if call else {}
        membership = getattr(request.user, "household_membership", None)
        if membership is not None:
            household = membership.household
            initial.update({"community": household.community_id, "compound": household.compound_id})
        form = IdeaForm(initial=initial)
    return render(request, "ideas/form.html", {"form": form, "call": call, "idea": None})


@access(access_signed_in)
def idea_edit(request, pk):
    idea = get_object_or_404(Idea, pk=pk, submitted_by=request.user)
    if not idea.is_editable:
        messages.error(request, _("This idea has been triaged and can no longer be edited."))
        return redirect("ideas:detail", pk=idea.pk)
    if request.method == "POST":
        form = IdeaForm(request.POST, request.FILES, instance=Idea.objects.get(pk=idea.pk))
        if form.is_valid():
            saved = _save_idea(request, form, idea=idea)
            if saved is not None:
                return redirect("ideas:detail", pk=idea.pk)
    else:
        form = IdeaForm(instance=idea)
    return render(request, "ideas/form.html", {"form": form, "idea": idea, "call": idea.call})


@require_POST
@access(access_signed_in)
def idea_submit_view(request, pk):
    idea = get_object_or_404(Idea, pk=pk, submitted_by=request.user)
    try:
        idea_submit(actor=request.user, idea=idea)
        messages.success(request, _("Thank you: your idea has been submitted."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("ideas:detail", pk=idea.pk)


@access(access_signed_in)
def my_ideas(request):
    page = Paginator(selectors.my_ideas(request.user), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "ideas/mine.html", {"page_obj": page})


def _public_or_404(pk) -> Idea:
    idea = Idea.objects.filter(pk=pk).exclude(status=IdeaStatus.DRAFT).first()
    if idea is None:
        raise Http404
    return idea


@require_POST
@access(access_signed_in)
def support(request, pk):
    idea = _public_or_404(pk)
    try:
        if idea_support(user=request.user, idea=idea):
            messages.success(request, _("You support this idea."))
        else:
            messages.info(request, _("You already support this idea."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(reverse("ideas:detail", kwargs={"pk": idea.pk}))


@require_POST
@access(access_signed_in)
def unsupport(request, pk):
    idea = _public_or_404(pk)
    if idea_support_withdraw(user=request.user, idea=idea):
        messages.success(request, _("Your support is withdrawn."))
    return redirect(reverse("ideas:detail", kwargs={"pk": idea.pk}))


@require_POST
@access(access_signed_in)
def feedback(request, pk):
    idea = get_object_or_404(Idea, pk=pk, submitted_by=request.user)
    form = FeedbackForm(request.POST)
    if form.is_valid():
        try:
            idea_feedback(
                user=request.user,
                idea=idea,
                satisfied=form.cleaned_data["satisfied"],
                comment=form.cleaned_data["comment"],
            )
            messages.success(request, _("Thank you for your feedback."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        messages.error(request, _("Please say whether you are satisfied."))
    return redirect("ideas:detail", pk=idea.pk)
