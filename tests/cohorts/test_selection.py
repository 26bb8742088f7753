"""Applying, reviewing, ranking, bulk decisions, offers and the waiting list."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from core.clock import now
from notifications.models import Notification
from tests.factories import UserFactory, grant
from training.cohorts import services
from training.cohorts.models import ApplicationReview, ApplicationStatus, CohortStatus, ProgramKind

from .factories import ApplicationFactory, CohortFactory, CriterionFactory, QuestionFactory

pytestmark = pytest.mark.django_db
A = ApplicationStatus


def selection_cohort(**kwargs):
    return CohortFactory(status=CohortStatus.SELECTION, **kwargs)


def waitlisted(cohort, count):
    apps = [ApplicationFactory(cohort=cohort) for _ in range(count)]
    services.applications_decide(actor=None, cohort=cohort, application_ids=[a.pk for a in apps], decision="waitlist")
    for a in apps:
        a.refresh_from_db()
    return apps


# ---- applying ------------------------------------------------------------------------------------


def test_draft_then_submit_with_typed_answers():
    cohort = CohortFactory()
    text = QuestionFactory(cohort=cohort, kind="long_text")
    years = QuestionFactory(cohort=cohort, kind="number", prompt="从业年限")
    user = UserFactory()
    draft = services.application_save(
        actor=user, cohort=cohort, background="community_worker", answers={str(text.pk): "想学习项目设计"}, submit=False
    )
    assert draft.status == A.DRAFT
    with pytest.raises(ValidationError, match="从业年限"):
        services.application_save(
            actor=user, cohort=cohort, background="community_worker", answers={str(text.pk): "x"}, submit=True
        )
    with pytest.raises(ValidationError, match="number"):
        services.application_save(
            actor=user,
            cohort=cohort,
            background="community_worker",
            answers={str(text.pk): "x", str(years.pk): "three"},
            submit=True,
        )
    submitted = services.application_save(
        actor=user,
        cohort=cohort,
        background="community_worker",
        answers={str(text.pk): "x", str(years.pk): "3"},
        submit=True,
    )
    assert submitted.pk == draft.pk and submitted.status == A.SUBMITTED
    with pytest.raises(ValidationError, match="no longer be changed"):
        services.application_save(actor=user, cohort=cohort, background="community_worker", answers={}, submit=False)


def test_social_innovation_camp_is_for_community_workers():
    cohort = CohortFactory(program=ProgramKind.SOCIAL_INNOVATION)
    with pytest.raises(ValidationError, match="community workers"):
        services.application_save(actor=UserFactory(), cohort=cohort, background="other", answers={}, submit=True)


def test_youth_camp_graduates_team_leaders_or_up_to_the_age_limit():
    cohort = CohortFactory(program=ProgramKind.YOUTH_INNOVATION, max_age=35)
    today = now().date()
    young = today.replace(year=today.year - 30)
    old = today.replace(year=today.year - 40)
    assert (
        services.application_save(
            actor=UserFactory(), cohort=cohort, background="team_leader", answers={}, submit=True
        ).status
        == A.SUBMITTED
    )
    assert (
        services.application_save(
            actor=UserFactory(), cohort=cohort, background="young_founder", birth_date=young, answers={}, submit=True
        ).status
        == A.SUBMITTED
    )
    with pytest.raises(ValidationError, match="35"):
        services.application_save(
            actor=UserFactory(), cohort=cohort, background="young_founder", birth_date=old, answers={}, submit=True
        )


def test_closed_cohort_refuses_applications():
    cohort = CohortFactory(status=CohortStatus.SELECTION)
    with pytest.raises(ValidationError, match="closed"):
        services.application_save(
            actor=UserFactory(), cohort=cohort, background="community_worker", answers={}, submit=False
        )


# ---- review and ranking ----------------------------------------------------------------------------


def test_weighted_rubric_review_and_conflict():
    cohort = selection_cohort()
    c1 = CriterionFactory(cohort=cohort, weight=2, max_score=10)
    c2 = CriterionFactory(cohort=cohort, weight=1, max_score=5)
    application = ApplicationFactory(cohort=cohort)
    reviewer = grant(UserFactory(), "reviewer")
    review = services.application_review_save(
        reviewer=reviewer, application=application, scores={str(c1.pk): 8, str(c2.pk): 5}
    )
    # (8*2 + 5*1) / (10*2 + 5*1) = 21/25
    assert review.total == pytest.approx(84)
    with pytest.raises(ValidationError, match="0 to 5"):
        services.application_review_save(
            reviewer=reviewer, application=application, scores={str(c1.pk): 8, str(c2.pk): 6}
        )
    other = grant(UserFactory(), "reviewer")
    conflicted = services.application_review_save(
        reviewer=other, application=application, scores={}, conflict=True, conflict_reason="同事"
    )
    assert conflicted.total is None
    with pytest.raises(ValidationError, match="conflict"):
        services.application_review_save(reviewer=other, application=application, scores={str(c1.pk): 1, str(c2.pk): 1})


def test_rank_by_average_score_excluding_conflicts_then_manual_order():
    cohort = selection_cohort()
    criterion = CriterionFactory(cohort=cohort)
    low, high, unreviewed = (ApplicationFactory(cohort=cohort) for _ in range(3))
    r1, r2 = grant(UserFactory(), "reviewer"), grant(UserFactory(), "reviewer")
    services.application_review_save(reviewer=r1, application=low, scores={str(criterion.pk): 4})
    services.application_review_save(reviewer=r1, application=high, scores={str(criterion.pk): 9})
    services.application_review_save(reviewer=r2, application=low, scores={}, conflict=True)
    assert services.applications_rank(actor=None, cohort=cohort) == [high.pk, low.pk, unreviewed.pk]
    assert services.applications_rank(actor=None, cohort=cohort, order=[unreviewed.pk]) == [
        unreviewed.pk,
        high.pk,
        low.pk,
    ]
    assert ApplicationReview.objects.filter(application=low, conflict=False).count() == 1


# ---- decisions -----------------------------------------------------------------------------------------


def test_bulk_offer_respects_capacity_and_sends_templated_messages():
    cohort = selection_cohort(capacity=2, accept_message="{name}，欢迎加入{cohort}，请在{deadline}前确认。")
    apps = [ApplicationFactory(cohort=cohort) for _ in range(3)]
    with pytest.raises(ValidationError, match="Only 2 places"):
        services.applications_decide(actor=None, cohort=cohort, application_ids=[a.pk for a in apps], decision="offer")
    assert (
        services.applications_decide(
            actor=None, cohort=cohort, application_ids=[a.pk for a in apps[:2]], decision="offer"
        )
        == 2
    )
    first = apps[0]
    first.refresh_from_db()
    assert first.status == A.OFFERED
    assert first.decision_message.startswith(first.applicant.display_name + "，欢迎加入" + cohort.title)
    assert first.offer_expires_at == first.offered_at + datetime.timedelta(days=cohort.offer_days)
    assert Notification.objects.filter(recipient=first.applicant, kind="training.offer").exists()


def test_waitlist_positions_follow_rank_and_reject():
    cohort = selection_cohort()
    a, b = ApplicationFactory(cohort=cohort, rank=2), ApplicationFactory(cohort=cohort, rank=1)
    services.applications_decide(actor=None, cohort=cohort, application_ids=[a.pk, b.pk], decision="waitlist")
    a.refresh_from_db()
    b.refresh_from_db()
    assert (b.waitlist_position, a.waitlist_position) == (1, 2)
    assert "2" in a.decision_message
    services.applications_decide(actor=None, cohort=cohort, application_ids=[a.pk], decision="reject")
    a.refresh_from_db()
    assert a.status == A.REJECTED and a.waitlist_position is None


def test_decisions_need_selection():
    cohort = CohortFactory(status=CohortStatus.APPLICATIONS_OPEN)
    application = ApplicationFactory(cohort=cohort)
    with pytest.raises(ValidationError):
        services.applications_decide(actor=None, cohort=cohort, application_ids=[application.pk], decision="offer")


# ---- offers and promotion --------------------------------------------------------------------------------


def test_accepting_enrols_and_grants_the_trainee_role():
    cohort = selection_cohort(capacity=1)
    application = ApplicationFactory(cohort=cohort)
    services.applications_decide(actor=None, cohort=cohort, application_ids=[application.pk], decision="offer")
    result = services.offer_respond(actor=application.applicant, application=application, accept=True)
    assert result.status == A.ENROLLED
    assert application.applicant.roles.filter(kind="trainee").exists()


def test_decline_promotes_the_next_on_the_waitlist_and_tells_them():
    cohort = selection_cohort(capacity=1)
    offered = ApplicationFactory(cohort=cohort)
    services.applications_decide(actor=None, cohort=cohort, application_ids=[offered.pk], decision="offer")
    first, second = waitlisted(cohort, 2)
    services.offer_respond(actor=offered.applicant, application=offered, accept=False)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == A.OFFERED and first.waitlist_position is None
    assert second.status == A.WAITLISTED
    assert Notification.objects.filter(recipient=first.applicant, kind="training.offer").exists()


def test_expired_offers_promote_in_waitlist_order(freeze):
    cohort = selection_cohort(capacity=2, offer_days=2)
    apps = [ApplicationFactory(cohort=cohort) for _ in range(2)]
    start = now()
    with freeze(start):
        services.applications_decide(actor=None, cohort=cohort, application_ids=[a.pk for a in apps], decision="offer")
    w1, w2, w3 = waitlisted(cohort, 3)
    deadline = start + datetime.timedelta(days=2)
    with freeze(deadline - datetime.timedelta(microseconds=1)):
        assert services.offers_expire_due() == 0
    # Both offers expire in the same minute: two different people are promoted, in order.
    with freeze(deadline + datetime.timedelta(seconds=30)):
        assert services.offers_expire_due() == 2
        assert services.offers_expire_due() == 0  # idempotent
    for a in (w1, w2, w3):
        a.refresh_from_db()
    assert [w1.status, w2.status, w3.status] == [A.OFFERED, A.OFFERED, A.WAITLISTED]
    assert Notification.objects.filter(kind="training.offer_expired").count() == 2


def test_offer_answered_in_its_last_instant_counts(freeze):
    cohort = selection_cohort(capacity=1)
    application = ApplicationFactory(cohort=cohort)
    services.applications_decide(actor=None, cohort=cohort, application_ids=[application.pk], decision="offer")
    application.refresh_from_db()
    with freeze(application.offer_expires_at - datetime.timedelta(microseconds=1)):
        result = services.offer_respond(actor=application.applicant, application=application, accept=True)
    assert result.status == A.ENROLLED


def test_offer_answered_at_the_deadline_minute_has_expired_and_promotes(freeze):
    """Same minute as the deadline, but at or after it: expired, even before the periodic job ran."""
    cohort = selection_cohort(capacity=1)
    application = ApplicationFactory(cohort=cohort)
    services.applications_decide(actor=None, cohort=cohort, application_ids=[application.pk], decision="offer")
    (next_in_line,) = waitlisted(cohort, 1)
    application.refresh_from_db()
    with freeze(application.offer_expires_at):
        result = services.offer_respond(actor=application.applicant, application=application, accept=True)
        assert result.status == A.EXPIRED
        # The periodic job running in the same minute finds nothing left to do.
        assert services.offers_expire_due() == 0
    next_in_line.refresh_from_db()
    assert next_in_line.status == A.OFFERED


def test_promotion_stops_when_the_cohort_is_full_or_no_longer_selecting():
    cohort = selection_cohort(capacity=1)
    enrolled_app = ApplicationFactory(cohort=cohort, status=A.ENROLLED)
    (waiting,) = waitlisted(cohort, 1)
    assert services.waitlist_promote(cohort=cohort) == []
    enrolled_app.delete()
    cohort.status = CohortStatus.COMPLETED
    cohort.save()
    assert services.waitlist_promote(cohort=cohort) == []
    waiting.refresh_from_db()
    assert waiting.status == A.WAITLISTED


def test_only_the_applicant_answers_an_offer():
    cohort = selection_cohort(capacity=1)
    application = ApplicationFactory(cohort=cohort)
    services.applications_decide(actor=None, cohort=cohort, application_ids=[application.pk], decision="offer")
    with pytest.raises(ValidationError):
        services.offer_respond(actor=UserFactory(), application=application, accept=True)
