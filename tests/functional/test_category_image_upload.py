"""Staff's category pictures go through the same checks as every other upload."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.core.loading import get_model
from PIL import Image

pytestmark = pytest.mark.django_db

Category = get_model("catalogue", "Category")
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def _post(client, upload):
    return client.post(
        reverse("dashboard:catalogue-category-create"),
        {
            "name_vi": "Chè",
            "slug": "che",
            "description_vi": "",
            "is_public": "on",
            "treebeard_position": "first-child",
            "treebeard_ref_node": "",
            "image": upload,
        },
    )


def test_an_svg_category_picture_is_refused_with_a_message(client, staff_user):
    client.force_login(staff_user)

    response = _post(client, SimpleUploadedFile("che.svg", SVG, content_type="image/svg+xml"))

    assert response.status_code == 200
    assert "không phải là ảnh hợp lệ" in response.content.decode()
    assert not Category.objects.exists()


def test_a_jpeg_category_picture_with_a_script_appended_is_stored_re_encoded(client, staff_user):
    client.force_login(staff_user)
    out = BytesIO()
    Image.new("RGB", (16, 16), (200, 40, 40)).save(out, format="JPEG")

    response = _post(client, SimpleUploadedFile("che.jpg", out.getvalue() + b"<script>x</script>"))

    assert response.status_code == 302
    stored = Category.objects.get().image
    assert b"<script" not in stored.read()
