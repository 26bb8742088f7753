"""Demo data: program pages, a completed 社创营 cohort with certificates, a running 青创营 cohort
with sessions and attendance, a 社创营 cohort open for applications, and a study-club series.

Idempotent: each cohort is made once (found by title). Dates are relative to the day of seeding,
so the running cohort always has a session on now and the QR check-in can be tried at once.
"""

import datetime
import random

from accounts.models import Role, RoleKind, User
from core.clock import now
from core.demo_accounts import DEMO_PASSWORD
from organizations.models import Organization

from . import services
from .models import (
    ApplicationStatus,
    Assignment,
    Attendance,
    AttendanceSource,
    Capstone,
    Cohort,
    CohortQuestion,
    CohortStatus,
    FeedbackResponse,
    MentorAssignment,
    ProgramKind,
    ProgramPage,
    RubricCriterion,
    SessionEnrolment,
    SessionMaterial,
    SessionNote,
    SocialWorkerProfile,
    Submission,
    Team,
    TraineeApplication,
    TrainingSession,
)

COMPLETED = "社创营 2026 春季班"
RUNNING = "青创营 2026 秋季班"
OPEN = "社创营 2027 春季班"
CLUB = "研学社 · 社区营造实践分享"

PAGES = [
    (
        ProgramKind.SOCIAL_INNOVATION,
        "社创营",
        "social-innovation-camp",
        "面向社区工作者的社会创新训练营",
        "<p>以“政府资金支持、社工人才培养、社创项目投放”为路径，帮助社区工作者把居民需求转化为可执行的公益项目。</p>",
        "<p>在职社区工作者（社区“两委”成员、网格员、公益站社工）。</p>",
    ),
    (
        ProgramKind.YOUTH_INNOVATION,
        "青创营",
        "youth-innovation-camp",
        "社工专业毕业生与公益团队带头人的创业辅导",
        "<p>导师一对一陪伴，从需求调研、项目设计到路演，结业项目可直接转为公益创投申报。</p>",
        "<p>社会工作专业毕业生、公益团队带头人，以及 35 周岁以下有志创办公益项目的青年。</p>",
    ),
    (
        ProgramKind.STUDY_CLUB,
        "研学社",
        "study-club",
        "社会组织之间的实践分享",
        "<p>每期由一家社会组织做东，分享一线做法，开放报名，满额即止。</p>",
        "<p>所有社会组织成员与社区工作者。</p>",
    ),
]


def _user(login: str, name: str) -> User:
    user, created = User.objects.get_or_create(username=login, defaults={"full_name": name, "email": login})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
        Role.objects.get_or_create(user=user, kind=RoleKind.RESIDENT)
    return user


def _pages(stdout) -> None:
    from cms.models import HomePage

    home = HomePage.objects.first()
    if home is None:
        return
    for kind, title, slug, intro, body, eligibility in PAGES:
        if ProgramPage.objects.filter(program=kind).exists():
            continue
        page = ProgramPage(title=title, slug=slug, program=kind, intro=intro, body=body, eligibility=eligibility)
        home.add_child(instance=page)
        page.save_revision().publish()


def _at(day_offset: int, hour: int, minute: int = 0) -> datetime.datetime:
    local = now().astimezone(datetime.timezone(datetime.timedelta(hours=8)))
    day = (local + datetime.timedelta(days=day_offset)).replace(hour=hour, minute=minute, second=0, microsecond=0)
    return day


def _cohort(title: str, **fields) -> tuple[Cohort, bool]:
    existing = Cohort.objects.filter(title=title).first()
    if existing:
        return existing, False
    cohort = Cohort(title=title, status=CohortStatus.DRAFT, **fields)
    cohort.full_clean()
    cohort.save()
    return cohort, True


def _walk(cohort: Cohort, actor, *targets: str) -> None:
    for target in targets:
        services.cohort_transition(actor=actor, cohort=cohort, target=target)
    cohort.refresh_from_db()


def _enrol(cohort: Cohort, users, background="community_worker") -> None:
    for user in users:
        TraineeApplication.objects.get_or_create(
            cohort=cohort,
            applicant=user,
            defaults={
                "status": ApplicationStatus.ENROLLED,
                "background": background,
                "submitted_at": now(),
                "decided_at": now(),
                "responded_at": now(),
            },
        )
        Role.objects.get_or_create(user=user, kind=RoleKind.TRAINEE)


def _sessions(cohort, trainer, specs, place="南岸区社会组织孵化基地 2 楼"):
    out = []
    for title, starts, hours in specs:
        out.append(
            TrainingSession.objects.create(
                cohort=cohort,
                title=title,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=hours),
                place=place,
                trainer=trainer,
                description=f"{title}：讲授、案例研讨与小组练习。",
            )
        )
    return out


def _attendance(sessions, trainees, rng, *, marked_by, absent_rate=0.08):
    rows = []
    for session in sessions:
        for trainee in trainees:
            roll = rng.random()
            status = "absent" if roll < absent_rate else "late" if roll < absent_rate + 0.08 else "present"
            rows.append(
                Attendance(
                    session=session,
                    trainee=trainee,
                    status=status,
                    source=AttendanceSource.TRAINER,
                    marked_by=marked_by,
                    marked_at=session.starts_at,
                )
            )
    Attendance.objects.bulk_create(rows, ignore_conflicts=True)


def _completed(operator, mentor, trainee, cohort_people, rng, stdout) -> None:
    cohort, created = _cohort(
        COMPLETED,
        program=ProgramKind.SOCIAL_INNOVATION,
        capacity=30,
        location="南岸区社会组织孵化基地",
        starts_on=(now() - datetime.timedelta(days=150)).date(),
        ends_on=(now() - datetime.timedelta(days=95)).date(),
        summary="第一期社创营：社区需求调研、项目设计、资源链接与路演，结业项目进入公益创投。",
    )
    if not created:
        return
    _walk(cohort, operator, CohortStatus.APPLICATIONS_OPEN, CohortStatus.SELECTION, CohortStatus.RUNNING)
    people = [trainee, *cohort_people[:9]]
    _enrol(cohort, people)
    titles = [
        "社区需求调研方法",
        "三事分流与议事协商",
        "公益项目设计",
        "预算与项目管理",
        "资源链接与志愿者",
        "结业路演",
    ]
    sessions = _sessions(cohort, mentor, [(t, _at(-150 + i * 10, 9), 3) for i, t in enumerate(titles)])
    _attendance(sessions, people, rng, marked_by=mentor, absent_rate=0.03)
    Attendance.objects.filter(session__cohort=cohort, trainee=trainee).update(status="present")
    assignment = Assignment.objects.create(
        cohort=cohort,
        title="社区需求调研报告",
        due_at=_at(-120, 23, 59),
        rubric=[{"name": "问题分析", "max": 10}, {"name": "方法", "max": 10}],
    )
    for person in people:
        Submission.objects.create(
            assignment=assignment,
            trainee=person,
            body="对所在社区 300 户居民的入户调研。",
            submitted_at=_at(-121, 20),
            scores=[8, 8],
            score_total=16,
            passed=True,
            graded_by=mentor,
            graded_at=_at(-118, 10),
        )
        Capstone.objects.create(
            cohort=cohort,
            trainee=person,
            title=f"{person.display_name}的社区微项目",
            problem="老旧小区公共空间缺乏管理",
            plan="议事会协商 + 志愿者认领 + 月度公示",
            budget_fen=rng.choice([2, 3, 5]) * 1_000_000,
            status="accepted",
            submitted_at=_at(-100, 10),
            decided_at=_at(-97, 10),
            decided_by=operator,
        )
    SocialWorkerProfile.objects.get_or_create(
        user=trainee,
        defaults={
            "level": "assistant",
            "registration_number": "CQ-ZL-2024-0168",
            "registered_on": (now() - datetime.timedelta(days=600)).date(),
        },
    )
    issued, skipped = services.certificates_issue_for_cohort(actor=operator, cohort=cohort)
    for person in people[:6]:
        FeedbackResponse.objects.get_or_create(
            cohort=cohort,
            trainee=person,
            defaults={
                "overall": rng.choice([4, 5]),
                "usefulness": rng.choice([4, 5]),
                "comments": "案例很接地气，回去就能用。",
            },
        )
    _walk(cohort, operator, CohortStatus.COMPLETED)
    stdout.write(f"    {COMPLETED}: {len(issued)} certificates ({len(skipped)} not complete)")


def _running(operator, mentor, trainee, cohort_people, rng, stdout) -> None:
    cohort, created = _cohort(
        RUNNING,
        program=ProgramKind.YOUTH_INNOVATION,
        capacity=20,
        max_age=35,
        location="南岸区青年公益创业空间",
        starts_on=(now() - datetime.timedelta(days=30)).date(),
        ends_on=(now() + datetime.timedelta(days=40)).date(),
        summary="面向社工专业毕业生与公益团队带头人：导师陪伴、作业打磨、结业项目转创投申报。",
    )
    if not created:
        return
    _walk(cohort, operator, CohortStatus.APPLICATIONS_OPEN, CohortStatus.SELECTION, CohortStatus.RUNNING)
    people = [trainee, *cohort_people[9:16]]
    _enrol(cohort, people, background="social_work_graduate")
    team = Team.objects.create(cohort=cohort, name="长者食堂小队")
    TraineeApplication.objects.filter(cohort=cohort, applicant__in=people[:3]).update(team=team)
    specs = [
        (t, _at(-28 + i * 7, 14), 3) for i, t in enumerate(["公益创业导论", "需求调研", "项目设计工作坊", "筹资与创投"])
    ]
    moment = now()
    specs.append(("导师面对面（今天）", moment - datetime.timedelta(minutes=10), 2))
    specs += [(t, _at(7 + i * 7, 14), 3) for i, t in enumerate(["财务与合规", "路演训练", "结业路演"])]
    sessions = _sessions(cohort, mentor, specs, place="南岸区青年公益创业空间")
    _attendance(sessions[:4], people, rng, marked_by=mentor, absent_rate=0.12)
    # One trainee has missed two of four: flagged on the roll and warned.
    Attendance.objects.filter(session__in=sessions[:2], trainee=people[-1]).update(status="absent")
    MentorAssignment.objects.get_or_create(cohort=cohort, mentor=mentor, trainee=trainee)
    MentorAssignment.objects.get_or_create(cohort=cohort, mentor=mentor, team=team)
    Assignment.objects.create(
        cohort=cohort,
        title="项目计划书初稿",
        due_at=_at(10, 23, 59),
        brief="用一页纸说明：要解决的问题、服务对象、三个月的行动计划与预算。",
        rubric=[{"name": "需求分析", "max": 10}, {"name": "可行性", "max": 10}, {"name": "预算", "max": 5}],
    )
    services.attendance_warn_at_risk(cohort=cohort)
    stdout.write(f"    {RUNNING}: {len(sessions)} sessions, {len(people)} trainees")


def _open(operator, reviewer, cohort_people, rng, stdout) -> None:
    cohort, created = _cohort(
        OPEN,
        program=ProgramKind.SOCIAL_INNOVATION,
        capacity=25,
        location="南岸区社会组织孵化基地",
        starts_on=(now() + datetime.timedelta(days=45)).date(),
        ends_on=(now() + datetime.timedelta(days=120)).date(),
        applications_close_at=now() + datetime.timedelta(days=20),
        summary="第二期社创营招募中：面向在职社区工作者，共 8 次课、导师陪伴与结业路演。",
    )
    if not created:
        return
    questions = [
        ("你在社区工作几年了？", "number", ""),
        ("你所在社区最想解决的一件小事是什么？", "long_text", ""),
        ("能否保证每次课程都到场？", "yes_no", ""),
        ("你的岗位", "choice", "社区“两委”成员\n网格员\n公益站社工\n其他"),
    ]
    for order, (prompt, kind, choices) in enumerate(questions):
        CohortQuestion.objects.create(cohort=cohort, prompt=prompt, kind=kind, choices=choices, sort_order=order)
    for order, (name, weight) in enumerate([("问题意识", 2), ("社区基础", 1), ("投入程度", 1)]):
        RubricCriterion.objects.create(cohort=cohort, name=name, weight=weight, max_score=10, sort_order=order)
    _walk(cohort, operator, CohortStatus.APPLICATIONS_OPEN)
    q = {question.prompt: str(question.pk) for question in cohort.questions.all()}
    for person in cohort_people[16:20]:
        application = services.application_save(
            actor=person,
            cohort=cohort,
            background="community_worker",
            submit=True,
            answers={
                q["你在社区工作几年了？"]: str(rng.randint(1, 12)),
                q["你所在社区最想解决的一件小事是什么？"]: "楼道堆物与消防通道",
                q["能否保证每次课程都到场？"]: "yes",
                q["你的岗位"]: "网格员",
            },
        )
        services.application_review_save(
            reviewer=reviewer,
            application=application,
            scores={str(c.pk): rng.randint(5, 10) for c in cohort.criteria.all()},
            comment="基础扎实",
        )
    stdout.write(f"    {OPEN}: open for applications, {cohort.applications.count()} submitted")


def _club(operator, cohort_people, stdout) -> None:
    cohort, created = _cohort(
        CLUB,
        program=ProgramKind.STUDY_CLUB,
        capacity=40,
        starts_on=(now() - datetime.timedelta(days=14)).date(),
        ends_on=(now() + datetime.timedelta(days=60)).date(),
        summary="每月一期，由一家社会组织做东分享一线做法，开放报名。",
    )
    if not created:
        return
    _walk(cohort, operator, CohortStatus.APPLICATIONS_OPEN, CohortStatus.RUNNING)
    hosts = list(Organization.objects.order_by("id")[:3])
    topics = ["院落“131”治理模式实践", "V益案：300 条居民提案怎么来", "社区公益站的志愿者激励"]
    for index, topic in enumerate(topics):
        session = TrainingSession.objects.create(
            cohort=cohort,
            title=topic,
            starts_at=_at(-14 + index * 21, 14, 30),
            ends_at=_at(-14 + index * 21, 17),
            place=f"{hosts[index % len(hosts)].name if hosts else '孵化基地'}",
            host_organization=hosts[index % len(hosts)] if hosts else None,
            capacity=30,
            trainer_name="做东机构负责人",
        )
        for person in cohort_people[index * 4 : index * 4 + 8]:
            SessionEnrolment.objects.get_or_create(session=session, user=person)
        if index == 0:
            SessionNote.objects.create(
                session=session,
                author=cohort_people[0],
                body="议事会决定“做不做”，业委会决定“怎么做”，监委会全程公示。",
            )
            SessionMaterial.objects.create(
                session=session, title="分享课件（链接）", url="https://example.org/131", added_by=operator
            )
    stdout.write(f"    {CLUB}: {len(topics)} sessions")


def seed(*, stdout) -> None:
    rng = random.Random(20260)
    _pages(stdout)
    operator = User.objects.filter(username="operator@demo.yichuang.cn").first()
    trainee = User.objects.filter(username="trainee@demo.yichuang.cn").first()
    mentor = User.objects.filter(username="mentor@demo.yichuang.cn").first()
    reviewer = User.objects.filter(username="reviewer@demo.yichuang.cn").first()
    if not (operator and trainee and mentor and reviewer):
        stdout.write("    training: demo accounts missing, skipped")
        return
    names = "王晓燕 刘建华 陈思远 杨丽 赵海波 黄文静 周子涵 吴佳怡 徐明 孙婷 马俊杰 朱琳 胡磊 郭晨 林小雨 何志强 高敏 罗浩 梁静 宋雨桐".split()
    people = [_user(f"trainee{i + 1:02d}@demo.yichuang.cn", name) for i, name in enumerate(names)]
    _completed(operator, mentor, trainee, people, rng, stdout)
    _running(operator, mentor, trainee, people, rng, stdout)
    _open(operator, reviewer, people, rng, stdout)
    _club(operator, people, stdout)
