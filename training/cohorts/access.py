"""Who may do what in training. Built on accounts.access; every helper keeps the access_ prefix."""

from accounts.access import access_operator, access_staff, has_role
from accounts.models import RoleKind

from .models import ApplicationStatus, CohortStatus, MentorAssignment, TraineeApplication


def access_training_operator(user, obj=None) -> bool:
    """Centre operators run the camps."""
    return access_operator(user)


def access_training_reviewer(user, obj=None) -> bool:
    return has_role(user, RoleKind.REVIEWER, RoleKind.CENTRE_OPERATOR)


def access_training_staff_or_mentor(user, obj=None) -> bool:
    return access_staff(user) or has_role(user, RoleKind.MENTOR)


def access_cohort_public(user, cohort=None) -> bool:
    """Anyone may see a published cohort; drafts only the operators."""
    if cohort is None:
        return True
    return cohort.status != CohortStatus.DRAFT or access_operator(user)


def is_enrolled(user, cohort) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return TraineeApplication.objects.filter(cohort=cohort, applicant=user, status=ApplicationStatus.ENROLLED).exists()


def is_cohort_mentor(user, cohort) -> bool:
    if not has_role(user, RoleKind.MENTOR):
        return False
    return MentorAssignment.objects.filter(cohort=cohort, mentor=user).exists()


def access_cohort_member(user, cohort=None) -> bool:
    """Enrolled trainees, the cohort's mentors, and operators."""
    if access_operator(user):
        return True
    if cohort is None:
        return False
    return is_enrolled(user, cohort) or is_cohort_mentor(user, cohort)


def access_cohort_trainee(user, cohort=None) -> bool:
    return cohort is not None and is_enrolled(user, cohort)


def access_session_trainer(user, session=None) -> bool:
    """The session's trainer, the cohort's mentors, and operators take attendance."""
    if access_operator(user):
        return True
    if session is None or not getattr(user, "is_authenticated", False):
        return False
    return session.trainer_id == user.pk or is_cohort_mentor(user, session.cohort)


def access_session_participant(user, session=None) -> bool:
    """Who may read and add to a session's shared notes and materials."""
    if access_session_trainer(user, session):
        return True
    if session is None or not getattr(user, "is_authenticated", False):
        return False
    if session.cohort.is_study_club:
        from accounts.access import organization_ids_of

        if session.host_organization_id and session.host_organization_id in organization_ids_of(user):
            return True
        return session.enrolments.filter(user=user).exists()
    return is_enrolled(user, session.cohort)


def access_application_owner(user, application=None) -> bool:
    if application is None or not getattr(user, "is_authenticated", False):
        return False
    return application.applicant_id == user.pk


def access_capstone_owner(user, capstone=None) -> bool:
    if capstone is None or not getattr(user, "is_authenticated", False):
        return False
    return capstone.trainee_id == user.pk


def access_capstone_reader(user, capstone=None) -> bool:
    if capstone is None:
        return False
    return access_capstone_owner(user, capstone) or access_operator(user) or is_cohort_mentor(user, capstone.cohort)


def access_mentor_of(user, assignment=None) -> bool:
    """The mentor of this mentoring pair, or an operator."""
    if access_operator(user):
        return True
    if assignment is None or not getattr(user, "is_authenticated", False):
        return False
    return assignment.mentor_id == user.pk and has_role(user, RoleKind.MENTOR)


def access_assignment_grader(user, assignment=None) -> bool:
    if access_operator(user):
        return True
    return assignment is not None and is_cohort_mentor(user, assignment.cohort)


def access_certificate_holder(user, certificate=None) -> bool:
    if access_operator(user):
        return True
    if certificate is None or not getattr(user, "is_authenticated", False):
        return False
    return certificate.trainee_id == user.pk


def access_checkin_owner(user, checkin=None) -> bool:
    if checkin is None or not getattr(user, "is_authenticated", False):
        return False
    return checkin.certificate.trainee_id == user.pk


def access_training_mentor(user, obj=None) -> bool:
    return has_role(user, RoleKind.MENTOR)


def access_training_trainee_role(user, obj=None) -> bool:
    return has_role(user, RoleKind.TRAINEE)


def access_cohort_staff(user, cohort=None) -> bool:
    """Operators and the cohort's mentors: the roll and its attendance."""
    if access_operator(user):
        return True
    return cohort is not None and is_cohort_mentor(user, cohort)
