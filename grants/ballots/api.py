"""Open data: the published results of closed ballots (counts only, never who voted what)."""

from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from .models import Ballot, BallotStatus

router = Router(tags=["ballots"])


class OptionResultOut(Schema):
    option: str
    households: int
    floor_area_m2: str


class BallotResultOut(Schema):
    id: int
    title: str
    question: str
    community: str
    scope: str
    opens_at: datetime
    closes_at: datetime
    rule: str
    eligible_households: int
    voted_households: int
    turnout_pct: str
    passed: bool
    options: list[OptionResultOut]

    @staticmethod
    def resolve_community(obj) -> str:
        return obj.community.name

    @staticmethod
    def resolve_scope(obj) -> str:
        return obj.scope_label

    @staticmethod
    def resolve_eligible_households(obj) -> int:
        return (obj.result or {}).get("eligible_households", 0)

    @staticmethod
    def resolve_voted_households(obj) -> int:
        return (obj.result or {}).get("voted_households", 0)

    @staticmethod
    def resolve_turnout_pct(obj) -> str:
        return (obj.result or {}).get("turnout_pct", "0.0")

    @staticmethod
    def resolve_passed(obj) -> bool:
        return bool(obj.passed)

    @staticmethod
    def resolve_options(obj) -> list[dict]:
        by_id = {row["id"]: row for row in (obj.result or {}).get("options", [])}
        return [
            {
                "option": option.display_label,
                "households": by_id.get(option.pk, {}).get("households", 0),
                "floor_area_m2": by_id.get(option.pk, {}).get("area", "0.00"),
            }
            for option in obj.options.all()
        ]


def _closed():
    return (
        Ballot.objects.filter(status=BallotStatus.CLOSED)
        .select_related("community", "compound", "building__compound")
        .prefetch_related("options")
        .order_by("-closes_at", "-id")
    )


@router.get("/", response=list[BallotResultOut])
@paginate(LimitOffsetPagination)
def list_results(request, community: int | None = None):
    qs = _closed()
    if community:
        qs = qs.filter(community_id=community)
    return qs


@router.get("/{ballot_id}", response=BallotResultOut)
def ballot_result(request, ballot_id: int):
    return get_object_or_404(_closed(), pk=ballot_id)
