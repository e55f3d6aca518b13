"""Uploads refused, and why: not an image, an unsupported format, truncated, too many
pixels, too many bytes, empty."""

import struct
import time
import warnings
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image

from marketplace.uploads import (
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


def test_a_text_file_named_jpg_is_refused_as_not_an_image():
    text = "Mật ong rừng U Minh, 500 ml\n".encode() * 20

    assert refusal_code(image_clean, text, name="mat-ong.jpg") == "not_an_image"


def test_a_gif_is_refused_as_an_unsupported_format():
    gif = encoded(noisy_image(mode="P"), format="GIF")

    with pytest.raises(ValidationError) as refusal:
        image_clean(upload=uploaded_file(gif, name="anh.gif", content_type="image/gif"))

    assert refusal.value.code == "unsupported_format"
    assert "GIF" in refusal.value.messages[0]


@pytest.mark.parametrize("format", ["JPEG", "PNG"])
def test_an_image_cut_in_half_is_refused_as_truncated(format):
    whole = encoded(noisy_image(size=(256, 256)), format=format)

    assert refusal_code(image_clean, whole[: len(whole) // 2]) == "truncated"


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

    code = refusal_code(image_clean, bomb, name="bom.png")

    assert code == "too_many_pixels"
    assert time.perf_counter() - started < 1.0
    # Pillow counts every pixel buffer it creates; a refused bomb must not have one.
    assert Image.core.get_stats()["new_count"] == images_created


def test_pillows_own_bomb_warning_stays_a_ceiling_when_settings_allow_more_pixels(settings):
    settings.UPLOAD_MAX_IMAGE_PIXELS = 150_000_000
    bomb = _png_bomb(width=10_000, height=10_000)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        assert refusal_code(image_clean, bomb, name="bom.png") == "too_many_pixels"


def test_the_pixel_limit_is_read_from_settings_at_call_time(settings):
    image = _png_bomb(width=2_000, height=1_000)

    settings.UPLOAD_MAX_IMAGE_PIXELS = 1_000_000
    assert refusal_code(image_clean, image, name="anh.png") == "too_many_pixels"

    settings.UPLOAD_MAX_IMAGE_PIXELS = 3_000_000
    assert opened(image_clean(upload=uploaded_file(image, name="anh.png"))).size == (2_000, 1_000)


def test_an_upload_over_the_size_limit_is_refused_before_it_is_decoded(settings, monkeypatch):
    settings.UPLOAD_MAX_IMAGE_BYTES = 1024
    photo = phone_photo()
    assert len(photo) > 2048
    opened = []
    monkeypatch.setattr(Image, "open", lambda *args, **kwargs: opened.append(args))

    with pytest.raises(ValidationError) as refusal:
        image_clean(upload=uploaded_file(photo))

    assert refusal.value.code == "too_large"
    assert opened == []
    # The message names the file's real size, which only the check before reading knows.
    assert refusal.value.messages == [
        f"Tệp quá lớn ({filesizeformat(len(photo))}). Dung lượng tối đa là 1,0\xa0KB."
    ]


def test_a_file_that_understates_its_size_is_still_refused_as_too_large(settings):
    settings.UPLOAD_MAX_IMAGE_BYTES = 1024
    upload = uploaded_file(phone_photo())
    upload.size = 10

    with pytest.raises(ValidationError) as refusal:
        image_clean(upload=upload)

    assert refusal.value.code == "too_large"


@pytest.mark.parametrize("clean", [image_clean, document_clean])
def test_an_empty_file_is_refused_as_empty(clean):
    assert refusal_code(clean, b"") == "empty"
