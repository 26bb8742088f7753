"""Reads for the training pages. Each builds its rows in a fixed number of queries."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Avg, Count, Q
from django.utils import timezone

from core.clock import now

from . import completion
from .models import (
    ApplicationStatus,
    Assignment,
    Attendance,
    Capstone,
    Certificate,
    CertificateStatus,
    Cohort,
    CohortStatus,
    HoursEntry,
    MentorAssignment,
    SocialWorkerLevel,
    Submission,
    TraineeApplication,
    TrainingSession,
)

SEAT_STATUSES = (ApplicationStatus.OFFERED, ApplicationStatus.ENROLLED)
PUBLIC_STATUSES = [s for s in CohortStatus.values if s != CohortStatus.DRAFT]


def cohorts_for_program(program: str):
    return (
        Cohort.objects.filter(program=program, status__in=PUBLIC_STATUSES)
        .annotate(enrolled=Count("applications", filter=Q(applications__status=ApplicationStatus.ENROLLED)))
        .order_by("-starts_on", "-id")
    )


def open_cohorts():
    return Cohort.objects.filter(status=CohortStatus.APPLICATIONS_OPEN).order_by("starts_on", "id")


def seats_taken(cohort: Cohort) -> int:
    return cohort.applications.filter(status__in=SEAT_STATUSES).count()


def ranked_applications(cohort: Cohort):
    """Applications with their reviewers' average (conflicts excluded), in the operators' rank order."""
    from django.db.models import F

    return (
        cohort.applications.exclude(status=ApplicationStatus.DRAFT)
        .select_related("applicant", "organization")
        .annotate(
            avg_score=Avg("reviews__total", filter=Q(reviews__conflict=False)),
            review_count=Count("reviews", filter=Q(reviews__conflict=False)),
            conflict_count=Count("reviews", filter=Q(reviews__conflict=True)),
        )
        .order_by(F("rank").asc(nulls_last=True), F("avg_score").desc(nulls_last=True), "submitted_at", "id")
    )


def waitlist(cohort: Cohort):
    return (
        cohort.applications.filter(status=ApplicationStatus.WAITLISTED)
        .select_related("applicant")
        .order_by("waitlist_position")
    )


def reviewer_queue(user):
    """Submitted applications in cohorts under selection that the reviewer may score."""
    return (
        TraineeApplication.objects.filter(
            status__in=[ApplicationStatus.SUBMITTED, ApplicationStatus.WAITLISTED],
            cohort__status__in=[CohortStatus.APPLICATIONS_OPEN, CohortStatus.SELECTION],
        )
        .exclude(applicant=user)
        .select_related("cohort")
        .annotate(
            mine=Count("reviews", filter=Q(reviews__reviewer=user)),
            my_conflict=Count("reviews", filter=Q(reviews__reviewer=user, reviews__conflict=True)),
        )
        .order_by("cohort_id", "submitted_at", "id")
    )


@dataclass
class RollRow:
    application: TraineeApplication
    completion: completion.Completion
    statuses: dict
    at_risk: bool
    too_late: bool
    certificate: Certificate | None

    @property
    def trainee(self):
        return self.application.applicant


def cohort_roll(cohort: Cohort, *, trainee=None) -> tuple[list[TrainingSession], list[RollRow]]:
    """The enrolled trainees with their attendance per session and completion (7 queries)."""
    moment = now()
    sessions = list(cohort.sessions.order_by("starts_at", "id"))
    held_ids = {s.pk for s in sessions if s.ends_at <= moment}
    applications = cohort.applications.filter(status=ApplicationStatus.ENROLLED).select_related("applicant", "team")
    if trainee is not None:
        applications = applications.filter(applicant=trainee)
    applications = list(applications.order_by("applicant__full_name", "id"))
    trainee_ids = [a.applicant_id for a in applications]
    statuses: dict[int, dict[int, str]] = {}
    for row in Attendance.objects.filter(session__cohort=cohort, trainee_id__in=trainee_ids).values_list(
        "trainee_id", "session_id", "status"
    ):
        statuses.setdefault(row[0], {})[row[1]] = row[2]
    required = list(Assignment.objects.filter(cohort=cohort, required=True))
    passed: dict[int, set[int]] = {}
    for trainee_id, assignment_id in Submission.objects.filter(
        assignment__cohort=cohort, passed=True, trainee_id__in=trainee_ids
    ).values_list("trainee_id", "assignment_id"):
        passed.setdefault(trainee_id, set()).add(assignment_id)
    capstones = dict(
        Capstone.objects.filter(cohort=cohort, trainee_id__in=trainee_ids).values_list("trainee_id", "status")
    )
    certificates = {c.trainee_id: c for c in Certificate.objects.filter(cohort=cohort, trainee_id__in=trainee_ids)}
    rows = []
    for application in applications:
        tid = application.applicant_id
        result = completion.compute(
            cohort,
            sessions=sessions,
            held_ids=held_ids,
            statuses=statuses.get(tid, {}),
            required_assignments=required,
            passed_assignment_ids=passed.get(tid, set()),
            capstone_status=capstones.get(tid),
        )
        rows.append(
            RollRow(
                application,
                result,
                statuses.get(tid, {}),
                completion.at_risk(cohort, result),
                completion.too_late(cohort, result),
                certificates.get(tid),
            )
        )
    return sessions, rows


def completion_for(cohort: Cohort, trainee) -> completion.Completion | None:
    _, rows = cohort_roll(cohort, trainee=trainee)
    return rows[0].completion if rows else None


def mentor_assignments_of(user):
    return (
        MentorAssignment.objects.filter(mentor=user)
        .select_related("cohort", "trainee", "team")
        .prefetch_related("team__members__applicant")
        .order_by("-cohort__starts_on", "id")
    )


def trainee_overview(user) -> dict:
    applications = list(
        TraineeApplication.objects.filter(applicant=user).select_related("cohort").order_by("-cohort__starts_on")
    )
    enrolled_cohort_ids = [a.cohort_id for a in applications if a.status == ApplicationStatus.ENROLLED]
    return {
        "today": timezone.localdate(now()),
        "applications": applications,
        "upcoming_sessions": TrainingSession.objects.filter(cohort_id__in=enrolled_cohort_ids, ends_at__gte=now())
        .select_related("cohort")
        .order_by("starts_at")[:10],
        "study_sessions": TrainingSession.objects.filter(enrolments__user=user, ends_at__gte=now())
        .select_related("cohort")
        .order_by("starts_at"),
        "certificates": Certificate.objects.filter(trainee=user).select_related("cohort").prefetch_related("checkins"),
        "mentors": MentorAssignment.objects.filter(Q(trainee=user) | Q(team__members__applicant=user))
        .select_related("mentor", "cohort")
        .distinct(),
    }


# ---- continuing-education hours ------------------------------------------------------------

REQUIRED_HOURS = {SocialWorkerLevel.ASSISTANT: Decimal(72), SocialWorkerLevel.SOCIAL_WORKER: Decimal(90)}
PERIOD_YEARS = 3


def _add_years(day, years: int):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass
class HoursPeriod:
    starts_on: object
    ends_on: object  # exclusive
    hours: Decimal
    required: Decimal
    entries: list

    @property
    def shortfall(self) -> Decimal:
        return max(Decimal(0), self.required - self.hours)

    @property
    def below_minimum(self) -> bool:
        return self.hours < self.required


def hours_period(profile, *, today) -> HoursPeriod:
    """The 3-year registration period containing `today` and the hours logged in it."""
    start = profile.registered_on
    while _add_years(start, PERIOD_YEARS) <= today:
        start = _add_years(start, PERIOD_YEARS)
    end = _add_years(start, PERIOD_YEARS)
    entries = list(
        HoursEntry.objects.filter(profile=profile, on__gte=start, on__lt=end)
        .exclude(certificate__status=CertificateStatus.REVOKED)
        .select_related("certificate")
    )
    total = sum((e.hours for e in entries), Decimal(0))
    return HoursPeriod(start, end, total, REQUIRED_HOURS[profile.level], entries)


# ---- dashboard -------------------------------------------------------------------------------


def people_trained(*, year: int | None = None) -> list[tuple[str, int, int]]:
    """(program, year, distinct people) for valid certificates."""
    qs = Certificate.objects.filter(status=CertificateStatus.VALID)
    if year:
        qs = qs.filter(issued_on__year=year)
    rows = (
        qs.values("cohort__program", "issued_on__year")
        .annotate(people=Count("trainee", distinct=True))
        .order_by("cohort__program", "issued_on__year")
    )
    return [(r["cohort__program"], r["issued_on__year"], r["people"]) for r in rows]


def alumni(*, program: str | None = None, year: int | None = None):
    qs = Certificate.objects.filter(status=CertificateStatus.VALID).select_related("cohort", "trainee")
    if program:
        qs = qs.filter(cohort__program=program)
    if year:
        qs = qs.filter(issued_on__year=year)
    return qs.order_by("-issued_on", "holder_name")
