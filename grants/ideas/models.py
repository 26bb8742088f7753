"""Resident ideas (V益案). The ideas issue extends this; other apps rely on the fields here."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Idea(models.Model):
    title = models.CharField(_("title"), max_length=120)
    community = models.ForeignKey("places.Community", on_delete=models.PROTECT, related_name="ideas")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="ideas"
    )
    status = models.CharField(_("status"), max_length=20, default="draft")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")

    def __str__(self) -> str:
        return self.title
