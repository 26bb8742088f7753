"""Community workers run ballots: create, open, close, cancel, record assisted votes."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import access, access_community_worker
from core.clock import now

from . import selectors, services
from .access import access_ballot_worker
from .casting import VoteRefused, ballot_cast_assisted
from .forms import AssistedVoteForm, BallotForm, CancelForm
from .models import Ballot, BallotStatus


def _ballot(request, pk):
    return get_object_or_404(Ballot.objects.select_related("community", "compound", "building__compound"), pk=pk)


def _errors(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


@access(access_community_worker)
def manage_list(request):
    page = Paginator(selectors.worker_ballots(request.user), 30).get_page(request.GET.get("page"))
    return render(request, "ballots/manage_list.html", {"page_obj": page})


@access(access_community_worker)
def ballot_create(request):
    form = BallotForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            ballot = services.ballot_create(actor=request.user, **data)
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, _("The ballot is saved as a draft. Check it, then open it for voting."))
            return redirect("ballots:manage_detail", pk=ballot.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "ballots/form.html", {"form": form}, status=status)


def _attach(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@access(access_ballot_worker, obj=_ballot)
def manage_detail(request, pk):
    ballot = _ballot(request, pk)
    options = selectors.options_of(ballot)
    return render(
        request,
        "ballots/manage_detail.html",
        {
            "ballot": ballot,
            "options": options,
            "turnout": selectors.turnout_of(ballot),
            "results": selectors.results_of(ballot, options),
            "cancel_form": CancelForm(),
            "can_close": ballot.status == BallotStatus.OPEN and ballot.closes_at <= now(),
        },
    )


def _transition(request, pk, action, **kwargs):
    ballot = _ballot(request, pk)
    try:
        action(actor=request.user, ballot=ballot, **kwargs)
    except ValidationError as error:
        for message in _errors(error):
            messages.error(request, message)
        return False
    return True


@access(access_ballot_worker, obj=_ballot)
@require_POST
def ballot_open(request, pk):
    if _transition(request, pk, services.ballot_open):
        messages.success(request, _("Voting is open. The roll of households is fixed as of now."))
    return redirect("ballots:manage_detail", pk=pk)


@access(access_ballot_worker, obj=_ballot)
@require_POST
def ballot_close(request, pk):
    if _transition(request, pk, services.ballot_close):
        messages.success(request, _("The ballot is closed and its result is published."))
    return redirect("ballots:manage_detail", pk=pk)


@access(access_ballot_worker, obj=_ballot)
@require_POST
def ballot_cancel(request, pk):
    form = CancelForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the ballot is cancelled; households will read it."))
    elif _transition(request, pk, services.ballot_cancel, reason=form.cleaned_data["reason"]):
        messages.success(request, _("The ballot is cancelled."))
    return redirect("ballots:manage_detail", pk=pk)


@access(access_ballot_worker, obj=_ballot)
def assist(request, pk):
    """Record a paper or spoken ballot for a resident who cannot vote online."""
    ballot = _ballot(request, pk)
    options = selectors.options_of(ballot)
    electors = selectors.unvoted_electors(ballot) if ballot.status == BallotStatus.OPEN else []
    form = AssistedVoteForm(request.POST or None, options=options, electors=electors)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            outcome = ballot_cast_assisted(
                actor=request.user,
                ballot_id=ballot.pk,
                household_id=data["household"],
                option_id=data["option"],
                channel=data["channel"],
                paper_reference=data["paper_reference"],
                assisted_name=data["assisted_name"],
            )
        except VoteRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(
                request,
                _("The assisted ballot is recorded. Receipt code: %(code)s") % {"code": outcome.vote.receipt_code},
            )
            return redirect("ballots:assist", pk=pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "ballots/assist.html", {"ballot": ballot, "form": form}, status=status)
