"""Drafting, editing, submitting and withdrawing applications."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit.services import audit_record
from core.clock import now
from core.statemachine import StateMachine

from ..budget import Line, budget_errors, line_errors
from ..models import (
    Application,
    ApplicationStatus,
    Attachment,
    BudgetLine,
    Indicator,
    Milestone,
    Round,
)
from .common import application_url, notify_org

S = ApplicationStatus
APPLICATION = StateMachine(
    {
        S.DRAFT: [S.SUBMITTED, S.WITHDRAWN],
        S.SUBMITTED: [S.ACCEPTED, S.REJECTED, S.MORE_INFO, S.WITHDRAWN],
        S.MORE_INFO: [S.SUBMITTED, S.REJECTED, S.WITHDRAWN],
        S.ACCEPTED: [S.SHORTLISTED, S.NOT_SHORTLISTED, S.WITHDRAWN],
        S.SHORTLISTED: [S.WITHDRAWN],
        S.NOT_SHORTLISTED: [],
        S.REJECTED: [],
        S.WITHDRAWN: [],
    }
)
TEXT_FIELDS = [
    "project_name",
    "applicant_type",
    "community",
    "need",
    "evidence",
    "target_group",
    "beneficiaries",
    "activities",
    "team",
    "cofunding_fen",
    "other_grant_for_same_project",
]
LIVE = [S.DRAFT, S.SUBMITTED, S.MORE_INFO, S.ACCEPTED, S.SHORTLISTED]


def application_editable(application: Application, moment=None) -> bool:
    """Editable before the deadline; when more information is asked for, until its own deadline."""
    moment = moment or now()
    if application.status in (S.DRAFT, S.SUBMITTED):
        return application.round.accepts_changes_at(moment)
    if application.status == S.MORE_INFO:
        return bool(application.info_due_at and moment < application.info_due_at)
    return False


def lines_of(application: Application) -> list[Line]:
    return [
        Line(line.category, line.item, line.unit_price_fen, line.quantity, line.subtotal_fen)
        for line in application.budget_lines.all()
    ]


def _check_line_arithmetic(lines: list[Line]) -> None:
    errors = line_errors(lines)
    if errors:
        raise ValidationError(errors)


def _write_children(application, *, budget_lines, milestones, indicators) -> None:
    if budget_lines is not None:
        lines = [Line(**{k: line[k] for k in Line.__dataclass_fields__}) for line in budget_lines]
        _check_line_arithmetic(lines)
        application.budget_lines.all().delete()
        BudgetLine.objects.bulk_create(
            [BudgetLine(application=application, order=i, **line.__dict__) for i, line in enumerate(lines)]
        )
        application.amount_fen = max(sum(line.subtotal_fen for line in lines) - application.cofunding_fen, 0)
    if milestones is not None:
        application.milestones.all().delete()
        objs = [Milestone(application=application, **m) for m in milestones]
        for obj in objs:
            obj.full_clean(exclude=["application"])
        Milestone.objects.bulk_create(objs)
    if indicators is not None:
        application.indicators.all().delete()
        objs = [Indicator(application=application, **i) for i in indicators]
        for obj in objs:
            obj.full_clean(exclude=["application"])
        Indicator.objects.bulk_create(objs)


@transaction.atomic
def application_create_draft(
    *,
    actor,
    round: Round,
    organization,
    project_name: str,
    linked_ideas=None,
    budget_lines=None,
    milestones=None,
    indicators=None,
    **fields,
) -> Application:
    """A new draft; called by the applicant form and by training for an accepted capstone."""
    round = Round.objects.select_for_update().get(pk=round.pk)
    if not round.accepts_changes_at(now()):
        raise ValidationError(_("This round is not accepting applications."))
    live = round.applications.filter(organization=organization, status__in=LIVE).count()
    if live >= round.applications_per_org:
        raise ValidationError(
            _("Your organization already has %(n)d application(s) in this round, the most it allows.") % {"n": live}
        )
    unknown = set(fields) - set(TEXT_FIELDS) - {"amount_fen"}
    if unknown:
        raise ValueError(f"unknown application fields: {sorted(unknown)}")
    application = Application(
        round=round,
        organization=organization,
        project_name=project_name,
        created_by=actor,
        community=fields.pop("community", None) or organization.community,
        **fields,
    )
    application.full_clean()
    application.save()
    if linked_ideas:
        application.linked_ideas.set(linked_ideas)
    _write_children(application, budget_lines=budget_lines, milestones=milestones, indicators=indicators)
    application.save()
    audit_record(actor=actor, action="application.created", obj=application, changes={"round": round.pk})
    return application


@transaction.atomic
def application_update(
    *,
    actor,
    application: Application,
    linked_ideas=None,
    budget_lines=None,
    milestones=None,
    indicators=None,
    **fields,
) -> Application:
    application = Application.objects.select_for_update().select_related("round").get(pk=application.pk)
    if not application_editable(application):
        raise ValidationError(_("This application can no longer be changed."))
    for name, value in fields.items():
        if name not in TEXT_FIELDS:
            raise ValueError(f"{name} is not an editable field")
        setattr(application, name, value)
    _write_children(application, budget_lines=budget_lines, milestones=milestones, indicators=indicators)
    if linked_ideas is not None:
        application.linked_ideas.set(linked_ideas)
    application.full_clean()
    application.save()
    audit_record(actor=actor, action="application.updated", obj=application, changes={"fields": sorted(fields)})
    return application


def submission_problems(application: Application) -> list[str]:
    """Everything that stops a submission, in words the applicant can act on."""
    problems = budget_errors(
        round=application.round,
        lines=lines_of(application),
        amount_fen=application.amount_fen,
        cofunding_fen=application.cofunding_fen,
        applicant_type=application.applicant_type,
    )
    required = {
        "need": _("Describe the need."),
        "target_group": _("Name the target group."),
        "activities": _("Describe the activities."),
        "team": _("Introduce the team."),
    }
    problems += [message for name, message in required.items() if not getattr(application, name).strip()]
    if application.beneficiaries <= 0:
        problems.append(_("Give the number of beneficiaries."))
    if not application.milestones.exists():
        problems.append(_("Add at least one milestone with a date."))
    if not application.indicators.exists():
        problems.append(_("Add at least one indicator with a target."))
    attached = set(application.attachments.values_list("required_document_id", flat=True))
    for document in application.round.required_documents.filter(mandatory=True):
        if document.pk not in attached:
            problems.append(_("Attach the required document “%(title)s”.") % {"title": document.title})
    return problems


@transaction.atomic
def application_submit(*, actor, application: Application) -> Application:
    application = Application.objects.select_for_update().select_related("round", "organization").get(pk=application.pk)
    if not application_editable(application):
        raise ValidationError(_("The deadline has passed; the application can no longer be submitted."))
    if application.status == S.SUBMITTED:
        raise ValidationError(_("This application is already submitted."))
    problems = submission_problems(application)
    if problems:
        raise ValidationError(problems)
    previous = APPLICATION.apply(application, S.SUBMITTED)
    application.submitted_at = now()
    application.info_due_at = None if previous == S.MORE_INFO else application.info_due_at
    application.save()
    audit_record(
        actor=actor, action="application.submitted", obj=application, changes={"status": [previous, S.SUBMITTED]}
    )
    notify_org(
        application.organization,
        kind="rounds.submitted",
        subject=_("Application “%(name)s” submitted") % {"name": application.project_name},
        body=_("The centre will screen it after the deadline. You can still edit it until then."),
        url=application_url(application),
    )
    return application


@transaction.atomic
def application_withdraw(*, actor, application: Application, reason: str = "") -> Application:
    application = Application.objects.select_for_update().select_related("round").get(pk=application.pk)
    if not application_editable(application):
        raise ValidationError(_("After the deadline an application can no longer be withdrawn."))
    previous = APPLICATION.apply(application, S.WITHDRAWN)
    application.withdrawn_at = now()
    application.save()
    audit_record(
        actor=actor,
        action="application.withdrawn",
        obj=application,
        reason=reason,
        changes={"status": [previous, S.WITHDRAWN]},
    )
    return application


@transaction.atomic
def attachment_add(*, actor, application: Application, title: str, file, required_document=None) -> Attachment:
    application = Application.objects.select_for_update().select_related("round").get(pk=application.pk)
    if not application_editable(application):
        raise ValidationError(_("This application can no longer be changed."))
    if required_document is not None and required_document.round_id != application.round_id:
        raise ValidationError(_("That document is not required by this round."))
    attachment = Attachment(
        application=application, title=title, file=file, required_document=required_document, uploaded_by=actor
    )
    attachment.full_clean()
    attachment.save()
    audit_record(actor=actor, action="application.attachment_added", obj=application, changes={"title": title})
    return attachment


@transaction.atomic
def attachment_remove(*, actor, attachment: Attachment) -> None:
    application = Application.objects.select_for_update().select_related("round").get(pk=attachment.application_id)
    if not application_editable(application):
        raise ValidationError(_("This application can no longer be changed."))
    title = attachment.title
    attachment.delete()
    audit_record(actor=actor, action="application.attachment_removed", obj=application, changes={"title": title})
