"""Study-club enrolment, shared notes and materials, attendance marking, QR check-in and corrections."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from audit.services import audit_record
from core.clock import now

from .. import completion, tokens
from ..access import is_enrolled
from ..models import (
    ApplicationStatus,
    Attendance,
    AttendanceSource,
    AttendanceStatus,
    Cohort,
    CohortStatus,
    SessionEnrolment,
    SessionMaterial,
    SessionNote,
    TrainingSession,
)
from ._common import tell

# A trainee scanning within this long after the start is present; later, late.
LATE_AFTER = datetime.timedelta(minutes=15)
# Check-in opens this long before the start and closes at the end.
CHECKIN_OPENS_BEFORE = datetime.timedelta(minutes=30)
# Trainers mark and re-mark freely until a day after the session; later changes are corrections.
MARKING_GRACE = datetime.timedelta(hours=24)


# ---- the study club ------------------------------------------------------------------------------


@transaction.atomic
def session_enrol(*, actor, session: TrainingSession) -> SessionEnrolment:
    """Open enrolment in a study-club session, first come first served up to its seats."""
    session = TrainingSession.objects.select_for_update(of=("self",)).select_related("cohort").get(pk=session.pk)
    cohort = session.cohort
    if not cohort.is_study_club or cohort.status not in (CohortStatus.APPLICATIONS_OPEN, CohortStatus.RUNNING):
        raise ValidationError(_("This session is not open for enrolment."), code="closed")
    if session.ends_at <= now():
        raise ValidationError(_("This session is over."), code="over")
    if session.enrolments.filter(user=actor).exists():
        raise ValidationError(_("You are already enrolled in this session."), code="already")
    seats = session.capacity or cohort.capacity
    if session.enrolments.count() >= seats:
        raise ValidationError(_("This session is full."), code="full")
    try:
        with transaction.atomic():
            enrolment = SessionEnrolment.objects.create(session=session, user=actor)
    except IntegrityError:
        raise ValidationError(_("You are already enrolled in this session."), code="already")
    audit_record(actor=actor, action="session.enrolled", obj=session)
    tell(
        actor,
        "session_enrolled",
        _("You are enrolled in %(session)s") % {"session": session},
        url_name="cohorts:session",
        url_kwargs={"pk": session.pk},
    )
    return enrolment


@transaction.atomic
def session_note_add(*, actor, session: TrainingSession, body: str) -> SessionNote:
    note = SessionNote(session=session, author=actor, body=body.strip())
    note.full_clean()
    note.save()
    audit_record(actor=actor, action="session.note_added", obj=session)
    return note


@transaction.atomic
def session_material_add(*, actor, session: TrainingSession, title: str, file=None, url: str = "") -> SessionMaterial:
    if not file and not url:
        raise ValidationError(_("Attach a file or give a link."), code="empty")
    material = SessionMaterial(session=session, title=title, file=file or "", url=url, added_by=actor)
    material.full_clean()
    material.save()
    audit_record(actor=actor, action="session.material_added", obj=session, changes={"title": title})
    return material


# ---- attendance ------------------------------------------------------------------------------------


def expected_trainee_ids(session: TrainingSession) -> set[int]:
    if session.cohort.is_study_club:
        return set(session.enrolments.values_list("user_id", flat=True))
    return set(
        session.cohort.applications.filter(status=ApplicationStatus.ENROLLED).values_list("applicant_id", flat=True)
    )


@transaction.atomic
def attendance_mark(*, actor, session: TrainingSession, marks: dict[int, str]) -> int:
    """The trainer's roll call: {trainee id: status}. Returns how many rows changed."""
    if now() > session.ends_at + MARKING_GRACE:
        raise ValidationError(
            _("Attendance for this session is closed; staff can still correct it with a remark."), code="closed"
        )
    if session.starts_at - CHECKIN_OPENS_BEFORE > now():
        raise ValidationError(_("Attendance opens when the session starts."), code="not_yet")
    allowed = expected_trainee_ids(session)
    existing = {a.trainee_id: a for a in Attendance.objects.select_for_update().filter(session=session)}
    changed = 0
    moment = now()
    for trainee_id, status in marks.items():
        if trainee_id not in allowed or status not in AttendanceStatus.values:
            continue
        row = existing.get(trainee_id)
        if row is not None and row.status == status:
            continue
        before = row.status if row else None
        row = row or Attendance(session=session, trainee_id=trainee_id)
        row.status, row.source, row.marked_by, row.marked_at = status, AttendanceSource.TRAINER, actor, moment
        row.full_clean()
        row.save()
        audit_record(actor=actor, action="attendance.marked", obj=row, changes={"status": [before, status]})
        changed += 1
    return changed


def checkin_problem(session: TrainingSession, *, user, token: str) -> str | None:
    moment = now()
    if not tokens.token_is_valid(session.pk, token, at=moment):
        return _("This code is old or belongs to another session. Scan the code on the screen again.")
    if moment < session.starts_at - CHECKIN_OPENS_BEFORE or moment > session.ends_at:
        return _("Check-in is open from 30 minutes before the session until it ends.")
    if session.cohort.is_study_club:
        if not session.enrolments.filter(user=user).exists():
            return _("You are not enrolled in this session.")
    elif not is_enrolled(user, session.cohort):
        return _("You are not a trainee of this cohort.")
    return None


@transaction.atomic
def attendance_check_in(*, user, session: TrainingSession, token: str) -> Attendance:
    """Self check-in from the session's rotating QR code. An existing mark is kept as it is."""
    session = TrainingSession.objects.select_related("cohort").get(pk=session.pk)
    problem = checkin_problem(session, user=user, token=token)
    if problem:
        raise ValidationError(problem, code="checkin_refused")
    moment = now()
    status = AttendanceStatus.LATE if moment > session.starts_at + LATE_AFTER else AttendanceStatus.PRESENT
    try:
        with transaction.atomic():
            row = Attendance.objects.create(
                session=session,
                trainee=user,
                status=status,
                source=AttendanceSource.QR,
                marked_by=user,
                marked_at=moment,
            )
    except IntegrityError:
        return Attendance.objects.get(session=session, trainee=user)
    audit_record(actor=user, action="attendance.checked_in", obj=row, changes={"status": status})
    return row


@transaction.atomic
def attendance_correct(*, actor, session: TrainingSession, trainee, status: str, remark: str) -> Attendance:
    """A staff correction: always with a remark, always audited with the old and new status."""
    remark = remark.strip()
    if not remark:
        raise ValidationError(_("Say why the attendance is corrected."), code="remark_required")
    if status not in AttendanceStatus.values:
        raise ValidationError(_("Unknown attendance status."), code="status")
    if trainee.pk not in expected_trainee_ids(session):
        raise ValidationError(_("This person is not a trainee of the session."), code="not_trainee")
    row = Attendance.objects.select_for_update().filter(session=session, trainee=trainee).first()
    before = row.status if row else None
    row = row or Attendance(session=session, trainee=trainee)
    row.status, row.source, row.marked_by, row.marked_at, row.remark = (
        status,
        AttendanceSource.CORRECTION,
        actor,
        now(),
        remark[:200],
    )
    row.full_clean()
    row.save()
    audit_record(
        actor=actor, action="attendance.corrected", obj=row, changes={"status": [before, status]}, reason=remark
    )
    tell(
        trainee,
        "attendance_corrected",
        _("Your attendance for %(session)s was corrected") % {"session": session},
        remark,
        url_name="cohorts:cohort",
        url_kwargs={"pk": session.cohort_id},
    )
    return row


def attendance_warn_at_risk(*, cohort: Cohort) -> int:
    """Warn trainees whose attendance puts completion at risk, once per session held."""
    from ..selectors import cohort_roll

    if cohort.status != CohortStatus.RUNNING:
        return 0
    _sessions, rows = cohort_roll(cohort)
    warned = 0
    with transaction.atomic():
        for row in rows:
            if not row.at_risk:
                continue
            result = row.completion
            if completion.too_late(cohort, result):
                body = _(
                    "Even attending every remaining session, your attendance cannot reach %(required)s%%. "
                    "Talk to the centre about your options."
                )
            else:
                body = _(
                    "Your attendance so far is %(share)s%%; the certificate needs %(required)s%%. "
                    "Missing another session may make completion impossible."
                )
            sent = tell(
                row.trainee,
                "attendance_risk",
                _("Attendance warning: %(cohort)s") % {"cohort": cohort},
                body % {"share": result.percent_so_far, "required": int(cohort.min_attendance_share * 100)},
                url_name="cohorts:cohort",
                url_kwargs={"pk": cohort.pk},
                dedupe_key=f"training-risk:{cohort.pk}:{row.trainee.pk}:{result.sessions_held}",
            )
            warned += sent is not None
    return warned
