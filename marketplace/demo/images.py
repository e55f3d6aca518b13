"""Product images drawn with Pillow: no network, deterministic per product."""

import hashlib
import io

from PIL import Image, ImageDraw

SIZE = 600


def product_image_jpeg(*, title, palette, seed):
    """Return JPEG bytes of a square product picture: a gradient, circles and a package.

    ``title`` is kept for callers; the picture has no words in it."""
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
    # A package on a shelf, shaped by the seed. No words drawn in: the page shows the
    # title in HTML, in the page's language, readable by screen readers.
    width = 160 + digest[24] % 120
    height = 180 + digest[25] % 80
    left = (SIZE - width) // 2
    draw.rounded_rectangle([40, SIZE - 90, SIZE - 40, SIZE - 60], radius=12, fill=(255, 255, 255))
    draw.rounded_rectangle([left, SIZE - 90 - height, left + width, SIZE - 90], radius=18,
                           fill=(255, 255, 255), outline=accent, width=6)  # fmt: skip
    draw.rectangle([left + 24, SIZE - 90 - height * 2 // 3, left + width - 24,
                    SIZE - 90 - height // 3], fill=accent)  # fmt: skip
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
