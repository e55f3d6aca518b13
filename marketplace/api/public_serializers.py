"""How the public API writes products, categories and cooperatives: what the shop shows.

Texts come in the request's language (``?lang=``; English falls back on the Vietnamese
text where none was written). Addresses are absolute, on the site's public address
(``marketplace.links``): shop pages in the request's language, API addresses with its
``?lang=``. Descriptions are HTML cleaned to the shop's allow-list
(``marketplace.sanitize``), also given as plain text; other texts are plain text.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from oscar.core.loading import get_model
from rest_framework import serializers

from marketplace import places
from marketplace.links import absolute_url
from marketplace.sanitize import html_clean, html_text
from marketplace.vnd import CURRENCY

Category = get_model("catalogue", "Category")

IN_STOCK, OUT_OF_STOCK = "in_stock", "out_of_stock"


def api_link(name, *, query=None, **kwargs):
    """Return the absolute address of API endpoint ``name``, in the active language."""
    params = dict(query or {})
    language = translation.get_language()
    if language and language != settings.LANGUAGE_CODE:
        params["lang"] = language
    url = absolute_url(reverse(f"api:{name}", kwargs=kwargs))
    return f"{url}?{urlencode(params)}" if params else url


def media_url(file):
    """Return the absolute address of an uploaded file, or None without one."""
    if not file:
        return None
    url = file.url
    return url if url.startswith(("https://", "http://")) else absolute_url(url)


def shop_url(instance):
    """Return ``instance``'s shop page, in the active language (/shop/… or /en/shop/…)."""
    return absolute_url(instance.get_absolute_url())


@extend_schema_serializer(component_name="PublicCooperativeRef")
class CooperativeRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    url = serializers.SerializerMethodField(help_text="The cooperative's page in the shop.")

    def get_url(self, cooperative) -> str:
        return shop_url(cooperative)


@extend_schema_serializer(component_name="PublicCategoryRef")
class CategoryRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


@extend_schema_serializer(component_name="PublicCertificate")
class CertificateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=get_model("catalogue", "Certificate").Kind.choices)
    kind_label = serializers.CharField(source="get_kind_display")
    stars = serializers.IntegerField(allow_null=True, help_text="OCOP certificates only: 3–5.")
    authority = serializers.CharField()
    decision_number = serializers.CharField()
    issued_on = serializers.DateField()
    expires_on = serializers.DateField()
    document_url = serializers.SerializerMethodField(help_text="The certificate's scan.")

    def get_document_url(self, certificate) -> str | None:
        return media_url(certificate.document)


@extend_schema_serializer(component_name="PublicProduct")
class ProductSerializer(serializers.Serializer):
    """A product on sale, as the shop's catalogue shows it."""

    # ``context["strategy"]`` prices it (the partner app's strategy, as the shop sells).

    id = serializers.IntegerField()
    url = serializers.SerializerMethodField(help_text="The product's page in the shop.")
    gtin = serializers.SerializerMethodField(help_text="The GTIN (EAN/UPC) printed on it.")
    title = serializers.CharField()
    description = serializers.SerializerMethodField(
        help_text="HTML cleaned to a few tags (p, br, strong, em, lists, h2–h4, quotes, links)."
    )
    description_text = serializers.SerializerMethodField(help_text="The description's text.")
    categories = CategoryRefSerializer(source="api_categories", many=True)
    cooperative = CooperativeRefSerializer()
    origin_province_code = serializers.IntegerField(allow_null=True)
    origin_province = serializers.SerializerMethodField()
    origin_ward = serializers.SerializerMethodField()
    net_content = serializers.CharField()
    ocop_stars = serializers.IntegerField(
        allow_null=True, help_text="OCOP stars from a certificate valid today; null without one."
    )
    certificates = CertificateSerializer(
        source="api_certificates", many=True, help_text="The certificates valid today."
    )
    price = serializers.SerializerMethodField(help_text="Whole đồng, VAT included.")
    currency = serializers.SerializerMethodField()
    availability = serializers.SerializerMethodField()
    num_available = serializers.SerializerMethodField(
        help_text="How many can be bought now; null when stock is not counted."
    )
    images = serializers.SerializerMethodField()
    lots_url = serializers.SerializerMethodField(help_text="The product's public lots (API).")

    def _purchase(self, product):
        info = getattr(product, "_api_purchase", None)
        if info is None:
            info = product._api_purchase = self.context["strategy"].fetch_for_product(product)
        return info

    def get_url(self, product) -> str:
        return shop_url(product)

    def get_gtin(self, product) -> str | None:
        return (product.upc or "").strip() or None

    def get_description(self, product) -> str:
        return html_clean(product.description)

    def get_description_text(self, product) -> str:
        return html_text(product.description).strip()

    def get_origin_province(self, product) -> str:
        return places.province_name(product.origin_province_code)

    def get_origin_ward(self, product) -> str:
        return places.ward_name(product.origin_ward_code)

    def get_price(self, product) -> int | None:
        price = self._purchase(product).price
        return int(price.incl_tax) if price.exists else None

    @extend_schema_field(serializers.ChoiceField(choices=[CURRENCY]))
    def get_currency(self, product):
        return CURRENCY

    @extend_schema_field(serializers.ChoiceField(choices=[IN_STOCK, OUT_OF_STOCK]))
    def get_availability(self, product):
        available = self._purchase(product).availability.is_available_to_buy
        return IN_STOCK if available else OUT_OF_STOCK

    def get_num_available(self, product) -> int | None:
        availability = self._purchase(product).availability
        if not availability.is_available_to_buy:
            return 0
        count = getattr(availability, "num_available", None)
        return None if count is None else max(int(count), 0)

    def get_images(self, product) -> list[str]:
        urls = (media_url(image.original) for image in product.images.all())
        return [url for url in urls if url]

    def get_lots_url(self, product) -> str:
        return api_link("product-lots", pk=product.pk)


def category_full_slug(category, slugs_by_path):
    """Return ``"che/che-xanh"``: the slugs from the root down, from ``{path: slug}``."""
    step = Category.steplen
    ends = range(step, len(category.path) + 1, step)
    return Category._slug_separator.join(slugs_by_path.get(category.path[:end], "") for end in ends)


@extend_schema_serializer(component_name="PublicCategory")
class CategorySerializer(serializers.Serializer):
    """A category of the shop's catalogue."""

    # ``context["category_slugs"]`` is ``{path: slug}`` of every public category.

    slug = serializers.SlugField()
    name = serializers.CharField()
    parent = serializers.SerializerMethodField(help_text="The parent category's slug.")
    url = serializers.SerializerMethodField(help_text="The category's page in the shop.")
    products_url = serializers.SerializerMethodField(help_text="Its products (API).")

    def get_parent(self, category) -> str | None:
        if category.depth <= 1:
            return None
        return self.context["category_slugs"].get(category.path[: -Category.steplen])

    def get_url(self, category) -> str:
        full_slug = category_full_slug(category, self.context["category_slugs"])
        return absolute_url(
            reverse("catalogue:category", kwargs={"category_slug": full_slug, "pk": category.pk})
        )

    def get_products_url(self, category) -> str:
        return api_link("product-list", query={"category": category.slug})


@extend_schema_serializer(component_name="PublicCooperative")
class CooperativeSerializer(serializers.Serializer):
    """A cooperative's public profile: what its page in the shop shows."""

    slug = serializers.SlugField()
    name = serializers.CharField()
    province_code = serializers.IntegerField()
    province = serializers.CharField(source="province_name")
    ward = serializers.CharField(source="ward_name")
    story = serializers.CharField(help_text="Plain text.")
    founded_year = serializers.IntegerField(allow_null=True)
    members_count = serializers.IntegerField(allow_null=True)
    logo = serializers.SerializerMethodField(help_text="The logo's address, or null.")
    url = serializers.SerializerMethodField(help_text="The cooperative's page in the shop.")
    products_url = serializers.SerializerMethodField(help_text="Its products (API).")

    def get_logo(self, cooperative) -> str | None:
        return media_url(cooperative.logo)

    def get_url(self, cooperative) -> str:
        return shop_url(cooperative)

    def get_products_url(self, cooperative) -> str:
        return api_link("product-list", query={"cooperative": cooperative.slug})
