"""Certificates (issue, revoke, PDF), the hours ledger, feedback and the 6/12-month outcome check-ins."""

import base64
import datetime
import io
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from audit.services import audit_record
from core.clock import now, today

from ..models import (
    ApplicationStatus,
    Certificate,
    CertificateStatus,
    Cohort,
    CohortStatus,
    FeedbackResponse,
    HoursEntry,
    OutcomeCheckin,
    ProgramKind,
    SocialWorkerProfile,
)
from ._common import tell
from .cohorts import lock

SERIAL_PREFIX = {ProgramKind.SOCIAL_INNOVATION: "SC", ProgramKind.YOUTH_INNOVATION: "YC", ProgramKind.STUDY_CLUB: "SS"}
CHECKIN_MONTHS = (6, 12)
ISSUING_STATES = {CohortStatus.RUNNING, CohortStatus.COMPLETED}


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


def _serial(cohort: Cohort, issued_on: datetime.date) -> str:
    prefix = f"{SERIAL_PREFIX[cohort.program]}-{issued_on.year}-"
    taken = Certificate.objects.filter(serial__startswith=prefix).count()
    return f"{prefix}{taken + 1:05d}"


@transaction.atomic
def certificate_issue(*, actor, cohort: Cohort, trainee) -> Certificate:
    """Issue one certificate if the trainee completes under the rules; the first one locks the rules."""
    from ..selectors import completion_for

    cohort = lock(cohort)
    if cohort.status not in ISSUING_STATES:
        raise ValidationError(_("Certificates are issued once the cohort is running or completed."), code="state")
    if Certificate.objects.filter(cohort=cohort, trainee=trainee).exists():
        raise ValidationError(
            _("%(name)s already has a certificate for this cohort.") % {"name": trainee}, code="already"
        )
    result = completion_for(cohort, trainee)
    if result is None:
        raise ValidationError(_("%(name)s is not enrolled in this cohort.") % {"name": trainee}, code="not_enrolled")
    if not result.complete:
        raise ValidationError(
            _("%(name)s has not completed the cohort: %(reasons)s")
            % {"name": trainee, "reasons": " ".join(result.reasons)},
            code="incomplete",
        )
    moment = now()
    if cohort.rules_locked_at is None:
        cohort.rules_locked_at = moment
        cohort.save(update_fields=["rules_locked_at"])
        audit_record(actor=actor, action="cohort.rules_locked", obj=cohort)
    issued_on = today()
    certificate = Certificate(
        cohort=cohort,
        trainee=trainee,
        serial=_serial(cohort, issued_on),
        verification_code=secrets.token_urlsafe(18)[:24],
        holder_name=trainee.display_name,
        hours=result.attended_hours,
        issued_on=issued_on,
        issued_by=actor,
    )
    certificate.full_clean()
    certificate.save()
    profile = SocialWorkerProfile.objects.filter(user=trainee).first()
    if profile and certificate.hours > 0:
        HoursEntry.objects.create(
            profile=profile, on=issued_on, hours=certificate.hours, certificate=certificate, description=str(cohort)
        )
    OutcomeCheckin.objects.bulk_create(
        [OutcomeCheckin(certificate=certificate, months=m, due_on=add_months(issued_on, m)) for m in CHECKIN_MONTHS]
    )
    audit_record(
        actor=actor,
        action="certificate.issued",
        obj=certificate,
        changes={"trainee": trainee.pk, "hours": certificate.hours},
    )
    tell(
        trainee,
        "certificate",
        _("Your certificate for %(cohort)s is ready") % {"cohort": cohort},
        url_name="cohorts:certificate_pdf",
        url_kwargs={"code": certificate.verification_code},
    )
    return certificate


def certificates_issue_for_cohort(*, actor, cohort: Cohort) -> tuple[list[Certificate], list[str]]:
    """Issue to every enrolled trainee who completes; returns (issued, why the others were not)."""
    issued, skipped = [], []
    trainees = [
        a.applicant
        for a in cohort.applications.filter(status=ApplicationStatus.ENROLLED)
        .exclude(applicant__training_certificates__cohort=cohort)
        .select_related("applicant")
    ]
    for trainee in trainees:
        try:
            issued.append(certificate_issue(actor=actor, cohort=cohort, trainee=trainee))
        except ValidationError as error:
            skipped.append(" ".join(error.messages))
    return issued, skipped


@transaction.atomic
def certificate_revoke(*, actor, certificate: Certificate, reason: str) -> Certificate:
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Give the reason for revoking the certificate."), code="reason")
    if certificate.status == CertificateStatus.REVOKED:
        raise ValidationError(_("This certificate is already revoked."), code="already")
    certificate.status = CertificateStatus.REVOKED
    certificate.revoked_at, certificate.revoked_by, certificate.revoke_reason = now(), actor, reason[:200]
    certificate.full_clean()
    certificate.save()
    audit_record(actor=actor, action="certificate.revoked", obj=certificate, reason=reason)
    tell(
        certificate.trainee,
        "certificate_revoked",
        _("Your certificate %(serial)s was revoked") % {"serial": certificate.serial},
        reason,
    )
    return certificate


# ---- the PDF ---------------------------------------------------------------------------------------------


def verification_url(certificate: Certificate, *, base_url: str | None = None) -> str:
    base = (base_url or settings.WAGTAILADMIN_BASE_URL).rstrip("/")
    with override(settings.LANGUAGE_CODE):
        return base + reverse("cohorts:verify", kwargs={"code": certificate.verification_code})


def qr_data_uri(text: str) -> str:
    """A QR code as an SVG data URI, for pages: sharp at any size, no image library."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def qr_png_data_uri(text: str) -> str:
    """The same code as a PNG, for the PDF: WeasyPrint draws a PNG far faster than it parses an SVG path.

    A fixed mask pattern skips qrcode's search over all eight (a valid code either way), and the
    modules are written as pixels and scaled once instead of drawn box by box.
    """
    import qrcode
    from PIL import Image

    qr = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M, mask_pattern=4)
    qr.add_data(text)
    qr.make(fit=True)
    matrix = qr.get_matrix()
    side = len(matrix)
    image = Image.new("L", (side, side))
    image.putdata([0 if dark else 255 for row in matrix for dark in row])
    buffer = io.BytesIO()
    image.resize((side * 4, side * 4), Image.NEAREST).save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


# One face only (Noto Sans CJK SC, regular): each extra face or weight is one more subsetting
# pass over a large CJK font, the dearest step of the render (the budget is 150 ms).
CERTIFICATE_CSS = """
@page { size: A4 landscape; margin: 16mm; @bottom-center { content: none; } }
html, body, h1, h2, p, td, strong, b, th, span, div { font-family: "Noto Sans CJK SC", sans-serif; font-weight: 400; }
"""


def certificate_pdf(certificate: Certificate, *, base_url: str | None = None) -> bytes:
    from core.pdf import render_pdf

    url = verification_url(certificate, base_url=base_url)
    context = {
        "certificate": certificate,
        "cohort": certificate.cohort,
        "program": certificate.cohort.get_program_display(),
        "verify_url": url,
        "qr": qr_png_data_uri(url),
    }
    with override(settings.LANGUAGE_CODE):
        return render_pdf("cohorts/certificate_pdf.html", context, extra_css=CERTIFICATE_CSS)


# ---- hours, feedback, outcomes ------------------------------------------------------------------------


def hours_warn_due(*, on: datetime.date | None = None) -> int:
    """Warn social workers in the last year of their registration period who are short of hours."""
    from ..selectors import hours_period

    day = on or today()
    warned = 0
    for profile in SocialWorkerProfile.objects.select_related("user"):
        period = hours_period(profile, today=day)
        if not period.below_minimum or (period.ends_on - day).days > 365:
            continue
        sent = tell(
            profile.user,
            "hours_short",
            _("Continuing education: %(hours)s of %(required)s hours")
            % {"hours": period.hours, "required": period.required},
            _("Your registration period ends on %(end)s; %(short)s hours are still missing.")
            % {"end": period.ends_on, "short": period.shortfall},
            url_name="cohorts:hours",
            dedupe_key=f"training-hours:{profile.pk}:{period.starts_on}:{day:%Y-%m}",
        )
        warned += sent is not None
    return warned


@transaction.atomic
def feedback_submit(
    *, actor, cohort: Cohort, overall: int, usefulness: int, would_recommend: bool, comments: str = ""
) -> FeedbackResponse:
    from ..access import is_enrolled

    if not is_enrolled(actor, cohort):
        raise ValidationError(_("Only the cohort's trainees answer its survey."), code="not_trainee")
    if cohort.status not in (CohortStatus.RUNNING, CohortStatus.COMPLETED):
        raise ValidationError(_("The survey opens at the end of the cohort."), code="not_open")
    response = FeedbackResponse(
        cohort=cohort,
        trainee=actor,
        overall=overall,
        usefulness=usefulness,
        would_recommend=would_recommend,
        comments=comments,
    )
    response.full_clean(validate_unique=False, validate_constraints=False)  # the database says "once"
    try:
        with transaction.atomic():
            response.save()
    except IntegrityError:
        raise ValidationError(_("You have already answered this survey. Thank you!"), code="already")
    audit_record(actor=actor, action="cohort.feedback", obj=cohort)
    return response


@transaction.atomic
def outcome_checkin_answer(
    *, actor, checkin: OutcomeCheckin, still_active: bool, projects_led: int, funding_won_fen: int, notes: str = ""
) -> OutcomeCheckin:
    checkin = OutcomeCheckin.objects.select_for_update(of=("self",)).select_related("certificate").get(pk=checkin.pk)
    if checkin.certificate.trainee_id != actor.pk:
        raise ValidationError(_("This check-in is not yours."), code="not_yours")
    if checkin.due_on > today():
        raise ValidationError(_("This check-in opens on %(day)s.") % {"day": checkin.due_on}, code="not_due")
    checkin.still_active, checkin.projects_led, checkin.funding_won_fen, checkin.notes = (
        still_active,
        projects_led,
        funding_won_fen,
        notes,
    )
    checkin.answered_at = now()
    checkin.full_clean()
    checkin.save()
    audit_record(actor=actor, action="outcome.answered", obj=checkin.certificate, changes={"months": checkin.months})
    return checkin


def outcome_checkins_remind(*, on: datetime.date | None = None) -> int:
    day = on or today()
    sent = 0
    with transaction.atomic():
        for checkin in OutcomeCheckin.objects.filter(
            due_on__lte=day, answered_at__isnull=True, certificate__status=CertificateStatus.VALID
        ).select_related("certificate__trainee", "certificate__cohort"):
            note = tell(
                checkin.certificate.trainee,
                "outcome_checkin",
                _("%(months)s months after %(cohort)s: how are you doing?")
                % {"months": checkin.months, "cohort": checkin.certificate.cohort},
                url_name="cohorts:outcome",
                url_kwargs={"pk": checkin.pk},
                dedupe_key=f"training-outcome:{checkin.pk}",
            )
            sent += note is not None
    return sent
