"""A cooperative imports products in the dashboard: upload, preview, confirm."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import ProductClassFactory

from tests.factories import CooperativeFactory, category, cooperative_user

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")

CSV = (
    "Tên sản phẩm,Danh mục,Giá (đồng),Tồn kho\n"
    "Chè búp 200 g,Chè,125.000,20\n"
    "Chè lỗi,Chè,không giá,20\n"
    "Chè xanh 100 g,Chè,60000,15\n"
)


@pytest.fixture
def coop_client(client, cooperative):
    category("Chè")
    ProductClassFactory()
    client.force_login(cooperative_user(cooperative))
    return client


def _upload(client, content=CSV):
    return client.post(
        reverse("cooperative-product-import"),
        {"spreadsheet": SimpleUploadedFile("hang.csv", content.encode("utf-8"))},
    )


def test_upload_shows_a_preview_with_the_bad_row_and_saves_nothing(coop_client):
    response = _upload(coop_client)
    preview = coop_client.get(response["Location"])

    page = preview.content.decode().replace("\u00a0", " ")
    assert "2 dòng hợp lệ" in page and "1 dòng lỗi" in page
    assert "không giá" in page
    assert "125.000 ₫" in page
    assert not Product.objects.exists()


def test_confirming_saves_the_good_rows_for_the_users_cooperative(coop_client, cooperative):
    preview_url = _upload(coop_client)["Location"]

    response = coop_client.post(preview_url, follow=True)

    assert response.status_code == 200
    assert set(Product.objects.values_list("title", flat=True)) == {
        "Chè búp 200 g",
        "Chè xanh 100 g",
    }
    assert set(Product.objects.values_list("cooperative", flat=True)) == {cooperative.pk}
    assert coop_client.get(preview_url).status_code == 302  # used up


def test_a_preview_stored_for_another_cooperative_is_never_imported(client, cooperative):
    from catalogue.dashboard_views import SESSION_PREFIX

    category("Chè")
    ProductClassFactory()
    client.force_login(cooperative_user(CooperativeFactory()))
    session = client.session
    session[SESSION_PREFIX + "abc"] = {
        "cooperative": cooperative.pk,
        "rows": [{"title": "Chè lạ", "category": "Chè", "price": "1000", "stock": "1"}],
    }
    session.save()

    response = client.post(reverse("cooperative-product-import-preview", args=["abc"]))

    assert response.status_code == 302
    assert not Product.objects.exists()


def test_an_unreadable_file_gets_a_form_error(coop_client):
    response = coop_client.post(
        reverse("cooperative-product-import"),
        {"spreadsheet": SimpleUploadedFile("hang.pdf", b"%PDF-1.4 ...")},
    )

    assert response.status_code == 200
    assert "Chỉ nhận tệp CSV hoặc Excel" in response.content.decode()


def test_the_template_downloads_as_utf8_csv(coop_client):
    response = coop_client.get(reverse("cooperative-product-import-template"))

    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode("utf-8-sig").startswith("Tên sản phẩm,Danh mục,Giá (đồng)")


@pytest.mark.parametrize("who", ["anonymous", "customer", "staff", "applicant"])
def test_only_an_approved_cooperatives_users_can_import(client, customer, staff_user, who):
    if who == "customer":
        client.force_login(customer)
    elif who == "staff":
        client.force_login(staff_user)
    elif who == "applicant":
        client.force_login(cooperative_user(CooperativeFactory(status="applied")))

    response = client.get(reverse("cooperative-product-import"))

    assert response.status_code in (302, 403)
