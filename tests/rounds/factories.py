"""Rounds, applications and their parts, ready for each stage of the workflow."""

import datetime
from decimal import Decimal

from django.utils import timezone

from accounts.models import RoleKind
from grants.rounds import services
from grants.rounds.models import (
    Application,
    ApplicationStatus,
    BudgetLine,
    Indicator,
    Milestone,
    Round,
    RoundStatus,
    RubricCriterion,
)
from tests.factories import OrganizationFactory, UserFactory, grant

YUAN = 100


def make_round(**overrides) -> Round:
    now = timezone.now()
    fields = {
        "title": "2026 德育创投",
        "theme": "德育创投",
        "year": 2026,
        "budget_fen": 300_000 * YUAN,
        "min_amount_fen": 10_000 * YUAN,
        "max_amount_fen": 100_000 * YUAN,
        "status": RoundStatus.OPEN,
        "opens_at": now - datetime.timedelta(days=10),
        "closes_at": now + datetime.timedelta(days=10),
    }
    fields.update(overrides)
    round = Round.objects.create(**fields)
    RubricCriterion.objects.create(round=round, name="需求与成效", weight=Decimal(60), max_score=10, order=1)
    RubricCriterion.objects.create(round=round, name="预算合理性", weight=Decimal(40), max_score=10, order=2)
    return round


def budget(amount_yuan: int) -> list[dict]:
    """A valid table: 20% personnel, the rest activities."""
    personnel = amount_yuan // 5
    return [
        {
            "category": "personnel",
            "item": "社工补贴",
            "unit_price_fen": personnel * YUAN,
            "quantity": 1,
            "subtotal_fen": personnel * YUAN,
        },
        {
            "category": "activity",
            "item": "活动物料",
            "unit_price_fen": (amount_yuan - personnel) * YUAN,
            "quantity": 1,
            "subtotal_fen": (amount_yuan - personnel) * YUAN,
        },
    ]


def make_application(
    round: Round, organization=None, *, amount_yuan=50_000, status=None, actor=None, **fields
) -> Application:
    """A complete application; `status` jumps straight to a later stage for set-up."""
    organization = organization or OrganizationFactory()
    application = Application.objects.create(
        round=round,
        organization=organization,
        project_name=fields.pop("project_name", f"{organization.name}项目"),
        need="老旧小区青少年课后无人看护",
        target_group="小学生",
        beneficiaries=120,
        activities="每周两次课后课堂",
        team="两名社工、十名志愿者",
        community=organization.community,
        amount_fen=amount_yuan * YUAN,
        **fields,
    )
    for i, line in enumerate(budget(amount_yuan)):
        BudgetLine.objects.create(application=application, order=i, **line)
    Milestone.objects.create(application=application, title="开班", due_on=datetime.date(2026, 9, 1))
    Indicator.objects.create(application=application, name="服务人次", target=Decimal(2000), unit="人次")
    if status:
        Application.objects.filter(pk=application.pk).update(status=status, submitted_at=timezone.now())
        application.refresh_from_db()
    return application


def org_member(organization, kind=RoleKind.ORG_MEMBER):
    user = UserFactory()
    grant(user, kind, organization=organization)
    return user


def reviewer():
    user = UserFactory()
    grant(user, RoleKind.REVIEWER)
    return user


def close(round: Round) -> Round:
    Round.objects.filter(pk=round.pk).update(
        status=RoundStatus.CLOSED, closes_at=timezone.now() - datetime.timedelta(hours=1)
    )
    round.refresh_from_db()
    return round


def score(assignment, value: int):
    criteria = assignment.application.round.criteria.all()
    return services.review_submit(
        actor=assignment.reviewer, assignment=assignment, scores={c.pk: (value, "") for c in criteria}
    )


ACCEPTED = ApplicationStatus.ACCEPTED
SHORTLISTED = ApplicationStatus.SHORTLISTED
