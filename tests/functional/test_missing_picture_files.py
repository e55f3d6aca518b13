"""A picture whose file is gone from storage (lost, or a database restored without its
uploads) is left out of the page; the page still shows."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model
from PIL import Image

from tests.factories import CooperativeFactory, category, ocop_product

pytestmark = pytest.mark.django_db

ProductImage = get_model("catalogue", "ProductImage")


def _jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), "green").save(buffer, "JPEG")
    return SimpleUploadedFile("che.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def product_without_its_picture_file(settings):
    settings.PAGE_CACHE_SECONDS = 0
    tea = ocop_product(cooperative=CooperativeFactory(), title="Chè búp", price=90000,
                       category=category("Chè"))  # fmt: skip
    image = ProductImage.objects.create(product=tea, original=_jpeg(), display_order=0)
    image.original.storage.delete(image.original.name)
    return tea


@pytest.mark.parametrize("debug", [True, False], ids=["demo", "production"])
def test_pages_show_without_a_lost_picture(client, settings, product_without_its_picture_file,
                                           debug):  # fmt: skip
    settings.DEBUG = debug
    tea = product_without_its_picture_file
    for url in (
        "/shop/catalogue/",
        tea.get_absolute_url(),
        tea.categories.get().get_absolute_url(),
    ):
        response = client.get(url)

        assert response.status_code == 200, url
        assert "Chè búp" in response.content.decode()
        assert "<picture>" not in response.content.decode(), url


def test_a_picture_whose_file_is_there_is_shown(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    tea = ocop_product(cooperative=CooperativeFactory(), title="Chè búp", price=90000)
    ProductImage.objects.create(product=tea, original=_jpeg(), display_order=0)

    response = client.get(tea.get_absolute_url())

    assert response.status_code == 200
    assert "<picture>" in response.content.decode()
