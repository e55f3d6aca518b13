"""Requests past their limit get HTTP 429 with Retry-After, and the friendly page.

These tests run with the real limits (``real_rate_limits``); the requests come from the
test client's address unless a test gives another.
"""

import uuid

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import ProductClassFactory, UserFactory

from marketplace.throttling import LIMITS
from tests.factories import cooperative_user, trace_batch

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_rate_limits")]

Cooperative = get_model("partner", "Cooperative")


def allowed(name):
    """Return how many requests limit ``name`` lets through in its period."""
    return int(LIMITS[name].rate.split("/")[0])


def page(response):
    return response.content.decode()


def assert_too_many(response):
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert "Bạn thao tác quá nhanh" in page(response)
    assert "You have sent too many requests" in page(response)


def test_search_answers_until_its_limit_then_429(client):
    for _request in range(allowed("search")):
        assert client.get("/shop/search/", {"q": "chè"}).status_code == 200

    assert_too_many(client.get("/shop/search/", {"q": "chè"}))
    # Another address is not affected.
    assert client.get("/shop/search/", {"q": "chè"}, REMOTE_ADDR="10.3.3.3").status_code == 200


def test_suggestions_past_their_limit_answer_json_with_an_error(client):
    for _request in range(allowed("search-suggest")):
        assert client.get("/shop/search/suggest/", {"q": "ch"}).status_code == 200

    response = client.get("/shop/search/suggest/", {"q": "ch"})

    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert response["Content-Type"] == "application/json"
    assert "quá nhanh" in response.json()["error"]
    assert "max-age" not in response.get("Cache-Control", "")


def test_the_resolver_and_short_links_share_a_generous_limit(client, cooperative):
    batch = trace_batch(cooperative=cooperative, upc="8934567890120", kinds=["harvest"])
    short = f"/t/{batch.short_code}/"
    lot = "/01/08934567890120/10/CM-2026-11"
    browser = {"HTTP_ACCEPT": "text/html,*/*;q=0.8"}  # a phone: the page, not a redirect
    assert client.get(short).status_code == 200
    assert client.get(lot, **browser).status_code == 200
    # Guessing codes counts as much as scanning real ones.
    for n in range(allowed("trace") - 3):
        assert client.get(f"/t/KHONG{n}/").status_code == 404
    assert client.get(lot, **browser).status_code == 200

    assert_too_many(client.get(short))
    assert_too_many(client.get(lot))
    assert_too_many(client.get("/01/08934567890120"))


def test_qr_images_have_their_own_generous_limit(client, cooperative):
    batch = trace_batch(cooperative=cooperative, kinds=["harvest"])
    image = f"/t/{batch.short_code}/qr.png"
    assert client.get(image).status_code == 200
    for n in range(allowed("trace-qr") - 2):
        assert client.get(f"/t/KHONG{n}/qr.png").status_code == 404
    assert client.get(image).status_code == 200

    assert_too_many(client.get(image))
    assert client.get(f"/t/{batch.short_code}/").status_code == 200  # another limit


def test_the_application_form_past_its_limit_saves_nothing(client):
    url = reverse("cooperative-apply")
    for _request in range(allowed("cooperative-apply")):
        assert client.post(url, {"name": "Hợp tác xã"}).status_code == 200  # form errors

    assert_too_many(client.post(url, {"name": "Hợp tác xã"}))
    assert not Cooperative.objects.exists()
    assert client.get(url).status_code == 200  # reading the form is not limited


@pytest.mark.parametrize("url", ["/shop/password-reset/", "/cms/password_reset/"])
def test_password_reset_mails_one_address_three_times_an_hour(url):
    UserFactory(email="lan@ocop.example", is_staff=True, is_superuser=True)
    client = Client()
    for _request in range(allowed("password-reset-email")):
        assert client.post(url, {"email": "lan@ocop.example"}).status_code == 302
    sent = len(mail.outbox)
    assert sent == allowed("password-reset-email")

    assert_too_many(client.post(url, {"email": " LAN@ocop.example"}))
    assert len(mail.outbox) == sent
    # Another address may still ask, until the address's own limit.
    assert client.post(url, {"email": "hoa@ocop.example"}).status_code == 302


def test_password_reset_requests_from_one_address_are_limited():
    client = Client()
    for n in range(allowed("password-reset")):
        response = client.post("/shop/password-reset/", {"email": f"k{n}@ocop.example"})
        assert response.status_code == 302

    assert_too_many(client.post("/cms/password_reset/", {"email": "khac@ocop.example"}))
    assert Client(REMOTE_ADDR="10.4.4.4").post(
        "/shop/password-reset/", {"email": "khac@ocop.example"}
    ).status_code == 302  # fmt: skip


@pytest.fixture
def seller(client, cooperative):
    client.force_login(cooperative_user(cooperative))
    return client


def not_an_image(name="anh.jpg"):
    return SimpleUploadedFile(name, b"khong phai anh", content_type="image/jpeg")


def test_every_upload_counts_against_one_budget_per_account(seller, cooperative):
    product_class = ProductClassFactory()
    batch = trace_batch(cooperative=cooperative, kinds=["harvest"], publish=False)
    uploads = {
        "product image": lambda: seller.post(
            reverse(
                "dashboard:catalogue-product-create",
                kwargs={"product_class_slug": product_class.slug},
            ),
            {"images-0-original": not_an_image()},
        ),  # fmt: skip
        "cooperative photo": lambda: seller.post(
            reverse("cooperative-profile-edit"), {"add_photo": "1", "photo-image": not_an_image()}
        ),
        "certificate scan": lambda: seller.post(
            reverse("cooperative-certificate-add"), {"document": not_an_image("scan.pdf")}
        ),
        "batch event photo": lambda: seller.post(
            reverse("batch-detail", args=[batch.pk]), {"photos": not_an_image()}
        ),
    }
    for name, upload in uploads.items():
        assert upload().status_code == 200, name  # the form explains what is wrong
    for _request in range(allowed("upload") - len(uploads)):
        uploads["cooperative photo"]()

    for name, upload in uploads.items():
        response = upload()
        assert response.status_code == 429, name
        assert "Retry-After" in response
    # Saving the profile without a file is not an upload.
    assert seller.post(reverse("cooperative-profile-edit"), {}).status_code != 429


def test_product_imports_are_limited_per_account(seller):
    def upload():
        return seller.post(
            reverse("cooperative-product-import"),
            {"spreadsheet": SimpleUploadedFile("hang.txt", b"\x00\x01 khong phai bang tinh")},
        )

    for _request in range(allowed("import")):
        assert upload().status_code == 200  # the form says the file cannot be read

    assert_too_many(upload())
    confirm = seller.post(reverse("cooperative-product-import-confirm", args=[uuid.uuid4()]))
    assert confirm.status_code == 429


def test_bank_statement_imports_are_limited_per_account(client, staff_user):
    client.force_login(staff_user)
    url = reverse("payments:bank-statement-import")

    def upload():
        return client.post(url, {"statement": SimpleUploadedFile("saoke.csv", b"")})

    for _request in range(allowed("import")):
        assert upload().status_code == 400  # an empty file: nothing imported

    assert_too_many(upload())
    assert client.get(url).status_code == 200
