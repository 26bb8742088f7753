from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.CharBlock):
    class Meta:
        template = "cms/blocks/heading.html"
        icon = "title"
        label = _("Heading")
        description = _("A section heading")
        preview_value = "社区公益微创投"


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        template = "cms/blocks/paragraph.html"
        icon = "pilcrow"
        label = _("Paragraph")
        description = _("Formatted text")
        features = ["bold", "italic", "link", "ol", "ul", "h3"]
        preview_value = "<p>居民提案、社区议事、公益创投。</p>"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        template = "cms/blocks/image.html"
        icon = "image"
        label = _("Image")
        description = _("A picture with an optional caption")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    source = blocks.CharBlock(label=_("Source"), required=False)

    class Meta:
        template = "cms/blocks/quote.html"
        icon = "openquote"
        label = _("Quote")
        description = _("A highlighted quotation")
        preview_value = {"text": "共识在争论中形成，优秀在比选中产生", "source": ""}


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"))
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.CharBlock(label=_("or URL"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")
        description = _("A navigation link to a page or a URL")


BODY_BLOCKS = [
    ("heading", HeadingBlock()),
    ("paragraph", ParagraphBlock()),
    ("image", ImageBlock()),
    ("quote", QuoteBlock()),
]
