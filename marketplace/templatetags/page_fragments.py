"""``{% shared_fragment %}``: a part of a page rendered once for many shoppers.

    {% shared_fragment "product-body" "catalogue" product.pk %} ... {% endshared_fragment %}

The first argument names the fragment, the second lists the stamps it depends on
(comma-separated: "catalogue", "cms" or "catalogue,cms"), the rest are the page's
parameters that change its content (the language is always part of the key). With a
parameter that is None the body is rendered without the cache (a page that opts out).
A view that must know before rendering whether a fragment is cached (to skip reading what
only the fragment shows) puts the fragments it found in the context as
``shared_fragments`` ({key: html}); see ``marketplace.page_fragments``.
"""

from django import template
from django.utils.safestring import mark_safe

from marketplace import page_cache, page_fragments

register = template.Library()


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, name, stamps, parts):
        self.nodelist = nodelist
        self.name = name
        self.stamps = stamps
        self.parts = parts

    def render(self, context):
        parts = [part.resolve(context) for part in self.parts]
        if any(part is None for part in parts):
            return self.nodelist.render(context)
        stamps = [s for s in str(self.stamps.resolve(context)).split(",") if s]
        key = page_fragments.fragment_key(self.name.resolve(context), stamps, parts)
        html = (context.get("shared_fragments") or {}).get(key)
        if html is None:
            html = page_fragments.fragment_get(key)
        if html is None:
            with context.push(csrf_token=page_fragments.CSRF_MARK):
                html = str(self.nodelist.render(context))
            page_fragments.fragment_store(key, html)
        # The fragment was rendered by the template engine (escaped) and only stored.
        return mark_safe(page_fragments.personalise(html, context.get("csrf_token")))  # noqa: S308


@register.tag("shared_fragment")
def shared_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(
            f"'{bits[0]}' takes a name, the stamps and the page's parameters."
        )
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    name, stamps, *parts = (parser.compile_filter(bit) for bit in bits[1:])
    return SharedFragmentNode(nodelist, name, stamps, parts)


@register.simple_tag(takes_context=True)
def page_hole(context, name):
    """Where a page stored for every visitor (``marketplace.page_cache``) has the visitor's
    own part ``name``: its mark while such a page is rendered, else nothing."""
    request = context.get("request")
    if getattr(request, "page_cache_holes", False):
        return mark_safe(page_cache.hole(name))  # noqa: S308 (the project's own mark)
    return ""
