"""Deploy checks of the project's own settings (``manage.py check --deploy``)."""

from django.conf import settings
from django.core.checks import Error, register

from marketplace.links import public_url_problem


@register(deploy=True)
def site_url_is_public(app_configs, **kwargs):
    """Every QR label, linkset, EPCIS document and e-mail carries SITE_URL: in production
    it must be the public https address, never the demo's http://127.0.0.1:8000."""
    problem = public_url_problem(settings.SITE_URL)
    if not problem:
        return []
    return [
        Error(
            f"SITE_URL={settings.SITE_URL!r} cannot be the site's public address: {problem}.",
            hint="Set SITE_URL to the address shoppers open, e.g. https://cho-ocop.example.vn: "
            "it is printed in every QR code.",
            id="marketplace.E001",
        )
    ]
