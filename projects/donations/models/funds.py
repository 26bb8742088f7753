"""Community micro-funds (社区微基金) and the sponsors' matching pools (配捐)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class CommunityFund(models.Model):
    community = models.ForeignKey(
        "places.Community", on_delete=models.PROTECT, related_name="donation_funds", verbose_name=_("community")
    )
    name = models.CharField(_("name"), max_length=128)
    description = models.TextField(_("description"), blank=True)
    is_open = models.BooleanField(_("accepting gifts"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("community fund")
        verbose_name_plural = _("community funds")
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["community", "name"], name="fund_unique_name")]

    def __str__(self) -> str:
        return self.name


class MatchingPool(models.Model):
    """A sponsor's promise: every succeeded gift in scope is matched at `ratio`, up to `cap_fen` in all."""

    sponsor = models.CharField(_("sponsor"), max_length=128)
    ratio = models.DecimalField(
        _("match ratio"), max_digits=5, decimal_places=2, help_text=_("1.00 matches one yuan for each yuan given.")
    )
    cap_fen = models.BigIntegerField(_("cap (fen)"))
    project = models.ForeignKey(
        "catalog.Project",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="matching_pools",
        verbose_name=_("only gifts to this project"),
    )
    fund = models.ForeignKey(
        CommunityFund,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="matching_pools",
        verbose_name=_("only gifts to this fund"),
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("matching pool")
        verbose_name_plural = _("matching pools")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=Q(ratio__gt=0), name="pool_ratio_positive"),
            models.CheckConstraint(condition=Q(cap_fen__gt=0), name="pool_cap_positive"),
            models.CheckConstraint(
                condition=Q(project__isnull=True) | Q(fund__isnull=True), name="pool_one_scope_at_most"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")), name="pool_window_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sponsor} ×{self.ratio}"
