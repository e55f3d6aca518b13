"""The site as the load bench serves it: behind what stands for production's front web
server (README, "Running in production"), which serves the uploads (MEDIA_ROOT) and
compresses HTML for browsers that ask for it. Used by ``manage.py bench_load`` only.
"""

import gzip

from django.conf import settings
from whitenoise import WhiteNoise

from marketplace.wsgi import application as site


def _compress_html(app):
    """Gzip text/html responses for clients that accept it, as nginx's ``gzip on`` does."""

    def compressed(environ, start_response):
        if "gzip" not in environ.get("HTTP_ACCEPT_ENCODING", ""):
            return app(environ, start_response)
        captured = {}

        def capture(status, headers, exc_info=None):
            captured.update(status=status, headers=headers)
            return lambda data: None  # the site never writes through this

        body = b"".join(app(environ, capture))
        headers = captured["headers"]
        content_type = next((v for k, v in headers if k.lower() == "content-type"), "")
        if content_type.startswith("text/html") and len(body) > 1024:
            body = gzip.compress(body, compresslevel=5)
            headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
            headers += [("Content-Encoding", "gzip"), ("Content-Length", str(len(body)))]
        start_response(captured["status"], headers)
        return [body]

    return compressed


# autorefresh: pictures made while the bench runs (thumbnails) are served too.
application = WhiteNoise(
    _compress_html(site), root=settings.MEDIA_ROOT, prefix="media/", autorefresh=True
)
