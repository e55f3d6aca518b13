"""Make a batch page's thumbnails ahead of the first scan.

sorl makes a thumbnail (and writes its key-value row) the first time a template asks for
it; on the traceability page that first scan would cost dozens of queries and the image
work. The geometries here are the ones templates/traceability/batch_page.html uses.
"""

import logging

from oscar.core.thumbnails import get_thumbnailer

logger = logging.getLogger(__name__)

HERO = ("720x540", {"crop": "center", "upscale": False})
EVENT_PHOTO = ("320x240", {"crop": "center", "upscale": False})


def thumbnails_warm(*, batch_pk):
    """Generate the hero picture and event photo thumbnails of one batch's page."""
    from traceability.models import Batch

    batch = Batch.objects.prefetch_related("product__images", "events__photos").get(pk=batch_pk)
    thumbnailer = get_thumbnailer()
    sources = [(image.original, HERO) for image in batch.product.images.all()[:1]]
    sources += [
        (photo.image, EVENT_PHOTO) for event in batch.events.all() for photo in event.photos.all()
    ]
    for source, (size, options) in sources:
        try:
            thumbnailer.generate_thumbnail(source, size=size, **options)
        except Exception:  # A missing file must not break recording an event.
            logger.warning("Could not make a thumbnail of %s", source, exc_info=True)
