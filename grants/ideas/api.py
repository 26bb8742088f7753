"""Open data: submitted ideas and calls, public fields only (never who proposed an idea)."""

from datetime import date, datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from .models import Idea, IdeaCall, IdeaStatus

router = Router(tags=["ideas"])


class IdeaOut(Schema):
    id: int
    call_id: int | None
    title: str
    problem: str
    solution: str
    category: str
    community_id: int
    community: str
    status: str
    support_count: int
    estimated_cost_fen: int | None
    submitted_at: datetime | None
    deadline: date | None
    referral_department: str | None
    referral_due_on: date | None
    referral_answered_on: date | None
    referral_answer: str | None

    @staticmethod
    def resolve_community(obj) -> str:
        return obj.community.name

    @staticmethod
    def _referral(obj):
        try:
            return obj.referral
        except Exception:
            return None

    @staticmethod
    def resolve_referral_department(obj):
        r = IdeaOut._referral(obj)
        return r.department if r else None

    @staticmethod
    def resolve_referral_due_on(obj):
        r = IdeaOut._referral(obj)
        return r.due_on if r else None

    @staticmethod
    def resolve_referral_answered_on(obj):
        r = IdeaOut._referral(obj)
        return r.answered_on if r else None

    @staticmethod
    def resolve_referral_answer(obj):
        r = IdeaOut._referral(obj)
        return r.answer if r and r.answered_on else None


class CallOut(Schema):
    id: int
    title: str
    theme: str
    phase: str
    collection_opens: date
    collection_closes: date
    showcase_on: date

    @staticmethod
    def resolve_phase(obj) -> str:
        return obj.current_phase()


def _ideas():
    return (
        Idea.objects.exclude(status=IdeaStatus.DRAFT)
        .select_related("community", "referral")
        .order_by("-submitted_at", "-id")
    )


@router.get("/", response=list[IdeaOut])
@paginate(LimitOffsetPagination)
def list_ideas(
    request,
    community: int | None = None,
    category: str | None = None,
    status: str | None = None,
    call: int | None = None,
):
    qs = _ideas()
    if community:
        qs = qs.filter(community_id=community)
    if category:
        qs = qs.filter(category=category)
    if status:
        qs = qs.filter(status=status)
    if call:
        qs = qs.filter(call_id=call)
    return qs


@router.get("/calls", response=list[CallOut])
def list_calls(request):
    return list(IdeaCall.objects.live().order_by("-collection_opens"))


@router.get("/{idea_id}", response=IdeaOut)
def idea(request, idea_id: int):
    return get_object_or_404(_ideas(), pk=idea_id)
