from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    """Serve Vietnamese unless the visitor chose another language with the switcher.

    Django's LocaleMiddleware also follows the browser's Accept-Language, so a Vietnamese
    shopper on an English-language phone would get English; the marketplace speaks
    Vietnamese first and remembers an explicit choice in the language cookie.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
