"""Uploaded images are re-encoded: what is stored is a fresh JPEG or PNG of the pixels,
without metadata, colour profile or anything appended, under a safe name."""

import struct
import zipfile
from io import BytesIO

import pytest
from PIL import ExifTags, Image
from PIL.PngImagePlugin import PngInfo

from marketplace.uploads import (
    image_clean,
)
from tests.support.uploads import (
    SRGB_PROFILE,
    encoded,
    noisy_image,
    opened,
    phone_photo,
    refusal_code,
    transparent_png,
    uploaded_file,
)


def _with_a_clear_corner(image):
    """Return ``image`` with its top left pixel fully transparent."""
    transparent = 0 if image.mode == "P" else (0,) * len(image.getbands())
    image.putpixel((0, 0), transparent)
    return image


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


def test_a_phone_photo_is_stored_as_a_jpeg_without_exif_gps_xmp_icc_or_comment():
    original = phone_photo()
    metadata = Image.open(BytesIO(original))
    assert metadata.getexif().get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitude]
    assert {"exif", "xmp", "icc_profile", "comment"} <= metadata.info.keys()

    cleaned = image_clean(upload=uploaded_file(original, name="IMG_0001.jpg"))

    image = opened(cleaned)
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
    photo = encoded(
        noisy_image(mode=mode), format="JPEG", comment=b"<script>alert('comment')</script>"
    )
    assert Image.open(BytesIO(photo)).info["comment"]

    cleaned = image_clean(upload=uploaded_file(photo))

    assert b"<script" not in cleaned.read()
    assert "comment" not in opened(cleaned).info


def test_colours_are_converted_to_srgb_before_the_colour_profile_is_dropped():
    grey = Image.new("RGB", (16, 16), (128, 128, 128))
    photo = encoded(grey, format="JPEG", quality=100, icc_profile=_linear_light_profile())

    image = opened(image_clean(upload=uploaded_file(photo)))

    # Linear-light 128 is about 188 in sRGB; keeping the numbers would darken the photo.
    assert all(184 <= channel <= 192 for channel in image.getpixel((8, 8)))


def test_a_png_whose_checksum_does_not_match_is_refused_as_truncated():
    png = bytearray(encoded(noisy_image(), format="PNG"))
    idat = png.index(b"IDAT")
    (length,) = struct.unpack(">I", png[idat - 4 : idat])
    png[idat + 4 + length] ^= 0xFF  # first byte of the chunk's CRC

    assert refusal_code(image_clean, bytes(png), name="anh.png") == "truncated"


def test_exif_orientation_is_applied_before_the_metadata_is_dropped():
    sideways = phone_photo(orientation=6, size=(40, 20))

    image = opened(image_clean(upload=uploaded_file(sideways)))

    assert image.size == (20, 40)


def test_a_png_with_transparency_stays_a_png_and_keeps_its_alpha_but_not_its_text():
    cleaned = image_clean(upload=uploaded_file(transparent_png(), name="logo.png"))

    image = opened(cleaned)
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
    image = _with_a_clear_corner(noisy_image(mode="P"))
    text = PngInfo()
    text.add_text("Comment", "<script>alert('png')</script>")
    png = encoded(image, format="PNG", transparency=0, icc_profile=SRGB_PROFILE, pnginfo=text)
    assert "icc_profile" in Image.open(BytesIO(png)).info

    cleaned = image_clean(upload=uploaded_file(png, name="logo.png"))

    content = cleaned.read()
    assert b"iCCP" not in content
    assert b"tEXt" not in content
    assert opened(cleaned).getpixel((0, 0))[3] == 0


def test_an_opaque_png_is_stored_as_a_jpeg_because_it_needs_no_alpha():
    opaque = encoded(noisy_image(mode="RGBA"), format="PNG")
    assert Image.open(BytesIO(opaque)).mode == "RGBA"

    cleaned = image_clean(upload=uploaded_file(opaque, name="anh.png"))

    assert opened(cleaned).format == "JPEG"
    assert cleaned.name == "anh.jpg"


@pytest.mark.parametrize(
    ("source", "expected_format", "expected_mode"),
    [
        pytest.param(
            lambda: encoded(noisy_image(mode="CMYK"), format="JPEG"), "JPEG", "RGB", id="cmyk"
        ),
        pytest.param(lambda: encoded(noisy_image(mode="P"), format="PNG"), "JPEG", "RGB", id="p"),
        pytest.param(
            lambda: encoded(
                _with_a_clear_corner(noisy_image(mode="P")), format="PNG", transparency=0
            ),
            "PNG",
            "RGBA",
            id="p-with-transparency",
        ),
        pytest.param(
            lambda: encoded(_with_a_clear_corner(noisy_image(mode="LA")), format="PNG"),
            "PNG",
            "RGBA",
            id="la",
        ),
        pytest.param(lambda: encoded(noisy_image(mode="1"), format="PNG"), "JPEG", "L", id="1-bit"),
        pytest.param(
            lambda: encoded(noisy_image(), format="WEBP", quality=90), "JPEG", "RGB", id="webp"
        ),
    ],
)
def test_images_are_converted_to_rgb_rgba_or_greyscale_before_re_encoding(
    source, expected_format, expected_mode
):
    image = opened(image_clean(upload=uploaded_file(source())))

    assert image.format == expected_format
    assert image.mode == expected_mode


def test_an_animated_png_is_stored_as_its_first_frame():
    red, blue = Image.new("RGB", (16, 16), (255, 0, 0)), Image.new("RGB", (16, 16), (0, 0, 255))
    animation = encoded(red, format="PNG", save_all=True, append_images=[blue], duration=100)
    assert Image.open(BytesIO(animation)).n_frames == 2

    image = opened(image_clean(upload=uploaded_file(animation, name="anh.png")))

    assert image.format == "JPEG"
    red_channel, green_channel, blue_channel = image.getpixel((8, 8))
    assert red_channel > 240 and blue_channel < 15


def test_a_camera_jpeg_carrying_a_second_picture_is_accepted_as_its_first():
    first, second = noisy_image(), Image.new("RGB", (64, 48), (0, 0, 255))
    mpo = encoded(first, format="MPO", save_all=True, append_images=[second])
    assert Image.open(BytesIO(mpo)).format == "MPO"

    image = opened(image_clean(upload=uploaded_file(mpo)))

    assert image.format == "JPEG"
    assert getattr(image, "n_frames", 1) == 1


def test_a_16_bit_greyscale_png_is_scaled_to_8_bits_rather_than_clipped_to_white():
    grey = Image.new("I;16", (8, 8), 0x8000)

    image = opened(image_clean(upload=uploaded_file(encoded(grey, format="PNG"), name="x.png")))

    assert image.mode == "L"
    assert 120 <= image.getpixel((4, 4)) <= 136


def test_a_jpeg_with_an_appended_zip_and_html_payload_is_accepted_without_the_payload():
    archive = BytesIO()
    with zipfile.ZipFile(archive, "w") as payload:
        payload.writestr("shell.php", "<?php system($_GET['polyglot-marker']); ?>")
    polyglot = (
        phone_photo() + archive.getvalue() + b"<html><script>alert('polyglot')</script></html>"
    )
    assert zipfile.ZipFile(BytesIO(polyglot)).read("shell.php")

    cleaned = image_clean(upload=uploaded_file(polyglot, name="anh.php.jpg"))

    cleaned.seek(0)
    content = cleaned.read()
    for trace in (b"PK\x03\x04", b"PK\x05\x06", b"shell.php", b"polyglot", b"<script", b"<?php"):
        assert trace not in content
    assert opened(cleaned).format == "JPEG"


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
    upload = uploaded_file(transparent_png())
    upload.name = uploaded_name

    assert image_clean(upload=upload).name == stored_name
