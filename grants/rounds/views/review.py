"""Reviewers, roadshow scorers and peer voters."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import access, access_org_member, access_reviewer, access_signed_in, organization_ids_of

from .. import selectors, services
from ..forms import ConflictForm, PeerForm, ReviewForm, RoadshowScoreForm
from ..models import (
    ApplicationStatus,
    PeerSheet,
    ReviewAssignment,
    ReviewStatus,
    Roadshow,
    RoadshowScore,
    RoadshowScorer,
)
from ..services.review import reviewer_conflicted
from .common import get_round, report


@access(access_reviewer)
def review_queue(request):
    return render(request, "rounds/review_queue.html", {"assignments": selectors.reviewer_queue(request.user)})


def _own_assignment(request, pk) -> ReviewAssignment:
    assignment = get_object_or_404(
        ReviewAssignment.objects.select_related("application__round", "application__organization"),
        pk=pk,
        reviewer=request.user,
    )
    # A reviewer with a conflict does not see the application at all.
    if assignment.status == ReviewStatus.CONFLICT or reviewer_conflicted(request.user, assignment.application):
        raise Http404
    return assignment


@access(access_reviewer)
def review(request, pk):
    assignment = _own_assignment(request, pk)
    application = selectors.application_detail(assignment.application_id)
    criteria = list(application.round.criteria.all())
    form = ReviewForm(request.POST or None, criteria=criteria)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.review_submit(
                    actor=request.user,
                    assignment=assignment,
                    scores=form.scores(),
                    comment=form.cleaned_data["comment"],
                )
            except ValidationError as error:
                report(request, error)
            else:
                messages.success(request, _("Your scores are recorded."))
                return redirect("rounds:review_queue")
    return render(
        request,
        "rounds/review.html",
        {
            "assignment": assignment,
            "application": application,
            "form": form,
            "conflict_form": ConflictForm(),
            "blind": application.round.blind_review,
            "scores": assignment.scores.select_related("criterion")
            if assignment.status == ReviewStatus.SUBMITTED
            else [],
        },
        status=status,
    )


@require_POST
@access(access_reviewer)
def review_conflict(request, pk):
    assignment = _own_assignment(request, pk)
    form = ConflictForm(request.POST)
    if form.is_valid():
        try:
            services.review_declare_conflict(
                actor=request.user, assignment=assignment, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            report(request, error)
        else:
            messages.success(request, _("The conflict is recorded; the application is removed from your queue."))
            return redirect("rounds:review_queue")
    else:
        messages.error(request, _("Describe the conflict of interest."))
    return redirect("rounds:review", pk=pk)


def _scorer(request, pk):
    roadshow = get_object_or_404(Roadshow.objects.select_related("round"), round_id=pk)
    scorer = RoadshowScorer.objects.filter(roadshow=roadshow, user=request.user).first()
    if scorer is None:
        raise Http404
    return roadshow, scorer


@access(access_signed_in)
def roadshow(request, pk):
    """The scorer's phone page: every team, with a form for those not yet scored."""
    roadshow, scorer = _scorer(request, pk)
    teams = list(
        roadshow.round.applications.filter(status=ApplicationStatus.SHORTLISTED)
        .select_related("organization")
        .order_by("id")
    )
    done = dict(RoadshowScore.objects.filter(scorer=scorer).values_list("application_id", "score"))
    own = organization_ids_of(request.user)
    rows = [{"team": t, "score": done.get(t.pk), "own": t.organization_id in own} for t in teams]
    return render(
        request,
        "rounds/roadshow.html",
        {"roadshow": roadshow, "scorer": scorer, "rows": rows, "form": RoadshowScoreForm()},
    )


@require_POST
@access(access_signed_in)
def roadshow_score(request, pk, application_pk):
    roadshow, _scorer_row = _scorer(request, pk)
    application = get_object_or_404(roadshow.round.applications, pk=application_pk)
    form = RoadshowScoreForm(request.POST)
    if form.is_valid():
        try:
            services.roadshow_score_submit(
                actor=request.user, roadshow=roadshow, application=application, **form.cleaned_data
            )
        except ValidationError as error:
            report(request, error)
            return render(
                request, "rounds/roadshow_refused.html", {"roadshow": roadshow, "application": application}, status=409
            )
        messages.success(request, _("Score for “%(name)s” recorded.") % {"name": application.project_name})
    else:
        messages.error(request, _("Enter a score from 0 to 100."))
    return redirect("rounds:roadshow", pk=pk)


@access(access_org_member)
def peer(request, pk):
    round = get_round(pk=pk)
    voters = [o for o in services.peer_voters(round) if o.pk in organization_ids_of(request.user)]
    if not round.peer_voting:
        raise Http404
    organization = voters[0] if voters else None
    if organization is None:
        return render(request, "rounds/peer.html", {"round": round, "organization": None}, status=403)
    sheet = PeerSheet.objects.filter(round=round, organization=organization).first()
    ballot = services.roadshow.peer_ballot(round, organization)
    form = PeerForm(request.POST or None, applications=ballot)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.peer_sheet_submit(
                    actor=request.user, round=round, organization=organization, scores=form.scores()
                )
            except ValidationError as error:
                report(request, error)
            else:
                messages.success(request, _("Your organization's peer scores are recorded."))
                return redirect("rounds:dashboard")
    return render(
        request,
        "rounds/peer.html",
        {
            "round": round,
            "organization": organization,
            "form": form,
            "sheet": sheet,
            "window_open": services.peer_window_open(round),
        },
        status=status,
    )
