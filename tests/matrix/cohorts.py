"""Training views x roles. Object-level views (the owner's application, a cohort's roll) admit
only operators here: a fresh user of any role is nobody's applicant or mentor. The owners'
own access is tested in tests/cohorts/."""

from . import ALL_ROLES, SIGNED_IN, Case

OPERATOR = frozenset({"centre_operator"})
NOBODY = frozenset()
REVIEWERS = frozenset({"reviewer", "centre_operator"})


def setup(ctx):
    from core.clock import now
    from tests.cohorts.factories import (
        ApplicationFactory,
        AssignmentFactory,
        CapstoneFactory,
        CohortFactory,
        SessionFactory,
        enrolled,
    )
    from tests.factories import UserFactory, grant
    from training.cohorts.models import Certificate, MentorAssignment, OutcomeCheckin, Submission

    open_cohort = CohortFactory(status="applications_open")
    cohort = CohortFactory(status="running", program="youth_innovation")
    session = SessionFactory(cohort=cohort)
    application = enrolled(cohort)
    trainee = application.applicant
    submitted = ApplicationFactory(cohort=CohortFactory(status="selection"))
    assignment = AssignmentFactory(cohort=cohort)
    submission = Submission.objects.create(assignment=assignment, trainee=trainee, body="作业", submitted_at=now())
    capstone = CapstoneFactory(cohort=cohort, trainee=trainee, status="submitted")
    mentor = grant(UserFactory(), "mentor")
    pairing = MentorAssignment.objects.create(cohort=cohort, mentor=mentor, trainee=trainee)
    certificate = Certificate.objects.create(
        cohort=cohort,
        trainee=trainee,
        serial="YC-2026-90001",
        verification_code="matrix-code-0001",
        holder_name="吴学员",
        hours=2,
        issued_on=now().date(),
    )
    checkin = OutcomeCheckin.objects.create(certificate=certificate, months=6, due_on=now().date())
    club = CohortFactory(status="running", program="study_club", capacity=100)
    club_session = SessionFactory(cohort=club, capacity=100)
    ctx.update(
        training_open_cohort=open_cohort,
        training_cohort=cohort,
        training_session=session,
        training_application=application,
        training_submitted=submitted,
        training_assignment=assignment,
        training_submission=submission,
        training_capstone=capstone,
        training_pairing=pairing,
        training_certificate=certificate,
        training_checkin=checkin,
        training_club_session=club_session,
        training_trainee=trainee,
    )


def _pk(key):
    return lambda ctx: {"pk": ctx[key].pk}


COHORT = _pk("training_cohort")
SESSION = _pk("training_session")

CASES = [
    # Public
    Case("cohorts:index", ALL_ROLES),
    Case("cohorts:cohort", ALL_ROLES, kwargs=COHORT),
    Case("cohorts:calendar", ALL_ROLES, kwargs=COHORT),
    Case("cohorts:session", ALL_ROLES, kwargs=SESSION),
    Case("cohorts:verify", ALL_ROLES, kwargs=lambda ctx: {"code": ctx["training_certificate"].verification_code}),
    # Signed in
    Case("cohorts:mine", SIGNED_IN),
    Case("cohorts:hours", SIGNED_IN),
    Case("cohorts:apply", SIGNED_IN, kwargs=_pk("training_open_cohort")),
    Case(
        "cohorts:checkin", SIGNED_IN, kwargs=lambda ctx: {"session_pk": ctx["training_session"].pk, "token": "x" * 24}
    ),
    Case("cohorts:session_enrol", SIGNED_IN, kwargs=_pk("training_club_session"), method="post"),
    # The applicant's or trainee's own things
    Case("cohorts:application", NOBODY, kwargs=_pk("training_application")),
    Case("cohorts:offer_respond", NOBODY, kwargs=_pk("training_application"), method="post"),
    Case("cohorts:capstone", NOBODY, kwargs=lambda ctx: {"cohort_pk": ctx["training_cohort"].pk}),
    Case("cohorts:feedback", NOBODY, kwargs=COHORT),
    Case("cohorts:outcome", NOBODY, kwargs=_pk("training_checkin")),
    Case(
        "cohorts:certificate_pdf", OPERATOR, kwargs=lambda ctx: {"code": ctx["training_certificate"].verification_code}
    ),
    Case("cohorts:session_note_add", OPERATOR, kwargs=SESSION, method="post", data=lambda ctx: {"body": "笔记"}),
    Case("cohorts:session_material_add", OPERATOR, kwargs=SESSION),
    Case("cohorts:assignment", OPERATOR, kwargs=_pk("training_assignment")),
    # Trainers and mentors
    Case("cohorts:attendance", OPERATOR, kwargs=SESSION),
    Case("cohorts:session_qr", OPERATOR, kwargs=SESSION),
    Case("cohorts:mentoring", frozenset({"mentor"})),
    Case("cohorts:mentoring_notes", OPERATOR, kwargs=_pk("training_pairing")),
    Case("cohorts:grade", OPERATOR, kwargs=_pk("training_submission")),
    Case("cohorts:extension", OPERATOR, kwargs=_pk("training_assignment")),
    Case("cohorts:roll", OPERATOR, kwargs=COHORT),
    # Reviewers
    Case("cohorts:review_queue", REVIEWERS),
    Case("cohorts:review", REVIEWERS, kwargs=_pk("training_submitted")),
    # Operators
    Case("cohorts:manage_index", OPERATOR),
    Case("cohorts:manage", OPERATOR, kwargs=COHORT),
    Case("cohorts:transition", OPERATOR, kwargs=COHORT, method="post", data=lambda ctx: {"target": "nowhere"}),
    Case("cohorts:rank", OPERATOR, kwargs=COHORT, method="post"),
    Case("cohorts:decide", OPERATOR, kwargs=COHORT, method="post"),
    Case("cohorts:mentor_assign", OPERATOR, kwargs=COHORT, method="post"),
    Case(
        "cohorts:attendance_correct",
        OPERATOR,
        kwargs=lambda ctx: {"pk": ctx["training_session"].pk, "trainee_pk": ctx["training_trainee"].pk},
    ),
    Case("cohorts:issue_certificates", OPERATOR, kwargs=COHORT, method="post"),
    Case("cohorts:certificate_revoke", OPERATOR, kwargs=_pk("training_certificate")),
    Case("cohorts:capstone_review", OPERATOR, kwargs=_pk("training_capstone")),
    Case("cohorts:capstone_to_application", OPERATOR, kwargs=_pk("training_capstone"), method="post"),
    Case("cohorts:rules", OPERATOR, kwargs=COHORT),
    Case("cohorts:feedback_results", OPERATOR, kwargs=COHORT),
    Case("cohorts:alumni", frozenset({"bureau_officer", "centre_operator", "mentor"})),
]
