"""Certificates (a PDF kept as it is, or a photo re-encoded) and the upload form fields."""

import pytest
from django import forms
from django.core.exceptions import ImproperlyConfigured
from oscar.core.loading import get_model
from PIL import ImageFile

from marketplace.uploads import (
    SafeDocumentField,
    SafeImageField,
    document_clean,
    image_clean,
)
from tests.support.uploads import (
    encoded,
    noisy_image,
    opened,
    phone_photo,
    refusal_code,
    uploaded_file,
)

NOT_AN_IMAGE_MESSAGE = "Tệp này không phải là ảnh hợp lệ. Hãy chọn ảnh JPEG, PNG hoặc WebP."
MINIMAL_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
    b"2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
    b"trailer <</Root 1 0 R>>\n"
    b"%%EOF\n"
)


class PhotoForm(forms.Form):
    photo = SafeImageField()


class CertificateForm(forms.Form):
    scan = SafeDocumentField()


class ProductImageForm(forms.ModelForm):
    original = SafeImageField()

    class Meta:
        model = get_model("catalogue", "ProductImage")
        fields = ["original"]


def test_a_pdf_certificate_is_kept_byte_for_byte_under_a_safe_name():
    cleaned = document_clean(
        upload=uploaded_file(MINIMAL_PDF, name="Giấy chứng nhận OCOP.PDF", content_type="text/html")
    )

    assert cleaned.read() == MINIMAL_PDF
    assert cleaned.name == "giay-chung-nhan-ocop.pdf"
    assert cleaned.content_type == "application/pdf"


def test_an_html_page_named_pdf_is_refused_as_an_unsupported_document():
    page = b"<!doctype html><html><body><script>alert(1)</script></body></html>"

    assert refusal_code(document_clean, page, name="chung-nhan.pdf") == "unsupported_document"


def test_a_pdf_without_its_end_of_file_marker_is_refused_as_truncated():
    cut = MINIMAL_PDF.replace(b"%%EOF", b"") + b"0" * 2048

    assert refusal_code(document_clean, cut, name="chung-nhan.pdf") == "truncated"


def test_a_certificate_photo_is_re_encoded_within_the_larger_document_limit(settings):
    settings.UPLOAD_MAX_IMAGE_BYTES = 1024
    photo = phone_photo()

    cleaned = document_clean(upload=uploaded_file(photo, name="chứng nhận.jpg"))

    assert cleaned.name == "chung-nhan.jpg"
    assert not opened(cleaned).getexif()


def test_a_truncated_certificate_photo_is_refused_as_truncated_not_as_unsupported():
    whole = encoded(noisy_image(size=(256, 256)), format="JPEG")

    assert refusal_code(document_clean, whole[: len(whole) // 2]) == "truncated"


def test_the_safe_image_field_cleans_to_the_re_encoded_file():
    original = phone_photo()

    form = PhotoForm(data={}, files={"photo": uploaded_file(original, name="anh.png")})

    assert form.is_valid(), form.errors
    cleaned = form.cleaned_data["photo"]
    assert cleaned.read() != original
    assert cleaned.name == "anh.jpg"
    assert not opened(cleaned).getexif()


def test_a_model_form_hands_the_model_only_the_re_encoded_bytes():
    polyglot = phone_photo() + b"<script>alert('polyglot')</script>"
    form = ProductImageForm(data={}, files={"original": uploaded_file(polyglot, name="anh.png")})

    assert form.is_valid(), form.errors
    product_image = form.save(commit=False)

    assert product_image.original.name == "anh.jpg"
    stored = product_image.original.read()
    assert stored.startswith(b"\xff\xd8")
    assert b"<script" not in stored
    assert b"Exif" not in stored


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a photo at all", NOT_AN_IMAGE_MESSAGE),
        (b"", "Tệp tải lên đang trống."),
    ],
)
def test_the_safe_image_field_shows_a_vietnamese_error_for_a_bad_upload(content, message):
    form = PhotoForm(data={}, files={"photo": uploaded_file(content)})

    assert not form.is_valid()
    assert form.errors["photo"] == [message]


def test_the_safe_document_field_cleans_a_pdf_and_refuses_a_text_file():
    accepted = CertificateForm(data={}, files={"scan": uploaded_file(MINIMAL_PDF, name="a.pdf")})
    refused = CertificateForm(data={}, files={"scan": uploaded_file(b"hello", name="a.pdf")})

    assert accepted.is_valid(), accepted.errors
    assert accepted.cleaned_data["scan"].read() == MINIMAL_PDF
    assert refused.errors["scan"] == ["Giấy chứng nhận phải là tệp PDF hoặc ảnh JPEG, PNG."]


def test_the_upload_fields_tell_the_file_picker_what_they_accept():
    assert 'accept="image/jpeg,image/png,image/webp"' in str(PhotoForm()["photo"])
    assert 'accept="application/pdf,image/jpeg,image/png"' in str(CertificateForm()["scan"])


def test_no_installed_app_turns_on_pillows_loading_of_truncated_images():
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_image_checks_refuse_to_run_while_truncated_images_are_allowed(monkeypatch):
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)

    with pytest.raises(ImproperlyConfigured):
        image_clean(upload=uploaded_file(phone_photo()))
