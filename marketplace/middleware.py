from django.conf import settings
from django.http import HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.urls import is_valid_path
from django.utils import translation
from django.utils.cache import patch_vary_headers


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    """Serve Vietnamese unless the visitor chose another language with the switcher.

    Django's LocaleMiddleware also follows the browser's Accept-Language, so a Vietnamese
    shopper on an English-language phone would get English; the marketplace speaks
    Vietnamese first and remembers an explicit choice in the language cookie.

    CMS pages have one URL per language (``/en/...`` for English, unprefixed for
    Vietnamese): there the URL's language wins, so a link shared or found by a search
    engine opens in its own language. A visitor who chose English and opens a
    Vietnamese CMS address is sent to its ``/en/`` address.
    """

    def process_request(self, request):
        from_path = translation.get_language_from_path(request.path_info)
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = from_path or (
            chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        )
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        language = translation.get_language()
        if (
            response.status_code == 404
            and request.method in ("GET", "HEAD")
            and language != settings.LANGUAGE_CODE
            and not translation.get_language_from_path(request.path_info)
        ):
            # Under English, unprefixed CMS paths do not resolve: try the /en/ address.
            # (A 404 from a view that did resolve, a missing product say, stays as it is.)
            prefixed = f"/{language}{request.path_info}"
            urlconf = getattr(request, "urlconf", None)
            if not is_valid_path(request.path_info, urlconf) and is_valid_path(prefixed, urlconf):
                script_name = request.path[: len(request.path) - len(request.path_info)]
                query = request.META.get("QUERY_STRING", "")
                translation.deactivate()
                return HttpResponseRedirect(
                    f"{script_name}{prefixed}" + (f"?{query}" if query else "")
                )
        from_path = translation.get_language_from_path(request.path_info)
        if from_path and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != from_path:
            # Opening an English address (a shared link, a search result) is a choice of
            # language too: the shop pages it links to follow it.
            language_cookie_set(response, from_path)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        # The response is rendered: do not leave this visitor's language active in the
        # thread for whatever runs next on it (the next request activates its own).
        translation.deactivate()
        return response


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
