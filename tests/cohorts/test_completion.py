"""Completion rules, certificates, locked rules, revocation, hours ledger, outcomes and feedback."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from core.clock import now
from tests.conftest import signed_in_client
from tests.factories import UserFactory
from training.cohorts import selectors, services
from training.cohorts.models import (
    Certificate,
    CohortStatus,
    HoursEntry,
    OutcomeCheckin,
    SocialWorkerProfile,
    Submission,
)

from .factories import AssignmentFactory, CapstoneFactory, CohortFactory, enrolled, mark, past_sessions

pytestmark = pytest.mark.django_db


def cohort_with_sessions(count=5, **kwargs):
    cohort = CohortFactory(status=CohortStatus.RUNNING, **kwargs)
    return cohort, past_sessions(cohort, count)


def attend(sessions, user, statuses):
    for session, status in zip(sessions, statuses, strict=False):
        if status:
            mark(session, user, status)


def accept_capstone(cohort, user):
    return CapstoneFactory(cohort=cohort, trainee=user, status="accepted")


# ---- the rules ---------------------------------------------------------------------------------------


def test_exactly_eighty_percent_completes_and_just_below_does_not():
    cohort, sessions = cohort_with_sessions(5, require_assignments=False, require_capstone=False)
    exact, below = enrolled(cohort).applicant, enrolled(cohort).applicant
    attend(sessions, exact, ["present"] * 4 + ["absent"])
    attend(sessions, below, ["present"] * 3 + ["late", "absent"])  # 3 + 0.75 = 3.75 / 5 = 75%
    assert selectors.completion_for(cohort, exact).complete
    result = selectors.completion_for(cohort, below)
    assert not result.complete and "75%" in result.reasons[0]


def test_weights_count_late_and_excused_and_unmarked_as_absent():
    cohort, sessions = cohort_with_sessions(
        4, require_assignments=False, require_capstone=False, late_weight=Decimal("0.5"), excused_weight=Decimal("0.5")
    )
    user = enrolled(cohort).applicant
    attend(sessions, user, ["present", "late", "excused", None])
    result = selectors.completion_for(cohort, user)
    assert result.share == Decimal("0.5")
    assert result.attended_hours == Decimal("4.0")  # present and late give hours; excused does not


def test_required_assignments_and_capstone():
    cohort, sessions = cohort_with_sessions(1)
    user = enrolled(cohort).applicant
    attend(sessions, user, ["present"])
    required = AssignmentFactory(cohort=cohort, required=True)
    AssignmentFactory(cohort=cohort, required=False)
    result = selectors.completion_for(cohort, user)
    assert not result.complete and result.missing_assignments == [required.title]
    Submission.objects.create(assignment=required, trainee=user, body="x", submitted_at=now(), passed=True)
    result = selectors.completion_for(cohort, user)
    assert result.reasons == ["The capstone project has not been accepted."]
    accept_capstone(cohort, user)
    assert selectors.completion_for(cohort, user).complete


def test_rubric_grading_decides_pass():
    cohort, _ = cohort_with_sessions(1)
    user = enrolled(cohort).applicant
    assignment = AssignmentFactory(cohort=cohort, pass_mark=60)
    submission = services.submission_save(actor=user, assignment=assignment, body="我的社区需求调研")
    graded = services.submission_grade(actor=None, submission=submission, scores=[6, 5])  # 11/20 = 55%
    assert graded.passed is False
    with pytest.raises(ValidationError, match="graded"):
        services.submission_save(actor=user, assignment=assignment, body="again")


def test_deadline_and_individual_extension(freeze):
    cohort, _ = cohort_with_sessions(1)
    user, other = enrolled(cohort).applicant, enrolled(cohort).applicant
    assignment = AssignmentFactory(cohort=cohort, due_at=now() - datetime.timedelta(hours=1))
    with pytest.raises(ValidationError, match="extension"):
        services.submission_save(actor=user, assignment=assignment, body="late")
    services.extension_grant(
        actor=None, assignment=assignment, trainee=user, due_at=now() + datetime.timedelta(days=1), reason="家中有事"
    )
    assert services.submission_save(actor=user, assignment=assignment, body="ok").pk
    with pytest.raises(ValidationError):
        services.submission_save(actor=other, assignment=assignment, body="late")


# ---- certificates and the rules lock -----------------------------------------------------------------


def complete_trainee(cohort, sessions):
    user = enrolled(cohort).applicant
    attend(sessions, user, ["present"] * len(sessions))
    accept_capstone(cohort, user)
    return user


def test_issuing_locks_the_rules_and_changes_are_refused_after(make_user):
    cohort, sessions = cohort_with_sessions(3, require_assignments=False)
    first, second = complete_trainee(cohort, sessions), complete_trainee(cohort, sessions)
    services.cohort_rules_update(actor=None, cohort=cohort, min_attendance_share=Decimal("0.70"))  # fine before
    certificate = services.certificate_issue(actor=None, cohort=cohort, trainee=first)
    cohort.refresh_from_db()
    assert cohort.rules_locked_at is not None
    assert certificate.hours == Decimal("6.0") and len(certificate.verification_code) >= 20
    with pytest.raises(ValidationError, match="locked"):
        services.cohort_rules_update(actor=None, cohort=cohort, min_attendance_share=Decimal("0.50"))
    # The model refuses it too (the CMS edit form goes through full_clean).
    cohort.require_capstone = False
    with pytest.raises(ValidationError, match="locked"):
        cohort.full_clean()
    # And over HTTP.
    operator = make_user("centre_operator")
    response = signed_in_client(operator).post(
        reverse("cohorts:rules", kwargs={"pk": cohort.pk}),
        {"min_attendance_share": "0.50", "late_weight": "0.75", "excused_weight": "0.50", "require_capstone": "on"},
    )
    assert response.status_code == 400
    cohort.refresh_from_db()
    assert cohort.min_attendance_share == Decimal("0.70")
    # Issuing to the next trainee under the same rules still works.
    assert services.certificate_issue(actor=None, cohort=cohort, trainee=second).serial != certificate.serial


def test_incomplete_trainee_gets_no_certificate_and_the_rules_stay_open():
    cohort, sessions = cohort_with_sessions(2, require_assignments=False)
    user = enrolled(cohort).applicant
    attend(sessions, user, ["present", "absent"])
    with pytest.raises(ValidationError, match="not completed"):
        services.certificate_issue(actor=None, cohort=cohort, trainee=user)
    cohort.refresh_from_db()
    assert cohort.rules_locked_at is None


def test_bulk_issue_skips_those_who_did_not_complete():
    cohort, sessions = cohort_with_sessions(2, require_assignments=False, require_capstone=False)
    done = enrolled(cohort).applicant
    attend(sessions, done, ["present", "present"])
    enrolled(cohort)
    issued, skipped = services.certificates_issue_for_cohort(actor=None, cohort=cohort)
    assert [c.trainee for c in issued] == [done] and len(skipped) == 1
    assert services.certificates_issue_for_cohort(actor=None, cohort=cohort)[0] == []


def test_certificate_pdf_verification_and_revocation(make_user, django_capture_on_commit_callbacks):
    cohort, sessions = cohort_with_sessions(2, require_assignments=False, require_capstone=False)
    user = enrolled(cohort).applicant
    attend(sessions, user, ["present", "present"])
    certificate = services.certificate_issue(actor=None, cohort=cohort, trainee=user)
    pdf = signed_in_client(user).get(reverse("cohorts:certificate_pdf", kwargs={"code": certificate.verification_code}))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert (
        signed_in_client(UserFactory())
        .get(reverse("cohorts:certificate_pdf", kwargs={"code": certificate.verification_code}))
        .status_code
        == 403
    )
    public = signed_in_client(None).get(reverse("cohorts:verify", kwargs={"code": certificate.verification_code}))
    assert 'data-status="valid"' in public.content.decode()
    assert user.full_name not in public.content.decode()  # masked on the public page
    operator = make_user("centre_operator")
    with django_capture_on_commit_callbacks(execute=True):  # the page cache is emptied on commit
        response = signed_in_client(operator).post(
            reverse("cohorts:certificate_revoke", kwargs={"pk": certificate.pk}), {"reason": "培训记录造假"}
        )
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert (certificate.status, certificate.revoked_by, certificate.revoke_reason) == (
        "revoked",
        operator,
        "培训记录造假",
    )
    assert AuditEvent.objects.filter(action="certificate.revoked", reason="培训记录造假").exists()
    public = signed_in_client(None).get(reverse("cohorts:verify", kwargs={"code": certificate.verification_code}))
    assert 'data-status="revoked"' in public.content.decode()
    assert signed_in_client(None).get(reverse("cohorts:verify", kwargs={"code": "guess"})).status_code == 404


def test_hours_ledger_per_registration_period(freeze):
    cohort, sessions = cohort_with_sessions(2, require_assignments=False, require_capstone=False)
    user = enrolled(cohort).applicant
    attend(sessions, user, ["present", "present"])
    today = now().date()
    profile = SocialWorkerProfile.objects.create(
        user=user, level="assistant", registered_on=today.replace(year=today.year - 5)
    )
    services.certificate_issue(actor=None, cohort=cohort, trainee=user)
    period = selectors.hours_period(profile, today=today)
    # registered five years ago: the second 3-year period is the current one
    assert period.starts_on == today.replace(year=today.year - 2)
    assert period.hours == Decimal("4.0") and period.required == 72 and period.below_minimum
    assert HoursEntry.objects.filter(profile=profile).count() == 1
    assert services.hours_warn_due(on=today) == 1  # last year of the period, short of hours
    assert services.hours_warn_due(on=today) == 0  # once a month
    response = signed_in_client(user).get(reverse("cohorts:hours"))
    assert 'data-warning="hours"' in response.content.decode()
    social_worker = SocialWorkerProfile.objects.create(user=UserFactory(), level="social_worker", registered_on=today)
    assert selectors.hours_period(social_worker, today=today).required == 90


def test_outcome_check_ins_at_six_and_twelve_months(freeze):
    cohort, sessions = cohort_with_sessions(1, require_assignments=False, require_capstone=False)
    user = enrolled(cohort).applicant
    attend(sessions, user, ["present"])
    certificate = services.certificate_issue(actor=None, cohort=cohort, trainee=user)
    six, twelve = OutcomeCheckin.objects.filter(certificate=certificate).order_by("months")
    assert (six.months, twelve.months) == (6, 12)
    with pytest.raises(ValidationError, match="opens"):
        services.outcome_checkin_answer(actor=user, checkin=six, still_active=True, projects_led=1, funding_won_fen=0)
    later = datetime.datetime.combine(six.due_on, datetime.time(12), tzinfo=datetime.UTC)
    with freeze(later):
        assert services.outcome_checkins_remind() == 1
        services.outcome_checkin_answer(
            actor=user, checkin=six, still_active=True, projects_led=2, funding_won_fen=5_000_000
        )
        assert services.outcome_checkins_remind() == 0
    six.refresh_from_db()
    assert six.projects_led == 2 and six.answered_at


def test_feedback_once_per_trainee():
    cohort, _ = cohort_with_sessions(1)
    user = enrolled(cohort).applicant
    services.feedback_submit(actor=user, cohort=cohort, overall=5, usefulness=4, would_recommend=True)
    with pytest.raises(ValidationError, match="already"):
        services.feedback_submit(actor=user, cohort=cohort, overall=5, usefulness=4, would_recommend=True)
    with pytest.raises(ValidationError):
        services.feedback_submit(actor=UserFactory(), cohort=cohort, overall=5, usefulness=4, would_recommend=True)


def test_certificate_serials_are_unique_and_codes_random():
    cohort, sessions = cohort_with_sessions(1, require_assignments=False, require_capstone=False)
    users = [enrolled(cohort).applicant for _ in range(3)]
    for user in users:
        attend(sessions, user, ["present"])
    issued, _ = services.certificates_issue_for_cohort(actor=None, cohort=cohort)
    assert len({c.serial for c in issued}) == 3 and len({c.verification_code for c in issued}) == 3
    assert Certificate.objects.count() == 3
