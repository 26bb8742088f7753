"""Confirmed awards, approvals and contracts at each stage, made through the real services."""

import datetime

from django.utils import timezone

from accounts.models import RoleKind
from grants.contracts import services
from grants.contracts.models import Contract
from grants.rounds.models import Award, AwardStatus, Milestone
from tests.factories import OrganizationFactory, UserFactory, grant
from tests.rounds.factories import SHORTLISTED, close, make_application, make_round


def bureau():
    user = UserFactory()
    grant(user, RoleKind.BUREAU_OFFICER)
    return user


def owner(organization):
    user = UserFactory()
    grant(user, RoleKind.ORG_OWNER, organization=organization)
    return user


def confirmed_award(organization=None, *, amount_yuan=50_000, round=None) -> Award:
    organization = organization or OrganizationFactory()
    round = round or close(make_round(title=f"创投{organization.pk}"))
    application = make_application(round, organization, amount_yuan=amount_yuan, status=SHORTLISTED)
    Milestone.objects.create(application=application, title="结项", due_on=datetime.date(2027, 6, 1))
    return Award.objects.create(
        application=application,
        amount_fen=application.amount_fen,
        rank=1,
        status=AwardStatus.CONFIRMED,
        confirmed_at=timezone.now(),
    )


def approved_award(organization=None, *, officer=None, **kwargs) -> Award:
    award = confirmed_award(organization, **kwargs)
    officer = officer or bureau()
    services.assessment_record(
        actor=officer, award=award, necessity="需求明确", feasibility="预算合理", conclusion="建议购买", score=85
    )
    services.approval_approve(actor=officer, awards=[award], number="南民审〔2026〕1号")
    award.refresh_from_db()
    return award


def draft_contract(organization=None, *, officer=None, **kwargs) -> Contract:
    officer = officer or bureau()
    award = approved_award(organization, officer=officer, **kwargs)
    return services.contract_create(actor=officer, award=award)


def finalised_contract(organization=None, *, officer=None, **kwargs):
    officer = officer or bureau()
    contract = draft_contract(organization, officer=officer, **kwargs)
    version = services.contract_finalise(actor=officer, contract=contract)
    contract.refresh_from_db()
    return contract, version


def signed_contract(organization=None, *, officer=None, provider=None, **kwargs) -> Contract:
    organization = organization or OrganizationFactory()
    officer = officer or bureau()
    provider = provider or owner(organization)
    contract, version = finalised_contract(organization, officer=officer, **kwargs)
    services.contract_sign(actor=provider, contract=contract, side="provider", sha256=version.sha256)
    services.contract_sign(actor=officer, contract=contract, side="purchaser", sha256=version.sha256)
    contract.refresh_from_db()
    return contract
