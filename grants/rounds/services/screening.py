"""Screening: automatic eligibility checks, then a staff decision with reasons."""

import datetime
from dataclasses import asdict, dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit.services import audit_record
from core.clock import now, today
from organizations.creditcode import is_valid
from organizations.models import IncubationStatus

from ..budget import budget_errors
from ..models import ApplicantType, Application, ApplicationStatus, AwardStatus, Round
from .applications import APPLICATION, lines_of
from .common import application_url, notify_org

S = ApplicationStatus
INCUBATED = {IncubationStatus.INCUBATING, IncubationStatus.GRADUATED}


@dataclass(frozen=True)
class Check:
    code: str
    label: str
    passed: bool
    detail: str = ""


def eligibility_checks(application: Application) -> list[Check]:
    round: Round = application.round
    org = application.organization
    checks = []
    allowed = {
        ApplicantType.REGISTERED: round.allow_registered,
        ApplicantType.INCUBATED: round.allow_incubated,
        ApplicantType.RESIDENT_TEAM: round.allow_resident_teams,
    }
    checks.append(
        Check(
            "type",
            _("Applicant type admitted by the round"),
            allowed.get(application.applicant_type, False),
            application.get_applicant_type_display(),
        )
    )
    team = application.applicant_type == ApplicantType.RESIDENT_TEAM
    if team:
        checks.append(
            Check("credit_code", _("Unified social credit code valid"), True, _("not required of resident teams"))
        )
    else:
        checks.append(
            Check(
                "credit_code",
                _("Unified social credit code valid"),
                bool(org.credit_code) and is_valid(org.credit_code),
                org.credit_code or _("no code on file"),
            )
        )
    needs_incubation = round.require_incubation or application.applicant_type == ApplicantType.INCUBATED
    if needs_incubation:
        checks.append(
            Check(
                "incubation",
                _("Incubated at the centre"),
                org.incubation_status in INCUBATED,
                org.get_incubation_status_display(),
            )
        )
    if not team:
        year = today().year - 1
        filed = bool(org.annual_report_year and org.annual_report_year >= year)
        checks.append(
            Check(
                "annual_report",
                _("Annual report filed for %(year)d") % {"year": year},
                filed,
                str(org.annual_report_year or _("none on file")),
            )
        )
    checks.append(
        Check(
            "standing",
            _("Not listed as abnormal or seriously dishonest"),
            org.in_good_standing,
            _("listed") if not org.in_good_standing else "",
        )
    )
    double = (
        application.other_grant_for_same_project
        or Application.objects.filter(
            organization=org,
            project_name=application.project_name,
            award__status__in=[AwardStatus.PROPOSED, AwardStatus.CONFIRMED],
        )
        .exclude(pk=application.pk)
        .exists()
    )
    checks.append(
        Check(
            "double_funding",
            _("No other funding for the same project"),
            not double,
            _("declared or found in another round") if double else "",
        )
    )
    communities = list(round.eligible_communities.all())
    if communities:
        checks.append(
            Check(
                "community",
                _("Community eligible"),
                application.community in communities,
                str(application.community or _("none given")),
            )
        )
    problems = budget_errors(
        round=round,
        lines=lines_of(application),
        amount_fen=application.amount_fen,
        cofunding_fen=application.cofunding_fen,
        applicant_type=application.applicant_type,
    )
    checks.append(
        Check("budget", _("Amount and grant share within the round's limits"), not problems, " ".join(problems))
    )
    return checks


DECISIONS = {"accept": S.ACCEPTED, "reject": S.REJECTED, "more_info": S.MORE_INFO}


@transaction.atomic
def application_screen(
    *, actor, application: Application, decision: str, reason: str, info_due_at: datetime.datetime | None = None
) -> Application:
    application = Application.objects.select_for_update().select_related("round", "organization").get(pk=application.pk)
    if decision not in DECISIONS:
        raise ValidationError(_("Choose accept, reject or request more information."))
    if not reason.strip():
        raise ValidationError(_("Write the reasons for the decision; the applicant sees them."))
    if application.round.accepts_changes_at(now()) and application.status == S.SUBMITTED:
        raise ValidationError(_("Screening starts after the application deadline."))
    checks = eligibility_checks(application)
    if decision == "accept" and not all(check.passed for check in checks):
        failed = ", ".join(check.label for check in checks if not check.passed)
        raise ValidationError(_("Cannot accept: these checks fail: %(failed)s.") % {"failed": failed})
    if decision == "more_info":
        if not info_due_at or info_due_at <= now():
            raise ValidationError(_("Give a deadline in the future for the additional information."))
        application.info_due_at = info_due_at
    target = DECISIONS[decision]
    previous = APPLICATION.apply(application, target)
    application.screened_at = now()
    application.screening_reason = reason
    application.screening_checks = [asdict(check) for check in checks]
    application.save()
    audit_record(
        actor=actor,
        action=f"application.screen_{decision}",
        obj=application,
        reason=reason,
        changes={"status": [previous, target]},
    )
    subjects = {
        "accept": _("“%(name)s” passed screening and goes to expert review"),
        "reject": _("“%(name)s” did not pass screening"),
        "more_info": _("More information is needed for “%(name)s”"),
    }
    notify_org(
        application.organization,
        kind=f"rounds.screen_{decision}",
        subject=subjects[decision] % {"name": application.project_name},
        body=reason,
        url=application_url(application),
    )
    return application


@transaction.atomic
def application_shortlist(*, actor, application: Application, shortlisted: bool, reason: str = "") -> Application:
    application = Application.objects.select_for_update().select_related("organization").get(pk=application.pk)
    target = S.SHORTLISTED if shortlisted else S.NOT_SHORTLISTED
    previous = APPLICATION.apply(application, target)
    application.save()
    audit_record(
        actor=actor,
        action="application.shortlist",
        obj=application,
        reason=reason,
        changes={"status": [previous, target]},
    )
    subject = _("“%(name)s” is shortlisted for the roadshow") if shortlisted else _("“%(name)s” was not shortlisted")
    notify_org(
        application.organization,
        kind="rounds.shortlist",
        subject=subject % {"name": application.project_name},
        body=reason,
        url=application_url(application),
    )
    return application
