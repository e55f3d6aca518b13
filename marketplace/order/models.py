"""The order fork: an order is split into one shipment per cooperative that has lines in it."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from oscar.apps.order.abstract_models import AbstractOrder


class Order(AbstractOrder):
    """Oscar's order, with the language the buyer checked out in (for later e-mails)."""

    language = models.CharField(
        _("Ngôn ngữ của người mua"),
        max_length=10,
        blank=True,
        help_text=_("Thư về kiện hàng và hoàn tiền được gửi bằng ngôn ngữ này."),
    )


class Shipment(models.Model):
    """The part of an order that one cooperative packs and sends, with its delivery status.

    An order with lines from three cooperatives travels as three parcels, each with its own
    carrier and tracking code; the customer follows each of them separately.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ đóng gói")
        PACKED = "packed", _("Đã đóng gói")
        SHIPPED = "shipped", _("Đang giao")
        DELIVERED = "delivered", _("Đã giao")
        CANCELLED = "cancelled", _("Đã huỷ")

    class Carrier(models.TextChoices):
        GIAO_HANG_NHANH = "ghn", "Giao Hàng Nhanh"
        GIAO_HANG_TIET_KIEM = "ghtk", "Giao Hàng Tiết Kiệm"
        VIETTEL_POST = "viettel_post", "Viettel Post"
        VNPOST = "vnpost", "VNPost"
        JT_EXPRESS = "jt_express", "J&T Express"
        NINJA_VAN = "ninja_van", "Ninja Van"
        OTHER = "other", _("Đơn vị khác")

    # The only moves a shipment may make: one step forward, or cancelled before it leaves.
    TRANSITIONS = {
        Status.PENDING: (Status.PACKED, Status.CANCELLED),
        Status.PACKED: (Status.SHIPPED, Status.CANCELLED),
        Status.SHIPPED: (Status.DELIVERED,),
        Status.DELIVERED: (),
        Status.CANCELLED: (),
    }

    order = models.ForeignKey(
        "order.Order",
        on_delete=models.CASCADE,
        related_name="shipments",
        verbose_name=_("Đơn hàng"),
    )
    # Like Oscar's Line.partner: removing a cooperative must neither delete nor block the
    # history of the orders it took part in.
    cooperative = models.ForeignKey(
        "partner.Cooperative",
        on_delete=models.SET_NULL,
        null=True,
        related_name="shipments",
        verbose_name=_("Hợp tác xã"),
    )
    status = models.CharField(
        _("Trạng thái"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    carrier = models.CharField(
        _("Đơn vị vận chuyển"), max_length=16, choices=Carrier.choices, blank=True
    )
    tracking_code = models.CharField(_("Mã vận đơn"), max_length=64, blank=True)
    # This parcel's part of the order's shipping charge: the cooperative sends the parcel
    # and pays its courier, so the charge is credited to it when the parcel is delivered.
    shipping_charge = models.DecimalField(
        _("Phí giao hàng của kiện"), max_digits=12, decimal_places=2, default=0
    )
    created_at = models.DateTimeField(_("Ngày tạo"), auto_now_add=True)
    packed_at = models.DateTimeField(_("Ngày đóng gói"), null=True, blank=True)
    shipped_at = models.DateTimeField(_("Ngày gửi hàng"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("Ngày giao hàng"), null=True, blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("Kiện hàng")
        verbose_name_plural = _("Các kiện hàng")
        constraints = [
            models.UniqueConstraint(
                fields=["order", "cooperative"], name="shipment_one_per_cooperative_per_order"
            ),
            # A parcel on its way can always be traced.
            models.CheckConstraint(
                condition=~Q(status__in=["shipped", "delivered"])
                | (~Q(carrier="") & ~Q(tracking_code="")),
                name="shipment_shipped_has_carrier_and_tracking_code",
            ),
        ]

    def __str__(self):
        return f"{self.order.number} – {self.cooperative or '-'}"

    @property
    def next_statuses(self):
        """Return the statuses this shipment may move to from where it is."""
        return self.TRANSITIONS[self.Status(self.status)]

    def can_move_to(self, status):
        return status in self.next_statuses


from oscar.apps.order.models import *  # noqa: E402, F403
