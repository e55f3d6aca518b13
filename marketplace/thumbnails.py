"""Oscar's thumbnailer (sorl) that gives no thumbnail for a picture whose file is missing.

sorl answers a source it cannot open (a file lost from storage, a restored database
without its uploads) with a thumbnail of no size; a template reading its width then fails
the whole page. Here that is ``None``: templates' ``{% if thumb %}`` leave the picture out
and the page still shows. The failure is logged by sorl.
"""

from oscar.core.thumbnails import SorlThumbnail


class MissingFileSafeSorlThumbnail(SorlThumbnail):
    def generate_thumbnail(self, source, **opts):
        thumbnail = super().generate_thumbnail(source, **opts)
        return thumbnail if thumbnail.size else None
