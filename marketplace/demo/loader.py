"""Load the demo marketplace: cooperatives, OCOP products, logins and the home page.

Every step creates only what is missing, keyed by a stable natural key (slug, UPC,
e-mail), so a second run changes nothing. ``reset`` deletes the demo first.
"""

import datetime
import re
import shutil
from dataclasses import dataclass, field
from decimal import ROUND_UP, Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.test.utils import override_settings
from django.utils import timezone, translation
from oscar.core.loading import get_model
from oscar.core.utils import slugify
from vietnam_provinces import Ward
from wagtail.models import Site

from catalogue.selectors import product_cards
from catalogue.services import certificate_create
from cms.models import HomePage, HomePageFeaturedProduct
from cms.services import page_tree_ensure
from marketplace.demo import activity, cms_content, money_demo, traceability_demo
from marketplace.demo import catalogue_data as data
from marketplace.demo.images import product_image_jpeg
from marketplace.sites import site_domain_sync

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
Certificate = get_model("catalogue", "Certificate")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
Cooperative = get_model("partner", "Cooperative")
User = get_user_model()

DEMO_PASSWORD = "ocop-demo"  # noqa: S105 (the demo accounts' published password)
ADMIN_EMAIL, ADMIN_PASSWORD = "admin@ocop.example", "ocop-admin"
CUSTOMER_EMAIL = "khach@ocop.example"
PRODUCT_CLASS_SLUG = "san-pham-ocop"
SCALE_UPC_PREFIX = "SCALE-"
SCALE_BATCH = 1000

# Every EXPIRED_EVERY-th OCOP certificate is out of date (its badge must not show) and
# every SOON_EVERY-th expires within the 60-day warning window.
EXPIRED_EVERY, SOON_EVERY = 7, 11


@dataclass
class Report:
    """What a run created, step by step, for the command to print."""

    created: dict = field(default_factory=dict)

    def add(self, what, count):
        if count:
            self.created[what] = self.created.get(what, 0) + count


def _silent(done, total, label):
    pass


def demo_reset():
    """Delete everything the demo creates (products, cooperatives, logins, home page)."""
    # Generated pictures go with their products.
    shutil.rmtree(Path(settings.MEDIA_ROOT) / "images", ignore_errors=True)
    shutil.rmtree(Path(settings.MEDIA_ROOT) / "cache", ignore_errors=True)
    from marketplace.settlement.services import ledger_purge

    # The ledger refuses deletion; it goes first, in bulk, with the orders it belongs to.
    ledger_purge()
    with transaction.atomic():
        Batch = get_model("traceability", "Batch")
        TraceEvent = get_model("traceability", "TraceEvent")
        TraceEventPhoto = get_model("traceability", "TraceEventPhoto")
        # Trace events refuse deletion one by one; the demo reset removes them in bulk.
        TraceEventPhoto.objects.all()._raw_delete(TraceEventPhoto.objects.db)
        TraceEvent.objects.all()._raw_delete(TraceEvent.objects.db)
        # Published chain roots are kept forever in use; the demo's go with the demo.
        ChainRoot = get_model("traceability", "ChainRoot")
        ChainRoot.objects.all()._raw_delete(ChainRoot.objects.db)
        get_model("traceability", "LineBatch").objects.all().delete()
        Batch.objects.all().delete()
        get_model("order", "Order").objects.filter(
            Q(number__startswith="OCOP-DEMO-") | Q(number__startswith=SCALE_ORDER_PREFIX)
        ).delete()
        Product.objects.all().delete()
        Cooperative.objects.all().delete()
        Partner.objects.all().delete()
        Category.objects.all().delete()
        ProductClass.objects.filter(slug=PRODUCT_CLASS_SLUG).delete()
        User.objects.filter(email__endswith="@ocop.example").delete()
        for page in HomePage.objects.all():
            page.delete()
        cms_content.delete_demo_images()


def demo_load(*, scale=0, orders=0, on_step=_silent, on_item=_silent):
    """Create whatever part of the demo is missing; return a Report of what was made.

    ``on_step(number, total, label)`` is called before each step and
    ``on_item(done, total, label)`` as a long step makes progress.
    """
    report = Report()
    steps = [
        ("Người dùng quản trị và khách hàng", _load_people),
        ("Danh mục và loại sản phẩm", _load_categories),
        ("Hợp tác xã", _load_cooperatives),
        ("Sản phẩm OCOP", _load_products),
        (
            "Trang Wagtail: trang chủ, chiến dịch, câu chuyện (tiếng Việt và tiếng Anh)",
            _load_home_page,
        ),
        ("Lô hàng và nhật ký truy xuất", _load_batches),
        (
            "Đơn đăng ký, chứng nhận chờ xác minh, đơn hàng mẫu, tiền hàng và đợt chi trả",
            _load_activity,
        ),
    ]
    if scale:
        steps.append((f"Sản phẩm sinh thêm (--scale {scale})", _load_scale_products))
    if orders:
        steps.append((f"Đơn hàng sinh thêm (--orders {orders})", _load_scale_orders))
    # The demo's applications and orders would e-mail cooperatives and staff: keep those
    # messages in memory (they are sent on commit, so the whole load is covered).
    # Texts are given in Vietnamese with their English beside (``title`` and ``title_en``):
    # the plain field names write the Vietnamese columns only while Vietnamese is active.
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"),
        translation.override(settings.LANGUAGE_CODE),
    ):
        for number, (label, step) in enumerate(steps, start=1):
            on_step(number, len(steps), label)
            with transaction.atomic():
                step(report=report, scale=scale, orders=orders, progress=on_item)
    return report


def demo_catalogue_load(*, on_item=_silent):
    """Create only the demo's logins, categories, cooperatives and products (the search tests'
    catalogue: the judged queries of ``search/judged_queries.json`` name its products)."""
    report = Report()
    with translation.override(settings.LANGUAGE_CODE):
        for step in (_load_people, _load_categories, _load_cooperatives, _load_products):
            with transaction.atomic():
                step(report=report, scale=0, orders=0, progress=on_item)
    return report


def _create_user(*, email, password, first_name, last_name="", is_staff=False, report):
    user = User.objects.filter(email=email).first()
    if user is not None:
        return user
    user = User(
        username=email, email=email, first_name=first_name, last_name=last_name,
        is_staff=is_staff, is_superuser=is_staff,
    )  # fmt: skip
    user.set_password(password)
    user.save()
    report.add("người dùng", 1)
    return user


def _load_people(*, report, **_):
    site_domain_sync()
    _create_user(
        email=ADMIN_EMAIL, password=ADMIN_PASSWORD, first_name="Quản trị", is_staff=True,
        report=report,
    )  # fmt: skip
    _create_user(
        email=CUSTOMER_EMAIL, password=DEMO_PASSWORD, first_name="Lan", last_name="Nguyễn",
        report=report,
    )  # fmt: skip


def _load_categories(*, report, **_):
    product_class, created = ProductClass.objects.get_or_create(
        slug=PRODUCT_CLASS_SLUG,
        defaults={"name": "Sản phẩm OCOP", "requires_shipping": True, "track_stock": True},
    )
    report.add("loại sản phẩm", int(created))
    for spec in data.CATEGORIES:
        if Category.objects.filter(slug=spec["slug"]).exists():
            _english_fill(
                Category.objects.filter(slug=spec["slug"]),
                name_en=spec["name_en"], description_en=spec["description_en"],
            )  # fmt: skip
            continue
        Category.add_root(
            name=spec["name"], name_en=spec["name_en"], slug=spec["slug"],
            description=spec["description"], description_en=spec["description_en"],
        )  # fmt: skip
        report.add("danh mục", 1)


def _load_cooperatives(*, report, **_):
    dashboard_access = Permission.objects.get(
        codename="dashboard_access", content_type__app_label="partner"
    )
    for number, spec in enumerate(data.COOPERATIVES):
        cooperative = Cooperative.objects.filter(slug=spec["slug"]).first()
        if cooperative is None:
            partner = Partner.objects.create(name=spec["name"])
            ward = next(
                w
                for w in Ward.iter_by_province(spec["province_code"])
                if w.name == spec["ward_name"]
            )
            cooperative = Cooperative.objects.create(
                partner=partner,
                slug=spec["slug"],
                province_code=spec["province_code"],
                ward_code=int(ward.code),
                address=spec["address"],
                phone=spec["phone"],
                email=spec["email"],
                founded_year=spec["founded_year"],
                members_count=spec["members_count"],
                story=spec["story"],
                story_en=spec["story_en"],
                status=Cooperative.Status.APPROVED,
                # Spread the "selling here since" dates over the last few years.
                approved_at=timezone.now() - datetime.timedelta(days=40 + 47 * number),
            )
            report.add("hợp tác xã", 1)
        user = _create_user(
            email=f"{spec['slug']}@ocop.example",
            password=DEMO_PASSWORD,
            first_name=spec["name"],
            report=report,
        )
        if not user.user_permissions.filter(pk=dashboard_access.pk).exists():
            user.user_permissions.add(dashboard_access)
        if not cooperative.partner.users.filter(pk=user.pk).exists():
            cooperative.partner.users.add(user)
    traceability_demo.load_gs1_members(report=report)


def _english_fill(queryset, **texts):
    """Give a demo row made before it had English its English texts (only empty ones)."""
    for name, text in texts.items():
        queryset.filter(Q(**{f"{name}__isnull": True}) | Q(**{name: ""})).update(**{name: text})


def _product_upc(spec, index):
    return spec["gtin"] or f"OCOP-{index:04d}"


def _load_products(*, report, progress, **_):
    product_class = ProductClass.objects.get(slug=PRODUCT_CLASS_SLUG)
    categories = {c.slug: c for c in Category.objects.all()}
    cooperatives = {c.slug: c for c in Cooperative.objects.select_related("partner")}
    palettes = data.PALETTES
    total = len(data.PRODUCTS)
    for index, spec in enumerate(data.PRODUCTS, start=1):
        upc = _product_upc(spec, index)
        if Product.objects.filter(upc=upc).exists():
            _english_fill(
                Product.objects.filter(upc=upc),
                title_en=spec["title_en"], description_en=spec["description_en"],
                storage_en=spec["storage_en"],
            )  # fmt: skip
            continue
        cooperative = cooperatives[spec["cooperative"]]
        product = Product.objects.create(
            upc=upc,
            title=spec["title"],
            title_en=spec["title_en"],
            description=spec["description"],
            description_en=spec["description_en"],
            product_class=product_class,
            structure=Product.STANDALONE,
            is_public=True,
            cooperative=cooperative,
            origin_province_code=cooperative.province_code,
            origin_ward_code=cooperative.ward_code,
            net_content=spec["net_content"],
            shipping_weight_kg=spec.get("shipping_weight_kg")
            or shipping_weight_from_net_content(spec["net_content"]),
            shelf_life_months=spec["shelf_life_months"],
            storage=spec["storage"],
            storage_en=spec["storage_en"],
        )
        _create_ocop_certificate(product=product, stars=spec["ocop_stars"], index=index)
        ProductCategory.objects.create(product=product, category=categories[spec["category"]])
        StockRecord.objects.create(
            product=product,
            partner=cooperative.partner,
            partner_sku=f"{cooperative.slug[:40]}-{index:04d}",
            price=Decimal(spec["price"]).quantize(Decimal("0.01")),
            num_in_stock=spec["stock"],
        )
        jpeg = product_image_jpeg(title=spec["title"], palette=palettes[spec["category"]], seed=upc)
        ProductImage.objects.create(
            product=product,
            original=ContentFile(jpeg, name=f"{slugify(spec['title'])}.jpg"),
            caption=spec["title"],
            display_order=0,
        )
        report.add("sản phẩm", 1)
        progress(index, total, spec["title"])


def _create_ocop_certificate(*, product, stars, index):
    """Give the product its OCOP certificate: most valid, some expired or expiring soon."""
    today = timezone.localdate()
    if index % EXPIRED_EVERY == 0:
        issued_on = today - datetime.timedelta(days=365 * 3 + 120)
    elif index % SOON_EVERY == 0:
        issued_on = today - datetime.timedelta(days=365 * 3 - 30)
    else:
        issued_on = today - datetime.timedelta(days=90 + (index * 37) % 700)
    cooperative = product.cooperative
    authority = (
        "Bộ Nông nghiệp và Môi trường" if stars == 5 else f"UBND tỉnh {cooperative.province_name}"
    )
    certificate_create(
        product=product,
        kind=Certificate.Kind.OCOP,
        stars=stars,
        authority=authority,
        decision_number=f"{1000 + index * 13}/QĐ-UBND",
        issued_on=issued_on,
        verified_by=User.objects.get(email=ADMIN_EMAIL),
    )


def _load_home_page(*, report, **_):
    root = page_tree_ensure()
    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        home = HomePage(
            title="Chợ OCOP – Đặc sản Việt từ hợp tác xã",
            slug="trang-chu",
            hero_heading="Đặc sản OCOP, mua tận gốc từ hợp tác xã",
            hero_text=(
                "Chè Thái Nguyên, chè Cam My Phú Thọ, mận Sơn La, mật ong, gạo ST25… "
                "Mỗi sản phẩm đạt chuẩn OCOP 3–5 sao, có nguồn gốc rõ ràng. "
                "Thanh toán khi nhận hàng, chuyển khoản VietQR hoặc thẻ."
            ),
            hero_button_label="Mua sắm ngay",
            search_description="Sàn thương mại điện tử cho sản phẩm OCOP của các hợp tác xã.",
        )
        root.add_child(instance=home)
        report.add("trang Wagtail", 1)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True,
            site_name="Chợ OCOP",
        )  # fmt: skip
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page, site.site_name = home, "Chợ OCOP"
        site.save()
        # Wagtail's "Welcome" placeholder page is no longer reachable: remove it.
        if old_root.depth > 1 and not old_root.specific_class == HomePage:
            old_root.delete()
    if not home.featured_products.exists():
        # The best-rated products in stock, one per cooperative where possible.
        best = (
            product_cards()
            .filter(ocop_stars__gte=4, stockrecords__num_in_stock__gt=0)
            .order_by("-ocop_stars", "pk")
            .values_list("pk", "cooperative_id")
        )
        chosen, partners = [], set()
        for pk, partner_id in best:
            if partner_id not in partners:
                chosen.append(pk)
                partners.add(partner_id)
        for order, product_id in enumerate(chosen[:8]):
            HomePageFeaturedProduct.objects.create(
                page=home, product_id=product_id, sort_order=order
            )
        home.save_revision().publish()
    cms_content.load_cms_pages(home=home, report=report)


def _load_batches(*, report, progress, **_):
    products = list(
        Product.objects.filter(cooperative__status=Cooperative.Status.APPROVED)
        .exclude(upc__startswith=SCALE_UPC_PREFIX)
        .select_related("cooperative__partner")
        .order_by("pk")
    )
    traceability_demo.load_batches(report=report, products=products, progress=progress)


def _load_activity(*, report, **_):
    activity.load_applications(report=report)
    activity.load_pending_certificate(report=report)
    products = list(
        Product.objects.filter(
            cooperative__status=Cooperative.Status.APPROVED,
            stockrecords__num_in_stock__gte=10,
            upc__isnull=False,
        )
        .exclude(upc__startswith=SCALE_UPC_PREFIX)
        .order_by("pk")
    )
    admin = User.objects.get(email=ADMIN_EMAIL)
    money_demo.load_tax_profiles(report=report)
    activity.load_orders(
        report=report, products=products, customer=User.objects.get(email=CUSTOMER_EMAIL),
        admin=admin,
    )  # fmt: skip
    money_demo.load_refund_and_payouts(report=report, admin=admin)
    # Shipped orders took their units from lots: a recall of one reaches the customer.
    traceability_demo.recall_demo_lot(report=report)
    traceability_demo.publish_roots(report=report)


def _load_scale_products(*, report, scale, progress, **_):
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


SCALE_ORDER_PREFIX = "SCALE-ORDER-"


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


def _load_scale_orders(*, report, orders, progress, **_):
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


_UNIT_KG = {"kg": Decimal(1), "g": Decimal("0.001"), "l": Decimal(1), "lít": Decimal(1),
            "ml": Decimal("0.001")}  # fmt: skip
_AMOUNT = r"(\d+(?:,\d+)?)\s*(kg|g|ml|lít|l)\b"


def shipping_weight_from_net_content(net_content):
    """Return a plausible parcel weight (kg) for a demo product from its label's content.

    "500 g" → 0,55; "1 lít" → 1,1; "2 quả (khoảng 1,8 kg)" → 2; "1 hộp (2 x 200 g)" → 0,45.
    Liquids count a kilogram a litre; packaging adds a tenth and at least 50 g. Items
    sold by the piece or set (handicrafts) count a kilogram.
    """
    text = net_content.lower()
    multiple = re.search(r"(\d+)\s*x\s*" + _AMOUNT, text)
    leading = re.match(r"\s*" + _AMOUNT, text)
    about = re.search(r"khoảng\s*" + _AMOUNT, text)
    if leading:
        content = Decimal(leading[1].replace(",", ".")) * _UNIT_KG[leading[2]]
    elif multiple:
        content = int(multiple[1]) * Decimal(multiple[2].replace(",", ".")) * _UNIT_KG[multiple[3]]
    elif about:
        content = Decimal(about[1].replace(",", ".")) * _UNIT_KG[about[2]]
    else:
        return Decimal(1)
    weight = content + max(content / 10, Decimal("0.05"))
    # Rounded up to the next 50 g, as a parcel scale reads.
    return (weight * 20).to_integral_value(rounding=ROUND_UP) / 20
