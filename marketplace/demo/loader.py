"""Load the demo marketplace: cooperatives, OCOP products, logins and the home page.

Every step creates only what is missing, keyed by a stable natural key (slug, UPC,
e-mail), so a second run changes nothing. ``reset`` deletes the demo first. The content is
read from the data files of ``marketplace/demo/data``; the steps live beside this module
(``people``, ``catalogue``, ``cms_content``, ``traceability_demo``, ``activity``,
``money_demo``, ``scale``).
"""

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.test.utils import override_settings
from django.utils import translation
from oscar.core.loading import get_model

from catalogue.feeds.build import feeds_build
from cms.models import HomePage
from marketplace.demo import activity, cms_content, money_demo, traceability_demo
from marketplace.demo.catalogue import (
    PRODUCT_CLASS_SLUG,
    load_categories,
    load_cooperatives,
    load_products,
)
from marketplace.demo.people import ADMIN_EMAIL, CUSTOMER_EMAIL, User, load_people
from marketplace.demo.scale import (
    SCALE_ORDER_PREFIX,
    SCALE_UPC_PREFIX,
    load_scale_orders,
    load_scale_products,
)

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
Partner = get_model("partner", "Partner")
Cooperative = get_model("partner", "Cooperative")


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
        ("Người dùng quản trị và khách hàng", load_people),
        ("Danh mục và loại sản phẩm", load_categories),
        ("Hợp tác xã", load_cooperatives),
        ("Sản phẩm OCOP", load_products),
        (
            "Trang Wagtail: trang chủ, chiến dịch, câu chuyện (tiếng Việt và tiếng Anh)",
            cms_content.load_home_page,
        ),
        ("Lô hàng và nhật ký truy xuất", _load_batches),
        (
            "Đơn đăng ký, chứng nhận chờ xác minh, đơn hàng mẫu, tiền hàng và đợt chi trả",
            _load_activity,
        ),
    ]
    if scale:
        steps.append((f"Sản phẩm sinh thêm (--scale {scale})", load_scale_products))
    if orders:
        steps.append((f"Đơn hàng sinh thêm (--orders {orders})", load_scale_orders))
    # Last: the feeds list every product made above.
    steps.append(("Nguồn sản phẩm cho Google và Facebook", _build_feeds))
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
        for step in (load_people, load_categories, load_cooperatives, load_products):
            with transaction.atomic():
                step(report=report, scale=0, orders=0, progress=on_item)
    return report


def _load_batches(*, report, progress, **_):
    products = list(
        Product.objects.filter(cooperative__status=Cooperative.Status.APPROVED)
        .exclude(upc__startswith=SCALE_UPC_PREFIX)
        .select_related("cooperative__partner")
        .order_by("pk")
    )
    traceability_demo.load_batches(report=report, products=products, progress=progress)


def _build_feeds(**_):
    # Built here, not left to beat's first run: /feeds/ answers as soon as the demo is up.
    feeds_build()


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
