import unicodedata

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language_info
from django.utils.translation import override as language_override
from wagtail.models import Page, Site

from cms import structured_data
from cms.models import StoryPage
from marketplace.links import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def product_json_ld(context, product):
    return structured_data.json_ld_script(
        structured_data.product_data(request=context["request"], product=product)
    )


@register.simple_tag(takes_context=True)
def cooperative_json_ld(context, cooperative):
    return structured_data.json_ld_script(
        structured_data.cooperative_data(request=context["request"], cooperative=cooperative)
    )


@register.simple_tag(takes_context=True)
def article_json_ld(context, page, image_url=None):
    return structured_data.json_ld_script(
        structured_data.article_data(request=context["request"], page=page, image_url=image_url)
    )


@register.simple_tag
def cooperative_stories(cooperative):
    """Return the live stories about ``cooperative`` in the active language, newest first."""
    return StoryPage.about(cooperative=cooperative)


def _page_translations(request, page):
    """Return {language: url} of the live translations of ``page`` and of the site's home.

    One query, remembered on the request: the head's hreflang links and the header's
    language switcher both need it.
    """
    cache = getattr(request, "_cms_translations", None)
    if cache is not None and cache[0] == page.pk:
        return cache[1]
    site = Site.find_for_request(request)
    keys = [page.translation_key] + ([site.root_page.translation_key] if site else [])
    pages, homes = {}, {}
    for translation in (
        Page.objects.live().filter(translation_key__in=keys).select_related("locale")
    ):
        target = pages if translation.translation_key == page.translation_key else homes
        target[translation.locale.language_code] = translation.get_url(request)
    result = {"pages": pages, "homes": homes}
    request._cms_translations = (page.pk, result)
    return result


def _wagtail_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


def _shop_translations(request):
    """Return {language: path} of a shop page's addresses (``/shop/…``, ``/en/shop/…``).

    Empty for an address that is the same in every language (the QR pages, the admin).
    """
    path = request.get_full_path()
    urls = {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
    return urls if len(set(urls.values())) == len(urls) else {}


def _shop_home(language):
    """Return the shop's catalogue address in ``language``."""
    with language_override(language):
        return reverse("catalogue:index")


@register.simple_tag(takes_context=True)
def page_alternates(context):
    """Return [(hreflang, absolute url)] of a page's addresses in each language, x-default
    (Vietnamese) last: a CMS page's live translations, a shop page's two addresses."""
    page, request = _wagtail_page(context), context.get("request")
    if request is None or request.method not in ("GET", "HEAD"):
        return []
    if page is None:
        urls = _shop_translations(request) if context.get("indexable", True) else {}
    elif not page.live:
        return []
    else:
        urls = _page_translations(request, page)["pages"]
    alternates = [
        (code, absolute_url(urls[code])) for code, _name in settings.LANGUAGES if code in urls
    ]
    if len(alternates) > 1 and settings.LANGUAGE_CODE in urls:
        alternates.append(("x-default", absolute_url(urls[settings.LANGUAGE_CODE])))
    return alternates


@register.simple_tag(takes_context=True)
def language_choices(context):
    """Return the switcher's languages, each with the address to show in that language.

    On a CMS page: its translation, or that language's home page when it has none, or the
    shop in that language when there is no such home page either (never the same page,
    which its address keeps in its own language). On a shop page: its address in that
    language (``/shop/…`` or ``/en/shop/…``). Elsewhere (one address for every language):
    the same page, in the language chosen.
    """
    request = context.get("request")
    current = request.get_full_path() if request else "/"
    page = _wagtail_page(context)
    translations = _page_translations(request, page) if page and request else None
    shop = _shop_translations(request) if request and page is None else {}
    choices = []
    for code, _name in settings.LANGUAGES:
        url = shop.get(code, current)
        if translations is not None:
            url = (
                translations["pages"].get(code)
                or translations["homes"].get(code)
                or _shop_home(code)
            )
        # Django writes "Tiếng Việt" decomposed (NFD); pages are NFC, as HTML asks.
        name = unicodedata.normalize("NFC", get_language_info(code)["name_local"])
        choices.append({"code": code, "name_local": name, "url": url})
    return choices
