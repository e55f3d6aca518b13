"""Rich text from editors is cleaned to a whitelist before it is stored or shown.

Wagtail's editor already drops what its features do not allow, but rich text can also
arrive without the editor (imports, the demo loader, a page copied by code): this makes
the same guarantee for every path. Scripts and styles go with their content; event
handler attributes, ``javascript:`` links and unknown tags are removed.
"""

from wagtail.whitelist import Whitelister, allow_without_attributes, attribute_rule, check_url

DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript"}


class StoredRichTextWhitelister(Whitelister):
    element_rules = {
        "[document]": allow_without_attributes,
        # Internal links are stored as <a linktype="page" id="3">; others keep a checked href.
        "a": attribute_rule({"href": check_url, "linktype": True, "id": True}),
        **dict.fromkeys(
            [
                "p",
                "br",
                "b",
                "strong",
                "i",
                "em",
                "h2",
                "h3",
                "h4",
                "ol",
                "ul",
                "li",
                "hr",
                "blockquote",
                "sub",
                "sup",
            ],
            allow_without_attributes,
        ),  # fmt: skip
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
