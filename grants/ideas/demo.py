"""Demo V益案: one call with 13 stations, 23 outreach events and 300+ ideas in every outcome."""

import datetime
import random

from django.utils import timezone

from accounts.models import User
from core.clock import today
from core.pagecache import invalidate_on_commit
from core.workdays import add_workdays
from organizations.models import Station
from places.models import Community, Compound

from .models import Category, Idea, IdeaCall, IdeaStatus, IdeaStatusChange, OutreachEvent, Referral

CALL_TITLE = "2026年南岸区V益案·社区微心愿征集"
IDEAS = {
    Category.SURROUNDINGS: [
        ("楼道堆物清理", "楼道杂物堆积，存在消防隐患", "组织居民志愿者集中清理并设立公约"),
        ("小区绿地改造口袋公园", "闲置绿地杂草丛生", "改造为带座椅的口袋公园"),
        ("加装雨棚", "单元门口下雨湿滑", "在单元门口加装雨棚和防滑垫"),
    ],
    Category.NEIGHBOURS: [
        ("邻里百家宴", "新老居民互不认识", "每季度举办一次院坝百家宴"),
        ("楼栋议事角", "楼栋事务无处商量", "在架空层设议事角定期开会"),
    ],
    Category.VULNERABLE: [
        ("困境儿童课后陪伴", "双职工家庭孩子放学无人照看", "社工与志愿者开展四点半课堂"),
        ("独居老人爱心探访", "独居老人突发情况无人知晓", "组建结对探访队每周上门"),
    ],
    Category.ELDERLY: [
        ("楼道加装扶手", "老人上下楼困难", "在老旧楼栋楼道加装扶手"),
        ("老年助餐点", "高龄老人做饭不便", "与社区食堂合作开设助餐点"),
    ],
    Category.CULTURE: [
        ("社区读书角", "孩子缺少阅读空间", "在活动室设立共享书架"),
        ("川剧坝坝戏", "老人文化生活单调", "每月一场坝坝戏"),
    ],
    Category.SAFETY: [
        ("背街小巷路灯", "夜间小巷太黑不安全", "增设太阳能路灯"),
        ("电动车集中充电", "电动车进楼充电有火灾风险", "建设集中充电棚"),
    ],
    Category.OTHER: [("快递代收点", "快递丢件多", "设立志愿者值守的代收点")],
}
DEPARTMENTS = ["区住房城乡建委", "区城市管理局", "区民政局", "区交通局", "区市场监管局"]
OUTCOMES = (
    [IdeaStatus.SUBMITTED] * 5
    + [IdeaStatus.MAJOR] * 4
    + [IdeaStatus.SMALL] * 6
    + [IdeaStatus.ADOPTED] * 2
    + [IdeaStatus.PRIVATE] * 3
    + [IdeaStatus.MERGED]
    + [IdeaStatus.REJECTED]
)
PLACES = ["院坝", "社区广场", "党群服务中心", "小区门口", "楼栋架空层"]


def _call(stations, communities) -> IdeaCall:
    from cms.models import HomePage

    existing = IdeaCall.objects.filter(title=CALL_TITLE).first()
    if existing:
        return existing
    start = today() - datetime.timedelta(days=40)
    d = datetime.timedelta
    page = IdeaCall(
        title=CALL_TITLE,
        slug="v-yi-an-2026",
        theme="微心愿·微改造·微服务",
        intro="你的一个金点子，可能就是社区的下一个公益项目。",
        rules="<p>提案须为公共事务；由社区工作者按“三事分流”分为大事、小事、私事；小事可由居民一户一票决定并由社会组织或居民团队认领实施。</p>",
        body="<p>13个社区公益站将走进院坝、广场和楼栋收集居民的想法。</p>",
        collection_opens=start,
        collection_closes=start + d(days=60),
        triage_closes=start + d(days=75),
        vote_closes=start + d(days=90),
        roadshow_on=start + d(days=100),
        implementation_closes=start + d(days=280),
        showcase_on=start + d(days=300),
    )
    home = HomePage.objects.first()
    if home is None:
        from wagtail.models import Page

        home = Page.get_first_root_node()
    home.add_child(instance=page)
    page.communities.set(communities)
    page.stations.set(stations)
    page.save_revision().publish()
    return IdeaCall.objects.get(pk=page.pk)


def _stations(communities) -> list:
    stations = list(Station.objects.order_by("id")[:13])
    for index in range(len(stations), 13):
        community = communities[index % len(communities)]
        station, _ = Station.objects.get_or_create(
            name=f"{community.name}公益站{index + 1}", defaults={"community": community}
        )
        stations.append(station)
    return stations


def seed(*, stdout) -> None:
    rng = random.Random(3)
    communities = list(Community.objects.order_by("id")[:13])
    if not communities:
        stdout.write("    no communities: run the places demo first")
        return
    stations = _stations(communities)
    call = _call(stations, communities)
    if Idea.objects.filter(call=call).count() >= 300:
        stdout.write(
            f"    {Idea.objects.count()} ideas, {OutreachEvent.objects.count()} outreach events (already seeded)"
        )
        return
    worker = User.objects.filter(username="worker@demo.yichuang.cn").first()
    resident = User.objects.filter(username="13800000001").first()
    start = call.collection_opens
    if not OutreachEvent.objects.filter(call=call).exists():
        OutreachEvent.objects.bulk_create(
            [
                OutreachEvent(
                    call=call,
                    station=stations[i % 13],
                    held_on=start + datetime.timedelta(days=2 * i),
                    place=f"{stations[i % 13].community.name}{PLACES[i % len(PLACES)]}",
                    attendance=rng.randint(20, 120),
                    ideas_collected=rng.randint(5, 25),
                    recorded_by=worker,
                )
                for i in range(23)
            ]
        )
    compounds = {}
    for compound in Compound.objects.filter(community__in=communities):
        compounds.setdefault(compound.community_id, []).append(compound)
    catalogue = [(category, item) for category, items in IDEAS.items() for item in items]
    now = timezone.now()
    ideas = []
    for index in range(320):
        category, (title, problem, solution) = catalogue[index % len(catalogue)]
        community = communities[index % len(communities)]
        status = OUTCOMES[index % len(OUTCOMES)]
        submitted_at = now - datetime.timedelta(days=rng.randint(1, 38), hours=rng.randint(0, 23))
        paper = index % 3 == 0
        idea = Idea(
            call=call,
            title=f"{title}（{community.name}）",
            problem=problem,
            solution=solution,
            category=category,
            community=community,
            compound=rng.choice(compounds.get(community.pk, [None])),
            estimated_cost_fen=rng.choice([None, 50_000, 200_000, 800_000, 3_000_000]),
            offers_time=rng.choice(["", "每周六上午", "工作日晚上"]),
            offers_skills=rng.choice(["", "电工", "组织活动", "书法"]),
            submitted_by=resident if index % 40 == 1 else None,
            entered_by=worker if paper else None,
            on_behalf_of=f"{rng.choice('王李张刘陈杨')}阿姨" if paper else "",
            status=status,
            submitted_at=submitted_at,
            support_count=rng.randint(0, 60),
        )
        if status != IdeaStatus.SUBMITTED:
            idea.triaged_by, idea.triaged_at = worker, submitted_at + datetime.timedelta(days=3)
            idea.responsible, idea.supervisor = "李社工", f"{community.name}党委书记"
        if status == IdeaStatus.PRIVATE:
            idea.guidance = "属于个人事务，可联系物业服务中心或社区家政服务热线。"
            idea.closed_at = idea.triaged_at
            idea.deadline = idea.triaged_at.date()
            idea.satisfied = rng.choice([True, True, True, False, None])
        elif status in (IdeaStatus.SMALL, IdeaStatus.ADOPTED):
            idea.deadline = add_workdays(idea.triaged_at.date(), 20)
        elif status == IdeaStatus.REJECTED:
            idea.decision_reason = "超出社区公益范围，建议通过12345热线反映。"
        ideas.append(idea)
    intended = [idea.status for idea in ideas]
    for idea in ideas:
        if idea.status == IdeaStatus.MERGED:  # the target exists only after the insert
            idea.status = IdeaStatus.SUBMITTED
    Idea.objects.bulk_create(ideas)
    ideas = list(Idea.objects.filter(call=call).order_by("id"))
    for idea, status in zip(ideas, intended, strict=False):
        idea.status = status
    by_community = {}
    history, referrals = [], []
    for idea in ideas:
        history.append(IdeaStatusChange(idea=idea, to_status=IdeaStatus.SUBMITTED, actor=idea.entered_by))
        if idea.status == IdeaStatus.MERGED:
            idea.merged_into = by_community.get(idea.community_id)
            if idea.merged_into is None:
                idea.status, idea.decision_reason = IdeaStatus.REJECTED, "重复提交。"
        if idea.status not in (IdeaStatus.SUBMITTED, IdeaStatus.DRAFT):
            history.append(
                IdeaStatusChange(idea=idea, from_status=IdeaStatus.SUBMITTED, to_status=idea.status, actor=worker)
            )
        if idea.status == IdeaStatus.MAJOR:
            referred_on = idea.triaged_at.date()
            due_on = add_workdays(referred_on, 10)
            answered = rng.random() < 0.6
            answered_on = referred_on + datetime.timedelta(days=rng.randint(3, 20)) if answered else None
            if answered_on and answered_on > today():
                answered_on = today()
            referrals.append(
                Referral(
                    idea=idea,
                    department=rng.choice(DEPARTMENTS),
                    workdays=10,
                    referred_on=referred_on,
                    due_on=due_on,
                    referred_by=worker,
                    answer="已现场查看，纳入年度整治计划。" if answered else "",
                    answered_on=answered_on,
                    answer_recorded_by=worker if answered else None,
                )
            )
            idea.deadline = due_on
        if idea.status in (IdeaStatus.SMALL, IdeaStatus.SUBMITTED):
            by_community.setdefault(idea.community_id, idea)
    Idea.objects.bulk_update(ideas, ["merged_into", "deadline", "status", "decision_reason"])
    IdeaStatusChange.objects.bulk_create(history)
    Referral.objects.bulk_create(referrals)
    invalidate_on_commit()
    stdout.write(
        f"    {len(ideas)} ideas, {OutreachEvent.objects.filter(call=call).count()} outreach events, "
        f"{len(stations)} stations, {len(referrals)} referrals"
    )
