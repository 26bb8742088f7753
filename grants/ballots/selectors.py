"""Reads for the ballot pages. Each list is one query plus a fixed number, whatever its length."""

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from accounts.access import access_operator, community_ids_of_worker
from places.models import HouseholdMember

from . import tally
from .models import Ballot, BallotStatus, Elector, Vote

PUBLIC_STATUSES = (BallotStatus.OPEN, BallotStatus.CLOSED)
# Drafts are private; a ballot cancelled after opening stays public with its reason.
PUBLIC = Q(status__in=PUBLIC_STATUSES) | Q(status=BallotStatus.CANCELLED, opened_at__isnull=False)


def _with_places(qs: QuerySet[Ballot]) -> QuerySet[Ballot]:
    return qs.select_related("community", "compound", "building__compound")


def public_ballots(*, community_id: int | None = None, status: str | None = None) -> QuerySet[Ballot]:
    qs = _with_places(Ballot.objects.filter(PUBLIC))
    if community_id:
        qs = qs.filter(community_id=community_id)
    if status in (*PUBLIC_STATUSES, BallotStatus.CANCELLED):
        qs = qs.filter(status=status)
    return qs.order_by("-opens_at", "-id")


def public_ballot(pk: int) -> Ballot | None:
    return _with_places(Ballot.objects.filter(PUBLIC, pk=pk)).first()


def _count_of(model):
    rows = model.objects.filter(ballot=OuterRef("pk")).order_by().values("ballot").annotate(n=Count("id")).values("n")
    return Coalesce(Subquery(rows), 0)


def worker_ballots(user) -> QuerySet[Ballot]:
    # Two correlated counts, not two joins: joining both would multiply roll by votes.
    qs = _with_places(Ballot.objects.all()).annotate(elector_count=_count_of(Elector), vote_count=_count_of(Vote))
    if not access_operator(user):
        qs = qs.filter(community_id__in=community_ids_of_worker(user))
    return qs.order_by("-created_at", "-id")


def options_of(ballot: Ballot) -> list:
    return list(ballot.options.select_related("idea").order_by("position", "id"))


def results_visible(ballot: Ballot) -> bool:
    return ballot.status == BallotStatus.CLOSED or (ballot.status == BallotStatus.OPEN and not ballot.hide_results)


REASON_LABELS = {
    "quorum_households": _("Not enough households took part."),
    "quorum_area": _("The households that took part hold too little of the floor area."),
    "majority_households": _("Too few of the households that voted were in favour."),
    "majority_area": _("The households in favour hold too little of the floor area that voted."),
    "tie": _("The leading options are tied."),
}


@dataclass
class Results:
    data: dict
    rows: list
    final: bool

    @property
    def reasons(self) -> list[str]:
        return [str(REASON_LABELS.get(code, code)) for code in self.data.get("reasons", [])]


def results_of(ballot: Ballot, options: list) -> Results | None:
    """The frozen result after close, a live count where allowed, otherwise None."""
    if ballot.status == BallotStatus.CLOSED:
        return Results(ballot.result, tally.option_results(ballot.result, options), final=True)
    if results_visible(ballot):
        live = tally.count(ballot, options)
        return Results(live, tally.option_results(live, options), final=False)
    return None


def turnout_of(ballot: Ballot) -> dict:
    """Turnout only (no choices): shown to workers while results are hidden."""
    return {
        "electors": Elector.objects.filter(ballot=ballot).count(),
        "votes": Vote.objects.filter(ballot=ballot).count(),
    }


@dataclass
class VoterContext:
    member: HouseholdMember | None
    on_roll: bool
    vote: Vote | None


def voter_context(ballot: Ballot, user) -> VoterContext:
    """The signed-in user's household, whether it is on the roll, and its vote if cast."""
    member = HouseholdMember.objects.select_related("household__building__compound").filter(user=user).first()
    if member is None:
        return VoterContext(None, False, None)
    on_roll = Elector.objects.filter(ballot=ballot, household_id=member.household_id).exists()
    vote = (
        Vote.objects.select_related("option").filter(ballot=ballot, household_id=member.household_id).first()
        if on_roll
        else None
    )
    return VoterContext(member, on_roll, vote)


def receipt_codes(ballot: Ballot) -> list[str]:
    return list(Vote.objects.filter(ballot=ballot).order_by("receipt_code").values_list("receipt_code", flat=True))


def unvoted_electors(ballot: Ballot) -> QuerySet[Elector]:
    return (
        Elector.objects.filter(ballot=ballot)
        .exclude(household_id__in=Vote.objects.filter(ballot=ballot).values("household_id"))
        .select_related("household__building__compound")
        .order_by("household__building__compound_id", "household__building_id", "household__unit")
    )


def ballot_figures(*, street_id=None, community_id=None, year=None) -> dict:
    """Closed ballots and their average turnout, for the dashboard."""
    qs = Ballot.objects.filter(status=BallotStatus.CLOSED)
    if street_id:
        qs = qs.filter(community__street_id=street_id)
    if community_id:
        qs = qs.filter(community_id=community_id)
    if year:
        qs = qs.filter(closes_at__year=year)
    figures = qs.aggregate(held=Count("id"), passed=Count("id", filter=Q(passed=True)))
    votes = Vote.objects.filter(ballot__in=qs).values("ballot_id").annotate(n=Count("id"))
    electors = dict(
        Elector.objects.filter(ballot__in=qs).values("ballot_id").annotate(n=Count("id")).values_list("ballot_id", "n")
    )
    shares = [100 * row["n"] / electors[row["ballot_id"]] for row in votes if electors.get(row["ballot_id"])]
    figures["turnout_pct"] = round(sum(shares) / figures["held"], 1) if figures["held"] else None
    return figures
