from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Site
from wagtail.views import serve as wagtail_serve

from cms.selectors import seconds_to_next_expiry
from cms.sitemaps import SITEMAPS
from marketplace import page_cache
from marketplace.middleware import language_cookie_set


def page_serve(request, path):
    """Serve a Wagtail page; to a visitor without a session, basket or message, the page
    kept for all such visitors (``marketplace.page_cache``), until the next page expires."""
    return page_cache.serve(
        request, lambda: wagtail_serve(request, path), stamps=("cms", "catalogue"),
        params=("page",), seconds=seconds_to_next_expiry,
    )  # fmt: skip


@require_POST
def language_set(request):
    """Remember the visitor's language in the cookie and go to ``next`` unchanged.

    The language switcher already points each language at the right address (a CMS
    page's translation, the same shop page); Django's own view would rewrite /en/
    addresses through Wagtail's catch-all pattern into /en/en/.
    """
    next_url = request.GET.get("next") or request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    language = request.POST.get("language")
    if language in dict(settings.LANGUAGES):
        language_cookie_set(response, language)
    return response


def sitemap_xml(request):
    """Serve sitemap.xml: CMS pages, products and cooperative profiles."""
    if Site.find_for_request(request) is None:
        raise Http404  # no Wagtail site for this host: nothing to list (not a 500)
    return wagtail_sitemap(request, sitemaps={name: cls(request) for name, cls in SITEMAPS.items()})
