"""Editorial pages: home, standard pages, news; site-wide navigation and footer settings."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BODY_BLOCKS, LinkBlock
from .sections import sections_for


class HomePage(Page):
    intro = models.CharField(_("headline"), max_length=200, blank=True)
    body = RichTextField(_("introduction"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body"), FieldPanel("hero_image")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news_index = NewsIndexPage.objects.live().child_of(self).first()
        context["news"] = (
            NewsPage.objects.live().descendant_of(news_index).order_by("-date", "-id")[:4] if news_index else []
        )
        context["news_index"] = news_index
        context["sections"] = sections_for(request)
        return context


class StandardPage(Page):
    intro = models.CharField(_("summary"), max_length=250, blank=True)
    body = StreamField(BODY_BLOCKS, blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")


class NewsIndexPage(Page):
    intro = models.CharField(_("summary"), max_length=250, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["cms.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = NewsPage.objects.live().child_of(self).order_by("-date", "-id")
        context["page_obj"] = Paginator(items, 12).get_page(request.GET.get("page"))
        return context


class NewsPage(Page):
    date = models.DateField(_("date"))
    intro = models.CharField(_("summary"), max_length=250, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    body = StreamField(BODY_BLOCKS, blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news item")


@register_setting(icon="list-ul")
class SiteChrome(BaseSiteSetting):
    """Navigation, footer and contact details, edited in Settings > Site chrome."""

    site_name = models.CharField(_("site name"), max_length=64, default="益创")
    tagline = models.CharField(_("tagline"), max_length=120, blank=True, default="社区治理创新中心")
    hotline = models.CharField(_("hotline"), max_length=32, blank=True, default="96016")
    navigation = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("navigation"))
    footer_text = models.TextField(_("footer text"), blank=True)
    footer_links = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("footer links"))

    panels = [
        FieldPanel("site_name"),
        FieldPanel("tagline"),
        FieldPanel("hotline"),
        FieldPanel("navigation"),
        FieldPanel("footer_text"),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = _("site chrome")
