"""Staff revoke a certificate with a reason: every badge, page, cache and the search index
drop it at once, and the lot's QR page shows it as revoked."""

import pytest
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue.services import certificate_revoke
from tests import factories, search_data
from tests.factories import cooperative_user, ocop_certificate, trace_batch

pytestmark = pytest.mark.django_db

Certificate = get_model("catalogue", "Certificate")
BROWSER = {"HTTP_ACCEPT": "text/html,application/xhtml+xml,*/*;q=0.8"}
REASON = "UBND tỉnh đã huỷ quyết định công nhận số 123"


@pytest.fixture
def lot(cooperative):
    batch = trace_batch(cooperative=cooperative, upc="8934567890120", kinds=["harvest"],
                        photos_per_event=0)  # fmt: skip
    certificate = ocop_certificate(product=batch.product, stars=5)
    return batch, certificate


def _revoke(client, certificate, reason=REASON):
    return client.post(reverse("certificate-review", args=[certificate.pk, "revoke"]),
                       {"reason": reason})  # fmt: skip


def test_staff_revoke_and_badges_pages_and_caches_drop_it_at_once(
    client, lot, staff_user, mailoutbox, django_capture_on_commit_callbacks
):
    batch, certificate = lot
    product = batch.product
    phone = Client(**BROWSER)
    qr = f"/01/08934567890120/10/{batch.lot_code}"
    for _ in range(2):  # the product page's fragments and the QR page are cached now
        assert "OCOP 5 sao" in client.get(product.get_absolute_url()).content.decode()
        assert "OCOP 5 sao" in phone.get(qr).content.decode()
    profile = reverse("cooperative-profile", kwargs={"slug": product.cooperative.slug})
    assert certificate.decision_number in client.get(profile).content.decode()
    client.force_login(staff_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = _revoke(client, certificate)

    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoked_by == staff_user and certificate.revocation_reason == REASON
    assert not certificate.is_valid
    assert not Certificate.objects.valid_on().filter(pk=certificate.pk).exists()
    client.logout()
    assert "OCOP 5 sao" not in client.get(product.get_absolute_url()).content.decode()
    assert certificate.decision_number not in client.get(profile).content.decode()
    assert client.get(reverse("catalogue:index"), {"stars": "5"}).context["paginator"].count == 0
    page = phone.get(qr).content.decode()
    assert "ĐÃ THU HỒI" in page and REASON in page
    assert "Chứng nhận còn hiệu lực" not in page
    linkset = client.get(qr + "?linkType=linkset").json()
    assert all("certificationInfo" not in key for entry in linkset["linkset"] for key in entry)
    (message,) = [m for m in mailoutbox if "thu hồi" in m.subject]
    assert REASON in message.body


def test_the_search_index_drops_a_revoked_certificate(
    client, search_server, staff_user, django_capture_on_commit_callbacks
):
    cooperative = factories.CooperativeFactory()
    product = search_data.product(cooperative, "Chè đã bị thu hồi sao", 100_000, stars=5)
    search_server.rebuild()
    assert client.get(reverse("catalogue:index"), {"stars": "5"}).context["paginator"].count == 1

    with django_capture_on_commit_callbacks(execute=True):  # the index follows the commit
        certificate_revoke(certificate=product.certificates.get(), reason=REASON, by=staff_user)
    search_server.refresh()

    stars = client.get(reverse("catalogue:index"), {"stars": "5"})
    assert stars.context["from_search_server"] is True
    assert stars.context["paginator"].count == 0


def test_a_revocation_needs_a_reason_and_a_verified_certificate(client, lot, staff_user):
    batch, certificate = lot
    pending = ocop_certificate(product=batch.product, verified=False)
    client.force_login(staff_user)

    _revoke(client, certificate, reason="  ")
    _revoke(client, pending)

    certificate.refresh_from_db()
    pending.refresh_from_db()
    assert certificate.revoked_at is None and pending.revoked_at is None


def test_only_staff_revoke_certificates(client, lot, cooperative):
    batch, certificate = lot
    client.force_login(cooperative_user(cooperative, email="hop-tac-xa@ocop.example"))

    response = _revoke(client, certificate)

    assert response.status_code in (302, 403)
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    assert client.get(reverse("certificate-verified-list")).status_code in (302, 403)


def test_staff_find_verified_certificates_to_revoke(client, lot, staff_user):
    batch, certificate = lot
    client.force_login(staff_user)

    found = client.get(reverse("certificate-verified-list"), {"q": certificate.decision_number})
    missed = client.get(reverse("certificate-verified-list"), {"q": "không có số này"})

    assert f'id="certificate-{certificate.pk}"' in found.content.decode()
    assert f'id="certificate-{certificate.pk}"' not in missed.content.decode()
