"""Rich text from editors is cleaned to a whitelist before it is stored or shown.

Wagtail's editor already drops what its features do not allow, but rich text can also
arrive without the editor (imports, the demo loader, a page copied by code): this makes
the same guarantee for every path. Scripts and styles go with their content; event
handler attributes, ``javascript:`` links and unknown tags are removed.

The tags are the shop's allow-list for user-entered HTML (marketplace.sanitize) plus the
few the CMS editor offers on top (``hr``, ``sub``, ``sup``). Stored text keeps Wagtail's
own format (``<a linktype="page" id="3">``), so it is cleaned here with Wagtail's
whitelister; the HTML a page finally shows is cleaned again by ``html_clean`` after
Wagtail has expanded its links, so the render path is exactly as strict as the shop's.
"""

from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html
from wagtail.whitelist import Whitelister, allow_without_attributes, attribute_rule, check_url

from marketplace.sanitize import ALLOWED_TAGS, DROPPED_WITH_CONTENT, html_clean

CMS_EXTRA_TAGS = frozenset({"hr", "sub", "sup"})


class StoredRichTextWhitelister(Whitelister):
    element_rules = {
        "[document]": allow_without_attributes,
        **dict.fromkeys(sorted((ALLOWED_TAGS | CMS_EXTRA_TAGS) - {"a"}), allow_without_attributes),
        # Internal links are stored as <a linktype="page" id="3">; others keep a checked href.
        "a": attribute_rule({"href": check_url, "linktype": True, "id": True}),
    }

    def clean_tag_node(self, doc, tag):
        if tag.name in DROPPED_WITH_CONTENT:
            tag.decompose()
            return
        super().clean_tag_node(doc, tag)


def rich_text_clean(html):
    """Return ``html`` (Wagtail's stored rich-text format) with only whitelisted markup."""
    if not html:
        return html or ""
    return StoredRichTextWhitelister().clean(html)


def rich_text_render(value):
    """Return the page HTML of stored rich text (a string or a Wagtail ``RichText``):
    cleaned, links expanded, and cleaned again to the shop's allow-list."""
    source = getattr(value, "source", value) or ""
    expanded = expand_db_html(rich_text_clean(str(source)))
    return mark_safe(  # noqa: S308 - cleaned to the allow-list just above
        html_clean(expanded, extra_tags=CMS_EXTRA_TAGS, relative_links=True, link_rel="noopener")
    )
