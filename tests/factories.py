"""The project's own factories, on top of oscar.test.factories (which resolve forks)."""

from decimal import Decimal

import factory
from django.contrib.auth.models import Permission
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model
from oscar.test import factories as oscar_factories

from cms.models import HomePage

Cooperative = get_model("partner", "Cooperative")
ProductCategory = get_model("catalogue", "ProductCategory")

# Phú Thọ (25) and one of its communes, from vietnam-provinces.
PHU_THO, CAM_KHE = 25, 8341


class CooperativeFactory(factory.django.DjangoModelFactory):
    partner = factory.SubFactory(
        oscar_factories.PartnerFactory, name=factory.Sequence(lambda n: f"Hợp tác xã Chè số {n}")
    )
    slug = factory.Sequence(lambda n: f"htx-che-{n}")
    province_code = PHU_THO
    ward_code = CAM_KHE
    story = "Hợp tác xã trồng chè VietGAP trên đồi."
    status = Cooperative.Status.APPROVED

    class Meta:
        model = Cooperative


def cooperative_user(cooperative, email=None):
    """Return a user who runs ``cooperative``'s dashboard."""
    user = oscar_factories.UserFactory(email=email or f"{cooperative.slug}@ocop.example")
    user.user_permissions.add(
        Permission.objects.get(codename="dashboard_access", content_type__app_label="partner")
    )
    cooperative.partner.users.add(user)
    return user


def ocop_product(*, cooperative, title, price, category=None, num_in_stock=20, upc=None):
    """Return a public product sold by ``cooperative`` at ``price`` đồng."""
    product = oscar_factories.create_product(
        title=title,
        upc=upc,
        price=Decimal(price),
        num_in_stock=num_in_stock,
        partner_name=cooperative.partner.name,
    )
    stockrecord = product.stockrecords.get()
    stockrecord.partner = cooperative.partner
    stockrecord.save()
    product.cooperative = cooperative
    product.origin_province_code = cooperative.province_code
    product.origin_ward_code = cooperative.ward_code
    product.save()
    if category is not None:
        ProductCategory.objects.create(product=product, category=category)
    return product


def ocop_certificate(*, product, stars=4, issued_on=None, expires_on=None, verified=True):
    """Return an OCOP certificate for ``product``, valid today unless dates say otherwise."""
    import datetime

    from django.utils import timezone

    from catalogue.services import certificate_create

    return certificate_create(
        product=product,
        kind="ocop",
        stars=stars,
        authority="UBND tỉnh Phú Thọ",
        decision_number=f"{product.pk}/QĐ-UBND",
        issued_on=issued_on or timezone.localdate() - datetime.timedelta(days=100),
        expires_on=expires_on,
        verified_by=_verifier() if verified else None,
    )


def _verifier():
    from oscar.test.factories import UserFactory

    User = UserFactory._meta.model
    return User.objects.filter(email="kiemdinh@ocop.example").first() or UserFactory(
        email="kiemdinh@ocop.example", is_staff=True
    )


def category(path):
    """Return the category at a ``"Parent > Child"`` breadcrumb, creating it if needed."""
    return create_from_breadcrumbs(path)


def home_page():
    """Return the published Wagtail home page at the site root (creating it if needed)."""
    from wagtail.models import Site

    from cms.services import page_tree_ensure

    root = page_tree_ensure()
    home = HomePage.objects.filter(locale__language_code="vi").first()
    if home is None:
        home = HomePage(
            title="Chợ OCOP", slug="trang-chu", hero_heading="Đặc sản OCOP",
            hero_button_label="Mua sắm ngay",
        )  # fmt: skip
        root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    return home


def shipping_address(**fields):
    """Return an order shipping address in Vietnam (name, phone, street, commune, province)."""
    values = {
        "first_name": "Nguyễn",
        "last_name": "Thị Lan",
        "line1": "12 Đường Hùng Vương",
        "line2": "",
        "line4": "Phường Việt Trì, Phú Thọ",
        "postcode": "",
        "phone_number": "+84912345678",
        "country": oscar_factories.CountryFactory(iso_3166_1_a2="VN", printable_name="Việt Nam"),
    }
    values.update(fields)
    return oscar_factories.ShippingAddressFactory(**values)


def ocop_order(*, items, user=None, address=None):
    """Place an order for ``items`` (``[(product, quantity), ...]``) the way checkout does.

    Oscar's OrderCreator writes the order and its lines and sends ``order_placed``.
    """
    basket = oscar_factories.BasketFactory(owner=user)  # with the project's pricing strategy
    for product, quantity in items:
        basket.add_product(product, quantity)
    order = oscar_factories.create_order(
        basket=basket, user=user, shipping_address=address or shipping_address()
    )
    order.refresh_from_db()  # the number is generated as an int; the column holds a string
    return order


# Traceability: a batch with a story, as its cooperative records it.
TRACE_KINDS = ["planting", "care", "harvest", "processing", "packing", "inspection"]


def jpeg_upload(name="anh.jpg", colour=(60, 140, 80)):
    """Return a small real JPEG as an upload (thumbnailers must be able to read it)."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def trace_batch(*, cooperative, upc=None, lot_code="CM-2026-11", kinds=TRACE_KINDS,
                photos_per_event=1, publish=True, product=None, user=None):  # fmt: skip
    """Return a batch of a new tea product with one event per kind in ``kinds``, with photos.

    The events happen a day apart, ending yesterday; the batch is published unless told.
    """
    import datetime

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from traceability.services import batch_create, batch_publish, event_add

    user = user or cooperative_user(
        cooperative, email=f"{cooperative.slug}-{lot_code}@ocop.example"
    )
    product = product or ocop_product(
        cooperative=cooperative, title="Chè búp Cam My", price=85000, upc=upc
    )
    start = timezone.now() - datetime.timedelta(days=len(kinds) + 1)
    batch = batch_create(
        product=product, lot_code=lot_code, quantity=500, by=user,
        produced_on=start.date() + datetime.timedelta(days=2),
        best_before=start.date() + datetime.timedelta(days=400),
        farm_name="Đồi chè Khu 3", farm_location="Xã Cẩm Khê, Phú Thọ", farm_area_ha=2.5,
    )  # fmt: skip
    for day, kind in enumerate(kinds):
        extra = {}
        if kind == "care":
            extra["inputs"] = [{"name": "Phân hữu cơ vi sinh", "dose": "2 tấn/ha"}]
        if kind == "inspection":
            extra["document"] = SimpleUploadedFile("ket-qua.pdf", b"%PDF-1.4 ket qua\n%%EOF")
        event_add(
            batch=batch, kind=kind, by=user,
            occurred_at=start + datetime.timedelta(days=day),
            place="Đồi chè Khu 3", note=f"Ghi chép {kind}",
            photos=[(jpeg_upload(f"{kind}-{n}.jpg"), f"Ảnh {kind} {n}")
                    for n in range(photos_per_event)],
            **extra,
        )  # fmt: skip
    if publish:
        batch = batch_publish(batch=batch, by=user)
    return batch


# Valid tax codes: an MST with its check digit, a branch of it, a personal ID number.
MST_COOPERATIVE, MST_HOUSEHOLD_ID = "0100233488", "025085001234"


def seller_profile(cooperative, *, kind="cooperative", tax_code=MST_COOPERATIVE,
                   bank_account="0451000123456", commission_bps=None):  # fmt: skip
    """Give ``cooperative`` the tax profile and payout account a payout needs; return it."""
    cooperative.seller_kind = kind
    cooperative.legal_name = cooperative.partner.name
    cooperative.tax_code = tax_code
    cooperative.bank_bin = "970436"
    cooperative.bank_account_number = bank_account
    cooperative.bank_account_name = "NGUYEN VAN AN"
    cooperative.commission_rate_bps = commission_bps
    cooperative.full_clean()
    cooperative.save()
    return cooperative


def ship(shipment, user, tracking_code="GHN-1"):
    """Pack and ship ``shipment`` as its cooperative's ``user`` does: its lines get lots."""
    from marketplace.order.services import shipment_advance

    shipment_advance(shipment=shipment, to_status="packed", by=user)
    return shipment_advance(
        shipment=shipment, to_status="shipped", carrier="ghn", tracking_code=tracking_code, by=user
    )


def ship_order(order, user):
    """Ship every parcel of ``order`` that ``user``'s cooperative sends."""
    cooperative = user.partners.get().cooperative
    for shipment in order.shipments.filter(cooperative=cooperative):
        ship(shipment, user)
