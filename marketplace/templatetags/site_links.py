"""``{% site_url path %}`` and ``{{ path|absolute }}``: addresses on SITE_URL, not on the Host."""

from django import template

from marketplace.links import absolute_url

register = template.Library()


@register.simple_tag
def site_url(path=""):
    """Return ``path`` on the site's public address."""
    return absolute_url(str(path))


@register.filter
def absolute(path):
    """Return ``path`` on the site's public address (empty stays empty)."""
    return absolute_url(str(path)) if path else ""
