"""Factories for training: cohorts, applications in any state, sessions and attendance."""

import datetime

import factory

from core.clock import now
from tests.factories import UserFactory, grant
from training.cohorts.models import (
    ApplicantBackground,
    ApplicationStatus,
    Assignment,
    Attendance,
    AttendanceSource,
    Capstone,
    Cohort,
    CohortQuestion,
    CohortStatus,
    ProgramKind,
    RubricCriterion,
    TraineeApplication,
    TrainingSession,
)


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    program = ProgramKind.SOCIAL_INNOVATION
    title = factory.Sequence(lambda n: f"社创营第{n}期")
    status = CohortStatus.APPLICATIONS_OPEN
    capacity = 3
    starts_on = factory.LazyFunction(lambda: (now() - datetime.timedelta(days=10)).date())
    ends_on = factory.LazyFunction(lambda: (now() + datetime.timedelta(days=60)).date())
    location = "南岸区社会组织孵化基地"


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CohortQuestion

    cohort = factory.SubFactory(CohortFactory)
    prompt = factory.Sequence(lambda n: f"问题{n}")
    kind = "long_text"
    sort_order = factory.Sequence(int)


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RubricCriterion

    cohort = factory.SubFactory(CohortFactory)
    name = factory.Sequence(lambda n: f"标准{n}")
    weight = 1
    max_score = 10
    sort_order = factory.Sequence(int)


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TraineeApplication

    cohort = factory.SubFactory(CohortFactory)
    applicant = factory.SubFactory(UserFactory)
    status = ApplicationStatus.SUBMITTED
    background = ApplicantBackground.COMMUNITY_WORKER
    submitted_at = factory.LazyFunction(now)


def enrolled(cohort, user=None) -> TraineeApplication:
    user = user or UserFactory()
    grant(user, "trainee")
    return ApplicationFactory(cohort=cohort, applicant=user, status=ApplicationStatus.ENROLLED)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingSession

    cohort = factory.SubFactory(CohortFactory)
    title = factory.Sequence(lambda n: f"第{n}课")
    starts_at = factory.LazyFunction(lambda: now() - datetime.timedelta(minutes=5))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    place = "孵化基地二楼"


def past_sessions(cohort, count: int, *, hours: int = 2):
    start = now() - datetime.timedelta(days=count + 1)
    return [
        SessionFactory(
            cohort=cohort,
            starts_at=start + datetime.timedelta(days=i),
            ends_at=start + datetime.timedelta(days=i, hours=hours),
        )
        for i in range(count)
    ]


def mark(session, user, status="present"):
    return Attendance.objects.create(
        session=session, trainee=user, status=status, source=AttendanceSource.TRAINER, marked_at=now()
    )


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    cohort = factory.SubFactory(CohortFactory)
    title = factory.Sequence(lambda n: f"作业{n}")
    due_at = factory.LazyFunction(lambda: now() + datetime.timedelta(days=3))
    rubric = [{"name": "问题分析", "max": 10}, {"name": "可行性", "max": 10}]
    pass_mark = 60


class CapstoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Capstone

    cohort = factory.SubFactory(CohortFactory)
    trainee = factory.SubFactory(UserFactory)
    title = "楼道微更新"
    problem = "老旧楼道照明不足"
    plan = "三个月内完成12栋楼道改造"
    budget_fen = 3_000_000
    status = "draft"
