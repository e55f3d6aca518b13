"""The database listing (the search server away) counts certificates by the one rule:
verified, issued, not expired and not revoked (``Certificate.objects.valid_on``)."""

import datetime

import pytest
from django.utils import timezone

from catalogue.services import certificate_create
from search.listing import product_listing
from search.queries import Filters
from tests import factories

pytestmark = pytest.mark.django_db


def _vietgap(product, *, issued_days_ago, expires_in_days, verified=True):
    today = timezone.localdate()
    return certificate_create(
        product=product,
        kind="vietgap",
        authority="Chi cục Trồng trọt Phú Thọ",
        decision_number=f"{product.pk}/VG",
        issued_on=today - datetime.timedelta(days=issued_days_ago),
        expires_on=today + datetime.timedelta(days=expires_in_days),
        verified_by=factories._verifier() if verified else None,
    )


def _titles(**filters):
    return sorted(p.title for p in product_listing(filters=Filters(**filters)))


def test_the_certificate_filter_ignores_expired_not_yet_issued_and_unverified_certificates(
    tea_cooperative,
):
    valid, expired, future, unverified = (
        factories.ocop_product(cooperative=tea_cooperative, title=title, price=100_000)
        for title in ("Chè còn hạn", "Chè hết hạn", "Chè chưa cấp", "Chè chưa xác minh")
    )
    _vietgap(valid, issued_days_ago=100, expires_in_days=30)
    _vietgap(expired, issued_days_ago=900, expires_in_days=-1)
    _vietgap(future, issued_days_ago=-5, expires_in_days=700)
    _vietgap(unverified, issued_days_ago=100, expires_in_days=30, verified=False)

    assert _titles(certifications=["vietgap"]) == ["Chè còn hạn"]


def test_the_star_filter_counts_only_a_valid_ocop_rating(tea_cooperative):
    today = timezone.localdate()
    rated = factories.ocop_product(cooperative=tea_cooperative, title="Chè 4 sao", price=1)
    lapsed = factories.ocop_product(cooperative=tea_cooperative, title="Chè 4 sao cũ", price=1)
    factories.ocop_certificate(product=rated, stars=4)
    factories.ocop_certificate(
        product=lapsed,
        stars=4,
        issued_on=today - datetime.timedelta(days=1200),
        expires_on=today - datetime.timedelta(days=1),
    )

    assert _titles(stars=[4]) == ["Chè 4 sao"]
