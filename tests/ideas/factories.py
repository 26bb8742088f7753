"""Idea factories: a live V益案 call page collecting now, and ideas in any state."""

import datetime

from core.clock import now, today
from grants.ideas.models import Category, Idea, IdeaCall, IdeaStatus, IdeaStatusChange


def make_call(*, title="2026 V益案", communities=(), days_open=30, **dates) -> IdeaCall:
    from wagtail.models import Page, Site

    start = today() - datetime.timedelta(days=5)
    d = datetime.timedelta
    values = {
        "collection_opens": start,
        "collection_closes": start + d(days=days_open),
        "triage_closes": start + d(days=days_open + 20),
        "vote_closes": start + d(days=days_open + 40),
        "roadshow_on": start + d(days=days_open + 50),
        "implementation_closes": start + d(days=days_open + 200),
        "showcase_on": start + d(days=days_open + 220),
    }
    values.update(dates)
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_page if site else Page.get_first_root_node()
    page = IdeaCall(
        title=title,
        slug=f"call-{IdeaCall.objects.count() + 1}-{title.encode().hex()[:8]}",
        theme="微心愿 微改造",
        **values,
    )
    root.add_child(instance=page)
    page.save_revision().publish()
    if communities:
        page.communities.set(communities)
        page.save_revision().publish()
    return IdeaCall.objects.get(pk=page.pk)


def make_idea(community, *, author=None, status=IdeaStatus.SUBMITTED, call=None, title="楼道加装扶手", **extra) -> Idea:
    idea = Idea.objects.create(
        title=title,
        problem=extra.pop("problem", "老人上下楼不方便"),
        solution=extra.pop("solution", "在楼道两侧加装扶手"),
        category=extra.pop("category", Category.ELDERLY),
        community=community,
        submitted_by=author,
        call=call,
        status=status,
        submitted_at=None if status == IdeaStatus.DRAFT else now(),
        **extra,
    )
    IdeaStatusChange.objects.create(idea=idea, to_status=status)
    return idea
