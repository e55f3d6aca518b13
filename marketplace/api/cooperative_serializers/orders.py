"""A cooperative's part of each order: its lines, its parcel, where to send it."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from oscar.core.loading import get_model
from rest_framework import serializers

from marketplace.api.serializers import ModelSerializer, StrictCharField

Order = get_model("order", "Order")
Line = get_model("order", "Line")
Shipment = get_model("order", "Shipment")
ShippingAddress = get_model("order", "ShippingAddress")

# What a cooperative may move its parcel to; cancelling is the marketplace staff's.
ADVANCE_CHOICES = [
    (status.value, status.label)
    for status in (Shipment.Status.PACKED, Shipment.Status.SHIPPED, Shipment.Status.DELIVERED)
]


class ShippingAddressSerializer(ModelSerializer):
    """Where the parcel goes: the courier's label."""

    name = serializers.CharField(read_only=True)
    phone = serializers.CharField(source="phone_number", read_only=True)
    ward = serializers.CharField(source="line4", read_only=True, help_text="Commune or ward.")
    province = serializers.CharField(source="state", read_only=True)
    country = serializers.CharField(source="country_id", read_only=True)

    class Meta:
        model = ShippingAddress
        fields = ["name", "phone", "line1", "line2", "line3", "ward", "province", "postcode",
                  "country", "notes"]  # fmt: skip
        read_only_fields = fields


class LotAllocationSerializer(serializers.Serializer):
    batch = serializers.IntegerField(source="batch_id", read_only=True)
    lot_code = serializers.CharField(source="batch.lot_code", read_only=True)
    quantity = serializers.IntegerField(read_only=True)


class OrderLineSerializer(ModelSerializer):
    """One of the cooperative's lines, with the lots its units were taken from."""

    unit_price = serializers.IntegerField(
        source="unit_price_incl_tax", read_only=True, help_text="Whole đồng, VAT included."
    )
    line_total = serializers.IntegerField(
        source="line_price_before_discounts_incl_tax", read_only=True,
        help_text="unit_price × quantity, whole đồng.",
    )  # fmt: skip
    lots = LotAllocationSerializer(
        source="lot_allocations", many=True, read_only=True,
        help_text="Lots the units were taken from: set when the parcel is shipped.",
    )  # fmt: skip

    class Meta:
        model = Line
        fields = ["id", "product", "upc", "partner_sku", "title", "quantity", "unit_price",
                  "line_total", "lots"]  # fmt: skip
        read_only_fields = fields


class ShipmentSerializer(ModelSerializer):
    """The cooperative's parcel of one order."""

    order = serializers.CharField(source="order.number", read_only=True)
    shipping_charge = serializers.IntegerField(
        read_only=True, help_text="This parcel's part of the shipping charge, whole đồng."
    )
    next_statuses = serializers.SerializerMethodField(
        help_text="Where POST …/advance/ may move it now."
    )

    class Meta:
        model = Shipment
        fields = [
            "id", "order", "status", "carrier", "tracking_code", "shipping_charge",
            "next_statuses", "created_at", "packed_at", "shipped_at", "delivered_at",
        ]  # fmt: skip
        read_only_fields = fields

    def get_next_statuses(self, shipment) -> list[str]:
        allowed = dict(ADVANCE_CHOICES)
        return [status.value for status in shipment.next_statuses if status in allowed]


class OrderSerializer(ModelSerializer):
    """An order as one cooperative sees it: never the other cooperatives' lines or totals."""

    shipping_address = ShippingAddressSerializer(read_only=True)
    shipment = serializers.SerializerMethodField()
    lines = OrderLineSerializer(source="own_lines", many=True, read_only=True)
    lines_total = serializers.SerializerMethodField(
        help_text="The sum of this cooperative's lines, whole đồng."
    )

    class Meta:
        model = Order
        fields = ["number", "date_placed", "status", "shipping_address", "shipment", "lines",
                  "lines_total"]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(ShipmentSerializer(allow_null=True))
    def get_shipment(self, order):
        shipments = order.own_shipments
        return ShipmentSerializer(shipments[0], context=self.context).data if shipments else None

    def get_lines_total(self, order) -> int:
        return int(sum(line.line_price_before_discounts_incl_tax for line in order.own_lines))


class ShipmentAdvanceSerializer(serializers.Serializer):
    """The parcel's next step: shipping it needs the carrier and its tracking code."""

    status = serializers.ChoiceField(
        choices=ADVANCE_CHOICES,
        error_messages={
            "invalid_choice": _(
                "Trạng thái mới là packed, shipped hoặc delivered (không phải “{input}”); "
                "chỉ ban quản trị chợ huỷ được kiện hàng."
            )
        },
    )
    carrier = serializers.ChoiceField(
        choices=Shipment.Carrier.choices, required=False, allow_blank=True,
        help_text="Needed to ship.",
        error_messages={
            "invalid_choice": _("Đơn vị vận chuyển không có trong danh sách: “{input}”.")
        },
    )  # fmt: skip
    tracking_code = StrictCharField(
        max_length=64, required=False, allow_blank=True, help_text="Needed to ship."
    )


class ShipmentStatusFilterSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=Shipment.Status.choices, required=False,
        error_messages={"invalid_choice": _("Trạng thái kiện hàng không tồn tại: “{input}”.")},
    )  # fmt: skip
