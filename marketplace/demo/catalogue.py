"""The demo catalogue: categories, cooperatives with their logins, and OCOP products with
their certificate, stock record and placeholder picture, read from ``demo/data``."""

import datetime
import re
from decimal import ROUND_UP, Decimal

from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.db.models import Q
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.core.utils import slugify

from catalogue.services import certificate_create
from marketplace import places
from marketplace.demo import data, traceability_demo
from marketplace.demo.images import product_image_jpeg
from marketplace.demo.people import ADMIN_EMAIL, DEMO_PASSWORD, User, user_ensure

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
Certificate = get_model("catalogue", "Certificate")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
Cooperative = get_model("partner", "Cooperative")

PRODUCT_CLASS_SLUG = "san-pham-ocop"

# Every EXPIRED_EVERY-th OCOP certificate is out of date (its badge must not show) and
# every SOON_EVERY-th expires within the 60-day warning window.
EXPIRED_EVERY, SOON_EVERY = 7, 11


def load_categories(*, report, **_):
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


def load_cooperatives(*, report, **_):
    dashboard_access = Permission.objects.get(
        codename="dashboard_access", content_type__app_label="partner"
    )
    for number, spec in enumerate(data.COOPERATIVES):
        cooperative = Cooperative.objects.filter(slug=spec["slug"]).first()
        if cooperative is None:
            partner = Partner.objects.create(name=spec["name"])
            ward_code = places.ward_code_by_name(spec["province_code"], spec["ward_name"])
            cooperative = Cooperative.objects.create(
                partner=partner,
                slug=spec["slug"],
                province_code=spec["province_code"],
                ward_code=ward_code,
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
        user = user_ensure(
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


def load_products(*, report, progress, **_):
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
