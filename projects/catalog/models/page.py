"""The Wagtail page that hosts the project database: an editable intro above the filtered list."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class ProjectIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True)
    per_page = models.PositiveSmallIntegerField(_("projects per page"), default=20)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("per_page")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("project database page")

    def serve(self, request, *args, **kwargs):
        from ..views.public import render_project_list

        return render_project_list(request, page=self)
