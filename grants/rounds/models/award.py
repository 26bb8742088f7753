"""Ranking, awards, operator overrides, and the public notice (公示) with its objections."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class RankingEntry(models.Model):
    """One application's components and final score, as computed by `round_rank`."""

    round = models.ForeignKey("rounds.Round", on_delete=models.CASCADE, related_name="ranking")
    application = models.OneToOneField("rounds.Application", on_delete=models.CASCADE, related_name="ranking")
    review = models.DecimalField(_("expert review"), max_digits=6, decimal_places=2, default=0)
    roadshow_expert = models.DecimalField(_("roadshow experts"), max_digits=6, decimal_places=2, default=0)
    roadshow_rep = models.DecimalField(_("roadshow representatives"), max_digits=6, decimal_places=2, default=0)
    peer = models.DecimalField(_("peer voting"), max_digits=6, decimal_places=2, default=0)
    public = models.DecimalField(_("public vote"), max_digits=6, decimal_places=2, default=0)
    final = models.DecimalField(_("final score"), max_digits=6, decimal_places=2, default=0)
    rank = models.PositiveIntegerField(_("rank"))
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("ranking entry")
        verbose_name_plural = _("ranking")
        ordering = ["round", "rank"]
        constraints = [models.UniqueConstraint(fields=["round", "rank"], name="ranking_rank_unique")]

    def __str__(self) -> str:
        return f"{self.rank}. {self.application}"


class AwardStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    CONFIRMED = "confirmed", _("Confirmed")
    CANCELLED = "cancelled", _("Cancelled")


class Award(models.Model):
    application = models.OneToOneField("rounds.Application", on_delete=models.PROTECT, related_name="award")
    amount_fen = models.BigIntegerField(_("awarded amount (fen)"))
    status = models.CharField(_("status"), max_length=20, default=AwardStatus.PROPOSED, choices=AwardStatus.choices)
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True)
    by_override = models.BooleanField(_("funded by operator override"), default=False)
    proposed_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        constraints = [models.CheckConstraint(condition=Q(amount_fen__gt=0), name="award_amount_positive")]

    def __str__(self) -> str:
        return str(self.application)


class OverrideAction(models.TextChoices):
    INCLUDE = "include", _("Fund ahead of the ranking")
    EXCLUDE = "exclude", _("Do not fund")


class AwardOverride(models.Model):
    round = models.ForeignKey("rounds.Round", on_delete=models.CASCADE, related_name="overrides")
    application = models.ForeignKey("rounds.Application", on_delete=models.CASCADE, related_name="overrides")
    action = models.CharField(_("action"), max_length=10, choices=OverrideAction.choices)
    reason = models.TextField(_("written reason"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("award override")
        verbose_name_plural = _("award overrides")
        constraints = [
            models.UniqueConstraint(fields=["round", "application"], name="override_one_per_application"),
            models.CheckConstraint(condition=~Q(reason=""), name="override_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} · {self.application}"


class NoticeStatus(models.TextChoices):
    PUBLISHED = "published", _("On public notice")
    CONFIRMED = "confirmed", _("Confirmed")


class Notice(models.Model):
    round = models.OneToOneField("rounds.Round", on_delete=models.CASCADE, related_name="notice")
    status = models.CharField(_("status"), max_length=12, choices=NoticeStatus.choices, default=NoticeStatus.PUBLISHED)
    published_on = models.DateField(_("published on"))
    ends_on = models.DateField(_("objections accepted until"))
    text = models.TextField(_("notice text"), blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("public notice")
        verbose_name_plural = _("public notices")

    def __str__(self) -> str:
        return str(self.round)


class ObjectionStatus(models.TextChoices):
    OPEN = "open", _("Awaiting an answer")
    UPHELD = "upheld", _("Upheld")
    DISMISSED = "dismissed", _("Dismissed")


class Objection(models.Model):
    """Real-name: the objector is known to the centre, never shown to the public or the applicant."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="objections")
    award = models.ForeignKey(Award, on_delete=models.PROTECT, related_name="objections")
    objector = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    real_name = models.CharField(_("real name"), max_length=40)
    phone = models.CharField(_("contact phone"), max_length=20)
    text = models.TextField(_("objection"))
    status = models.CharField(_("status"), max_length=10, choices=ObjectionStatus.choices, default=ObjectionStatus.OPEN)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("objection")
        verbose_name_plural = _("objections")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=Q(status="open") | ~Q(answer=""), name="objection_answered_has_text"),
        ]

    def __str__(self) -> str:
        return f"{self.award} · {self.get_status_display()}"
