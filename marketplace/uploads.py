"""Accept uploaded images and certificate scans only after proving they are what they claim.

Every image is decoded in full with Pillow before it is accepted, then re-encoded from its
pixels alone: the stored file carries no EXIF (GPS), ICC, XMP or comment block and none of the
bytes a polyglot may have hidden after or inside the original. A refused upload raises
``ValidationError`` with a Vietnamese message and one of these codes: ``empty``, ``too_large``,
``not_an_image``, ``unsupported_format``, ``truncated``, ``too_many_pixels`` and, for
certificates, ``unsupported_document`` and ``active_pdf``. Nothing is written to storage here;
the caller saves the returned file.

Limits default to the module constants and can be changed with the settings
``UPLOAD_MAX_IMAGE_BYTES``, ``UPLOAD_MAX_IMAGE_PIXELS`` and ``UPLOAD_MAX_DOCUMENT_BYTES``.
"""

import re
import warnings
from io import BytesIO
from pathlib import PurePosixPath

from django import forms
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from oscar.core.utils import slugify
from PIL import Image, ImageCms, ImageFile, ImageOps

MAX_IMAGE_BYTES = 8 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

IMAGE_ACCEPT = "image/jpeg,image/png,image/webp"
DOCUMENT_ACCEPT = "application/pdf,image/jpeg,image/png"

# Pillow reports camera JPEGs that carry a second picture (MPO) under their own name; they are
# JPEGs all the same, and only the first picture is kept.
ACCEPTED_IMAGE_FORMATS = frozenset({"JPEG", "MPO", "PNG", "WEBP"})
# Only these decoders ever see the bytes. The formats after them are recognised so that the user
# hears "this format is not supported" rather than "this is not an image"; their headers are read,
# their pixels never are. GIF is refused: an animation would silently become a still photo.
_OPENED_FORMATS = ("JPEG", "PNG", "WEBP")
_RECOGNISED_FORMATS = ("GIF", "BMP", "TIFF", "AVIF", "HEIF", "ICO", "PSD", "JPEG2000")

# A certificate is a scan: it has no reason to run a script, start a program or carry files.
_PDF_ACTIVE_NAMES = frozenset(
    {b"JavaScript", b"JS", b"Launch", b"EmbeddedFile", b"RichMedia", b"XFA", b"SubmitForm"}
)
_PDF_NAME = re.compile(rb"/([^\s/<>\[\]()%{}]+)")

JPEG_QUALITY = 85
_SAFE_STEM_LENGTH = 50
_PDF_WINDOW = 1024


_MESSAGES = {
    "empty": _("Tệp tải lên đang trống."),
    "too_large": _("Tệp quá lớn (%(size)s). Dung lượng tối đa là %(limit)s."),
    "not_an_image": _("Tệp này không phải là ảnh hợp lệ. Hãy chọn ảnh JPEG, PNG hoặc WebP."),
    "unsupported_format": _(
        "Không hỗ trợ ảnh định dạng %(format)s. Hãy chọn ảnh JPEG, PNG hoặc WebP."
    ),
    "truncated": _("Ảnh bị hỏng hoặc chưa được tải lên trọn vẹn. Hãy thử tải lên lại."),
    "too_many_pixels": _(
        "Ảnh có quá nhiều điểm ảnh (tối đa %(megapixels)s megapixel). "
        "Hãy thu nhỏ ảnh rồi tải lên lại."
    ),
    "unsupported_document": _("Giấy chứng nhận phải là tệp PDF hoặc ảnh JPEG, PNG."),
    "active_pdf": _(
        "Tệp PDF này chứa mã chạy tự động hoặc tệp đính kèm. Hãy xuất lại bản scan thành "
        "PDF thường (hoặc tải ảnh chụp lên)."
    ),
}
_TRUNCATED_PDF_MESSAGE = _("Tệp PDF bị hỏng hoặc chưa được tải lên trọn vẹn. Hãy thử tải lên lại.")


def _limit(*, name: str, default: int) -> int:
    """Return the limit configured in settings under ``name``, or ``default``."""
    return getattr(settings, name, default)


def _error(code: str, *, message=None, **params) -> ValidationError:
    """Return the ValidationError for ``code``, with its Vietnamese message unless given."""
    return ValidationError(message or _MESSAGES[code], code=code, params=params or None)


def _too_many_pixels(*, max_pixels: int) -> ValidationError:
    megapixels = round(max_pixels / 1_000_000, 1)
    decimal_pos = 0 if megapixels.is_integer() else 1
    return _error("too_many_pixels", megapixels=number_format(megapixels, decimal_pos=decimal_pos))


def _read_within_limit(*, upload, max_bytes: int) -> bytes:
    """Return the upload's bytes, refusing an empty or oversized file before reading it."""
    size = upload.size or 0
    if size == 0:
        raise _error("empty")
    if size > max_bytes:
        raise _error("too_large", size=filesizeformat(size), limit=filesizeformat(max_bytes))
    upload.seek(0)
    # Read one byte past the limit so a file object that misreports its size is still caught.
    data = upload.read(max_bytes + 1)
    if not data:
        raise _error("empty")
    if len(data) > max_bytes:
        raise _error("too_large", size=filesizeformat(len(data)), limit=filesizeformat(max_bytes))
    return data


def _safe_name(*, original: str | None, extension: str, fallback: str) -> str:
    """Return an ASCII slug of the uploaded name with ``extension``, ignoring the old one."""
    # Browsers on Windows may send "C:\\fakepath\\photo.jpg"; only the last part is a name.
    basename = PurePosixPath((original or "").replace("\\", "/")).name
    stem = PurePosixPath(basename).stem.replace(".", " ")
    slug = re.sub(r"[^a-z0-9_-]+", "", slugify(stem).lower())[:_SAFE_STEM_LENGTH].strip("-_")
    return f"{slug or fallback}.{extension}"


def _open(data: bytes, *, formats: tuple[str, ...], max_pixels: int) -> ImageFile.ImageFile:
    """Open ``data`` lazily with the given decoders and refuse it if it has too many pixels.

    Pillow reads only the header here, so a decompression bomb is refused before a single pixel
    is decoded.
    """
    with warnings.catch_warnings():
        # Pillow only warns between its own limit and twice that; such an image is refused too.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(BytesIO(data), formats=formats)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_many_pixels(max_pixels=max_pixels) from None
        except Exception:
            # UnidentifiedImageError, or a decoder failing its own way on a damaged header.
            raise _error("not_an_image") from None
    width, height = image.size
    if width < 1 or height < 1:
        raise _error("not_an_image")
    if width * height > max_pixels:
        raise _too_many_pixels(max_pixels=max_pixels)
    return image


def _registered_formats() -> set[str]:
    """Return the names of the formats Pillow can open here."""
    Image.init()
    return set(Image.OPEN)


def _decode(*, data: bytes, max_pixels: int) -> ImageFile.ImageFile:
    """Return the fully decoded first frame of an accepted image held in ``data``."""
    if ImageFile.LOAD_TRUNCATED_IMAGES:
        # Pillow would pad a cut-off image with grey instead of failing, and this module would
        # then store half a photo. The flag is global, so refuse to work rather than guess.
        raise ImproperlyConfigured(
            "PIL.ImageFile.LOAD_TRUNCATED_IMAGES is True; upload checks need it to be False."
        )
    registered = _registered_formats()
    recognised = tuple(name for name in _RECOGNISED_FORMATS if name in registered)
    probe = _open(data, formats=_OPENED_FORMATS + recognised, max_pixels=max_pixels)
    if probe.format not in ACCEPTED_IMAGE_FORMATS:
        raise _error("unsupported_format", format=probe.format)
    try:
        probe.verify()
    except Exception:
        raise _error("truncated") from None
    # verify() leaves the image unusable, so decode from a fresh parse of the same bytes.
    image = _open(data, formats=_OPENED_FORMATS, max_pixels=max_pixels)
    try:
        image.load()
    except Exception:
        raise _error("truncated") from None
    return image


def _to_srgb(image: Image.Image) -> Image.Image:
    """Return ``image`` converted to sRGB if it embeds a colour profile.

    The profile is not stored, and phone photos are often Display P3: without this conversion
    they would look washed out.
    """
    icc_profile = image.info.get("icc_profile")
    if not icc_profile or image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    output_mode = "RGBA" if image.mode == "RGBA" else "RGB"
    try:
        return ImageCms.profileToProfile(
            image,
            ImageCms.ImageCmsProfile(BytesIO(icc_profile)),
            ImageCms.createProfile("sRGB"),
            outputMode=output_mode,
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        # A broken profile is not worth refusing the photo for; keep the pixels as they are.
        return image


def _flatten_mode(image: Image.Image) -> Image.Image:
    """Return ``image`` in L, RGB or RGBA, keeping alpha only if some pixel is see-through."""
    if image.mode.startswith("I") or image.mode == "F":
        # 16-bit greyscale PNG: scale to 8 bits (a plain convert would clip it to white).
        return image.convert("I").point(lambda value: value / 256).convert("L")
    if image.mode == "1":
        return image.convert("L")
    if image.mode in ("RGBA", "RGBa", "LA", "La", "PA") or "transparency" in image.info:
        image = image.convert("RGBA")
        if image.getchannel("A").getextrema()[0] < 255:
            return image
        return image.convert("RGB")
    if image.mode in ("L", "RGB"):
        return image
    # P, CMYK, YCbCr, LAB, HSV, RGBX.
    return image.convert("RGB")


def _reencode(*, image: Image.Image) -> tuple[bytes, str, str]:
    """Return the pixels of ``image`` re-encoded, with their extension and content type.

    Photos become progressive JPEG; images with transparency become PNG.
    """
    try:
        ImageOps.exif_transpose(image, in_place=True)
    except Exception:  # noqa: S110
        # A damaged EXIF block should cost the photo its orientation, not its acceptance.
        pass
    image = _flatten_mode(_to_srgb(image))
    # Pillow's JPEG and PNG writers fall back to the source's info for the comment, ICC profile
    # and transparency; an empty info leaves them nothing but the pixels to write.
    image.info = {}
    buffer = BytesIO()
    if image.mode == "RGBA":
        image.save(buffer, format="PNG")
        return buffer.getvalue(), "png", "image/png"
    image.save(buffer, format="JPEG", quality=JPEG_QUALITY, progressive=True, optimize=True)
    return buffer.getvalue(), "jpg", "image/jpeg"


def _image_from_bytes(
    *, data: bytes, original_name: str | None, fallback: str
) -> SimpleUploadedFile:
    """Return the re-encoded image held in ``data``, named after ``original_name``."""
    max_pixels = _limit(name="UPLOAD_MAX_IMAGE_PIXELS", default=MAX_IMAGE_PIXELS)
    image = _decode(data=data, max_pixels=max_pixels)
    content, extension, content_type = _reencode(image=image)
    name = _safe_name(original=original_name, extension=extension, fallback=fallback)
    return SimpleUploadedFile(name, content, content_type=content_type)


def image_clean(*, upload) -> SimpleUploadedFile:
    """Return a re-encoded copy of the uploaded image, or raise ValidationError.

    The size is checked before any decoding. Accepted formats are JPEG, PNG and WebP; only the
    first frame of an animation is kept. The copy is a JPEG, or a PNG when the image has
    transparency, named after a slug of the uploaded name.
    """
    max_bytes = _limit(name="UPLOAD_MAX_IMAGE_BYTES", default=MAX_IMAGE_BYTES)
    data = _read_within_limit(upload=upload, max_bytes=max_bytes)
    return _image_from_bytes(data=data, original_name=upload.name, fallback="anh")


def _pdf_active_content(data: bytes) -> set[str]:
    """Return the names of scripts, launchers or attachments a PDF declares in plain sight.

    PDF names may spell letters as ``#xx`` (``/Java#53cript``); they are decoded first.
    Names inside compressed object streams are not seen: a scan from a scanner or a
    phone has none of these, and the file is only ever served as a download.
    """
    names = set()
    for match in _PDF_NAME.finditer(data):
        name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), match[1])
        if name in _PDF_ACTIVE_NAMES:
            names.add(name.decode())
    return names


def document_clean(*, upload) -> SimpleUploadedFile:
    """Return a certificate scan that is safe to store, or raise ValidationError.

    A PDF is kept byte for byte under a safe ``.pdf`` name; an image is re-encoded as
    ``image_clean`` does, within the document size limit.
    """
    max_bytes = _limit(name="UPLOAD_MAX_DOCUMENT_BYTES", default=MAX_DOCUMENT_BYTES)
    data = _read_within_limit(upload=upload, max_bytes=max_bytes)
    fallback = "chung-nhan"
    if b"%PDF-" in data[:_PDF_WINDOW]:
        # Readers accept the marker anywhere in the first kilobyte; anything before it
        # (an HTML page, a script) would make the file a polyglot, so it must come first.
        if not data.startswith(b"%PDF-"):
            raise _error("unsupported_document")
        # A PDF reader finds the document from its end; without the marker it was cut off.
        if b"%%EOF" not in data[-_PDF_WINDOW:]:
            raise _error("truncated", message=_TRUNCATED_PDF_MESSAGE)
        if _pdf_active_content(data):
            raise _error("active_pdf")
        name = _safe_name(original=upload.name, extension="pdf", fallback=fallback)
        return SimpleUploadedFile(name, data, content_type="application/pdf")
    try:
        return _image_from_bytes(data=data, original_name=upload.name, fallback=fallback)
    except ValidationError as error:
        if error.code in ("not_an_image", "unsupported_format"):
            raise _error("unsupported_document") from None
        raise


class _CleanedFileField(forms.FileField):
    """A file field whose cleaned value is the checked file, not the raw upload."""

    accept = ""
    default_error_messages = {"empty": _MESSAGES["empty"]}

    def clean_upload(self, upload):
        raise NotImplementedError

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        return self.clean_upload(upload)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs["accept"] = self.accept
        return attrs


class SafeImageField(_CleanedFileField):
    """Accept a JPEG, PNG or WebP image and clean to its re-encoded copy."""

    accept = IMAGE_ACCEPT

    def clean_upload(self, upload):
        return image_clean(upload=upload)


class SafeDocumentField(_CleanedFileField):
    """Accept a certificate scan (PDF or image) and clean to the file that is safe to store."""

    accept = DOCUMENT_ACCEPT

    def clean_upload(self, upload):
        return document_clean(upload=upload)
