"""A full round in the demo data, run through the real services from call to confirmed awards.

2025 德育创投: 22 applications from the 13 organizations, 5 experts reviewing each, a roadshow
with 3 experts and 15 grassroots representatives (150 representative scores), a ranking, awards
within the pool, a public notice with an answered objection, then confirmed awards (for the
contracts demo). 2026 为老创投 stays open so applicants (and capstones) can draft.
"""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from accounts.models import Role, RoleKind, User
from core.demo_accounts import DEMO_PASSWORD
from organizations.models import Organization
from places.models import Community

from . import services
from .models import (
    Application,
    Award,
    Notice,
    RequiredDocument,
    Roadshow,
    Round,
    RoundStatus,
    RubricCriterion,
    ThemePartner,
)

DONE_ROUND = "2025年南岸区德育公益创投"
OPEN_ROUND = "2026年南岸区为老服务公益创投"
Y = 100
RUBRIC = [
    ("需求精准", "需求真实、有证据，回应社区痛点", 25),
    ("方案可行", "活动设计、进度安排合理", 25),
    ("团队能力", "团队专业、有同类经验", 20),
    ("预算合理", "预算与产出匹配、无虚高", 15),
    ("可持续性", "资源整合与居民参与", 15),
]
TOPICS = [
    "四点半课堂",
    "家风家训宣讲",
    "亲子共读",
    "青少年志愿服务",
    "校园心理陪伴",
    "红色研学",
    "劳动教育菜园",
    "网络素养课堂",
    "困境儿童关爱",
    "家庭教育讲堂",
    "传统文化进社区",
]


def _user(login, name, kind=None, **scope) -> User:
    user, created = User.objects.get_or_create(username=login, defaults={"full_name": name, "email": login})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    if kind:
        Role.objects.get_or_create(user=user, kind=kind, **scope)
    return user


def _rubric(round):
    for order, (name, description, weight) in enumerate(RUBRIC):
        RubricCriterion.objects.get_or_create(
            round=round, name=name, defaults={"description": description, "weight": Decimal(weight), "order": order}
        )


def _lines(amount_yuan: int, rng) -> list[dict]:
    personnel = amount_yuan * rng.choice([15, 20, 25]) // 100
    management = amount_yuan * 5 // 100
    materials = amount_yuan * 20 // 100
    activity = amount_yuan - personnel - management - materials
    rows = [
        ("personnel", "项目社工补贴", personnel),
        ("management", "项目管理费", management),
        ("materials", "活动物资", materials),
    ]
    lines = [
        {"category": c, "item": i, "unit_price_fen": v * Y, "quantity": 1, "subtotal_fen": v * Y} for c, i, v in rows
    ]
    sessions = 40
    unit = activity // sessions
    lines.append(
        {
            "category": "activity",
            "item": "主题活动（场次）",
            "unit_price_fen": unit * Y,
            "quantity": sessions,
            "subtotal_fen": unit * sessions * Y,
        }
    )
    rest = activity - unit * sessions
    if rest:
        lines.append(
            {
                "category": "publicity",
                "item": "宣传印刷",
                "unit_price_fen": rest * Y,
                "quantity": 1,
                "subtotal_fen": rest * Y,
            }
        )
    return lines


def _open_round(operator, now):
    round, created = Round.objects.get_or_create(
        title=OPEN_ROUND,
        defaults={
            "theme": "为老创投",
            "year": 2026,
            "budget_fen": 800_000 * Y,
            "min_amount_fen": 20_000 * Y,
            "max_amount_fen": 100_000 * Y,
            "allow_resident_teams": True,
            "micro_grant_cap_fen": 20_000 * Y,
            "opens_at": now - datetime.timedelta(days=5),
            "closes_at": now + datetime.timedelta(days=60),
            "summary": "面向社区老年人的助餐、探访、健康与文化服务项目。",
            "applications_per_org": 2,
        },
    )
    if created:
        _rubric(round)
        RequiredDocument.objects.create(round=round, title="登记证书或备案证明", order=1)
        RequiredDocument.objects.create(round=round, title="项目合作意向书", mandatory=False, order=2)
        services.round_move(actor=operator, round=round, target=RoundStatus.OPEN)
    return round


def _page(round, theme, intro):
    from cms.models import HomePage

    from .models import RoundPage

    home = HomePage.objects.first()
    if home is None or RoundPage.objects.filter(round=round).exists():
        return
    page = RoundPage(
        title=round.title,
        slug=f"round-{round.pk}",
        round=round,
        theme=theme,
        intro=intro,
        rules="<p>申报主体须为在南岸区登记或备案的社会组织；每个组织限报一个项目；人员与管理费合计不超过总预算的30%。</p>",
        timeline=[
            ("step", {"date": "第1—4周", "title": "项目申报", "text": "在线填写申报书并上传附件"}),
            ("step", {"date": "第5周", "title": "资格审查", "text": "自动核验与人工审查"}),
            ("step", {"date": "第6—7周", "title": "专家评审与路演", "text": "专家与基层代表现场打分"}),
            ("step", {"date": "第8周", "title": "结果公示", "text": "公示5个工作日"}),
        ],
        faq=[
            (
                "faq",
                {
                    "question": "居民团队可以申报吗？",
                    "answer": "<p>为老创投接受居民团队申报微创投项目，金额不超过2万元。</p>",
                },
            )
        ],
    )
    home.add_child(instance=page)
    page.save_revision().publish()


def seed(*, stdout) -> None:
    rng = random.Random(2025)
    now = timezone.now()
    operator = User.objects.get(username="operator@demo.yichuang.cn")
    open_round = _open_round(operator, now)
    _page(open_round, "为老创投", "让社区老人吃得好、有人陪、乐起来。")
    if Round.objects.filter(title=DONE_ROUND).exists():
        stdout.write(f"    {Application.objects.count()} applications, {Award.objects.count()} awards (already seeded)")
        return
    organizations = list(Organization.objects.order_by("id")[:13])
    communities = list(Community.objects.order_by("id")[:8])
    round = Round.objects.create(
        title=DONE_ROUND,
        theme="德育创投",
        year=2025,
        budget_fen=700_000 * Y,
        min_amount_fen=30_000 * Y,
        max_amount_fen=150_000 * Y,
        opens_at=now - datetime.timedelta(days=90),
        closes_at=now + datetime.timedelta(days=1),
        applications_per_org=2,
        summary="与辖区13所学校结对，开展德育主题公益服务。",
        weight_review=Decimal(40),
        weight_roadshow_expert=Decimal(30),
        weight_roadshow_rep=Decimal(30),
    )
    round.eligible_communities.set(communities)
    _rubric(round)
    for index in range(len(organizations)):
        ThemePartner.objects.create(
            round=round, name=f"南岸区第{index + 1}小学", kind="学校", contact=f"德育处{index + 1}"
        )
    services.round_move(actor=operator, round=round, target=RoundStatus.OPEN)
    applications = []
    for index in range(22):
        organization = organizations[index % 13]
        amount = rng.choice([60, 70, 80, 90, 100, 110, 120, 130]) * 1000
        application = services.application_create_draft(
            actor=operator,
            round=round,
            organization=organization,
            project_name=f"{TOPICS[index % len(TOPICS)]}·{organization.name[3:7]}{'二期' if index >= 13 else ''}",
            community=communities[index % len(communities)],
            need="社区青少年课后缺少陪伴与德育引导。",
            evidence="走访120户家庭、问卷回收300份。",
            target_group="6—14岁儿童青少年及其家长",
            beneficiaries=rng.randint(80, 600),
            activities="每周主题活动、学期末成果展示。",
            team="持证社工2名，志愿者15名。",
            budget_lines=_lines(amount, rng),
            milestones=[
                {"title": "启动", "due_on": datetime.date(2025, 9, 1)},
                {"title": "结项", "due_on": datetime.date(2026, 6, 30)},
            ],
            indicators=[
                {"name": "服务人次", "target": Decimal(2000), "unit": "人次"},
                {"name": "满意度", "target": Decimal(90), "unit": "%"},
            ],
        )
        services.application_submit(actor=operator, application=application)
        applications.append(application)
    Round.objects.filter(pk=round.pk).update(closes_at=now - datetime.timedelta(days=30))
    round.refresh_from_db()
    services.round_move(actor=operator, round=round, target=RoundStatus.CLOSED)
    for application in applications:
        services.application_screen(actor=operator, application=application, decision="accept", reason="资格审查通过。")
    experts = [User.objects.get(username="reviewer@demo.yichuang.cn")] + [
        _user(f"expert{n}@demo.yichuang.cn", name, RoleKind.REVIEWER)
        for n, name in zip(range(2, 6), ["钱教授", "孙督导", "李研究员", "周律师"], strict=True)
    ]
    criteria = list(round.criteria.all())
    quality = {a.pk: rng.uniform(0.55, 0.95) for a in applications}
    for application in applications:
        for expert in experts:
            assignment = services.review_assign(actor=operator, application=application, reviewer=expert)
            scores = {
                c.pk: (max(0, min(10, round_half(quality[application.pk] * 10 + rng.uniform(-1.5, 1.5)))), "")
                for c in criteria
            }
            services.review_submit(
                actor=expert, assignment=assignment, scores=scores, comment="设计清晰，建议细化评估指标。"
            )
    ranked = sorted(applications, key=lambda a: -quality[a.pk])
    for position, application in enumerate(ranked):
        services.application_shortlist(actor=operator, application=application, shortlisted=position < 10)
    shortlisted = list(Application.objects.filter(pk__in=[a.pk for a in ranked[:10]]).order_by("id"))
    roadshow = Roadshow.objects.create(
        round=round, held_at=now - datetime.timedelta(days=20), venue="南岸区社区治理创新中心路演厅"
    )
    services.roadshow_set_open(actor=operator, roadshow=roadshow, is_open=True)
    for expert in experts[:3]:
        services.roadshow_scorer_add(actor=operator, roadshow=roadshow, user=expert, kind="expert")
    reps = [_user(f"rep{n:02d}@demo.yichuang.cn", f"基层代表{n}", RoleKind.RESIDENT) for n in range(1, 16)]
    for rep in reps:
        services.roadshow_scorer_add(actor=operator, roadshow=roadshow, user=rep, kind="representative")
    for team in shortlisted:
        for scorer in experts[:3] + reps:
            value = max(0, min(100, int(quality[team.pk] * 100 + rng.uniform(-8, 8))))
            services.roadshow_score_submit(actor=scorer, roadshow=roadshow, application=team, score=value)
    services.roadshow_set_open(actor=operator, roadshow=roadshow, is_open=False)
    services.round_rank(actor=operator, round=round)
    notice = services.notice_publish(actor=operator, round=round, text="以下项目拟获资助，现予公示。")
    resident = User.objects.get(username="13800000001")
    award = Award.objects.filter(application__round=round).order_by("rank").first()
    objection = services.objection_submit(
        actor=resident,
        notice=notice,
        award=award,
        real_name=resident.full_name or "王秀英",
        phone="13800000001",
        text="该项目活动场地是否已落实？请核实。",
    )
    services.objection_answer(
        actor=operator,
        objection=objection,
        upheld=False,
        answer="经核实，项目已与结对学校签订场地使用协议，异议不成立。",
    )
    # The objection period of this round lies in the past: it ran before the demo's "today".
    Notice.objects.filter(pk=notice.pk).update(
        published_on=notice.published_on - datetime.timedelta(days=20),
        ends_on=notice.published_on - datetime.timedelta(days=10),
    )
    services.notice_confirm(actor=operator, round=round)
    _page(round, "德育创投", "13所学校结对，德育项目公开比选。")
    stdout.write(
        f"    {Application.objects.filter(round=round).count()} applications, "
        f"{Award.objects.filter(status='confirmed').count()} confirmed awards"
    )


def round_half(value: float) -> int:
    return int(Decimal(str(value)).quantize(Decimal(1)))
