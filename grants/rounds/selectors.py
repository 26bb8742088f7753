"""Reads for rounds: every page that crosses relations gets its data here."""

import statistics
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.access import organization_ids_of
from accounts.models import RoleKind, User
from core.clock import now

from .models import (
    Application,
    ApplicationStatus,
    AwardStatus,
    Notice,
    RankingEntry,
    ReviewAssignment,
    ReviewStatus,
    Roadshow,
    RoadshowScore,
    Round,
    RoundStatus,
    ScorerKind,
)

S = ApplicationStatus


def round_public_facts(round: Round) -> dict:
    return {
        "round": round,
        "criteria": list(round.criteria.all()),
        "documents": list(round.required_documents.all()),
        "partners": list(round.partners.all()),
        "communities": list(round.eligible_communities.all()),
        "accepting": round.accepts_changes_at(now()),
        "has_notice": Notice.objects.filter(round=round).exists(),
    }


def public_rounds():
    return Round.objects.exclude(status=RoundStatus.DRAFT).order_by("-id")


def staff_users() -> list[User]:
    return list(User.objects.filter(is_active=True, roles__kind=RoleKind.CENTRE_OPERATOR).distinct().order_by("id"))


def application_detail(pk: int) -> Application:
    return (
        Application.objects.select_related("round", "organization", "community", "award")
        .prefetch_related("budget_lines", "milestones", "indicators", "attachments__required_document", "linked_ideas")
        .get(pk=pk)
    )


def next_step(application: Application, moment=None) -> str:
    """What the applicant is expected to do (or wait for) next, in one sentence."""
    moment = moment or now()
    award = getattr(application, "award", None) if hasattr(application, "award") else None
    if award is not None:
        if award.status == AwardStatus.CONFIRMED:
            return _("Funded. Wait for the bureau's approval and the contract.")
        if award.status == AwardStatus.PROPOSED:
            return _("Proposed for funding; on public notice. No action needed.")
        return _("The proposed award was cancelled after an objection; see the answer.")
    open_round = application.round.accepts_changes_at(moment)
    closes = application.round.closes_at
    steps = {
        S.DRAFT: (
            _("Complete and submit before %(when)s.") if open_round else _("The deadline passed before submission.")
        ),
        S.SUBMITTED: (
            _("You may still edit until %(when)s; screening follows.") if open_round else _("Wait for screening.")
        ),
        S.MORE_INFO: _("Add the requested information and resubmit before %(due)s."),
        S.ACCEPTED: _("Under expert review. Wait for the shortlist."),
        S.SHORTLISTED: _("Prepare your roadshow presentation."),
        S.NOT_SHORTLISTED: _("Not shortlisted this time."),
        S.REJECTED: _("Did not pass screening; read the reasons."),
        S.WITHDRAWN: _("Withdrawn."),
    }
    text = steps[application.status]
    return (
        text
        % {
            "when": timezone.localtime(closes).strftime("%Y-%m-%d %H:%M") if closes else "—",
            "due": timezone.localtime(application.info_due_at).strftime("%Y-%m-%d %H:%M")
            if application.info_due_at
            else "—",
        }
        if "%(" in text
        else text
    )


def applications_of_member(user):
    return (
        Application.objects.filter(organization_id__in=organization_ids_of(user))
        .select_related("round", "organization", "award")
        .order_by("-id")
    )


def open_rounds():
    moment = now()
    return (
        Round.objects.filter(status=RoundStatus.OPEN)
        .filter(Q(closes_at__isnull=True) | Q(closes_at__gt=moment))
        .order_by("closes_at")
    )


def reviewer_queue(user):
    return (
        ReviewAssignment.objects.filter(reviewer=user)
        .exclude(status=ReviewStatus.CONFLICT)
        .select_related("application__round", "application__organization")
        .order_by("status", "-id")
    )


@dataclass
class ProgressRow:
    application: Application
    assignments: list
    submitted: list
    missing: list
    spread: float | None
    mean: float | None


def review_progress(round: Round) -> list[ProgressRow]:
    applications = (
        round.applications.filter(status__in=[S.ACCEPTED, S.SHORTLISTED, S.NOT_SHORTLISTED])
        .select_related("organization")
        .prefetch_related(Prefetch("assignments", queryset=ReviewAssignment.objects.select_related("reviewer")))
        .order_by("id")
    )
    rows = []
    for application in applications:
        assignments = list(application.assignments.all())
        submitted = [a for a in assignments if a.status == ReviewStatus.SUBMITTED]
        missing = [a for a in assignments if a.status == ReviewStatus.ASSIGNED]
        totals = [float(a.total) for a in submitted]
        rows.append(
            ProgressRow(
                application,
                assignments,
                submitted,
                missing,
                round_spread(totals),
                round(statistics.mean(totals), 2) if totals else None,
            )
        )
    return rows


def round_spread(totals: list[float]) -> float | None:
    return round(max(totals) - min(totals), 2) if totals else None


def ranking_rows(round: Round):
    return (
        RankingEntry.objects.filter(round=round)
        .select_related("application__organization", "application__award")
        .order_by("rank")
    )


def roadshow_status(roadshow: Roadshow) -> dict:
    """Who has submitted what: the live screen at the roadshow."""
    teams = list(roadshow.round.applications.filter(status=S.SHORTLISTED).select_related("organization").order_by("id"))
    scorers = list(roadshow.scorers.select_related("user").order_by("kind", "id"))
    done = set(RoadshowScore.objects.filter(scorer__roadshow=roadshow).values_list("scorer_id", "application_id"))
    counts = {
        row["application_id"]: row
        for row in RoadshowScore.objects.filter(scorer__roadshow=roadshow)
        .values("application_id")
        .annotate(
            experts=Count("id", filter=Q(kind=ScorerKind.EXPERT)),
            reps=Count("id", filter=Q(kind=ScorerKind.REPRESENTATIVE)),
        )
    }
    experts = [s for s in scorers if s.kind == ScorerKind.EXPERT]
    reps = [s for s in scorers if s.kind == ScorerKind.REPRESENTATIVE]
    return {
        "teams": [
            {
                "application": t,
                "experts": counts.get(t.pk, {}).get("experts", 0),
                "reps": counts.get(t.pk, {}).get("reps", 0),
            }
            for t in teams
        ],
        "experts": [{"scorer": s, "done": [(s.pk, t.pk) in done for t in teams]} for s in experts],
        "expert_total": len(experts),
        "rep_total": len(reps),
    }


def notice_awards(round: Round):
    from .models import Award

    return (
        Award.objects.filter(application__round=round)
        .select_related("application__organization")
        .order_by("status", "rank")
    )


def round_reviewers(round: Round) -> list[User]:
    return list(
        User.objects.filter(
            review_assignments__application__round=round, review_assignments__status=ReviewStatus.SUBMITTED
        )
        .distinct()
        .order_by("id")
    )
