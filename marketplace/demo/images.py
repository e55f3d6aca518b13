"""Product images drawn with Pillow: no network, deterministic per product."""

import hashlib
import io
import textwrap
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SIZE = 600
_FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]


@lru_cache(maxsize=4)
def _font(size):
    for candidate in _FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size=size)


def product_image_jpeg(*, title, palette, seed):
    """Return JPEG bytes of a square product picture: a gradient, a motif and the title."""
    digest = hashlib.sha256(seed.encode()).digest()
    top, bottom = palette[0], palette[-1]
    image = Image.new("RGB", (SIZE, SIZE), top)
    draw = ImageDraw.Draw(image)
    for y in range(SIZE):
        t = y / SIZE
        draw.line(
            [(0, y), (SIZE, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    accent = palette[1] if len(palette) > 2 else (255, 255, 255)
    # A few soft circles placed by the seed, so every product looks a little different.
    for i in range(4):
        x, y, r = digest[i] * 2 + 40, digest[i + 8] + 60, 40 + digest[i + 16] % 70
        draw.ellipse([x - r, y - r, x + r, y + r], outline=accent, width=6)
    draw.rounded_rectangle([40, 360, SIZE - 40, SIZE - 40], radius=24, fill=(255, 255, 255))
    font = _font(34)
    lines = textwrap.wrap(title, width=24)[:4]
    for n, line in enumerate(lines):
        draw.text((64, 380 + n * 44), line, fill=(40, 40, 40), font=font)
    draw.text((SIZE - 150, 20), "OCOP", fill=(255, 255, 255), font=_font(40))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80, optimize=True)
    return out.getvalue()


def banner_jpeg(*, title, palette, size=(1440, 600)):
    """Return JPEG bytes of a wide banner for CMS pages: a gradient and circles.

    ``title`` only varies the picture (the circles' place), so each page gets its own.
    """
    width, height = size
    top, bottom = palette[0], palette[-1]
    image = Image.new("RGB", size, top)
    draw = ImageDraw.Draw(image)
    for x in range(width):
        t = x / width
        draw.line(
            [(x, 0), (x, height)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    accent = palette[1] if len(palette) > 2 else (255, 255, 255)
    for i in range(6):
        r = 60 + i * 40
        centre = width // 2 + (sum(map(ord, title)) % (width // 3)) - width // 6
        draw.ellipse([centre - r, height // 2 - r, centre + r, height // 2 + r],
                     outline=accent, width=5)  # fmt: skip
    # No text drawn in: pages show the title in HTML (translated, readable by screen
    # readers), and cards crop the banner to other shapes.
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=82, optimize=True)
    return out.getvalue()
