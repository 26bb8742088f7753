"""Open data: rounds and their published awards (/api/v1/rounds).

An award is published once it is on public notice (proposed, with the notice out) or
confirmed; drafts of the ranking never leave through the API. Public fields only.
"""

import datetime

from django.db.models import Q
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from .models import Award, AwardStatus, Round, RoundStatus

router = Router(tags=["rounds"])


class AwardOut(Schema):
    application_id: int
    project_name: str
    organization_id: int
    organization_name: str
    amount_fen: int
    status: str
    rank: int | None


class RoundOut(Schema):
    id: int
    title: str
    theme: str
    year: int | None
    status: str
    budget_fen: int
    min_amount_fen: int
    max_amount_fen: int
    opens_at: datetime.datetime | None
    closes_at: datetime.datetime | None


class RoundDetailOut(RoundOut):
    awards: list[AwardOut]


def published_awards(round_ids):
    return (
        Award.objects.filter(application__round_id__in=round_ids)
        .filter(
            Q(status=AwardStatus.CONFIRMED) | Q(status=AwardStatus.PROPOSED, application__round__notice__isnull=False)
        )
        .select_related("application__organization")
        .order_by("rank", "id")
    )


def _award(award: Award) -> dict:
    application = award.application
    return {
        "application_id": application.pk,
        "project_name": application.project_name,
        "organization_id": application.organization_id,
        "organization_name": application.organization.name,
        "amount_fen": award.amount_fen,
        "status": award.status,
        "rank": award.rank,
    }


def _round(round: Round) -> dict:
    return {name: getattr(round, name) for name in RoundOut.model_fields}


@router.get("", response=list[RoundOut], summary="Funding rounds (not drafts)")
def list_rounds(request):
    return [_round(r) for r in Round.objects.exclude(status=RoundStatus.DRAFT).order_by("-id")[:200]]


@router.get("/{round_id}", response=RoundDetailOut, summary="A round with its published awards")
def round_detail(request, round_id: int):
    round = get_object_or_404(Round.objects.exclude(status=RoundStatus.DRAFT), pk=round_id)
    return {**_round(round), "awards": [_award(a) for a in published_awards([round.pk])]}
