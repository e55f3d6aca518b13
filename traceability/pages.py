"""The public traceability page a person's phone opens: built once, served from the cache.

``page_serve`` answers a request that wants the HTML page of a lot: from the page cache
when it can (no SQL), else from the database, counting the person's scan either way.
"""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.html import escape

from marketplace.sms import sms_enabled
from marketplace.throttling import client_ip
from traceability import page_cache, selectors
from traceability.chain import chain_verifies
from traceability.counterfeit import BURST_MINUTES, scan_flags
from traceability.links import batch_uri, product_gtin14
from traceability.linkset import lot_epcis_url
from traceability.scans import is_bot, scan_record, writes_through


def not_found(request, *, status=404, reason="lot"):
    """Render the resolver's friendly error page (404, or 400 for a malformed address)."""
    return render(request, "traceability/not_found.html", {"reason": reason}, status=status)


def page_serve(request, route, find):
    """Return the HTML page response of the lot ``find()`` reads, or None when there is none.

    ``route`` is the path's cache route (None when the cache is off). Only the page is
    cached; a miss whose route is known stores it for the next scan.
    """
    if route is None or _scan_written_now(request):
        batch = find()
        return None if batch is None else page_response(request, batch)
    cached = page_cache.lookup(route)
    if cached.html is not None:
        _scan(request, cached.batch_pk)
        return _filled(request, cached.html)
    batch = find()
    if batch is None:
        page_cache.forget(route)
        return None
    html, timeout = page_html(batch)
    page_cache.store(route, cached, batch, html, timeout=timeout)
    _scan(request, batch.pk)
    return _filled(request, html)


def page_response(request, batch):
    """The HTML page of ``batch``, built from the database (counting the scan)."""
    if _scan(request, batch.pk) == "written":
        # The page shows the scan it was opened by when it is written at once (whether
        # that scan is a new client only the database knows).
        selectors.batch_scan_counts_refresh(batch)
    html, _timeout = page_html(batch)
    return _filled(request, html)


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


def _filled(request, html):
    """Fill the visitor's parts into a page built by ``page_html``."""
    token = get_token(request)
    html = html.replace(page_cache.CSRF_MARK, token).replace(
        page_cache.NEXT_MARK, escape(request.get_full_path()), 1
    )
    return HttpResponse(html)


def page_html(batch):
    """Render ``batch``'s page for everyone (no request: marks for the per-visitor parts).

    Return the HTML and how long it may be cached: a burst caution only while it holds.
    """
    events = list(batch.events.all())
    product = batch.product
    certificates, revoked_certificates = selectors.certificates_split(product)
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
            "revoked_certificates": revoked_certificates,
            "ocop": ocop,
            "gtin": product_gtin14(product),
            "page_uri": batch_uri(batch),
            "epcis_uri": lot_epcis_url(batch),
            "scan_flags": flags,
            # No "buy" button under a recall banner, nor for a cooperative not (yet) selling.
            "on_sale": batch.status == batch.Status.PUBLISHED
            and cooperative is not None
            and cooperative.is_approved,
            "csrf_mark": page_cache.CSRF_MARK,
            "sms": sms_enabled(),
            "next_mark": page_cache.NEXT_MARK,
        },
    )
    return html, (BURST_MINUTES * 60 if flags.burst else None)
