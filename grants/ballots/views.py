"""Public ballot pages (cacheable for anonymous visitors) and the per-user voting page."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.access import access, access_public, access_signed_in
from places.models import Community

from . import exports, selectors
from .casting import VoteRefused, ballot_cast
from .forms import VoteForm
from .models import BallotStatus

# How each refusal is answered over HTTP; the page always says why in words.
REFUSAL_STATUS = {
    "not_found": 404,
    "not_member": 403,
    "not_designated": 403,
    "not_on_roll": 403,
    "already_voted": 409,
    "closed": 409,
    "not_yet_open": 409,
    "cancelled": 409,
    "bad_option": 400,
}


def _public_ballot(pk):
    ballot = selectors.public_ballot(pk)
    if ballot is None:
        raise Http404
    return ballot


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@access(access_public)
def ballot_list(request):
    community_id = _int_or_none(request.GET.get("community"))
    status = request.GET.get("status") or None
    ballots = selectors.public_ballots(community_id=community_id, status=status)
    page = Paginator(ballots, 20).get_page(request.GET.get("page"))
    communities = Community.objects.filter(ballots__isnull=False).distinct().order_by("id")
    return render(
        request,
        "ballots/list.html",
        {
            "page_obj": page,
            "communities": communities,
            "community_id": community_id,
            "status": status,
            "statuses": [(s, s.label) for s in (BallotStatus.OPEN, BallotStatus.CLOSED, BallotStatus.CANCELLED)],
        },
    )


@access(access_public)
def ballot_detail(request, pk):
    ballot = _public_ballot(pk)
    options = selectors.options_of(ballot)
    return render(
        request,
        "ballots/detail.html",
        {
            "ballot": ballot,
            "options": options,
            "results": selectors.results_of(ballot, options),
        },
    )


@access(access_public)
def receipts(request, pk):
    """After close, every receipt code, so a household can check that its ballot counted."""
    ballot = _public_ballot(pk)
    codes = selectors.receipt_codes(ballot) if ballot.status == BallotStatus.CLOSED else []
    query = (request.GET.get("code") or "").strip().upper().replace(" ", "")
    found = None
    if query and ballot.status == BallotStatus.CLOSED:
        normalized = query.replace("-", "")
        found = any(code.replace("-", "") == normalized for code in codes)
    return render(request, "ballots/receipts.html", {"ballot": ballot, "codes": codes, "query": query, "found": found})


@access(access_public)
def notice_pdf(request, pk):
    ballot = _public_ballot(pk)
    if ballot.status != BallotStatus.CLOSED:
        raise Http404
    return exports.notice_pdf_response(ballot)


@access(access_public)
def tally_export(request, pk, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    ballot = _public_ballot(pk)
    if not selectors.results_visible(ballot):
        raise Http404
    options = selectors.options_of(ballot)
    results = selectors.results_of(ballot, options)
    if fmt == "xlsx":
        return exports.tally_xlsx_response(ballot, results)
    return exports.tally_csv_response(ballot, results)


@access(access_signed_in)
@never_cache
@require_http_methods(["GET", "POST"])
def vote(request, pk):
    """The household's voting page. POST is the lean cast path: the service does every check."""
    if request.method == "POST":
        try:
            ballot_cast(user=request.user, ballot_id=pk, option_id=request.POST.get("option"))
        except VoteRefused as refusal:
            code = refusal.code or "bad_option"
            if code == "not_found":
                raise Http404
            return _vote_page(request, pk, refusal=refusal.message, status=REFUSAL_STATUS.get(code, 400))
        return redirect(reverse("ballots:vote", args=[pk]) + "?done=1", permanent=False)
    return _vote_page(request, pk)


def _vote_page(request, pk, *, refusal: str = "", status: int = 200):
    ballot = _public_ballot(pk)
    options = selectors.options_of(ballot)
    voter = selectors.voter_context(ballot, request.user)
    initial = {"option": voter.vote.option_id} if voter.vote else None
    return render(
        request,
        "ballots/vote.html",
        {
            "ballot": ballot,
            "voter": voter,
            "form": VoteForm(options=options, initial=initial),
            "refusal": refusal,
            "done": request.GET.get("done") == "1",
            "results": selectors.results_of(ballot, options),
        },
        status=status,
    )
