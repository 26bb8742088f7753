"""Ideas: every view against every role. Objects come from `setup` below."""

from . import ALL_ROLES, SIGNED_IN, Case

WORKERS = frozenset({"community_worker", "centre_operator"})
NOBODY = frozenset()


def setup(ctx):
    from django.utils import timezone

    from grants.ideas.models import IdeaStatus
    from grants.ideas.services import idea_refer
    from tests.factories import ResidentFactory
    from tests.ideas.factories import make_call, make_idea

    call = make_call(communities=[ctx["community"]])
    ctx["call"] = call
    author = ResidentFactory()
    ctx["idea"] = make_idea(ctx["community"], author=author, call=call, title="矩阵想法")
    ctx["draft"] = make_idea(ctx["community"], author=author, call=call, status=IdeaStatus.DRAFT, title="矩阵草稿")
    major = make_idea(ctx["community"], author=author, call=call, title="矩阵大事")
    worker = ctx["make_user"]("community_worker")
    ctx["referral"] = idea_refer(
        actor=worker, idea=major, department="区住建委", workdays=5, responsible="李", supervisor="王"
    )
    ctx["closed"] = make_idea(
        ctx["community"],
        author=author,
        call=call,
        status=IdeaStatus.PRIVATE,
        title="矩阵私事",
        closed_at=timezone.now(),
    )


IDEA = lambda ctx: {"pk": ctx["idea"].pk}  # noqa: E731
D = lambda ctx: {"pk": ctx["draft"].pk}  # noqa: E731

CASES = [
    Case("ideas:board", ALL_ROLES),
    Case("ideas:call_board", ALL_ROLES, kwargs=lambda ctx: {"call_pk": ctx["call"].pk}),
    Case("ideas:detail", ALL_ROLES, kwargs=IDEA),
    # someone else's draft is not there for anybody but its author
    Case("ideas:detail", NOBODY, kwargs=D),
    Case("ideas:new", SIGNED_IN),
    Case("ideas:mine", SIGNED_IN),
    Case("ideas:edit", NOBODY, kwargs=D),
    Case("ideas:submit", NOBODY, kwargs=D, method="post"),
    Case("ideas:support", SIGNED_IN, kwargs=IDEA, method="post"),
    Case("ideas:unsupport", SIGNED_IN, kwargs=IDEA, method="post"),
    Case("ideas:feedback", NOBODY, kwargs=lambda ctx: {"pk": ctx["closed"].pk}, method="post"),
    Case("ideas:queue", WORKERS),
    Case("ideas:enter", WORKERS),
    Case("ideas:event_new", WORKERS),
    Case("ideas:triage", WORKERS, kwargs=IDEA),
    Case("ideas:close", WORKERS, kwargs=IDEA, method="post"),
    Case("ideas:adopt", WORKERS, kwargs=IDEA, method="post"),
    Case("ideas:answer", WORKERS, kwargs=lambda ctx: {"pk": ctx["referral"].pk}, method="post"),
]
