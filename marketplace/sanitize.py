"""User-entered HTML, cleaned to one allow-list (nh3) when it is saved and when it is shown.

Cooperatives and staff write product descriptions (and rich-text product attributes,
category texts) as HTML: the dashboard's editor sends it, a spreadsheet import carries it,
and what is already in the database may predate this module. Whatever the path, only the
markup below survives: paragraphs, line breaks, bold and italic, lists, h2-h4 headings,
quotes and links to http(s) or mailto addresses, which open with
``rel="noopener nofollow ugc"``. Every other tag is dropped (its text kept), every other
attribute removed (``style``, ``on*`` handlers, ``class``), and ``<script>``, ``<style>``,
``<iframe>`` and the like go together with their content. nh3 parses as browsers do (HTML5),
so obfuscated payloads (``<scr<script>ipt>``, entities in ``javascript:``, unclosed tags)
are cleaned the way a browser would have read them.

Wagtail's rich text (cms/sanitize.py) keeps its own stored format but shares these tags,
and its rendered HTML passes through ``html_clean`` too: one rule, one place.
"""

import html

import nh3
from django import forms
from django.utils.safestring import mark_safe

ALLOWED_TAGS = frozenset(
    {"p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "a"}
)
# Removed together with everything inside them, not just unwrapped.
DROPPED_WITH_CONTENT = frozenset(
    {
        "script", "style", "iframe", "object", "embed", "template", "noscript", "textarea",
        "title", "svg", "math", "select", "frame", "frameset", "noembed", "noframes", "xmp",
    }
)  # fmt: skip
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener nofollow ugc"


def _links_absolute_only(tag, attribute, value):
    """Keep an ``href`` only when it names an allowed scheme (no relative, data: or js)."""
    if tag == "a" and attribute == "href":
        scheme, colon, _rest = value.partition(":")
        if not colon or scheme.lower() not in LINK_SCHEMES:
            return None
    return value


def html_clean(value, *, extra_tags=frozenset(), relative_links=False, link_rel=LINK_REL):
    """Return ``value`` as HTML holding only the allowed tags, attributes and links.

    ``extra_tags`` and ``relative_links`` (site-internal ``/path`` links) are for staff
    content: Wagtail's rendered rich text. Text is returned with ``<``, ``>`` and ``&``
    escaped, so the result is safe to insert into a page as it is.
    """
    if not value:
        return ""
    return nh3.clean(
        str(value),
        tags=set(ALLOWED_TAGS | extra_tags),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={"a": {"href"}},
        attribute_filter=None if relative_links else _links_absolute_only,
        url_schemes=set(LINK_SCHEMES),
        link_rel=link_rel,
        strip_comments=True,
    )


def html_text(value):
    """Return the text of HTML ``value``, without tags or entities (for JSON-LD, meta tags)."""
    if not value:
        return ""
    return html.unescape(
        nh3.clean(str(value), tags=set(), clean_content_tags=set(DROPPED_WITH_CONTENT))
    )


def html_safe(value):
    """Return ``value`` cleaned by ``html_clean`` and marked safe for templates."""
    return mark_safe(html_clean(value))  # noqa: S308 - cleaned to the allow-list just above


class SanitizedHTMLField(forms.CharField):
    """A form field for user-entered HTML: what it hands on is already cleaned."""

    def to_python(self, value):
        return html_clean(super().to_python(value))


class PlainTextField(forms.CharField):
    """A form field for free text shown as text (a story, a name): markup pasted into it
    is dropped, so what is stored reads the same on a page, in an e-mail or in JSON-LD."""

    def to_python(self, value):
        return html_text(super().to_python(value))
