"""Certificates with public verification, continuing-education hours, feedback and outcomes."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .programs import Cohort


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    REVOKED = "revoked", _("Revoked")


class Certificate(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.PROTECT, related_name="certificates")
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="training_certificates"
    )
    serial = models.CharField(_("certificate number"), max_length=32, unique=True)
    # Random and unguessable (secrets.token_urlsafe); the public verification URL carries it.
    verification_code = models.CharField(max_length=32, unique=True)
    holder_name = models.CharField(_("name"), max_length=64)
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=1)
    issued_on = models.DateField(_("issued on"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=8, choices=CertificateStatus.choices, default=CertificateStatus.VALID
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoke_reason = models.CharField(_("reason for revocation"), max_length=200, blank=True)

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = _("certificate")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "trainee"], name="certificate_once"),
            models.CheckConstraint(
                condition=Q(status="valid") | (~Q(revoke_reason="") & Q(revoked_at__isnull=False)),
                name="certificate_revocation_recorded",
            ),
        ]

    def __str__(self) -> str:
        return self.serial

    @property
    def is_valid(self) -> bool:
        return self.status == CertificateStatus.VALID


class SocialWorkerLevel(models.TextChoices):
    ASSISTANT = "assistant", _("Assistant social worker (助理社会工作师)")
    SOCIAL_WORKER = "social_worker", _("Social worker (社会工作师)")


class SocialWorkerProfile(models.Model):
    """A certified social worker's registration, for the continuing-education hours ledger."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="social_worker_profile"
    )
    level = models.CharField(_("level"), max_length=16, choices=SocialWorkerLevel.choices)
    registration_number = models.CharField(_("registration number"), max_length=40, blank=True)
    registered_on = models.DateField(_("registered on"), help_text=_("Start of the first 3-year registration period."))

    class Meta:
        verbose_name = _("social worker registration")

    def __str__(self) -> str:
        return f"{self.user} · {self.get_level_display()}"


class HoursEntry(models.Model):
    profile = models.ForeignKey(SocialWorkerProfile, on_delete=models.CASCADE, related_name="hours")
    on = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1)
    description = models.CharField(_("training"), max_length=200)
    certificate = models.ForeignKey(Certificate, null=True, blank=True, on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["-on", "-id"]
        verbose_name = _("continuing-education hours")
        constraints = [
            models.CheckConstraint(condition=Q(hours__gt=0), name="hours_entry_positive"),
            models.UniqueConstraint(
                fields=["profile", "certificate"],
                condition=Q(certificate__isnull=False),
                name="hours_entry_once_per_certificate",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.on} {self.hours}h {self.description}"


class FeedbackResponse(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="feedback")
    trainee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    overall = models.PositiveSmallIntegerField(
        _("overall (1-5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    usefulness = models.PositiveSmallIntegerField(
        _("useful for my work (1-5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    would_recommend = models.BooleanField(_("I would recommend it"), default=True)
    comments = models.TextField(_("comments"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "trainee"], name="feedback_once"),
            models.CheckConstraint(
                condition=Q(overall__gte=1, overall__lte=5, usefulness__gte=1, usefulness__lte=5), name="feedback_scale"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cohort} · {self.trainee}"


class OutcomeCheckin(models.Model):
    """What an alumnus is doing 6 and 12 months after the certificate."""

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="checkins")
    months = models.PositiveSmallIntegerField(_("months after"))
    due_on = models.DateField(_("due on"))
    answered_at = models.DateTimeField(null=True, blank=True)
    still_active = models.BooleanField(_("still active in public-benefit work"), null=True, blank=True)
    projects_led = models.PositiveSmallIntegerField(_("projects led"), null=True, blank=True)
    funding_won_fen = models.BigIntegerField(_("funding won (fen)"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("outcome check-in")
        constraints = [
            models.UniqueConstraint(fields=["certificate", "months"], name="outcome_checkin_once"),
            models.CheckConstraint(
                condition=Q(funding_won_fen__isnull=True) | Q(funding_won_fen__gte=0),
                name="outcome_funding_non_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.certificate} +{self.months}m"
