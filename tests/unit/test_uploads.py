import random
import struct
import time
import warnings
import zipfile
import zlib
from io import BytesIO

import pytest
from django import forms
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from oscar.core.loading import get_model
from PIL import ExifTags, Image, ImageCms, ImageFile
from PIL.PngImagePlugin import PngInfo

from marketplace.uploads import (
    SafeDocumentField,
    SafeImageField,
    document_clean,
    image_clean,
)

GPS_LATITUDE = (21.0, 1.0, 30.0)
SRGB_PROFILE = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
NOT_AN_IMAGE_MESSAGE = "Tệp này không phải là ảnh hợp lệ. Hãy chọn ảnh JPEG, PNG hoặc WebP."
MINIMAL_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
    b"2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
    b"trailer <</Root 1 0 R>>\n"
    b"%%EOF\n"
)


def _noisy_image(*, mode="RGB", size=(64, 48)):
    """Return an opaque image of random pixels, which compresses badly and so fills its file."""
    noise = random.Random(0).randbytes(size[0] * size[1] * 3)
    return Image.frombytes("RGB", size, noise).convert(mode)


def _with_a_clear_corner(image):
    """Return ``image`` with its top left pixel fully transparent."""
    transparent = 0 if image.mode == "P" else (0,) * len(image.getbands())
    image.putpixel((0, 0), transparent)
    return image


def _encoded(image, *, format, **options):
    buffer = BytesIO()
    image.save(buffer, format=format, **options)
    return buffer.getvalue()


def _phone_photo(*, orientation=1, size=(64, 48)):
    """Return JPEG bytes carrying EXIF with GPS, XMP, an ICC profile and a comment."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = GPS_LATITUDE
    return _encoded(
        _noisy_image(size=size),
        format="JPEG",
        exif=exif,
        xmp=b"<x:xmpmeta>secret-xmp</x:xmpmeta>",
        icc_profile=SRGB_PROFILE,
        comment=b"<script>alert('comment')</script>",
    )


def _linear_light_profile():
    """Return an ICC profile with sRGB's primaries but linear tone curves, unlike sRGB itself."""
    profile = bytearray(SRGB_PROFILE)
    (tag_count,) = struct.unpack(">I", profile[128:132])
    for index in range(tag_count):
        entry = 132 + 12 * index
        signature = bytes(profile[entry : entry + 4])
        offset, _size = struct.unpack(">II", profile[entry + 4 : entry + 12])
        if signature in (b"rTRC", b"gTRC", b"bTRC"):
            assert profile[offset : offset + 4] == b"para"
            # Parametric curve of function type 0, Y = X ** gamma, with gamma 1.0.
            profile[offset + 8 : offset + 16] = struct.pack(">HHi", 0, 0, 1 << 16)
    return bytes(profile)


def _transparent_png():
    image = Image.new("RGBA", (32, 32), (0, 128, 0, 255))
    image.putpixel((0, 0), (0, 0, 0, 0))
    text = PngInfo()
    text.add_text("Comment", "<script>alert('png')</script>")
    return _encoded(image, format="PNG", pnginfo=text)


def _png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_bomb(*, width, height):
    """Return a complete, valid 1-bit PNG of black pixels: a few kilobytes, many megapixels."""
    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte, then the packed pixels
    compressor = zlib.compressobj(9)
    rows_per_step = 1000
    steps, rest = divmod(height, rows_per_step)
    pixels = b"".join(compressor.compress(row * rows_per_step) for _ in range(steps))
    pixels += compressor.compress(row * rest) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", pixels)
        + _png_chunk(b"IEND", b"")
    )


def _upload(content, name="anh.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def _opened(cleaned):
    """Return the cleaned file decoded in full, proving it is a complete image."""
    cleaned.seek(0)
    image = Image.open(BytesIO(cleaned.read()))
    image.load()
    return image


def _refusal_code(clean, content, name="anh.jpg"):
    with pytest.raises(ValidationError) as refusal:
        clean(upload=_upload(content, name=name))
    return refusal.value.code


class PhotoForm(forms.Form):
    photo = SafeImageField()


class CertificateForm(forms.Form):
    scan = SafeDocumentField()


class ProductImageForm(forms.ModelForm):
    original = SafeImageField()

    class Meta:
        model = get_model("catalogue", "ProductImage")
        fields = ["original"]


def test_a_phone_photo_is_stored_as_a_jpeg_without_exif_gps_xmp_icc_or_comment():
    original = _phone_photo()
    metadata = Image.open(BytesIO(original))
    assert metadata.getexif().get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitude]
    assert {"exif", "xmp", "icc_profile", "comment"} <= metadata.info.keys()

    cleaned = image_clean(upload=_upload(original, name="IMG_0001.jpg"))

    image = _opened(cleaned)
    assert image.format == "JPEG"
    assert image.size == (64, 48)
    assert not image.getexif()
    assert not {"exif", "xmp", "icc_profile", "comment"} & image.info.keys()
    cleaned.seek(0)
    content = cleaned.read()
    for trace in (b"Exif", b"PhoneMaker", b"secret-xmp", b"<script", b"ICC_PROFILE"):
        assert trace not in content
    assert cleaned.content_type == "image/jpeg"


@pytest.mark.parametrize("mode", ["RGB", "L"])
def test_a_payload_in_the_comment_of_a_jpeg_without_a_colour_profile_is_dropped(mode):
    photo = _encoded(
        _noisy_image(mode=mode), format="JPEG", comment=b"<script>alert('comment')</script>"
    )
    assert Image.open(BytesIO(photo)).info["comment"]

    cleaned = image_clean(upload=_upload(photo))

    assert b"<script" not in cleaned.read()
    assert "comment" not in _opened(cleaned).info


def test_colours_are_converted_to_srgb_before_the_colour_profile_is_dropped():
    grey = Image.new("RGB", (16, 16), (128, 128, 128))
    photo = _encoded(grey, format="JPEG", quality=100, icc_profile=_linear_light_profile())

    image = _opened(image_clean(upload=_upload(photo)))

    # Linear-light 128 is about 188 in sRGB; keeping the numbers would darken the photo.
    assert all(184 <= channel <= 192 for channel in image.getpixel((8, 8)))


def test_a_png_whose_checksum_does_not_match_is_refused_as_truncated():
    png = bytearray(_encoded(_noisy_image(), format="PNG"))
    idat = png.index(b"IDAT")
    (length,) = struct.unpack(">I", png[idat - 4 : idat])
    png[idat + 4 + length] ^= 0xFF  # first byte of the chunk's CRC

    assert _refusal_code(image_clean, bytes(png), name="anh.png") == "truncated"


def test_exif_orientation_is_applied_before_the_metadata_is_dropped():
    sideways = _phone_photo(orientation=6, size=(40, 20))

    image = _opened(image_clean(upload=_upload(sideways)))

    assert image.size == (20, 40)


def test_a_png_with_transparency_stays_a_png_and_keeps_its_alpha_but_not_its_text():
    cleaned = image_clean(upload=_upload(_transparent_png(), name="logo.png"))

    image = _opened(cleaned)
    assert image.format == "PNG"
    assert image.mode == "RGBA"
    assert image.getpixel((0, 0))[3] == 0
    assert image.getpixel((1, 1)) == (0, 128, 0, 255)
    cleaned.seek(0)
    content = cleaned.read()
    assert b"tEXt" not in content
    assert b"<script" not in content
    assert cleaned.name == "logo.png"
    assert cleaned.content_type == "image/png"


def test_a_palette_png_with_transparency_loses_its_colour_profile_and_text():
    image = _with_a_clear_corner(_noisy_image(mode="P"))
    text = PngInfo()
    text.add_text("Comment", "<script>alert('png')</script>")
    png = _encoded(image, format="PNG", transparency=0, icc_profile=SRGB_PROFILE, pnginfo=text)
    assert "icc_profile" in Image.open(BytesIO(png)).info

    cleaned = image_clean(upload=_upload(png, name="logo.png"))

    content = cleaned.read()
    assert b"iCCP" not in content
    assert b"tEXt" not in content
    assert _opened(cleaned).getpixel((0, 0))[3] == 0


def test_an_opaque_png_is_stored_as_a_jpeg_because_it_needs_no_alpha():
    opaque = _encoded(_noisy_image(mode="RGBA"), format="PNG")
    assert Image.open(BytesIO(opaque)).mode == "RGBA"

    cleaned = image_clean(upload=_upload(opaque, name="anh.png"))

    assert _opened(cleaned).format == "JPEG"
    assert cleaned.name == "anh.jpg"


@pytest.mark.parametrize(
    ("source", "expected_format", "expected_mode"),
    [
        pytest.param(
            lambda: _encoded(_noisy_image(mode="CMYK"), format="JPEG"), "JPEG", "RGB", id="cmyk"
        ),
        pytest.param(lambda: _encoded(_noisy_image(mode="P"), format="PNG"), "JPEG", "RGB", id="p"),
        pytest.param(
            lambda: _encoded(
                _with_a_clear_corner(_noisy_image(mode="P")), format="PNG", transparency=0
            ),
            "PNG",
            "RGBA",
            id="p-with-transparency",
        ),
        pytest.param(
            lambda: _encoded(_with_a_clear_corner(_noisy_image(mode="LA")), format="PNG"),
            "PNG",
            "RGBA",
            id="la",
        ),
        pytest.param(
            lambda: _encoded(_noisy_image(mode="1"), format="PNG"), "JPEG", "L", id="1-bit"
        ),
        pytest.param(
            lambda: _encoded(_noisy_image(), format="WEBP", quality=90), "JPEG", "RGB", id="webp"
        ),
    ],
)
def test_images_are_converted_to_rgb_rgba_or_greyscale_before_re_encoding(
    source, expected_format, expected_mode
):
    image = _opened(image_clean(upload=_upload(source())))

    assert image.format == expected_format
    assert image.mode == expected_mode


def test_an_animated_png_is_stored_as_its_first_frame():
    red, blue = Image.new("RGB", (16, 16), (255, 0, 0)), Image.new("RGB", (16, 16), (0, 0, 255))
    animation = _encoded(red, format="PNG", save_all=True, append_images=[blue], duration=100)
    assert Image.open(BytesIO(animation)).n_frames == 2

    image = _opened(image_clean(upload=_upload(animation, name="anh.png")))

    assert image.format == "JPEG"
    red_channel, green_channel, blue_channel = image.getpixel((8, 8))
    assert red_channel > 240 and blue_channel < 15


def test_a_camera_jpeg_carrying_a_second_picture_is_accepted_as_its_first():
    first, second = _noisy_image(), Image.new("RGB", (64, 48), (0, 0, 255))
    mpo = _encoded(first, format="MPO", save_all=True, append_images=[second])
    assert Image.open(BytesIO(mpo)).format == "MPO"

    image = _opened(image_clean(upload=_upload(mpo)))

    assert image.format == "JPEG"
    assert getattr(image, "n_frames", 1) == 1


def test_a_16_bit_greyscale_png_is_scaled_to_8_bits_rather_than_clipped_to_white():
    grey = Image.new("I;16", (8, 8), 0x8000)

    image = _opened(image_clean(upload=_upload(_encoded(grey, format="PNG"), name="x.png")))

    assert image.mode == "L"
    assert 120 <= image.getpixel((4, 4)) <= 136


def test_a_text_file_named_jpg_is_refused_as_not_an_image():
    text = "Mật ong rừng U Minh, 500 ml\n".encode() * 20

    assert _refusal_code(image_clean, text, name="mat-ong.jpg") == "not_an_image"


def test_a_gif_is_refused_as_an_unsupported_format():
    gif = _encoded(_noisy_image(mode="P"), format="GIF")

    with pytest.raises(ValidationError) as refusal:
        image_clean(upload=_upload(gif, name="anh.gif", content_type="image/gif"))

    assert refusal.value.code == "unsupported_format"
    assert "GIF" in refusal.value.messages[0]


@pytest.mark.parametrize("format", ["JPEG", "PNG"])
def test_an_image_cut_in_half_is_refused_as_truncated(format):
    whole = _encoded(_noisy_image(size=(256, 256)), format=format)

    assert _refusal_code(image_clean, whole[: len(whole) // 2]) == "truncated"


@pytest.mark.parametrize(
    ("width", "height"),
    [
        pytest.param(8_000, 6_000, id="over-the-project-limit"),
        pytest.param(10_000, 10_000, id="over-pillows-warning-limit"),
        pytest.param(20_000, 20_000, id="over-pillows-error-limit"),
    ],
)
def test_a_decompression_bomb_is_refused_before_its_pixels_are_decoded(width, height):
    bomb = _png_bomb(width=width, height=height)
    assert len(bomb) < 100_000
    assert struct.unpack(">II", bomb[16:24]) == (width, height)
    images_created = Image.core.get_stats()["new_count"]
    started = time.perf_counter()

    code = _refusal_code(image_clean, bomb, name="bom.png")

    assert code == "too_many_pixels"
    assert time.perf_counter() - started < 1.0
    # Pillow counts every pixel buffer it creates; a refused bomb must not have one.
    assert Image.core.get_stats()["new_count"] == images_created


def test_pillows_own_bomb_warning_stays_a_ceiling_when_settings_allow_more_pixels(settings):
    settings.UPLOAD_MAX_IMAGE_PIXELS = 150_000_000
    bomb = _png_bomb(width=10_000, height=10_000)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        assert _refusal_code(image_clean, bomb, name="bom.png") == "too_many_pixels"


def test_the_pixel_limit_is_read_from_settings_at_call_time(settings):
    image = _png_bomb(width=2_000, height=1_000)

    settings.UPLOAD_MAX_IMAGE_PIXELS = 1_000_000
    assert _refusal_code(image_clean, image, name="anh.png") == "too_many_pixels"

    settings.UPLOAD_MAX_IMAGE_PIXELS = 3_000_000
    assert _opened(image_clean(upload=_upload(image, name="anh.png"))).size == (2_000, 1_000)


def test_an_upload_over_the_size_limit_is_refused_before_it_is_decoded(settings, monkeypatch):
    settings.UPLOAD_MAX_IMAGE_BYTES = 1024
    photo = _phone_photo()
    assert len(photo) > 2048
    opened = []
    monkeypatch.setattr(Image, "open", lambda *args, **kwargs: opened.append(args))

    with pytest.raises(ValidationError) as refusal:
        image_clean(upload=_upload(photo))

    assert refusal.value.code == "too_large"
    assert opened == []
    # The message names the file's real size, which only the check before reading knows.
    assert refusal.value.messages == [
        f"Tệp quá lớn ({filesizeformat(len(photo))}). Dung lượng tối đa là 1,0\xa0KB."
    ]


def test_a_file_that_understates_its_size_is_still_refused_as_too_large(settings):
    settings.UPLOAD_MAX_IMAGE_BYTES = 1024
    upload = _upload(_phone_photo())
    upload.size = 10

    with pytest.raises(ValidationError) as refusal:
        image_clean(upload=upload)

    assert refusal.value.code == "too_large"


def test_a_jpeg_with_an_appended_zip_and_html_payload_is_accepted_without_the_payload():
    archive = BytesIO()
    with zipfile.ZipFile(archive, "w") as payload:
        payload.writestr("shell.php", "<?php system($_GET['polyglot-marker']); ?>")
    polyglot = (
        _phone_photo() + archive.getvalue() + b"<html><script>alert('polyglot')</script></html>"
    )
    assert zipfile.ZipFile(BytesIO(polyglot)).read("shell.php")

    cleaned = image_clean(upload=_upload(polyglot, name="anh.php.jpg"))

    cleaned.seek(0)
    content = cleaned.read()
    for trace in (b"PK\x03\x04", b"PK\x05\x06", b"shell.php", b"polyglot", b"<script", b"<?php"):
        assert trace not in content
    assert _opened(cleaned).format == "JPEG"


@pytest.mark.parametrize("clean", [image_clean, document_clean])
def test_an_empty_file_is_refused_as_empty(clean):
    assert _refusal_code(clean, b"") == "empty"


@pytest.mark.parametrize(
    ("uploaded_name", "stored_name"),
    [
        ("C:\\fakepath\\Trà Shan Tuyết.php.jpg", "tra-shan-tuyet-php.png"),
        ("../../etc/passwd", "passwd.png"),
        ("....jpg", "anh.png"),
        ("?.jpg", "anh.png"),
    ],
)
def test_the_stored_name_is_a_slug_with_the_extension_of_the_re_encoded_format(
    uploaded_name, stored_name
):
    upload = _upload(_transparent_png())
    upload.name = uploaded_name

    assert image_clean(upload=upload).name == stored_name


def test_a_pdf_certificate_is_kept_byte_for_byte_under_a_safe_name():
    cleaned = document_clean(
        upload=_upload(MINIMAL_PDF, name="Giấy chứng nhận OCOP.PDF", content_type="text/html")
    )

    assert cleaned.read() == MINIMAL_PDF
    assert cleaned.name == "giay-chung-nhan-ocop.pdf"
    assert cleaned.content_type == "application/pdf"


def test_an_html_page_named_pdf_is_refused_as_an_unsupported_document():
    page = b"<!doctype html><html><body><script>alert(1)</script></body></html>"

    assert _refusal_code(document_clean, page, name="chung-nhan.pdf") == "unsupported_document"


def test_a_pdf_without_its_end_of_file_marker_is_refused_as_truncated():
    cut = MINIMAL_PDF.replace(b"%%EOF", b"") + b"0" * 2048

    assert _refusal_code(document_clean, cut, name="chung-nhan.pdf") == "truncated"


def test_a_certificate_photo_is_re_encoded_within_the_larger_document_limit(settings):
    settings.UPLOAD_MAX_IMAGE_BYTES = 1024
    photo = _phone_photo()

    cleaned = document_clean(upload=_upload(photo, name="chứng nhận.jpg"))

    assert cleaned.name == "chung-nhan.jpg"
    assert not _opened(cleaned).getexif()


def test_a_truncated_certificate_photo_is_refused_as_truncated_not_as_unsupported():
    whole = _encoded(_noisy_image(size=(256, 256)), format="JPEG")

    assert _refusal_code(document_clean, whole[: len(whole) // 2]) == "truncated"


def test_the_safe_image_field_cleans_to_the_re_encoded_file():
    original = _phone_photo()

    form = PhotoForm(data={}, files={"photo": _upload(original, name="anh.png")})

    assert form.is_valid(), form.errors
    cleaned = form.cleaned_data["photo"]
    assert cleaned.read() != original
    assert cleaned.name == "anh.jpg"
    assert not _opened(cleaned).getexif()


def test_a_model_form_hands_the_model_only_the_re_encoded_bytes():
    polyglot = _phone_photo() + b"<script>alert('polyglot')</script>"
    form = ProductImageForm(data={}, files={"original": _upload(polyglot, name="anh.png")})

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
    form = PhotoForm(data={}, files={"photo": _upload(content)})

    assert not form.is_valid()
    assert form.errors["photo"] == [message]


def test_the_safe_document_field_cleans_a_pdf_and_refuses_a_text_file():
    accepted = CertificateForm(data={}, files={"scan": _upload(MINIMAL_PDF, name="a.pdf")})
    refused = CertificateForm(data={}, files={"scan": _upload(b"hello", name="a.pdf")})

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
        image_clean(upload=_upload(_phone_photo()))
