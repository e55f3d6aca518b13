"""StreamField blocks shared by the CMS pages; templates in templates/blocks/.

Shop blocks (product card, product grid, cooperative card) never query per block: the
page fetches every product and cooperative its body names in one go
(cms.selectors.stream_shop_objects) and the blocks read them from the page's context.
A product that was removed, withdrawn or sold out renders as such, never as an error.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from cms.choosers import cooperative_chooser_viewset, product_chooser_viewset
from cms.sanitize import rich_text_clean

ProductChooserBlock = product_chooser_viewset.get_block_class(
    name="ProductChooserBlock", module_path="cms.blocks"
)
CooperativeChooserBlock = cooperative_chooser_viewset.get_block_class(
    name="CooperativeChooserBlock", module_path="cms.blocks"
)

# Rich text features editors may use; anything else (scripts, event handlers, styles) is
# dropped by Wagtail's whitelist when the text is saved and again when it is rendered.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "hr", "blockquote"]


class SafeRichTextBlock(blocks.RichTextBlock):
    """Rich text cleaned to the whitelist when stored and when read (cms.sanitize)."""

    def get_prep_value(self, value):
        return rich_text_clean(super().get_prep_value(value))

    def to_python(self, value):
        return super().to_python(rich_text_clean(value))


def _card(parent_context, key, obj):
    """Return the live object fetched in bulk by the page for ``obj``, or None."""
    if obj is None:
        return None
    return (parent_context or {}).get(key, {}).get(obj.pk)


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Ảnh"))
    alt_text = blocks.CharBlock(
        label=_("Mô tả ảnh (cho người khiếm thị)"), required=False, max_length=200
    )
    caption = blocks.CharBlock(label=_("Chú thích"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Ảnh có chú thích")
        template = "blocks/image_with_caption_block.html"


class ProductCardBlock(blocks.StructBlock):
    product = ProductChooserBlock(label=_("Sản phẩm"))

    class Meta:
        icon = "tag"
        label = _("Thẻ sản phẩm")
        template = "blocks/product_card_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["card"] = _card(parent_context, "stream_products", value.get("product"))
        return context


class ProductGridBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Tiêu đề"), required=False, max_length=120)
    products = blocks.ListBlock(ProductChooserBlock(), label=_("Sản phẩm"), min_num=1, max_num=24)

    class Meta:
        icon = "table"
        label = _("Lưới sản phẩm")
        template = "blocks/product_grid_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        cards = [_card(parent_context, "stream_products", p) for p in value.get("products", [])]
        # Products no longer on sale leave the grid instead of leaving a hole in it.
        context["cards"] = [card for card in cards if card is not None]
        return context


class CooperativeCardBlock(blocks.StructBlock):
    cooperative = CooperativeChooserBlock(label=_("Hợp tác xã"))

    class Meta:
        icon = "group"
        label = _("Thẻ hợp tác xã")
        template = "blocks/cooperative_card_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["cooperative"] = _card(
            parent_context, "stream_cooperatives", value.get("cooperative")
        )
        return context


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Trích dẫn"), max_length=600)
    attribution = blocks.CharBlock(label=_("Người nói"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Tiêu đề"), max_length=120)
    text = blocks.TextBlock(label=_("Nội dung"), required=False, max_length=400)
    button_label = blocks.CharBlock(label=_("Nhãn nút"), max_length=40)
    page = blocks.PageChooserBlock(label=_("Trang đích"), required=False)
    url = blocks.URLBlock(label=_("Hoặc địa chỉ"), required=False)

    class Meta:
        icon = "pick"
        label = _("Lời kêu gọi")
        template = "blocks/call_to_action_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Chọn trang đích hoặc nhập địa chỉ."))}
            )
        return value


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Địa chỉ video (YouTube, Vimeo)"), max_width=960)
    caption = blocks.CharBlock(label=_("Chú thích"), required=False, max_length=250)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"


class ContentBlocks(blocks.StreamBlock):
    """The body of campaign, story and standard pages."""

    text = SafeRichTextBlock(
        label=_("Đoạn văn"), features=RICH_TEXT_FEATURES, template="blocks/text_block.html"
    )
    image = ImageWithCaptionBlock()
    product = ProductCardBlock()
    product_grid = ProductGridBlock()
    cooperative = CooperativeCardBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    video = VideoBlock()
