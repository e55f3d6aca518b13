import functools

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.urls import LocalePrefixPattern, Resolver404, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern
from django.utils import translation
from django.utils.cache import patch_vary_headers


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    """Serve the language of the address: Vietnamese unprefixed, English under ``/en/``.

    Shop and CMS pages have one address per language (``/shop/...`` and ``/en/shop/...``,
    ``/about/`` and ``/en/about/``): the URL alone decides, so a Vietnamese address is
    always Vietnamese — a shopper who once looked at English pages is not kept in English
    by a cookie, and a shared link opens in its own language. The browser's
    Accept-Language is not followed either (a Vietnamese shopper on an English-language
    phone gets Vietnamese).

    Addresses that exist in one form only — the QR pages (``/01/...``, ``/t/...``), the
    admin — follow the language the visitor chose with a switcher (the language cookie,
    set only by that explicit choice), else Vietnamese.
    """

    def process_request(self, request):
        from_path = translation.get_language_from_path(request.path_info)
        language = from_path or settings.LANGUAGE_CODE
        if not from_path and _is_language_neutral(request.path_info, request):
            chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
            if chosen in dict(settings.LANGUAGES):
                language = chosen
        request._language_before = translation.get_language()
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        language = translation.get_language()
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        # The response is rendered: do not leave this visitor's language active in the
        # thread for whatever runs next on it (the next request activates its own); put
        # back the one before, as translation.override does.
        translation.activate(getattr(request, "_language_before", settings.LANGUAGE_CODE))
        return response


@functools.cache
def _neutral_resolver(urlconf):
    """Return a resolver of the URL patterns outside ``i18n_patterns`` (one per urlconf)."""
    root = get_resolver(urlconf)
    patterns = [
        pattern
        for pattern in root.url_patterns
        if not isinstance(getattr(pattern, "pattern", None), LocalePrefixPattern)
    ]
    return URLResolver(RegexPattern(r"^/"), patterns)


def _is_language_neutral(path, request):
    """Whether ``path`` is served outside ``i18n_patterns`` (one address for all languages)."""
    try:
        _neutral_resolver(getattr(request, "urlconf", None) or settings.ROOT_URLCONF).resolve(path)
    except Resolver404:
        return False
    return True


def language_cookie_set(response, language):
    """Remember ``language`` as the visitor's choice, with Django's cookie settings."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
