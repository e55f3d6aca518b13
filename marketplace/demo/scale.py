"""Generated products and orders on top of the demo (``--scale``, ``--orders``): many rows,
made in bulk, for the benchmarks."""

import datetime
from decimal import Decimal

from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.demo import data
from marketplace.demo.catalogue import PRODUCT_CLASS_SLUG
from marketplace.demo.people import CUSTOMER_EMAIL, User

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")
Cooperative = get_model("partner", "Cooperative")

SCALE_UPC_PREFIX = "SCALE-"
SCALE_ORDER_PREFIX = "SCALE-ORDER-"
SCALE_BATCH = 1000


def load_scale_products(*, report, scale, progress, **_):
    """Add generated products (no images) until ``scale`` of them exist; for benchmarks."""
    existing = Product.objects.filter(upc__startswith=SCALE_UPC_PREFIX).count()
    if existing >= scale:
        return
    product_class = ProductClass.objects.get(slug=PRODUCT_CLASS_SLUG)
    categories = list(Category.objects.order_by("pk"))
    cooperatives = list(
        Cooperative.objects.filter(status=Cooperative.Status.APPROVED).select_related("partner")
    )
    for start in range(existing, scale, SCALE_BATCH):
        stop = min(start + SCALE_BATCH, scale)
        products = Product.objects.bulk_create(
            [
                Product(
                    upc=f"{SCALE_UPC_PREFIX}{n:06d}",
                    title=f"{data.PRODUCTS[n % len(data.PRODUCTS)]['title']} · lô {n}",
                    slug=f"san-pham-sinh-them-{n}",
                    description=data.PRODUCTS[n % len(data.PRODUCTS)]["description"],
                    product_class=product_class,
                    structure=Product.STANDALONE,
                    is_public=True,
                    cooperative=cooperatives[n % len(cooperatives)],
                    origin_province_code=cooperatives[n % len(cooperatives)].province_code,
                )
                for n in range(start, stop)
            ]
        )
        ProductCategory.objects.bulk_create(
            [
                ProductCategory(product=p, category=categories[n % len(categories)])
                for n, p in enumerate(products, start=start)
            ]
        )
        StockRecord.objects.bulk_create(
            [
                StockRecord(
                    product=p,
                    partner=cooperatives[n % len(cooperatives)].partner,
                    partner_sku=f"scale-{n:06d}",
                    price=Decimal(20000 + (n % 50) * 5000),
                    num_in_stock=n % 40,
                )
                for n, p in enumerate(products, start=start)
            ]
        )
        report.add("sản phẩm sinh thêm", len(products))
        progress(stop, scale, "sản phẩm sinh thêm")


def generated_line(*, order, record):
    """Return an unsaved order line of one ``record`` (a stock record) at its price, for
    orders generated in bulk (``--orders``, the benchmarks)."""
    Line = get_model("order", "Line")
    return Line(
        order=order, partner=record.partner, partner_name=record.partner.name,
        partner_sku=record.partner_sku, stockrecord=record, product=record.product,
        title=record.product.title, upc=record.product.upc, quantity=1,
        line_price_incl_tax=record.price, line_price_excl_tax=record.price,
        line_price_before_discounts_incl_tax=record.price,
        line_price_before_discounts_excl_tax=record.price,
        unit_price_incl_tax=record.price, unit_price_excl_tax=record.price, num_allocated=0,
    )  # fmt: skip


def load_scale_orders(*, report, orders, progress, **_):
    """Add generated orders until ``orders`` exist, each with a line of the first demo
    cooperative and one of another, for benchmarking the cooperative's order list."""
    Order = get_model("order", "Order")
    Line = get_model("order", "Line")
    Shipment = get_model("order", "Shipment")
    existing = Order.objects.filter(number__startswith=SCALE_ORDER_PREFIX).count()
    if existing >= orders:
        return
    first, second = (Cooperative.objects.get(slug=data.COOPERATIVES[i]["slug"]) for i in (0, 1))
    records = [
        StockRecord.objects.filter(partner=c.partner).select_related("product").first()
        for c in (first, second)
    ]
    customer = User.objects.get(email=CUSTOMER_EMAIL)
    now = timezone.now()
    for start in range(existing, orders, SCALE_BATCH):
        stop = min(start + SCALE_BATCH, orders)
        made = Order.objects.bulk_create(
            [
                Order(
                    number=f"{SCALE_ORDER_PREFIX}{n:06d}",
                    user=customer,
                    currency="VND",
                    total_incl_tax=sum(r.price for r in records),
                    total_excl_tax=sum(r.price for r in records),
                    date_placed=now - datetime.timedelta(hours=n),
                    status="Pending",
                )
                for n in range(start, stop)
            ]
        )
        Line.objects.bulk_create(
            [generated_line(order=order, record=record) for order in made for record in records]
        )
        Shipment.objects.bulk_create(
            [Shipment(order=order, cooperative=c) for order in made for c in (first, second)]
        )
        report.add("đơn hàng sinh thêm", len(made))
        progress(stop, orders, "đơn hàng sinh thêm")
