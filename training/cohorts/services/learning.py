"""Mentoring, assignments (deadlines, extensions, rubric grading) and capstones."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.access import has_role
from accounts.models import RoleKind
from audit.services import audit_record
from core.clock import now
from core.statemachine import StateMachine

from ..access import is_enrolled
from ..models import (
    Assignment,
    AssignmentExtension,
    Capstone,
    CapstoneStatus,
    Cohort,
    CohortStatus,
    MentorAssignment,
    MentoringNote,
    Submission,
)
from ._common import local_minute, tell

logger = logging.getLogger(__name__)

C = CapstoneStatus
CAPSTONE_MACHINE = StateMachine(
    {
        C.DRAFT: [C.SUBMITTED],
        C.SUBMITTED: [C.ACCEPTED, C.REVISION_REQUESTED],
        C.REVISION_REQUESTED: [C.SUBMITTED],
        C.ACCEPTED: [],
    }
)
LEARNING_STATES = {CohortStatus.RUNNING, CohortStatus.COMPLETED}


# ---- mentors ------------------------------------------------------------------------------------


@transaction.atomic
def mentor_assign(*, actor, cohort: Cohort, mentor, trainee=None, team=None) -> MentorAssignment:
    if not has_role(mentor, RoleKind.MENTOR):
        raise ValidationError(_("%(name)s does not hold the mentor role.") % {"name": mentor}, code="not_mentor")
    assignment, created = MentorAssignment.objects.get_or_create(
        cohort=cohort, mentor=mentor, trainee=trainee, team=team
    )
    if created:
        assignment.full_clean()
        audit_record(actor=actor, action="mentor.assigned", obj=assignment)
        tell(
            mentor,
            "mentor_assigned",
            _("You mentor %(who)s in %(cohort)s") % {"who": trainee or team, "cohort": cohort},
            url_name="cohorts:mentoring",
        )
        if trainee is not None:
            tell(
                trainee,
                "mentor_assigned",
                _("Your mentor in %(cohort)s is %(mentor)s") % {"cohort": cohort, "mentor": mentor},
            )
    return assignment


@transaction.atomic
def mentoring_note_add(
    *, actor, assignment: MentorAssignment, body: str, shared_with_trainee: bool = True
) -> MentoringNote:
    note = MentoringNote(
        assignment=assignment, author=actor, body=body.strip(), shared_with_trainee=shared_with_trainee
    )
    note.full_clean()
    note.save()
    audit_record(actor=actor, action="mentoring.note_added", obj=assignment)
    if shared_with_trainee and assignment.trainee_id:
        tell(assignment.trainee, "mentoring_note", _("A new note from your mentor %(mentor)s") % {"mentor": actor})
    return note


# ---- assignments -----------------------------------------------------------------------------------


def deadline_for(assignment: Assignment, trainee):
    extension = AssignmentExtension.objects.filter(assignment=assignment, trainee=trainee).first()
    return extension.due_at if extension else assignment.due_at


@transaction.atomic
def submission_save(*, actor, assignment: Assignment, body: str) -> Submission:
    if not is_enrolled(actor, assignment.cohort):
        raise ValidationError(_("Only the cohort's trainees hand in assignments."), code="not_trainee")
    deadline = deadline_for(assignment, actor)
    if now() > deadline:
        raise ValidationError(
            _("The deadline (%(deadline)s) has passed; ask your mentor or the centre for an extension.")
            % {"deadline": local_minute(deadline)},
            code="late",
        )
    submission = Submission.objects.select_for_update().filter(assignment=assignment, trainee=actor).first()
    if submission and submission.graded_at:
        raise ValidationError(_("This assignment has been graded and can no longer change."), code="graded")
    submission = submission or Submission(assignment=assignment, trainee=actor)
    submission.body = body.strip()
    submission.submitted_at = now()
    submission.full_clean()
    submission.save()
    audit_record(actor=actor, action="assignment.submitted", obj=assignment)
    return submission


@transaction.atomic
def extension_grant(*, actor, assignment: Assignment, trainee, due_at, reason: str) -> AssignmentExtension:
    if due_at <= assignment.due_at:
        raise ValidationError(_("An extension must end after the normal deadline."), code="not_later")
    if not reason.strip():
        raise ValidationError(_("Give the reason for the extension."), code="reason")
    extension, _created = AssignmentExtension.objects.update_or_create(
        assignment=assignment,
        trainee=trainee,
        defaults={"due_at": due_at, "reason": reason.strip(), "granted_by": actor},
    )
    audit_record(
        actor=actor,
        action="assignment.extended",
        obj=assignment,
        changes={"trainee": trainee.pk, "due_at": due_at},
        reason=reason,
    )
    tell(
        trainee,
        "extension",
        _("New deadline for “%(title)s”: %(deadline)s") % {"title": assignment.title, "deadline": local_minute(due_at)},
    )
    return extension


def effective_rubric(assignment: Assignment) -> list[dict]:
    return assignment.rubric or [{"name": _("Overall"), "max": 100}]


@transaction.atomic
def submission_grade(*, actor, submission: Submission, scores: list[int], feedback: str = "") -> Submission:
    submission = (
        Submission.objects.select_for_update(of=("self",)).select_related("assignment", "trainee").get(pk=submission.pk)
    )
    rubric = effective_rubric(submission.assignment)
    if len(scores) != len(rubric):
        raise ValidationError(_("Score every line of the rubric."), code="scores")
    for line, score in zip(rubric, scores, strict=True):
        if not 0 <= int(score) <= int(line["max"]):
            raise ValidationError(
                _("“%(name)s” is scored from 0 to %(max)s.") % {"name": line["name"], "max": line["max"]},
                code="score_range",
            )
    total = sum(int(s) for s in scores)
    top = sum(int(line["max"]) for line in rubric)
    submission.scores = [int(s) for s in scores]
    submission.score_total = total
    submission.passed = total * 100 >= submission.assignment.pass_mark * top
    submission.feedback = feedback
    submission.graded_by, submission.graded_at = actor, now()
    submission.full_clean()
    submission.save()
    audit_record(
        actor=actor,
        action="assignment.graded",
        obj=submission.assignment,
        changes={"trainee": submission.trainee_id, "total": total, "passed": submission.passed},
    )
    tell(
        submission.trainee,
        "graded",
        _("“%(title)s” has been graded: %(total)s / %(top)s")
        % {"title": submission.assignment.title, "total": total, "top": top},
    )
    return submission


# ---- capstones ----------------------------------------------------------------------------------------


@transaction.atomic
def capstone_save(
    *,
    actor,
    cohort: Cohort,
    title: str,
    problem: str,
    plan: str,
    beneficiaries: str = "",
    budget_fen: int = 0,
    organization=None,
    submit: bool = False,
) -> Capstone:
    if not is_enrolled(actor, cohort):
        raise ValidationError(_("Only the cohort's trainees write a capstone."), code="not_trainee")
    if cohort.status not in LEARNING_STATES:
        raise ValidationError(_("Capstones are written while the cohort is running."), code="not_running")
    capstone = Capstone.objects.select_for_update().filter(cohort=cohort, trainee=actor).first()
    if capstone and capstone.status not in (C.DRAFT, C.REVISION_REQUESTED):
        raise ValidationError(_("The capstone is with the reviewers and cannot change now."), code="locked")
    capstone = capstone or Capstone(cohort=cohort, trainee=actor)
    capstone.team = getattr(cohort.applications.filter(applicant=actor).first(), "team", None)
    capstone.title, capstone.problem, capstone.plan = title, problem, plan
    capstone.beneficiaries, capstone.budget_fen, capstone.organization = beneficiaries, budget_fen, organization
    if submit:
        CAPSTONE_MACHINE.apply(capstone, C.SUBMITTED)
        capstone.submitted_at = now()
    capstone.full_clean()
    capstone.save()
    audit_record(actor=actor, action="capstone.submitted" if submit else "capstone.saved", obj=capstone)
    return capstone


@transaction.atomic
def capstone_decide(*, actor, capstone: Capstone, accept: bool, note: str = "") -> Capstone:
    capstone = Capstone.objects.select_for_update().get(pk=capstone.pk)
    if not accept and not note.strip():
        raise ValidationError(_("Say what should be revised."), code="note")
    previous = CAPSTONE_MACHINE.apply(capstone, C.ACCEPTED if accept else C.REVISION_REQUESTED)
    capstone.decided_at, capstone.decided_by, capstone.review_note = now(), actor, note
    capstone.full_clean()
    capstone.save()
    audit_record(
        actor=actor,
        action="capstone.decided",
        obj=capstone,
        changes={"status": [previous, capstone.status]},
        reason=note,
    )
    subject = _("Your capstone “%(title)s” is accepted") if accept else _("Please revise your capstone “%(title)s”")
    tell(
        capstone.trainee,
        "capstone",
        subject % {"title": capstone.title},
        note,
        url_name="cohorts:capstone",
        url_kwargs={"cohort_pk": capstone.cohort_id},
    )
    return capstone


def _create_draft_application(*, actor, round, organization, project_name: str, amount_fen: int, extra: dict):
    """The rounds app's own service when it is there; otherwise the row itself, as a draft."""
    from grants.rounds.models import Application

    fields = {name: value for name, value in extra.items() if _has_field(Application, name)}
    try:
        from grants.rounds.services import application_create_draft
    except ImportError:
        application_create_draft = None
    if application_create_draft is not None:
        return application_create_draft(
            actor=actor,
            round=round,
            organization=organization,
            project_name=project_name,
            amount_fen=amount_fen,
            **fields,
        )
    application = Application(
        round=round,
        organization=organization,
        project_name=project_name,
        amount_fen=amount_fen,
        status="draft",
        **fields,
    )
    application.full_clean()
    application.save()
    return application


def _has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except Exception:
        return False
    return True


@transaction.atomic
def capstone_to_application(*, actor, capstone: Capstone, round):
    """Turn an accepted capstone into a draft grant application for an open round, once."""
    capstone = (
        Capstone.objects.select_for_update(of=("self",)).select_related("cohort", "organization").get(pk=capstone.pk)
    )
    if capstone.status != C.ACCEPTED:
        raise ValidationError(_("Only an accepted capstone can become a grant application."), code="not_accepted")
    if capstone.application_id:
        raise ValidationError(_("This capstone already has a grant application."), code="already")
    if round.status != "open":
        raise ValidationError(_("The funding round “%(round)s” is not open.") % {"round": round}, code="round_closed")
    if capstone.organization is None:
        raise ValidationError(
            _("Name the organization that will apply before making the application."), code="no_organization"
        )
    cohort_note = _("From the capstone of %(cohort)s") % {"cohort": capstone.cohort}
    application = _create_draft_application(
        actor=actor,
        round=round,
        organization=capstone.organization,
        project_name=capstone.title,
        amount_fen=capstone.budget_fen,
        extra={
            "need": capstone.problem,
            "activities": f"{capstone.plan}\n\n{cohort_note}",
            "target_group": capstone.beneficiaries[:200],
        },
    )
    capstone.application = application
    capstone.save(update_fields=["application"])
    audit_record(
        actor=actor,
        action="capstone.to_application",
        obj=capstone,
        changes={"application": application.pk, "round": round.pk},
    )
    tell(
        capstone.trainee,
        "capstone_application",
        _("A draft grant application was made from your capstone “%(title)s”") % {"title": capstone.title},
        url_name="cohorts:capstone",
        url_kwargs={"cohort_pk": capstone.cohort_id},
    )
    return application
