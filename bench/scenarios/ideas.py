"""Ideas: the public idea board with a filter, an idea page, and a worker's triage queue."""

from . import Page


def _call():
    from grants.ideas.models import IdeaCall

    return IdeaCall.objects.live().filter(title="基准测试·V益案").first() or IdeaCall.objects.live().first()


def _board(ctx) -> str:
    from places.models import Community

    call = _call()
    community = Community.objects.order_by("id").first()
    base = f"/ideas/call/{call.pk}/" if call else "/ideas/"
    return f"{base}?community={community.pk}&category=safety&sort=supported"


def _idea(ctx) -> str:
    from grants.ideas.models import Idea

    idea = Idea.objects.filter(status="major").order_by("-id").first() or Idea.objects.exclude(status="draft").first()
    return f"/ideas/{idea.pk}/"


SCENARIOS = [
    Page("ideas_board_filtered", _board, scaling=True, kind="public"),
    Page("ideas_idea_page", _idea, scaling=True, kind="public"),
    Page("ideas_triage_queue", lambda ctx: "/ideas/queue/", role="community_worker", kind="list"),
]
