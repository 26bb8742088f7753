"""QR token rules, self check-in, the trainer's roll call, corrections and at-risk warnings."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from core.clock import now
from notifications.models import Notification
from tests.conftest import signed_in_client
from tests.factories import UserFactory
from training.cohorts import services, tokens
from training.cohorts.models import Attendance, AttendanceStatus, CohortStatus

from .factories import CohortFactory, SessionFactory, enrolled, mark, past_sessions

pytestmark = pytest.mark.django_db


# ---- the token ----------------------------------------------------------------------------------


def test_token_accepts_the_current_and_previous_minute_only():
    moment = datetime.datetime(2026, 5, 1, 10, 0, 30, tzinfo=datetime.UTC)
    token = tokens.current_token(7, at=moment)
    assert tokens.token_is_valid(7, token, at=moment)
    assert tokens.token_is_valid(7, token, at=moment + datetime.timedelta(seconds=29))  # same window
    assert tokens.token_is_valid(7, token, at=moment + datetime.timedelta(seconds=60))  # previous window
    assert not tokens.token_is_valid(7, token, at=moment + datetime.timedelta(seconds=90))  # two windows old
    assert not tokens.token_is_valid(7, token, at=moment - datetime.timedelta(seconds=60))  # from the future
    assert not tokens.token_is_valid(8, token, at=moment)  # another session
    assert not tokens.token_is_valid(7, "", at=moment)


def test_token_rotates_every_minute():
    moment = datetime.datetime(2026, 5, 1, 10, 0, 0, tzinfo=datetime.UTC)
    assert tokens.current_token(7, at=moment) != tokens.current_token(7, at=moment + datetime.timedelta(minutes=1))
    assert tokens.current_token(7, at=moment) == tokens.current_token(7, at=moment + datetime.timedelta(seconds=59))


# ---- check-in -------------------------------------------------------------------------------------


@pytest.fixture
def running():
    cohort = CohortFactory(status=CohortStatus.RUNNING)
    session = SessionFactory(cohort=cohort)  # started 5 minutes ago
    trainee = enrolled(cohort).applicant
    return cohort, session, trainee


def test_check_in_with_the_current_code_marks_present(running):
    _cohort, session, trainee = running
    row = services.attendance_check_in(user=trainee, session=session, token=tokens.current_token(session.pk))
    assert (row.status, row.source) == (AttendanceStatus.PRESENT, "qr")
    again = services.attendance_check_in(user=trainee, session=session, token=tokens.current_token(session.pk))
    assert again.pk == row.pk  # idempotent


def test_late_check_in_is_marked_late(running, freeze):
    _cohort, session, trainee = running
    later = session.starts_at + datetime.timedelta(minutes=40)
    with freeze(later):
        row = services.attendance_check_in(user=trainee, session=session, token=tokens.current_token(session.pk))
    assert row.status == AttendanceStatus.LATE


def test_code_from_another_session_or_an_old_code_is_refused(running, freeze):
    cohort, session, trainee = running
    other = SessionFactory(cohort=cohort)
    with pytest.raises(ValidationError, match="another session"):
        services.attendance_check_in(user=trainee, session=session, token=tokens.current_token(other.pk))
    old = tokens.current_token(session.pk, at=now() - datetime.timedelta(minutes=3))
    with pytest.raises(ValidationError, match="old"):
        services.attendance_check_in(user=trainee, session=session, token=old)
    assert not Attendance.objects.exists()


def test_code_is_accepted_for_one_more_minute(running, freeze):
    _cohort, session, trainee = running
    token = tokens.current_token(session.pk)
    with freeze(now() + datetime.timedelta(seconds=60)):
        assert services.attendance_check_in(user=trainee, session=session, token=token).status == "present"


def test_outsiders_and_closed_sessions_cannot_check_in(running, freeze):
    _cohort, session, _trainee = running
    with pytest.raises(ValidationError, match="not a trainee"):
        services.attendance_check_in(user=UserFactory(), session=session, token=tokens.current_token(session.pk))
    after = session.ends_at + datetime.timedelta(minutes=5)
    trainee = _trainee
    with freeze(after), pytest.raises(ValidationError, match="30 minutes"):
        services.attendance_check_in(user=trainee, session=session, token=tokens.current_token(session.pk))


def test_check_in_over_http_from_the_url_the_qr_encodes(running):
    _cohort, session, trainee = running
    client = signed_in_client(trainee)
    url = reverse("cohorts:checkin", kwargs={"session_pk": session.pk, "token": tokens.current_token(session.pk)})
    page = client.get(url)
    assert page.status_code == 200 and "confirm-checkin" in page.content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert Attendance.objects.get(session=session, trainee=trainee).status == "present"
    stale = reverse("cohorts:checkin", kwargs={"session_pk": session.pk, "token": "0" * 24})
    assert client.post(stale).status_code == 400


def test_the_qr_page_encodes_the_check_in_url(running, make_user):
    _cohort, session, _trainee = running
    operator = make_user("centre_operator")
    response = signed_in_client(operator).get(reverse("cohorts:session_qr", kwargs={"pk": session.pk}))
    assert response.status_code == 200
    expected = reverse("cohorts:checkin", kwargs={"session_pk": session.pk, "token": tokens.current_token(session.pk)})
    assert expected in response.content.decode()
    assert response["Cache-Control"] == "no-store"


# ---- the trainer's roll call and corrections ---------------------------------------------------------------


def test_trainer_marks_attendance_on_the_roll_call_page(running):
    _cohort, session, trainee = running
    trainer = UserFactory()
    session.trainer = trainer
    session.save()
    client = signed_in_client(trainer)
    url = reverse("cohorts:attendance", kwargs={"pk": session.pk})
    assert client.get(url).status_code == 200
    client.post(url, {f"t_{trainee.pk}": "late"})
    assert Attendance.objects.get(session=session, trainee=trainee).status == "late"
    assert AuditEvent.objects.filter(action="attendance.marked").exists()


def test_marking_closes_a_day_after_the_session_then_only_corrections(running, freeze):
    _cohort, session, trainee = running
    with freeze(session.ends_at + datetime.timedelta(hours=25)), pytest.raises(ValidationError, match="closed"):
        services.attendance_mark(actor=None, session=session, marks={trainee.pk: "present"})


def test_staff_correction_needs_a_remark_and_is_audited(running, make_user):
    _cohort, session, trainee = running
    operator = make_user("centre_operator")
    mark(session, trainee, "absent")
    with pytest.raises(ValidationError, match="why"):
        services.attendance_correct(actor=operator, session=session, trainee=trainee, status="excused", remark=" ")
    client = signed_in_client(operator)
    url = reverse("cohorts:attendance_correct", kwargs={"pk": session.pk, "trainee_pk": trainee.pk})
    response = client.post(url, {"status": "excused", "remark": "病假，有医院证明"})
    assert response.status_code == 302
    row = Attendance.objects.get(session=session, trainee=trainee)
    assert (row.status, row.source, row.remark) == ("excused", "correction", "病假，有医院证明")
    event = AuditEvent.objects.get(action="attendance.corrected")
    assert event.changes == {"status": ["absent", "excused"]} and event.reason == "病假，有医院证明"


# ---- at-risk warnings ---------------------------------------------------------------------------------------


def test_trainees_at_risk_are_warned_before_it_is_too_late():
    cohort = CohortFactory(status=CohortStatus.RUNNING)
    held = past_sessions(cohort, 2)
    for _ in range(8):  # ten sessions in all, eight still to come
        SessionFactory(
            cohort=cohort,
            starts_at=now() + datetime.timedelta(days=3),
            ends_at=now() + datetime.timedelta(days=3, hours=2),
        )
    steady, wobbly = enrolled(cohort).applicant, enrolled(cohort).applicant
    for session in held:
        mark(session, steady, "present")
    mark(held[0], wobbly, "present")
    mark(held[1], wobbly, "absent")
    # wobbly: 1 of 2 so far (50%), can still reach 9/10; one more absence leaves 8/10 = 80%: still possible.
    # Below the threshold so far, so warned now, while it can still be saved.
    assert services.attendance_warn_at_risk(cohort=cohort) == 1
    assert services.attendance_warn_at_risk(cohort=cohort) == 0  # once per session held
    note = Notification.objects.get(kind="training.attendance_risk")
    assert note.recipient == wobbly and "50%" in note.body
