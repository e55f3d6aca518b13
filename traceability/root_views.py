"""The published chain roots and their public key, at stable addresses kept for good.

- ``/trace/chain-key.pem``: the Ed25519 public key that verifies every root (PEM);
- ``/trace/roots/<cooperative>/``: the cooperative's published days, with their roots;
- ``/trace/roots/<cooperative>/<YYYY-MM-DD>.json``: one day's signed root, exactly as
  it was published (``traceability.anchoring``).
"""

import datetime

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from oscar.core.loading import get_model

from marketplace.links import absolute_url
from marketplace.throttling import rate_limited
from traceability import anchoring
from traceability.models import ChainRoot

Cooperative = get_model("partner", "Cooperative")


def _public(response, *, max_age):
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=max_age)
    return response


@require_safe
def chain_key(request):
    """The public key that verifies the published roots (PEM, SubjectPublicKeyInfo)."""
    response = HttpResponse(anchoring.public_key_pem(), content_type="application/x-pem-file")
    response["X-Key-Id"] = anchoring.key_id()
    return _public(response, max_age=3600)


@rate_limited("trace")
@require_safe
def cooperative_roots(request, slug):
    """The days a cooperative's root was published, newest last."""
    cooperative = get_object_or_404(Cooperative, slug=slug)
    roots = ChainRoot.objects.filter(cooperative=cooperative).order_by("day")
    return _public(
        JsonResponse(
            {
                "cooperative": cooperative.slug,
                "publicKey": absolute_url(reverse("traceability:chain-key")),
                "keyId": anchoring.key_id(),
                "roots": [
                    {
                        "day": root.day.isoformat(),
                        "root": root.root,
                        "url": absolute_url(
                            reverse(
                                "traceability:chain-root",
                                args=[cooperative.slug, root.day.isoformat()],
                            )
                        ),
                    }
                    for root in roots.only("day", "root")
                ],  # fmt: skip
            }
        ),
        max_age=300,
    )


@rate_limited("trace")
@require_safe
def chain_root(request, slug, day):
    """One day's signed root, byte for byte as published (never changes)."""
    try:
        day = datetime.date.fromisoformat(day)
    except ValueError as error:
        raise Http404 from error
    root = get_object_or_404(ChainRoot, cooperative__slug=slug, day=day)
    response = HttpResponse(root.document, content_type="application/json; charset=utf-8")
    return _public(response, max_age=60 * 60 * 24 * 365)
