"""Wagtail page types. The home page owns the site root."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from cms import selectors


class HomePage(Page):
    """The storefront's front door: a hero, featured products and cooperatives."""

    hero_heading = models.CharField(_("Tiêu đề lớn"), max_length=120)
    hero_text = models.TextField(_("Lời giới thiệu"), blank=True)
    hero_button_label = models.CharField(
        _("Nhãn nút"), max_length=40, default="Mua sắm ngay", blank=True
    )
    body = RichTextField(_("Nội dung"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("hero_button_label")],
            heading=_("Phần mở đầu"),
        ),
        InlinePanel("featured_products", label=_("Sản phẩm nổi bật"), max_num=12),
        FieldPanel("body"),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("Trang chủ")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_products"] = selectors.home_featured_products(page=self)
        context["featured_cooperatives"] = selectors.featured_cooperatives()
        context["categories"] = selectors.top_categories()
        return context


class HomePageFeaturedProduct(Orderable):
    """A product an editor put on the home page, in the order chosen."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_products")
    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.CASCADE,
        related_name="home_page_features",
        verbose_name=_("Sản phẩm"),
    )

    panels = [FieldPanel("product")]

    class Meta(Orderable.Meta):
        verbose_name = _("Sản phẩm nổi bật")
        verbose_name_plural = _("Sản phẩm nổi bật")
