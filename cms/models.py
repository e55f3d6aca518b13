"""Wagtail page types. The home page owns the site root; each type has its template in
templates/cms/<model_snake>.html and the tree is constrained by parent/subpage types:

    HomePage ─┬─ CampaignPage
              ├─ StoryIndexPage ── StoryPage
              └─ StandardPage (about, FAQ, shipping, returns, privacy, terms)

Pages exist per language (Wagtail localisation): the English home page is the Vietnamese
one's translation, with its own translated tree.
"""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms import selectors
from cms.blocks import RICH_TEXT_FEATURES, ContentBlocks
from marketplace import places

STAR_CHOICES = [(n, str(n)) for n in range(1, 6)]
HOME_CAMPAIGNS = 3
HOME_STORIES = 3


def province_choices():
    """Return the 34 provinces and cities (2025 units) as (code, name), by name (the choices
    of ``rule_province_code``; migration 0003 refers to this function by name)."""
    return places.province_choices_by_name()


class ShopBlocksMixin:
    """Put the products and cooperatives named in the page's StreamFields in its context."""

    stream_fields = ("body",)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            selectors.stream_shop_objects(*(getattr(self, f) for f in self.stream_fields))
        )
        return context


class HomePage(Page):
    """The storefront's front door: a hero, featured products and cooperatives, current
    campaigns and the latest stories."""

    hero_heading = models.CharField(_("Tiêu đề lớn"), max_length=120)
    hero_text = models.TextField(_("Lời giới thiệu"), blank=True)
    hero_button_label = models.CharField(
        _("Nhãn nút"), max_length=40, default="Mua sắm ngay", blank=True
    )
    body = RichTextField(_("Nội dung"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("hero_button_label")],
            heading=_("Phần mở đầu"),
        ),
        InlinePanel("featured_products", label=_("Sản phẩm nổi bật"), max_num=12),
        FieldPanel("body"),
    ]

    # One per language: the English home page is the Vietnamese one's translation.
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.CampaignPage", "cms.StoryIndexPage", "cms.StandardPage"]

    class Meta:
        verbose_name = _("Trang chủ")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the template's cached fragment is missing (home_page.html).
        lazy = {
            "featured_products": lambda: selectors.home_featured_products(page=self),
            "featured_cooperatives": selectors.featured_cooperatives,
            "categories": selectors.top_categories,
            "campaigns": self.current_campaigns,
            "stories": self.latest_stories,
        }
        for name, read in lazy.items():
            context[name] = SimpleLazyObject(lambda read=read: list(read()))
        # A preview shows a draft: never served from, nor stored in, the shared cache.
        context["fragment_page"] = None if getattr(request, "is_preview", False) else self.pk
        return context

    def current_campaigns(self):
        """Return the live campaigns under this home page that are running today (or have
        no dates), those ending soonest first."""
        today = timezone.localdate()
        return list(
            CampaignPage.objects.child_of(self)
            .live()
            .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
            .filter(Q(starts_on__isnull=True) | Q(starts_on__lte=today))
            .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
            .select_related("banner")
            .order_by("ends_on", "-first_published_at")[:HOME_CAMPAIGNS]
        )

    def latest_stories(self):
        """Return the newest live stories of this home page's tree."""
        return list(StoryPage.listed(within=self)[:HOME_STORIES])


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


class CampaignPage(ShopBlocksMixin, Page):
    """A promotion (Tết gifts, a province's OCOP fair) with a grid of products to buy.

    The grid is the products picked by hand when there are any, otherwise the products
    matching the rule (category, province, OCOP stars, cooperative); only products of
    approved cooperatives that are in stock are shown. Publication and expiry are
    scheduled with Wagtail's go-live and expiry dates.
    """

    banner = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Ảnh băng rôn"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = models.TextField(_("Giới thiệu ngắn"), blank=True, max_length=500)
    starts_on = models.DateField(_("Bắt đầu"), null=True, blank=True)
    ends_on = models.DateField(_("Kết thúc"), null=True, blank=True)
    body = StreamField(ContentBlocks(), verbose_name=_("Nội dung"), blank=True)
    grid_heading = models.CharField(_("Tiêu đề lưới sản phẩm"), max_length=120, blank=True)
    grid_size = models.PositiveSmallIntegerField(
        _("Số sản phẩm tối đa"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(48)],
    )
    rule_category = models.ForeignKey(
        "catalogue.Category",
        verbose_name=_("Danh mục"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rule_province_code = models.PositiveSmallIntegerField(
        _("Tỉnh/thành"), null=True, blank=True, choices=province_choices
    )
    rule_min_stars = models.PositiveSmallIntegerField(
        _("Từ số sao OCOP"), null=True, blank=True, choices=STAR_CHOICES
    )
    rule_max_stars = models.PositiveSmallIntegerField(
        _("Đến số sao OCOP"), null=True, blank=True, choices=STAR_CHOICES
    )
    rule_cooperative = models.ForeignKey(
        "partner.Cooperative",
        verbose_name=_("Hợp tác xã"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    content_panels = [
        *Page.content_panels,
        FieldPanel("banner"),
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")], heading=_("Thời gian")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("grid_heading"),
                FieldPanel("grid_size"),
                InlinePanel("chosen_products", label=_("Sản phẩm chọn tay"), max_num=48),
            ],
            heading=_("Lưới sản phẩm: chọn tay"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("rule_category"),
                FieldPanel("rule_province_code"),
                FieldRowPanel([FieldPanel("rule_min_stars"), FieldPanel("rule_max_stars")]),
                FieldPanel("rule_cooperative"),
            ],
            heading=_("Lưới sản phẩm: theo quy tắc (khi không chọn tay)"),
        ),
    ]

    parent_page_types = ["cms.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Chiến dịch khuyến mãi")
        verbose_name_plural = _("Chiến dịch khuyến mãi")

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("Ngày kết thúc phải sau ngày bắt đầu.")
        if (
            self.rule_min_stars
            and self.rule_max_stars
            and self.rule_max_stars < self.rule_min_stars
        ):
            errors["rule_max_stars"] = _("Số sao tối đa phải lớn hơn hoặc bằng số sao tối thiểu.")
        if errors:
            raise ValidationError(errors)

    @property
    def has_rule(self):
        return any(
            value is not None
            for value in (
                self.rule_category_id,
                self.rule_province_code,
                self.rule_min_stars,
                self.rule_max_stars,
                self.rule_cooperative_id,
            )
        )

    def serve(self, request, *args, **kwargs):
        # Expiry is applied by `manage.py publish_scheduled`; until it runs, an expired
        # campaign is already gone for visitors.
        if self.expire_at and self.expire_at <= timezone.now():
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["grid_products"] = selectors.campaign_products(page=self)
        return context


class CampaignPageProduct(Orderable):
    """A product picked by hand for a campaign's grid."""

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="chosen_products")
    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.CASCADE,
        related_name="campaign_features",
        verbose_name=_("Sản phẩm"),
    )

    panels = [FieldPanel("product")]

    class Meta(Orderable.Meta):
        verbose_name = _("Sản phẩm chiến dịch")
        verbose_name_plural = _("Sản phẩm chiến dịch")


class StoryIndexPage(Page):
    """The list of cooperative and producer stories."""

    intro = models.TextField(_("Giới thiệu"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    max_count_per_parent = 1
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.StoryPage"]

    class Meta:
        verbose_name = _("Danh sách câu chuyện")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(StoryPage.listed(within=self), 12)
        context["stories"] = paginator.get_page(request.GET.get("page"))
        return context


class StoryPage(ShopBlocksMixin, Page):
    """A cooperative's or a producer's story, linked to the cooperative and its products."""

    cooperative = models.ForeignKey(
        "partner.Cooperative",
        verbose_name=_("Hợp tác xã"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    date = models.DateField(_("Ngày đăng"), default=timezone.localdate)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Ảnh chính"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = models.TextField(_("Tóm tắt"), blank=True, max_length=500)
    body = StreamField(ContentBlocks(), verbose_name=_("Nội dung"), blank=True)

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("cooperative"), FieldPanel("date")]),
        FieldPanel("image"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    parent_page_types = ["cms.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Câu chuyện")
        verbose_name_plural = _("Câu chuyện")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["story_products"] = selectors.story_products(story=self)
        return context

    @classmethod
    def listed(cls, *, within):
        """Return the live stories under ``within``, newest first, with their pictures."""
        return (
            cls.objects.live()
            .descendant_of(within)
            .select_related("image", "cooperative__partner")
            .order_by("-date", "-pk")
        )

    @classmethod
    def about(cls, *, cooperative, limit=3):
        """Return the live stories about ``cooperative`` in the active language, newest
        first."""
        return list(
            cls.objects.live()
            .filter(cooperative=cooperative, locale__language_code=get_language())
            .order_by("-date", "-pk")[:limit]
        )


class StandardPage(ShopBlocksMixin, Page):
    """An information page: about us, FAQ, shipping, returns, privacy, terms."""

    intro = models.TextField(_("Giới thiệu"), blank=True, max_length=500)
    body = StreamField(ContentBlocks(), verbose_name=_("Nội dung"), blank=True)

    search_fields = [*Page.search_fields, index.SearchField("body")]

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Trang thông tin")
        verbose_name_plural = _("Trang thông tin")
