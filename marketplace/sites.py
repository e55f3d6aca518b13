"""Keep Django's Site record (used by Oscar's e-mails and password-reset links) on SITE_URL."""

from urllib.parse import urlsplit

from django.conf import settings


def site_domain():
    """Return SITE_URL's host (and port), as Django's Site record stores a domain."""
    return urlsplit(settings.SITE_URL).netloc


def site_domain_sync(sender=None, **kwargs):
    """Point the current Site at SITE_URL's host after every migrate."""
    from django.contrib.sites.models import Site

    if getattr(sender, "label", "sites") != "sites":
        return
    domain = site_domain()
    site, _created = Site.objects.get_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": settings.WAGTAIL_SITE_NAME}
    )
    if site.domain != domain:
        site.domain = domain
        site.save(update_fields=["domain"])
