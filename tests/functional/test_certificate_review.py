"""Cooperatives upload certificates; the star badge shows only after staff verify them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories import CooperativeFactory, cooperative_user, ocop_certificate, ocop_product

pytestmark = pytest.mark.django_db

Certificate = get_model("catalogue", "Certificate")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def tea(cooperative):
    return ocop_product(cooperative=cooperative, title="Chè Cam My", price=85000)


def _submit(client, product, **extra):
    data = {
        "product": str(product.pk),
        "kind": "ocop",
        "stars": "5",
        "authority": "UBND tỉnh Phú Thọ",
        "decision_number": "123/QĐ-UBND",
        "issued_on": "2025-06-01",
        "document": SimpleUploadedFile("qd.pdf", PDF),
    }
    data.update(extra)
    return client.post(reverse("cooperative-certificate-add"), data)


def test_an_uploaded_certificate_waits_for_staff_before_its_badge_shows(
    client, cooperative, tea, staff_user
):
    client.force_login(cooperative_user(cooperative))
    assert _submit(client, tea).status_code == 302
    certificate = Certificate.objects.get(product=tea)
    assert certificate.is_pending
    assert "OCOP 5 sao" not in client.get(tea.get_absolute_url()).content.decode()

    client.force_login(staff_user)
    client.post(reverse("certificate-review", args=[certificate.pk, "verify"]))

    certificate.refresh_from_db()
    assert certificate.verified_by == staff_user
    assert "OCOP 5 sao" in client.get(tea.get_absolute_url()).content.decode()


def test_staff_reject_with_a_reason_the_cooperative_reads(client, cooperative, tea, staff_user):
    certificate = ocop_certificate(product=tea, verified=False)
    client.force_login(staff_user)

    client.post(reverse("certificate-review", args=[certificate.pk, "reject"]), {"reason": ""})
    certificate.refresh_from_db()
    assert certificate.is_pending  # no reason, no rejection

    client.post(
        reverse("certificate-review", args=[certificate.pk, "reject"]),
        {"reason": "Bản scan mờ, không đọc được số quyết định"},
    )
    client.force_login(cooperative_user(cooperative, email="chu@ocop.example"))
    page = client.get(reverse("cooperative-certificate-list")).content.decode()
    assert "Bản scan mờ" in page


def test_a_certificate_cannot_be_added_to_another_cooperatives_product(client, cooperative):
    theirs = ocop_product(cooperative=CooperativeFactory(), title="Mật ong của họ", price=1000)
    client.force_login(cooperative_user(cooperative))

    response = _submit(client, theirs)

    assert response.status_code == 200
    assert not Certificate.objects.exists()


def test_an_ocop_certificate_needs_stars_and_a_real_scan(client, cooperative, tea):
    client.force_login(cooperative_user(cooperative))

    no_stars = _submit(client, tea, stars="")
    fake_scan = _submit(client, tea, document=SimpleUploadedFile("qd.pdf", b"<html>hi</html>"))

    assert no_stars.status_code == 200 and fake_scan.status_code == 200
    assert not Certificate.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "customer", "cooperative"])
def test_only_staff_review_certificates(client, customer, cooperative, tea, who):
    certificate = ocop_certificate(product=tea, verified=False)
    if who == "customer":
        client.force_login(customer)
    elif who == "cooperative":
        client.force_login(cooperative_user(cooperative))

    listing = client.get(reverse("certificate-review-list"))
    client.post(reverse("certificate-review", args=[certificate.pk, "verify"]))

    assert listing.status_code in (302, 403)
    certificate.refresh_from_db()
    assert certificate.is_pending


def test_the_cooperative_list_shows_only_its_own_certificates(client, cooperative, tea):
    theirs = ocop_product(cooperative=CooperativeFactory(), title="Mật ong của họ", price=1000)
    ocop_certificate(product=tea)
    ocop_certificate(product=theirs)
    client.force_login(cooperative_user(cooperative))

    page = client.get(reverse("cooperative-certificate-list")).content.decode()

    assert "Chè Cam My" in page
    assert "Mật ong của họ" not in page
