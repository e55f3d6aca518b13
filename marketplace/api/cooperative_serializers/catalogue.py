"""The cooperative itself, its products, and their stock records (stock and price)."""

from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from rest_framework import serializers

from marketplace import vnd
from marketplace.api.serializers import ModelSerializer
from marketplace.links import absolute_url
from marketplace.partner.services import MAX_STOCK, PRICE_RANGE, STOCK_RANGE

Cooperative = get_model("partner", "Cooperative")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


def _range_message(message, maximum):
    # Filled in when shown, in the answer's language; DRF's own formatting finds no braces.
    return lazy(lambda: message % {"max": maximum}, str)()


class CooperativeSerializer(ModelSerializer):
    """The cooperative the token acts for, with what only it and staff may see."""

    name = serializers.CharField(source="partner.name", read_only=True)
    province_name = serializers.CharField(read_only=True)
    ward_name = serializers.CharField(read_only=True)
    shop_url = serializers.SerializerMethodField(help_text="Its public page in the shop.")

    class Meta:
        model = Cooperative
        fields = [
            "id", "name", "slug", "status", "shop_url", "province_code", "province_name",
            "ward_code", "ward_name", "address", "latitude", "longitude", "phone", "email",
            "founded_year", "members_count", "story", "story_vi", "story_en", "logo",
            "seller_kind", "legal_name", "tax_code", "bank_bin", "bank_account_number",
            "bank_account_name", "gln", "gs1_company_prefix", "approved_at", "created_at",
        ]  # fmt: skip
        read_only_fields = fields

    def get_shop_url(self, cooperative) -> str:
        return absolute_url(cooperative.get_absolute_url())


class StockRecordSerializer(ModelSerializer):
    """One product's stock and price at the cooperative (an Oscar stock record)."""

    product_title = serializers.CharField(source="product.get_title", read_only=True)
    price = serializers.IntegerField(
        read_only=True, allow_null=True, help_text="Price in whole đồng (VND), VAT included."
    )
    available = serializers.IntegerField(
        source="net_stock_level", read_only=True, allow_null=True,
        help_text="Units that may still be sold: in stock less those held for orders.",
    )  # fmt: skip
    num_allocated = serializers.IntegerField(
        read_only=True, allow_null=True,
        help_text="Units held for orders placed but not yet shipped.",
    )  # fmt: skip

    class Meta:
        model = StockRecord
        fields = [
            "id", "product", "product_title", "partner_sku", "price", "price_currency",
            "num_in_stock", "num_allocated", "available", "low_stock_threshold",
            "date_updated",
        ]  # fmt: skip
        read_only_fields = fields


class StockRecordUpdateSerializer(serializers.Serializer):
    """New stock and/or price; what is left out stays as it is."""

    num_in_stock = serializers.IntegerField(
        required=False, min_value=0, max_value=MAX_STOCK,
        error_messages={
            key: _range_message(STOCK_RANGE, MAX_STOCK)
            for key in ("invalid", "min_value", "max_value", "max_string_length", "null")
        },
        help_text="Units on the shelf, at least those held for orders (num_allocated).",
    )  # fmt: skip
    price = serializers.IntegerField(
        required=False, min_value=1, max_value=vnd.MAX_PRICE,
        error_messages={
            key: _range_message(PRICE_RANGE, vnd.MAX_PRICE)
            for key in ("invalid", "min_value", "max_value", "max_string_length", "null")
        },
        help_text="Price in whole đồng (VND), VAT included.",
    )  # fmt: skip

    def validate(self, attrs):
        if not attrs:
            raise serializers.ValidationError(_("Hãy gửi số lượng tồn kho, giá bán hoặc cả hai."))
        return attrs


class ProductSerializer(ModelSerializer):
    """One of the cooperative's products, on sale or not, with its own stock records."""

    title = serializers.CharField(source="get_title", read_only=True)
    ocop_stars = serializers.IntegerField(
        read_only=True, allow_null=True,
        help_text="Stars of its valid OCOP certificate, as the shop shows them; null: none.",
    )  # fmt: skip
    shop_url = serializers.SerializerMethodField(
        help_text="Its page in the shop: shoppers see it once the product is public."
    )
    stockrecords = StockRecordSerializer(many=True, read_only=True, source="own_stockrecords")

    class Meta:
        model = Product
        fields = [
            "id", "title", "title_vi", "title_en", "upc", "slug", "structure", "parent",
            "is_public", "ocop_stars", "net_content", "shipping_weight_kg", "shop_url",
            "date_created", "date_updated", "stockrecords",
        ]  # fmt: skip
        read_only_fields = fields

    def get_shop_url(self, product) -> str:
        return absolute_url(product.get_absolute_url())
