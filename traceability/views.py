"""The GS1 Digital Link resolver (``/01/…``), the site's short lot links (``/t/…``) and the
resolver description, as the GS1-Conformant Resolver standard 1.2 asks.

For a GS1 URI without ``linkType``:

- a person's browser (its Accept header names HTML) gets the lot's traceability page in
  place, from the page cache: the ``traceability`` link's content, without a redirect on
  a slow phone connection (a product URI shows its latest lot);
- ``Accept: application/linkset+json`` (or JSON) gets the linkset, ``application/ld+json``
  the lot's EPCIS events;
- any other client (``*/*``, none) is redirected (307) to the default link.

``?linkType=linkset`` (or the older ``all``) returns the linkset; any other link type
redirects (307) to its link, or answers 404 when there is none (300 when several fit
equally). An unknown lot of a known GTIN is answered for the GTIN ("walking up the
tree"); a malformed URI answers 400. Every answer carries CORS headers and a ``Link``
header to the linkset; OPTIONS is answered (204) with the methods allowed. Redirects pass
the request's query string on, except the ``linkType`` the resolver has used.
"""

import functools

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_http_methods, require_safe

from marketplace.links import absolute_url
from marketplace.throttling import rate_limited
from traceability import page_cache, selectors
from traceability.digital_link import Malformed, read
from traceability.epcis import epcis_document
from traceability.links import batch_uri, product_gtin14
from traceability.linkset import (
    EPCIS_CONTENT_TYPE,
    LINKSET_CONTENT_TYPE,
    LINKSET_CONTEXT,
    LINKSET_REQUESTS,
    best_targets,
    link_type_uri,
    linkset,
    lot_level,
    lot_page_url,
    merged_links,
    product_level,
    resolver_description,
)
from traceability.pages import not_found, page_response, page_serve

# What a client may ask for with its Accept header, the browser's page first.
OFFERED_TYPES = ["text/html", LINKSET_CONTENT_TYPE, EPCIS_CONTENT_TYPE, "application/json"]
METHODS = "GET, HEAD, OPTIONS"


@functools.lru_cache(maxsize=256)
def negotiate(accept):
    """Return what an Accept header asks for: "page", "linkset", "json", "epcis", "default".

    "page" only when the client names HTML itself (browsers do); ``*/*`` alone, or no
    header, leaves the choice to the resolver: the default link. Remembered: parsing a
    browser's header costs about as much as the rest of a cached page.
    """
    request = HttpRequest()
    if accept:
        request.META["HTTP_ACCEPT"] = accept
    preferred = request.get_preferred_type(OFFERED_TYPES)
    if preferred == "text/html":
        named = any(
            t.quality > 0
            and f"{t.main_type}/{t.sub_type}" in ("text/html", "application/xhtml+xml")
            for t in request.accepted_types
        )
        return "page" if named else "default"
    return {LINKSET_CONTENT_TYPE: "linkset", "application/json": "json",
            EPCIS_CONTENT_TYPE: "epcis"}.get(preferred, "default")  # fmt: skip


def _finish(response, *, linkset_of=""):
    """Add the headers every resolver answer carries: CORS, Vary, the Link to the linkset."""
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = METHODS
    response["Access-Control-Allow-Headers"] = "Accept, Accept-Language"
    response["Access-Control-Expose-Headers"] = "Link, Location, Content-Type"
    patch_vary_headers(response, ["Accept", "Accept-Language"])
    if linkset_of:
        links = [f'<{linkset_of}?linkType=linkset>; rel="linkset"; type="{LINKSET_CONTENT_TYPE}"']
        if response.get("Content-Type", "").startswith(("application/linkset+json",
                                                         "application/json")):  # fmt: skip
            links.append(f'<{LINKSET_CONTEXT}>; rel="http://www.w3.org/ns/json-ld#context"; '
                          'type="application/ld+json"')  # fmt: skip
        response["Link"] = ", ".join(links)
    return response


def _json(data, content_type, *, status=200):
    return JsonResponse(data, content_type=content_type, status=status,
                        json_dumps_params={"ensure_ascii": False})  # fmt: skip


def _options():
    response = HttpResponse(status=204)
    response["Allow"] = METHODS
    response["Access-Control-Max-Age"] = "86400"
    return response


def _passed_query(request):
    """Return the request's query string without the ``linkType`` the resolver used."""
    pairs = [pair for pair in request.META.get("QUERY_STRING", "").split("&") if pair]
    kept = [pair for pair in pairs if pair.split("=", 1)[0] not in ("linkType", "linkType[]")]
    return "&".join(kept)


def _redirect(request, href):
    """307 to ``href`` with the request's query string (before any #fragment)."""
    base, hash_, fragment = href.partition("#")
    query = _passed_query(request)
    if query:
        base += ("&" if "?" in base else "?") + query
    response = HttpResponseRedirect(base + hash_ + fragment)
    response.status_code = 307
    return response


def _languages(request):
    header = request.headers.get("Accept-Language", "")
    return {part.split(";")[0].strip().split("-")[0].lower() for part in header.split(",") if part}


def _media_types(request):
    named = [t for t in request.accepted_types if t.quality > 0 and "*" not in str(t)]
    return {f"{t.main_type}/{t.sub_type}" for t in named}


class Answer:
    """What the resolver knows of one request: the lot and/or the product, as link levels."""

    def __init__(self, request, *, batch=None, product=None, gtin="", walked_up=False,
                 self_url=""):  # fmt: skip
        self.request, self.batch, self.walked_up, self.self_url = (
            request, batch, walked_up, self_url
        )  # fmt: skip
        self.levels = [lot_level(batch)] if batch is not None else []
        self.latest = None
        if product is not None and gtin:
            self.latest = selectors.latest_published_batch(product)
            level = product_level(product, gtin=gtin, latest_batch=self.latest,
                                  on_sale=selectors.product_on_sale(product))  # fmt: skip
            if level is not None:
                self.levels.append(level)

    def linkset_response(self, levels=None, *, status=200):
        wanted = negotiate(self.request.headers.get("Accept", ""))
        content_type = "application/json" if wanted == "json" else LINKSET_CONTENT_TYPE
        return _json(linkset(levels or self.levels), content_type, status=status)

    def for_link_type(self, value):
        """Answer ``?linkType=value``: the linkset, a redirect, 300 or 404."""
        if value in LINKSET_REQUESTS:
            return self.linkset_response()
        targets = merged_links(self.levels).get(link_type_uri(value) or "")
        if not targets:
            return not_found(self.request, reason="link_type")
        chosen = best_targets(
            targets,
            media_types=_media_types(self.request),
            languages=_languages(self.request),
            context=self.request.GET.get("context", ""),
        )
        if len(chosen) > 1:
            # Several links fit equally: the client chooses (300 Multiple Choices).
            level = next(lv for lv in self.levels if link_type_uri(value) in lv.links)
            entry = level.as_linkset_entry({link_type_uri(value): chosen})
            return _json({"linkset": [entry]}, LINKSET_CONTENT_TYPE, status=300)
        href = chosen[0]["href"]
        if self.self_url and href.split("#")[0] == self.self_url:
            return page_response(self.request, self.batch)  # this page: no redirect to itself
        return _redirect(self.request, href)

    def default(self):
        """307 to the default link of the most granular level."""
        (target,) = self.levels[0].links["https://ref.gs1.org/voc/defaultLink"]
        return _redirect(self.request, target["href"])


def _answer(request, answer, *, page):
    """Answer a request about ``answer``'s item; ``page()`` is its HTML page or None."""
    link_type = request.GET.get("linkType", "")
    if link_type:
        return answer.for_link_type(link_type)
    wanted = negotiate(request.headers.get("Accept", ""))
    if wanted in ("linkset", "json"):
        return answer.linkset_response()
    if answer.walked_up:
        return answer.default()
    batch = answer.batch or answer.latest
    if wanted == "epcis" and batch is not None:
        return _json(epcis_document(selectors.public_batches().get(pk=batch.pk)),
                     EPCIS_CONTENT_TYPE)  # fmt: skip
    if wanted == "page" or answer.self_url:
        response = page()
        if response is not None:
            return response
    return answer.default()


def _lot_route(link):
    if link.lot:
        return page_cache.lot_route(gtin=link.gtin, lot=link.lot)
    return page_cache.latest_route(gtin=link.gtin)


def _lot_finder(link):
    if link.lot:
        return lambda: selectors.batch_for_digital_link(gtin=link.gtin, lot=link.lot)
    return lambda: selectors.latest_batch_for_gtin(gtin=link.gtin)


@rate_limited("trace")
@require_http_methods(["GET", "HEAD", "OPTIONS"])
def digital_link(request, gtin, rest=""):
    """``/01/<GTIN>[/22/<cpv>][/10/<lot>][/21/<serial>]``: a product or one of its lots."""
    raw_path = request.META.get("RAW_URI") or request.META.get("REQUEST_URI")
    try:
        reading = read(gtin, rest or "", raw_path=raw_path)
    except Malformed:
        return _finish(not_found(request, status=400, reason="malformed"))
    links = [link for link in (reading.slashed, reading.strict) if link is not None]
    linkset_of = absolute_url(links[-1].path())
    if request.method == "OPTIONS":
        return _finish(_options(), linkset_of=linkset_of)
    if not request.GET.get("linkType") and negotiate(request.headers.get("Accept", "")) == "page":
        # A person's phone: the page, from the cache when it is there (no SQL).
        for link in links:
            response = page_serve(request, _lot_route(link), _lot_finder(link))
            if response is not None:
                return _finish(response, linkset_of=linkset_of)
    return _finish(_resolve(request, reading), linkset_of=linkset_of)


def _resolve(request, reading):
    """Answer a GS1 URI from the database: its lot, else its GTIN, else 404.

    A slashed-lot reading (``digital_link.Reading``) counts only when that lot exists;
    without it and without a strict reading, the path is malformed (400).
    """
    for link in (reading.slashed, reading.strict):
        if link is not None and link.lot:
            batch = selectors.batch_for_digital_link(gtin=link.gtin, lot=link.lot)
            if batch is not None:
                answer = Answer(request, batch=batch, product=batch.product, gtin=link.gtin)
                return _answer(request, answer, page=lambda b=batch: page_response(request, b))
    link = reading.strict
    if link is None:
        return not_found(request, status=400, reason="malformed")
    product = selectors.product_for_gtin(gtin=link.gtin)
    if product is None:
        return not_found(request)
    answer = Answer(request, product=product, gtin=link.gtin, walked_up=bool(link.lot))
    if not answer.levels:
        return not_found(request)
    return _answer(request, answer, page=lambda: _latest_page(request, answer))


def _latest_page(request, answer):
    if answer.latest is None:
        return None
    return page_response(request, selectors.public_batches().get(pk=answer.latest.pk))


@rate_limited("trace")
@require_http_methods(["GET", "HEAD", "OPTIONS"])
def batch_by_short_code(request, code):
    """``/t/<code>``: a lot's page, also of a product without a GTIN (the site's own link)."""
    if request.method == "OPTIONS":
        return _finish(_options())
    if not request.GET.get("linkType") and negotiate(request.headers.get("Accept", "")) not in (
        "linkset",
        "json",
        "epcis",
    ):
        response = page_serve(
            request,
            page_cache.short_route(code=code),
            lambda: selectors.batch_for_short_code(code=code),
        )
        if response is None:
            return _finish(not_found(request))
        return _finish(response, linkset_of=absolute_url(f"/t/{code.strip('/').upper()}"))
    batch = selectors.batch_for_short_code(code=code)
    if batch is None:
        return _finish(not_found(request))
    gtin_link = _gtin_of(batch)
    answer = Answer(request, batch=batch, product=batch.product, gtin=gtin_link,
                    self_url=lot_page_url(batch))  # fmt: skip
    response = _answer(request, answer, page=lambda: page_response(request, batch))
    return _finish(response, linkset_of=batch_uri(batch))


def _gtin_of(batch):
    return product_gtin14(batch.product) or ""


@rate_limited("trace")
@require_safe
def batch_epcis(request, code):
    """``/t/<code>/epcis.jsonld``: the lot's events as an EPCIS 2.0 document (JSON-LD)."""
    batch = selectors.batch_for_short_code(code=code)
    if batch is None:
        return _finish(not_found(request))
    return _finish(_json(epcis_document(batch), EPCIS_CONTENT_TYPE),
                   linkset_of=batch_uri(batch))  # fmt: skip


@rate_limited("trace")
@require_http_methods(["GET", "HEAD", "OPTIONS"])
def path_not_found(request, *args, **kwargs):
    """Anything else under ``/t/``: the friendly 404, never Wagtail's."""
    if request.method == "OPTIONS":
        return _finish(_options())
    return _finish(not_found(request))


@rate_limited("trace")
@require_http_methods(["GET", "HEAD", "OPTIONS"])
def malformed(request, *args, **kwargs):
    """``/01`` without a valid GTIN path: not a GS1 Digital Link URI (400)."""
    if request.method == "OPTIONS":
        return _finish(_options())
    return _finish(not_found(request, status=400, reason="malformed"))


@require_http_methods(["GET", "HEAD", "OPTIONS"])
def resolver_description_view(request):
    """``/.well-known/gs1resolver``: what this resolver supports, with a working example."""
    if request.method == "OPTIONS":
        return _finish(_options())
    example = selectors.example_batch()
    data = resolver_description(example=batch_uri(example) if example else "")
    return _finish(_json(data, "application/json"))
