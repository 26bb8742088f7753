"""Sessions, their materials and shared notes, study-club enrolment, and attendance."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.uploads import validate_document_upload

from .programs import Cohort


class TrainingSession(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="training_sessions_led",
        verbose_name=_("trainer"),
    )
    trainer_name = models.CharField(_("trainer (as shown)"), max_length=64, blank=True)
    # Study club: the organization sharing its practice, and the seats for open enrolment.
    host_organization = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("host organization"),
    )
    capacity = models.PositiveIntegerField(_("seats"), null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def hours(self) -> Decimal:
        return (Decimal((self.ends_at - self.starts_at).total_seconds()) / 3600).quantize(Decimal("0.1"))

    @property
    def trainer_label(self) -> str:
        return self.trainer_name or (self.trainer.display_name if self.trainer else "")


class SessionMaterial(models.Model):
    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=120)
    file = models.FileField(
        _("file"), upload_to="training/materials/%Y/%m/", blank=True, validators=[validate_document_upload]
    )
    url = models.URLField(_("link"), blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "id"]
        verbose_name = _("material")
        constraints = [models.CheckConstraint(condition=~Q(file="") | ~Q(url=""), name="material_file_or_link")]

    def __str__(self) -> str:
        return self.title


class SessionNote(models.Model):
    """Notes shared by the participants of a session (the study club's shared practice notes)."""

    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("note"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("session note")

    def __str__(self) -> str:
        return f"{self.session}: {self.body[:30]}"


class SessionEnrolment(models.Model):
    """Open enrolment in a study-club session, first come first served up to its seats."""

    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="enrolments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_enrolments")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("session enrolment")
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="session_enrolment_once")]

    def __str__(self) -> str:
        return f"{self.user} · {self.session}"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    LATE = "late", _("Late")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


class AttendanceSource(models.TextChoices):
    TRAINER = "trainer", _("Marked by the trainer")
    QR = "qr", _("QR check-in")
    CORRECTION = "correction", _("Staff correction")


class Attendance(models.Model):
    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="attendance")
    trainee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_attendance")
    status = models.CharField(_("attendance"), max_length=8, choices=AttendanceStatus.choices)
    source = models.CharField(_("source"), max_length=12, choices=AttendanceSource.choices)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField()
    remark = models.CharField(_("remark"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["session", "trainee"], name="attendance_once"),
            models.CheckConstraint(
                condition=~Q(source="correction") | ~Q(remark=""), name="attendance_correction_remark"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.trainee} · {self.session}: {self.get_status_display()}"
