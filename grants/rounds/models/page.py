"""The Wagtail page that announces a round: theme, rules, timeline and FAQ."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import FAQ_BLOCKS, TIMELINE_BLOCKS


class RoundPage(Page):
    round = models.ForeignKey(
        "rounds.Round",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pages",
        verbose_name=_("funding round record"),
    )
    theme = models.CharField(_("theme"), max_length=60, blank=True)
    intro = models.CharField(_("summary"), max_length=250, blank=True)
    rules = RichTextField(_("rules"), blank=True)
    timeline = StreamField(TIMELINE_BLOCKS, blank=True, verbose_name=_("timeline"))
    faq = StreamField(FAQ_BLOCKS, blank=True, verbose_name=_("frequently asked questions"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("round"),
        FieldPanel("theme"),
        FieldPanel("intro"),
        FieldPanel("rules"),
        FieldPanel("timeline"),
        FieldPanel("faq"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("rules")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("funding round page")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import round_public_facts

        context = super().get_context(request, *args, **kwargs)
        context["facts"] = round_public_facts(self.round) if self.round_id else None
        return context
