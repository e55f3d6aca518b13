"""The site's public address (``SITE_URL``): one source for every absolute URL.

QR codes, label sheets, linksets, EPCIS documents, e-mails, the sitemap, canonical and
hreflang links and JSON-LD are all built here, never from the request's Host header (a
request can name any host; a printed label cannot be changed afterwards).
"""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings

# Host names that never reach the public: a label carrying one is useless on a shelf.
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa", ".test")


def absolute_url(path):
    """Return ``path`` on the site's public address (``SITE_URL``)."""
    return settings.SITE_URL.rstrip("/") + path


def public_url_problem(url):
    """Return why ``url`` cannot be the public address of a live site, or "" if it can."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018 - a malformed port raises ValueError here
    except ValueError:
        return "it is not a valid URL"
    if parts.scheme != "https":
        return "it must start with https://"
    if not host:
        return "it has no host name"
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        return "it must be the site's root (no path, query or fragment)"
    if host == "localhost" or host.endswith(_LOCAL_SUFFIXES) or "." not in host:
        return f"{host} is not a public host name"
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return ""
    if not address.is_global:
        return f"{host} is not a public address"
    return ""
