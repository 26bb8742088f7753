"""Reads for ideas, with constant query counts."""

from django.db.models import Count, Prefetch, Q

from core.clock import today

from .models import (
    TRIAGED,
    Idea,
    IdeaCall,
    IdeaStatus,
    IdeaStatusChange,
    IdeaSupport,
    OutreachEvent,
    Referral,
)

AGE_BUCKETS = [(0, 7), (8, 14), (15, 30), (31, None)]


def open_calls():
    day = today()
    return (
        IdeaCall.objects.live()
        .filter(collection_opens__lte=day, collection_closes__gte=day)
        .order_by("collection_closes")
    )


def current_call():
    """The call residents should submit to now: an open one, else the latest."""
    return open_calls().first() or IdeaCall.objects.live().order_by("-collection_opens").first()


def call_totals(call: IdeaCall) -> dict:
    events = OutreachEvent.objects.filter(call=call).aggregate(n=Count("id"))
    ideas = (
        Idea.objects.filter(call=call)
        .exclude(status=IdeaStatus.DRAFT)
        .aggregate(
            n=Count("id"),
            communities=Count("community", distinct=True),
            adopted=Count("id", filter=Q(status=IdeaStatus.ADOPTED)),
            projects=Count("projects", distinct=True),
        )
    )
    return {
        "events": events["n"],
        "ideas": ideas["n"],
        "communities": ideas["communities"],
        "adopted": ideas["adopted"],
        "projects": ideas["projects"],
    }


def public_idea(pk: int, *, user=None) -> Idea | None:
    """A submitted idea (or the viewer's own draft), with everything its page shows."""
    idea = (
        Idea.objects.select_related("community", "compound", "call", "merged_into", "referral")
        .prefetch_related(
            "photos",
            Prefetch("history", queryset=IdeaStatusChange.objects.order_by("created_at", "id")),
        )
        .filter(pk=pk)
        .first()
    )
    if idea is None:
        return None
    if not idea.is_public and (user is None or not user.is_authenticated or idea.submitted_by_id != user.pk):
        return None
    return idea


def referral_of(idea: Idea) -> Referral | None:
    try:
        return idea.referral
    except Referral.DoesNotExist:
        return None


def user_supports(user, idea_ids) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(IdeaSupport.objects.filter(user=user, idea_id__in=list(idea_ids)).values_list("idea_id", flat=True))


def my_ideas(user):
    return (
        Idea.objects.filter(Q(submitted_by=user)).select_related("community", "referral").order_by("-created_at", "-id")
    )


def queue(community_ids, *, community_id: int | None = None):
    """Untriaged ideas, oldest first, of the worker's communities."""
    qs = Idea.objects.filter(status=IdeaStatus.SUBMITTED).select_related("community", "compound")
    if community_ids is not None:
        qs = qs.filter(community_id__in=community_ids)
    if community_id:
        qs = qs.filter(community_id=community_id)
    return qs.order_by("submitted_at", "id")


def queue_age_counts(qs) -> list[dict]:
    """How many untriaged ideas have waited 0-7, 8-14, 15-30 and over 30 days."""
    day = today()
    out = []
    counts = {}
    for submitted in qs.values_list("submitted_at", flat=True):
        age = (day - submitted.date()).days if submitted else 0
        for low, high in AGE_BUCKETS:
            if age >= low and (high is None or age <= high):
                counts[(low, high)] = counts.get((low, high), 0) + 1
                break
    for low, high in AGE_BUCKETS:
        out.append({"low": low, "high": high, "count": counts.get((low, high), 0)})
    return out


def open_matters(community_ids, *, community_id: int | None = None):
    """Triaged matters still open (大事 and 小事), with their referral, deadline first."""
    qs = Idea.objects.filter(status__in=[IdeaStatus.MAJOR, IdeaStatus.SMALL], closed_at__isnull=True).select_related(
        "community", "referral"
    )
    if community_ids is not None:
        qs = qs.filter(community_id__in=community_ids)
    if community_id:
        qs = qs.filter(community_id=community_id)
    return qs.order_by("deadline", "id")


def overdue_referrals(community_ids=None):
    qs = Referral.objects.filter(answered_on__isnull=True, due_on__lt=today()).select_related("idea__community")
    if community_ids is not None:
        qs = qs.filter(idea__community_id__in=community_ids)
    return qs.order_by("due_on")


def idea_figures(*, street_id=None, community_id=None, year=None) -> dict:
    qs = Idea.objects.exclude(status=IdeaStatus.DRAFT)
    if community_id:
        qs = qs.filter(community_id=community_id)
    elif street_id:
        qs = qs.filter(community__street_id=street_id)
    if year:
        qs = qs.filter(submitted_at__year=year)
    totals = qs.aggregate(
        n=Count("id"),
        major=Count("id", filter=Q(status=IdeaStatus.MAJOR)),
        small=Count("id", filter=Q(status__in=[IdeaStatus.SMALL, IdeaStatus.ADOPTED])),
        private=Count("id", filter=Q(status=IdeaStatus.PRIVATE)),
    )
    referrals = Referral.objects.filter(idea__in=qs)
    answered = list(referrals.filter(answered_on__isnull=False).values_list("answered_on", "due_on"))
    totals["referrals"] = referrals.count()
    totals["answered"] = len(answered)
    totals["on_time"] = sum(1 for answered_on, due_on in answered if answered_on <= due_on)
    totals["overdue"] = referrals.filter(answered_on__isnull=True, due_on__lt=today()).count()
    return totals


def recent_events(call: IdeaCall, limit: int = 30):
    return OutreachEvent.objects.filter(call=call).select_related("station__community").order_by("-held_on")[:limit]


def triaged_statuses() -> set[str]:
    return set(TRIAGED)


def days_waiting(idea: Idea) -> int:
    if not idea.submitted_at:
        return 0
    return (today() - idea.submitted_at.date()).days


def ballots_on(idea: Idea) -> list:
    """Published household ballots (grants.ballots) that put this idea to a vote."""
    from grants.ballots.models import Ballot, BallotStatus

    return list(
        Ballot.objects.filter(options__idea=idea)
        .exclude(status=BallotStatus.DRAFT)
        .distinct()
        .order_by("-opens_at")
        .only("id", "title", "status", "passed")
    )
