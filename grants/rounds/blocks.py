"""StreamField blocks of the round page: a timeline and frequently asked questions."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class TimelineBlock(blocks.StructBlock):
    date = blocks.CharBlock(label=_("date or period"), max_length=40)
    title = blocks.CharBlock(label=_("step"), max_length=80)
    text = blocks.TextBlock(label=_("details"), required=False)

    class Meta:
        template = "rounds/blocks/timeline.html"
        icon = "date"
        description = _("One step of the round's timeline.")
        preview_value = {"date": "6月1日—6月30日", "title": "申报", "text": "在线提交申报书"}


class FaqBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=200)
    answer = blocks.RichTextBlock(label=_("answer"), features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        template = "rounds/blocks/faq.html"
        icon = "help"
        description = _("A question applicants often ask, with its answer.")
        preview_value = {"question": "居民团队可以申报吗？", "answer": "可以申报微创投，金额不超过上限。"}


TIMELINE_BLOCKS = [("step", TimelineBlock())]
FAQ_BLOCKS = [("faq", FaqBlock())]
