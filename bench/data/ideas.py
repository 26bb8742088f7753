"""Bench data for ideas: a V益案 call and many submitted ideas (size // 2: 500 at 1,000 projects,
50,000 at 100,000) spread over communities, categories and triage outcomes, with referrals."""

import datetime

from django.utils import timezone

BENCH_CALL = "基准测试·V益案"


def generate(*, size, rng, stdout) -> None:
    from core.clock import today
    from grants.ideas.models import Category, Idea, IdeaCall, IdeaStatus, Referral
    from places.models import Community

    call = IdeaCall.objects.filter(title=BENCH_CALL).first()
    if call is None:
        from wagtail.models import Page, Site

        site = Site.objects.filter(is_default_site=True).first()
        parent = site.root_page if site else Page.get_first_root_node()
        start = today() - datetime.timedelta(days=10)
        d = datetime.timedelta
        call = IdeaCall(
            title=BENCH_CALL,
            slug="bench-v-yi-an",
            collection_opens=start,
            collection_closes=start + d(days=60),
            triage_closes=start + d(days=70),
            vote_closes=start + d(days=80),
            roadshow_on=start + d(days=90),
            implementation_closes=start + d(days=200),
            showcase_on=start + d(days=220),
        )
        parent.add_child(instance=call)
        call.save_revision().publish()
    target = max(size // 2, 400)
    have = Idea.objects.filter(call=call).count()
    if have >= target:
        stdout.write(f"    ideas: bench data present ({have})")
        return
    communities = list(Community.objects.order_by("id")[:200])
    categories = [c.value for c in Category]
    statuses = [IdeaStatus.SUBMITTED, IdeaStatus.SMALL, IdeaStatus.MAJOR, IdeaStatus.PRIVATE, IdeaStatus.ADOPTED]
    now = timezone.now()
    batch = []
    for i in range(have, target):
        status = statuses[i % len(statuses)]
        batch.append(
            Idea(
                call=call,
                title=f"基准想法{i}",
                problem="楼道照明不足，夜间出行不便。" * 3,
                solution="更换感应灯并建立楼栋巡查机制。" * 3,
                category=categories[i % len(categories)],
                community=communities[i % len(communities)],
                status=status,
                submitted_at=now - datetime.timedelta(minutes=i),
                support_count=rng.randint(0, 200),
                responsible="" if status == IdeaStatus.SUBMITTED else "李社工",
                supervisor="" if status == IdeaStatus.SUBMITTED else "王书记",
            )
        )
        if len(batch) >= 2000:
            Idea.objects.bulk_create(batch)
            batch = []
    if batch:
        Idea.objects.bulk_create(batch)
    referrals = [
        Referral(
            idea=idea,
            department="区城市管理局",
            workdays=10,
            referred_on=today(),
            due_on=today() + datetime.timedelta(days=14),
        )
        for idea in Idea.objects.filter(call=call, status=IdeaStatus.MAJOR, referral__isnull=True).only("id")
    ]
    Referral.objects.bulk_create(referrals, batch_size=2000)
    stdout.write(f"    ideas: {target} ideas, {len(referrals)} referrals")
