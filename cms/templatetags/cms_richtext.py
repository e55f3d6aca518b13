from django import template
from wagtail.templatetags.wagtailcore_tags import richtext

from cms.sanitize import rich_text_clean

register = template.Library()


@register.filter
def safe_richtext(value):
    """Render a RichTextField's value like Wagtail's ``richtext``, whitelist-cleaned first."""
    return richtext(rich_text_clean(getattr(value, "source", value)))
