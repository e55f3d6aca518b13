"""A cooperative manages its own products in Oscar's dashboard, and only its own."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import ProductClassFactory

from tests.factories import CooperativeFactory, cooperative_user, ocop_product

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")


@pytest.fixture
def product_class(tea_category):
    return ProductClassFactory(name="Sản phẩm OCOP", slug="san-pham-ocop", track_stock=True)


def _create_payload(product_class, partner=None, **extra):
    data = {
        "title_vi": "Chè búp mới",
        "description_vi": "Chè búp hái sáng.",
        "structure": "standalone",
        "is_public": "on",
        "is_discountable": "on",
        "net_content": "200 g",
        "shelf_life_months": "12",
        "storage": "Nơi khô ráo",
        "ingredients": "Chè búp",
        "stockrecords-TOTAL_FORMS": "1" if partner else "0",
        "stockrecords-INITIAL_FORMS": "0",
        "stockrecords-MIN_NUM_FORMS": "0",
        "stockrecords-MAX_NUM_FORMS": "1000",
        "images-TOTAL_FORMS": "0",
        "images-INITIAL_FORMS": "0",
        "images-MIN_NUM_FORMS": "0",
        "images-MAX_NUM_FORMS": "1000",
        "primary_recommendations-TOTAL_FORMS": "0",
        "primary_recommendations-INITIAL_FORMS": "0",
        "primary_recommendations-MIN_NUM_FORMS": "0",
        "primary_recommendations-MAX_NUM_FORMS": "1000",
    }

    tea = get_model("catalogue", "Category").objects.get(name="Chè")
    data.update({
        "productcategory_set-TOTAL_FORMS": "1",
        "productcategory_set-INITIAL_FORMS": "0",
        "productcategory_set-MIN_NUM_FORMS": "0",
        "productcategory_set-MAX_NUM_FORMS": "1000",
        "productcategory_set-0-category": str(tea.pk),
    })  # fmt: skip
    if partner is not None:
        data.update({
            "stockrecords-0-partner": str(partner.pk),
            "stockrecords-0-partner_sku": "CHE-MOI-1",
            "stockrecords-0-price": "125000",
            "stockrecords-0-price_currency": "VND",
            "stockrecords-0-num_in_stock": "30",
        })  # fmt: skip
    data.update(extra)
    return data


def _create_url(product_class):
    return reverse(
        "dashboard:catalogue-product-create", kwargs={"product_class_slug": product_class.slug}
    )


def test_a_product_created_by_a_cooperative_belongs_to_it(client, cooperative, product_class):
    """The product, its stock and its price are the cooperative's."""
    client.force_login(cooperative_user(cooperative))

    response = client.post(
        _create_url(product_class), _create_payload(product_class, partner=cooperative.partner)
    )

    assert response.status_code == 302
    product = Product.objects.get(title="Chè búp mới")
    assert product.cooperative == cooperative
    assert product.net_content == "200 g" and product.shelf_life_months == 12
    assert product.origin_province_code == cooperative.province_code


def test_a_hidden_cooperative_field_cannot_move_a_product_to_another_cooperative(
    client, cooperative, product_class
):
    other = CooperativeFactory()
    client.force_login(cooperative_user(cooperative))

    client.post(
        _create_url(product_class),
        _create_payload(product_class, partner=cooperative.partner, cooperative=str(other.pk)),
    )

    assert Product.objects.get(title="Chè búp mới").cooperative == cooperative


def test_a_cooperative_cannot_open_or_edit_another_cooperatives_product(client, cooperative):
    theirs = ocop_product(cooperative=CooperativeFactory(), title="Mật ong của họ", price=1000)
    client.force_login(cooperative_user(cooperative))
    url = reverse("dashboard:catalogue-product", kwargs={"pk": theirs.pk})

    assert client.get(url).status_code in (403, 404)
    client.post(url, {"title_vi": "Đổi tên"})
    theirs.refresh_from_db()
    assert theirs.title == "Mật ong của họ"


def test_the_product_list_shows_only_the_cooperatives_products(client, cooperative):
    ocop_product(cooperative=cooperative, title="Chè của tôi", price=1000)
    ocop_product(cooperative=CooperativeFactory(), title="Mật ong của họ", price=1000)
    client.force_login(cooperative_user(cooperative))

    page = client.get(reverse("dashboard:catalogue-product-list")).content.decode()

    assert "Chè của tôi" in page
    assert "Mật ong của họ" not in page


def test_staff_choose_the_cooperative_of_a_new_product(client, staff_user, product_class):
    cooperative = CooperativeFactory()
    client.force_login(staff_user)

    missing = client.post(_create_url(product_class), _create_payload(product_class))
    chosen = client.post(
        _create_url(product_class),
        _create_payload(product_class, cooperative=str(cooperative.pk)),
    )

    assert missing.status_code == 200  # the form asks for the cooperative
    assert chosen.status_code == 302
    assert Product.objects.get(title="Chè búp mới").cooperative == cooperative


def test_an_applicant_cannot_create_products(client, product_class):
    applicant = CooperativeFactory(status="applied")
    client.force_login(cooperative_user(applicant))

    response = client.post(
        _create_url(product_class), _create_payload(product_class, partner=applicant.partner)
    )

    assert response.status_code in (302, 403)
    assert not Product.objects.exists()


def test_a_post_without_stock_record_forms_is_an_error_not_a_crash(
    client, cooperative, product_class
):
    client.force_login(cooperative_user(cooperative))

    response = client.post(_create_url(product_class), _create_payload(product_class))

    assert response.status_code == 200
    assert not Product.objects.filter(title="Chè búp mới", stockrecords__isnull=False).exists()


def _jpeg_with_gps():
    import io

    from PIL import Image

    image = Image.new("RGB", (64, 64), (40, 120, 40))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (21.0, 35.0, 0.0)}  # GPSInfo: somewhere in Thái Nguyên
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def _with_image(payload, content, name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    payload.update({
        "images-TOTAL_FORMS": "1",
        "images-0-display_order": "0",
        "images-0-caption": "Ảnh",
        "images-0-original": SimpleUploadedFile(name, content),
    })  # fmt: skip
    return payload


def test_a_product_picture_is_stored_re_encoded_without_its_metadata(
    client, cooperative, product_class
):
    from PIL import Image

    client.force_login(cooperative_user(cooperative))
    payload = _with_image(
        _create_payload(product_class, partner=cooperative.partner), _jpeg_with_gps(), "a.jpg"
    )

    response = client.post(_create_url(product_class), payload)

    assert response.status_code == 302
    stored = Product.objects.get(title="Chè búp mới").images.get().original
    with Image.open(stored.open("rb")) as image:
        assert image.format == "JPEG"
        assert not image.getexif()


def test_a_file_that_is_not_a_picture_is_refused_and_nothing_is_stored(
    client, cooperative, product_class
):
    client.force_login(cooperative_user(cooperative))
    payload = _with_image(
        _create_payload(product_class, partner=cooperative.partner),
        b"<?php echo 'hi'; ?>",
        "anh.jpg",
    )

    response = client.post(_create_url(product_class), payload)

    assert response.status_code == 200
    assert not Product.objects.exists()
