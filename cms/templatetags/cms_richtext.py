from django import template

from cms.sanitize import rich_text_render

register = template.Library()


@register.filter(is_safe=True)
def safe_richtext(value):
    """Render a RichTextField's or RichTextBlock's value like Wagtail's ``richtext``, with
    the stored text and the expanded HTML both cleaned (cms.sanitize)."""
    return rich_text_render(value)
