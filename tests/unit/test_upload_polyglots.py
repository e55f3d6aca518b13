"""Files that are two things at once (an image and a page, a PDF and a script) are refused
or stored as the harmless half only; and every upload field of the site is a safe one."""

import importlib
import pkgutil
import zipfile
from io import BytesIO

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from marketplace.uploads import document_clean, image_clean

MINIMAL_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
    b"2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
    b"trailer <</Root 1 0 R>>\n"
    b"%%EOF\n"
)
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"


def _jpeg(size=(8, 8)):
    out = BytesIO()
    Image.new("RGB", size, (60, 140, 80)).save(out, format="JPEG")
    return out.getvalue()


def _gif():
    out = BytesIO()
    Image.new("P", (8, 8)).save(out, format="GIF")
    return out.getvalue()


def _jar():
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as jar:
        jar.writestr("META-INF/MANIFEST.MF", "Main-Class: Evil\n")
        jar.writestr("Evil.class", b"\xca\xfe\xba\xbe")
    return out.getvalue()


def _refusal(clean, content, name):
    with pytest.raises(ValidationError) as refusal:
        clean(upload=SimpleUploadedFile(name, content))
    return refusal.value.code


def _stored(clean, content, name):
    cleaned = clean(upload=SimpleUploadedFile(name, content))
    cleaned.seek(0)
    return cleaned.read()


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (SVG, "logo.svg"),
        (SVG, "logo.png"),
        (b"\xef\xbb\xbf" + SVG, "logo.jpg"),
        (HTML, "anh.jpg"),
        (HTML, "anh.png"),
        (b"GIF89a" + HTML, "anh.gif"),
    ],
)
@pytest.mark.parametrize("clean", [image_clean, document_clean])
def test_svg_and_html_are_refused_whatever_they_are_named(clean, content, name):
    assert _refusal(clean, content, name) in ("not_an_image", "unsupported_document")


def test_a_gifar_is_refused():
    gifar = _gif() + _jar()
    assert zipfile.ZipFile(BytesIO(gifar)).read("Evil.class")

    assert _refusal(image_clean, gifar, "anh.gif") == "unsupported_format"


@pytest.mark.parametrize(
    "payload",
    [HTML, SVG, MINIMAL_PDF, _jar(), b"<?php system($_GET['c']); ?>"],
    ids=["html", "svg", "pdf", "jar", "php"],
)
def test_a_jpeg_with_a_payload_appended_is_stored_without_it(payload):
    stored = _stored(image_clean, _jpeg() + payload, "anh.jpg")

    for trace in (b"<script", b"%PDF", b"PK\x03\x04", b"<?php", b"<svg"):
        assert trace not in stored
    assert Image.open(BytesIO(stored)).format == "JPEG"


def test_a_certificate_photo_with_a_pdf_inside_is_refused_rather_than_kept_as_a_pdf():
    # A small JPEG puts the PDF's marker within the first kilobyte: readers would open it
    # as a PDF, and it would be stored byte for byte if taken for one.
    polyglot = _jpeg() + MINIMAL_PDF
    assert b"%PDF-" in polyglot[:1024]

    assert _refusal(document_clean, polyglot, "chung-nhan.pdf") == "unsupported_document"


def test_a_pdf_with_an_html_page_before_it_is_refused():
    polyglot = HTML + b"\n" + MINIMAL_PDF

    assert _refusal(document_clean, polyglot, "chung-nhan.pdf") == "unsupported_document"


@pytest.mark.parametrize(
    "action",
    [
        b"/OpenAction <</S /JavaScript /JS (app.alert(1))>>",
        b"/OpenAction <</S /Java#53cript /J#53 (app.alert(1))>>",
        b"/OpenAction <</S /Launch /F (cmd.exe)>>",
        b"/Names <</EmbeddedFiles <</Names [(a.exe) <</Type /EmbeddedFile>>]>>>>",
        b"/AcroForm <</XFA 5 0 R>>",
    ],
)
def test_a_pdf_that_runs_a_script_starts_a_program_or_carries_a_file_is_refused(action):
    pdf = MINIMAL_PDF.replace(b"/Pages 2 0 R", b"/Pages 2 0 R " + action)

    assert _refusal(document_clean, pdf, "chung-nhan.pdf") == "active_pdf"


def test_a_plain_pdf_that_merely_mentions_javascript_in_its_text_is_kept():
    pdf = MINIMAL_PDF.replace(b"trailer", b"3 0 obj (JavaScript JS Launch) endobj\ntrailer")

    assert _stored(document_clean, pdf, "chung-nhan.pdf") == pdf


# Every form field the site offers for a file: the safe ones, or a spreadsheet that is
# parsed, never stored (a bank statement, a product import).
PARSED_NOT_STORED = {
    ("marketplace.payments.forms", "BankStatementForm", "statement"),
    ("catalogue.dashboard_views", "ImportForm", "spreadsheet"),
}
PROJECT_PACKAGES = ("marketplace", "catalogue", "traceability", "cms", "search")


def _project_modules():
    for package_name in PROJECT_PACKAGES:
        package = importlib.import_module(package_name)
        yield package
        for info in pkgutil.walk_packages(package.__path__, f"{package_name}."):
            if ".migrations" in info.name or ".management" in info.name:
                continue
            if info.name.rsplit(".", 1)[-1] in ("settings", "wsgi", "asgi", "urls"):
                continue
            yield importlib.import_module(info.name)


def _project_forms():
    for module in list(_project_modules()):
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, forms.BaseForm)
                and value.__module__ == module.__name__
            ):
                yield value


def test_every_file_field_of_the_sites_forms_goes_through_the_safe_uploads():
    from marketplace.uploads import SafeDocumentField, SafeImageField
    from traceability.forms import SafeImagesField

    safe = (SafeImageField, SafeDocumentField, SafeImagesField)
    found, unsafe = set(), []
    for form in _project_forms():
        for name, field in form.base_fields.items():
            if not isinstance(field, forms.FileField):
                continue
            key = (form.__module__, form.__name__, name)
            found.add(key)
            if not isinstance(field, safe) and key not in PARSED_NOT_STORED:
                unsafe.append(key)

    assert unsafe == []
    # The walk did find the upload forms (so the test can fail).
    assert ("marketplace.partner.profile_forms", "CooperativeProfileForm", "logo") in found
    assert ("marketplace.dashboard.catalogue.forms", "CategoryForm", "image") in found
    assert PARSED_NOT_STORED <= found


def test_a_cooperative_fills_image_and_file_attributes_through_the_safe_uploads():
    from oscar.core.loading import get_class

    from marketplace.uploads import SafeDocumentField, SafeImageField

    ProductForm = get_class("dashboard.catalogue.forms", "ProductForm")

    class Attribute:
        name, required = "Ảnh nhãn", False

    assert isinstance(ProductForm.FIELD_FACTORIES["image"](Attribute), SafeImageField)
    assert isinstance(ProductForm.FIELD_FACTORIES["file"](Attribute), SafeDocumentField)


def test_editors_cannot_upload_svg_images_to_wagtail(settings):
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= 40_000_000
