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


def ocop_certificate(*, product, stars=4, issued_on=None, expires_on=None):
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
    )


def category(path):
    """Return the category at a ``"Parent > Child"`` breadcrumb, creating it if needed."""
    return create_from_breadcrumbs(path)


def home_page():
    """Return the published Wagtail home page at the site root (creating it if needed)."""
    from wagtail.models import Site

    from cms.services import page_tree_ensure

    root = page_tree_ensure()
    home = HomePage.objects.first()
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
