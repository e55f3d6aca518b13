from django.conf import settings


def absolute_url(path):
    """Return ``path`` on the site's public address (``WAGTAILADMIN_BASE_URL``), for e-mails
    and QR codes, which leave the request behind."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
