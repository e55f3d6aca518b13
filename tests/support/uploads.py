"""Images and documents to upload, made in memory: what the upload tests hand to
``marketplace.uploads``."""

import random
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image, ImageCms
from PIL.PngImagePlugin import PngInfo

GPS_LATITUDE = (21.0, 1.0, 30.0)
SRGB_PROFILE = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def noisy_image(*, mode="RGB", size=(64, 48)):
    """Return an opaque image of random pixels, which compresses badly and so fills its file."""
    noise = random.Random(0).randbytes(size[0] * size[1] * 3)
    return Image.frombytes("RGB", size, noise).convert(mode)


def encoded(image, *, format, **options):
    buffer = BytesIO()
    image.save(buffer, format=format, **options)
    return buffer.getvalue()


def phone_photo(*, orientation=1, size=(64, 48)):
    """Return JPEG bytes carrying EXIF with GPS, XMP, an ICC profile and a comment."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = GPS_LATITUDE
    return encoded(
        noisy_image(size=size),
        format="JPEG",
        exif=exif,
        xmp=b"<x:xmpmeta>secret-xmp</x:xmpmeta>",
        icc_profile=SRGB_PROFILE,
        comment=b"<script>alert('comment')</script>",
    )


def transparent_png():
    image = Image.new("RGBA", (32, 32), (0, 128, 0, 255))
    image.putpixel((0, 0), (0, 0, 0, 0))
    text = PngInfo()
    text.add_text("Comment", "<script>alert('png')</script>")
    return encoded(image, format="PNG", pnginfo=text)


def uploaded_file(content, name="anh.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def opened(cleaned):
    """Return the cleaned file decoded in full, proving it is a complete image."""
    cleaned.seek(0)
    image = Image.open(BytesIO(cleaned.read()))
    image.load()
    return image


def refusal_code(clean, content, name="anh.jpg"):
    with pytest.raises(ValidationError) as refusal:
        clean(upload=uploaded_file(content, name=name))
    return refusal.value.code
