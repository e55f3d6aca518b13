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
            prefixed = f"/{language}{request.path_info}"
            urlconf = getattr(request, "urlconf", None)
            if is_valid_path(prefixed, urlconf):
                script_name = request.path[: len(request.path) - len(request.path_info)]
                query = request.META.get("QUERY_STRING", "")
                return HttpResponseRedirect(
                    f"{script_name}{prefixed}" + (f"?{query}" if query else "")
                )
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response
