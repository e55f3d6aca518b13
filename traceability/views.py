"""The GS1 Digital Link resolver and the public traceability page a QR code opens."""

import functools

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.html import escape
from django.views.decorators.http import require_safe

from marketplace.throttling import client_ip, rate_limited
from traceability import page_cache, selectors
from traceability.chain import chain_verifies
from traceability.counterfeit import BURST_MINUTES, scan_flags
from traceability.epcis import epcis_document
from traceability.links import batch_uri, product_gtin14
from traceability.linkset import (
    EPCIS_CONTENT_TYPE,
    LINKSET_CONTENT_TYPE,
    batch_links,
    batch_linkset,
    link_type_uri,
    resolver_description,
)
from traceability.scans import is_bot, scan_record, writes_through

# What a client may ask for with its Accept header, the browser's page first.
OFFERED_TYPES = ["text/html", LINKSET_CONTENT_TYPE, EPCIS_CONTENT_TYPE, "application/json"]


def not_found(request):
    """Render the traceability 404: in Vietnamese, with what to try instead."""
    return render(request, "traceability/not_found.html", status=404)


def _json(data, content_type):
    response = JsonResponse(data, content_type=content_type, json_dumps_params={
        "ensure_ascii": False})  # fmt: skip
    response["Access-Control-Allow-Origin"] = "*"  # GS1 resolvers answer cross-origin
    return response


def _respond(request, batch):
    """Answer for ``batch`` in the form the client asked for (linkType, then Accept)."""
    if batch is None:
        return not_found(request)
    link_type = request.GET.get("linkType", "")
    wanted = _preferred_type(request.headers.get("Accept", ""))
    if link_type == "all" or (not link_type and wanted in (LINKSET_CONTENT_TYPE,
                                                           "application/json")):  # fmt: skip
        response = _json(batch_linkset(batch), LINKSET_CONTENT_TYPE)
    elif link_type_uri(link_type) == link_type_uri("epcis") or (
        not link_type and wanted == EPCIS_CONTENT_TYPE
    ):
        response = _json(epcis_document(batch), EPCIS_CONTENT_TYPE)
    elif link_type and link_type_uri(link_type) in (links := batch_links(batch)):
        target = links[link_type_uri(link_type)][0]["href"]
        if target.split("#")[0] == batch_uri(batch):
            response = _page(request, batch)
        else:
            response = HttpResponseRedirect(target)
            response.status_code = 307
    else:
        # No link type, an unknown one, or one without links: the default link, the page.
        response = _page(request, batch)
    patch_vary_headers(response, ["Accept"])
    return response


def _wants_page(request):
    """Return True when ``_respond`` would answer with the HTML page (no link type)."""
    if request.GET.get("linkType", ""):
        return False
    return _preferred_type(request.headers.get("Accept", "")) == "text/html"


@functools.lru_cache(maxsize=256)
def _preferred_type(accept):
    """``request.get_preferred_type(OFFERED_TYPES)`` for an Accept header, remembered.

    Parsing a browser's Accept header costs about as much as the rest of a cached page;
    phones send a handful of different ones.
    """
    request = HttpRequest()
    if accept:
        request.META["HTTP_ACCEPT"] = accept
    return request.get_preferred_type(OFFERED_TYPES) or "text/html"


def _resolve(request, route, find):
    """Answer a resolver path: from the page cache when the HTML page is wanted.

    ``route`` is the path's cache route (None when the input is invalid or the cache is
    off); ``find`` reads the batch from the database. Only the HTML page is cached: the
    linkset, the EPCIS document and the link-type redirects are built on each request.
    """
    if route is None or not _wants_page(request) or _scan_written_now(request):
        return _respond(request, find())
    cached = page_cache.lookup(route)
    if cached.html is not None:
        _scan(request, cached.batch_pk)
        return _page_response(request, cached.html)
    batch = find()
    if batch is None:
        page_cache.forget(route)
        return not_found(request)
    html, timeout = _page_html(batch)
    page_cache.store(route, cached, batch, html, timeout=timeout)
    _scan(request, batch.pk)
    return _page_response(request, html)


def _scan_written_now(request):
    # With ANALYTICS_FLUSH_SECONDS=0 a person's scan is written at once and changes the
    # page it opens (its count): that page is built from the database, never the cache.
    return (
        request.method == "GET"
        and writes_through()
        and not is_bot(request.headers.get("User-Agent", ""))
    )


def _scan(request, batch_pk):
    """Count a person's scan (GET only; bots never count). Return what scan_record did."""
    if request.method != "GET":
        return ""
    return scan_record(
        batch_pk=batch_pk,
        user_agent=request.headers.get("User-Agent", ""),
        address=client_ip(request),
    )


def _page(request, batch):
    """The HTML page of ``batch``, built from the database (counting the scan)."""
    if _scan(request, batch.pk) == "written":
        # The page shows the scan it was opened by when it is written at once (whether
        # that scan is a new client only the database knows).
        selectors.batch_scan_counts_refresh(batch)
    html, _timeout = _page_html(batch)
    return _page_response(request, html)


def _page_response(request, html):
    """Fill the visitor's parts into a page built by ``_page_html``; vary on Accept."""
    html = html.replace(page_cache.CSRF_MARK, get_token(request), 1).replace(
        page_cache.NEXT_MARK, escape(request.get_full_path()), 1
    )
    response = HttpResponse(html)
    patch_vary_headers(response, ["Accept"])
    return response


def _page_html(batch):
    """Render ``batch``'s page for everyone (no request: marks for the per-visitor parts).

    Return the HTML and how long it may be cached: a burst caution only while it holds.
    """
    events = list(batch.events.all())
    product = batch.product
    certificates = product.valid_certificates
    ocop = next((c for c in certificates if c.kind == c.Kind.OCOP), None)
    cooperative = product.cooperative
    images = list(product.images.all())
    overall, recent = selectors.batch_scan_counts(batch)
    flags = scan_flags(batch=batch, overall=overall, windows=[recent])
    html = render_to_string(
        "traceability/batch_page.html",
        {
            "batch": batch,
            "product": product,
            "cooperative": cooperative,
            "image": images[0] if images else None,
            "events": events,
            "lab_events": [e for e in events if e.kind == e.Kind.INSPECTION],
            "chain_ok": chain_verifies(events),
            "certificates": certificates,
            "ocop": ocop,
            "gtin": product_gtin14(product),
            "page_uri": batch_uri(batch),
            "scan_flags": flags,
            # No "buy" button under a recall banner, nor for a cooperative not (yet) selling.
            "on_sale": batch.status == batch.Status.PUBLISHED
            and cooperative is not None
            and cooperative.is_approved,
            "csrf_mark": page_cache.CSRF_MARK,
            "next_mark": page_cache.NEXT_MARK,
        },
    )
    return html, (BURST_MINUTES * 60 if flags.burst else None)


@rate_limited("trace")
@require_safe
def batch_by_digital_link(request, gtin, lot):
    """``/01/<GTIN-14>/10/<lot>``: one lot of a product."""
    return _resolve(
        request,
        page_cache.lot_route(gtin=gtin, lot=lot),
        lambda: selectors.batch_for_digital_link(gtin=gtin, lot=lot),
    )


@rate_limited("trace")
@require_safe
def product_by_digital_link(request, gtin):
    """``/01/<GTIN-14>``: the product's latest published lot."""
    return _resolve(
        request,
        page_cache.latest_route(gtin=gtin),
        lambda: selectors.latest_batch_for_gtin(gtin=gtin),
    )


@rate_limited("trace")
@require_safe
def batch_by_short_code(request, code):
    """``/t/<code>``: a lot of a product without a GTIN (the site's own short URL)."""
    return _resolve(
        request,
        page_cache.short_route(code=code),
        lambda: selectors.batch_for_short_code(code=code),
    )


@rate_limited("trace")
@require_safe
def path_not_found(request, *args, **kwargs):
    """Anything else under ``/01/`` or ``/t/``: the friendly 404, never Wagtail's."""
    return not_found(request)


@require_safe
def resolver_description_view(request):
    """``/.well-known/gs1resolver``: what this resolver supports."""
    return _json(resolver_description(), "application/json")
