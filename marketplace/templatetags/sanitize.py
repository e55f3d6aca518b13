"""``{{ value|sanitize_html }}``: user-entered HTML shown through the allow-list.

Use it wherever stored HTML is shown, in place of ``|safe``: what was saved before the
sanitiser existed, or written past the forms (Django admin, a shell), is cleaned again.
"""

from django import template

from marketplace.sanitize import html_safe

register = template.Library()


@register.filter(is_safe=True)
def sanitize_html(value):
    """Return ``value`` with only the allowed markup (marketplace.sanitize), marked safe."""
    return html_safe(value)
