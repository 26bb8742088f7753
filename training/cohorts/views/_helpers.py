"""Object loaders for @access(obj=...) and small view helpers."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404

from ..access import access_cohort_public
from ..models import (
    Assignment,
    Capstone,
    Certificate,
    Cohort,
    MentorAssignment,
    OutcomeCheckin,
    Submission,
    TraineeApplication,
    TrainingSession,
)


def visible_cohort(request, pk) -> Cohort:
    """A cohort the user may know exists: drafts are 404 to everyone but operators."""
    cohort = get_object_or_404(Cohort, pk=pk)
    if not access_cohort_public(request.user, cohort):
        raise Http404
    return cohort


def cohort_by_kw(request, pk=None, cohort_pk=None, **_kwargs) -> Cohort:
    return visible_cohort(request, pk if pk is not None else cohort_pk)


def session_obj(request, pk=None, session_pk=None, **_kwargs) -> TrainingSession:
    session = get_object_or_404(
        TrainingSession.objects.select_related("cohort", "trainer", "host_organization"),
        pk=pk if pk is not None else session_pk,
    )
    if not access_cohort_public(request.user, session.cohort):
        raise Http404
    return session


def application_obj(request, pk, **_kwargs) -> TraineeApplication:
    return get_object_or_404(TraineeApplication.objects.select_related("cohort", "applicant"), pk=pk)


def assignment_obj(request, pk, **_kwargs) -> Assignment:
    return get_object_or_404(Assignment.objects.select_related("cohort"), pk=pk)


def submission_obj(request, pk, **_kwargs) -> Submission:
    return get_object_or_404(Submission.objects.select_related("assignment__cohort", "trainee"), pk=pk)


def submission_assignment(request, pk, **_kwargs) -> Assignment:
    return submission_obj(request, pk).assignment


def capstone_obj(request, pk, **_kwargs) -> Capstone:
    return get_object_or_404(Capstone.objects.select_related("cohort", "trainee", "organization"), pk=pk)


def certificate_by_code(request, code, **_kwargs) -> Certificate:
    return get_object_or_404(Certificate.objects.select_related("cohort", "trainee"), verification_code=code)


def certificate_obj(request, pk, **_kwargs) -> Certificate:
    return get_object_or_404(Certificate.objects.select_related("cohort", "trainee"), pk=pk)


def mentor_assignment_obj(request, pk, **_kwargs) -> MentorAssignment:
    return get_object_or_404(MentorAssignment.objects.select_related("cohort", "mentor", "trainee", "team"), pk=pk)


def checkin_obj(request, pk, **_kwargs) -> OutcomeCheckin:
    return get_object_or_404(OutcomeCheckin.objects.select_related("certificate__cohort"), pk=pk)


def report(request, error) -> None:
    for message in getattr(error, "messages", [str(error)]):
        messages.error(request, message)
