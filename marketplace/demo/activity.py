"""Demo activity on top of the catalogue: applications, a certificate to check, orders.

Everything here goes through the same services a person's clicks would use, so the demo
shows real states: applications waiting for review, shipments packed, shipped, delivered.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from oscar.core.loading import get_class, get_model
from oscar.core.utils import slugify
from vietnam_provinces import Ward

from catalogue.services import certificate_create
from marketplace.demo import money_demo
from marketplace.order.services import shipment_advance
from marketplace.partner.services import cooperative_apply

Basket = get_model("basket", "Basket")
Certificate = get_model("catalogue", "Certificate")
Country = get_model("address", "Country")
Cooperative = get_model("partner", "Cooperative")
Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
Shipment = get_model("order", "Shipment")
ShippingAddress = get_model("order", "ShippingAddress")
OrderCreator = get_class("order.utils", "OrderCreator")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
Free = get_class("shipping.methods", "Free")
Selector = get_class("partner.strategy", "Selector")
SurchargeApplicator = get_class("checkout.applicator", "SurchargeApplicator")
User = get_user_model()

DEMO_PASSWORD = "ocop-demo"  # noqa: S105 (the demo accounts' published password)

APPLICATIONS = [
    {
        "name": "Hợp tác xã Chè Hương Sơn",
        "contact_name": "Trần Văn Hải",
        "phone": "0912 800 112",
        "province_code": 42,
        "story": "Chè xanh trồng trên đồi Hương Sơn, hái tay, sao củi. Xin đăng ký bán hàng.",
    },
    {
        "name": "Hợp tác xã Nước mắm Sa Huỳnh",
        "contact_name": "Lê Thị Hoa",
        "phone": "0935 221 447",
        "province_code": 51,
        "story": "Nước mắm cá cơm ủ chượp 12 tháng trong thùng gỗ, đạt OCOP 3 sao năm 2024.",
    },
    {
        "name": "Hợp tác xã Dệt thổ cẩm Mai Châu",
        "contact_name": "Hà Thị Mai",
        "phone": "0987 654 120",
        "province_code": 25,
        "story": "Khăn, túi, khăn trải bàn dệt tay bằng khung cửi truyền thống của đồng bào Thái.",
    },
]

# Each order: the items (product index in the demo data, quantity) and how far each
# cooperative's shipment has gone.
ORDERS = [
    ("OCOP-DEMO-1001", [(0, 2), (12, 1)], "delivered"),
    ("OCOP-DEMO-1002", [(3, 1), (20, 2), (40, 1)], "shipped"),
    ("OCOP-DEMO-1003", [(5, 1), (30, 1)], "packed"),
    ("OCOP-DEMO-1004", [(8, 3), (50, 1)], "pending"),
    ("OCOP-DEMO-1005", [(1, 1), (60, 2)], "delivered"),
    ("OCOP-DEMO-1006", [(15, 1), (25, 1), (70, 1)], "pending"),
]
STEPS = ["packed", "shipped", "delivered"]


def load_applications(*, report):
    for spec in APPLICATIONS:
        # The login follows the demo's rule: <cooperative-slug>@ocop.example.
        email = f"{slugify(spec['name'])}@ocop.example"
        if User.objects.filter(email=email).exists():
            continue
        ward = next(Ward.iter_by_province(spec["province_code"]))
        cooperative_apply(
            name=spec["name"],
            contact_name=spec["contact_name"],
            phone=spec["phone"],
            province_code=spec["province_code"],
            ward_code=int(ward.code),
            story=spec["story"],
            email=email,
            password=DEMO_PASSWORD,
        )
        report.add("đơn đăng ký chờ duyệt", 1)


def load_pending_certificate(*, report):
    product = Product.objects.filter(cooperative__slug="htx-che-cam-my").order_by("pk").first()
    if product is None or product.certificates.filter(kind=Certificate.Kind.VIETGAP).exists():
        return
    certificate_create(
        product=product,
        kind=Certificate.Kind.VIETGAP,
        authority="Sở Nông nghiệp và Môi trường tỉnh Phú Thọ",
        decision_number="VG-25-0412",
        issued_on=timezone.localdate().replace(day=1),
        expires_on=timezone.localdate().replace(day=1, year=timezone.localdate().year + 2),
    )
    report.add("chứng nhận chờ xác minh", 1)


def load_orders(*, report, products, customer, admin=None):
    if not products:  # a catalogue without stock to sell: no demo orders
        return
    vietnam, _ = Country.objects.get_or_create(
        iso_3166_1_a2="VN",
        defaults={"printable_name": "Việt Nam", "name": "Việt Nam", "is_shipping_country": True},
    )
    for number, items, progress in ORDERS:
        if Order.objects.filter(number=number).exists():
            continue
        order = _place_order(number, items, products, customer, vietnam)
        if admin is not None:
            money_demo.pay_order(order=order, admin=admin)
        for shipment in Shipment.objects.filter(order=order).select_related("cooperative"):
            _advance(shipment, progress)
        report.add("đơn hàng", 1)


def _place_order(number, items, products, customer, country):
    basket = Basket.objects.create(owner=customer)
    basket.strategy = Selector().strategy(user=customer)
    for index, quantity in items:
        basket.add_product(products[index % len(products)], quantity)
    method = Free()
    charge = method.calculate(basket)
    surcharges = SurchargeApplicator().get_applicable_surcharges(basket)
    address = ShippingAddress.objects.create(
        first_name="Nguyễn Thị",
        last_name="Lan",
        line1="25 Phố Hàng Bông",
        line4="Phường Hoàn Kiếm, Thành phố Hà Nội",
        country=country,
        phone_number="+84912345678",
    )
    order = OrderCreator().place_order(
        order_number=number,
        user=customer,
        basket=basket,
        shipping_address=address,
        shipping_method=method,
        shipping_charge=charge,
        total=OrderTotalCalculator().calculate(basket, charge, surcharges),
        surcharges=surcharges,
    )
    basket.set_as_submitted()
    return order


def _advance(shipment, progress):
    user = shipment.cooperative.partner.users.first() if shipment.cooperative_id else None
    if progress == "pending" or user is None:
        return
    # Delivered orders were delivered three weeks ago: past the return window, payable.
    days_ago = 24 if progress == "delivered" else 0
    for number, step in enumerate(STEPS[: STEPS.index(progress) + 1]):
        extra = {}
        if step == "shipped":
            extra = {"carrier": "ghn", "tracking_code": f"GHN{shipment.pk:08d}"}
        at = timezone.now() - datetime.timedelta(days=days_ago - number) if days_ago else None
        shipment_advance(shipment=shipment, to_status=step, by=user, at=at, **extra)
