"""The resolver's links: for a lot and for its product (GTIN), as an RFC 9264 linkset.

GS1-Conformant Resolver 1.2: each identified item (a lot ``/01/<GTIN>/10/<lot>``, a
product ``/01/<GTIN>``) has links keyed by GS1 Web Vocabulary link types
(``https://ref.gs1.org/voc/…``), exactly one of them ``defaultLink``, which carries only
``href`` and ``title``. A linkset lists the requested item and every level above it (a
lot's linkset also has its product), each with an ``itemDescription``; a lot's links win
over its product's links of the same type. A recalled lot adds ``recallStatus``.

Where a link leads: a lot's page is the site's short address ``/t/<code>`` (the same page
a browser gets at the GS1 URI itself), its EPCIS events ``/t/<code>/epcis.jsonld``; a
product's page (``pip``) is its shop page. Titles are in the request's language.
"""

import mimetypes
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _

from marketplace.links import absolute_url
from traceability.links import batch_uri
from traceability.selectors import certificates_split

GS1_VOC = "https://ref.gs1.org/voc/"
# Older spellings of the GS1 Web Vocabulary namespace still found on labels and in apps.
OLD_GS1_VOCS = ("https://gs1.org/voc/", "http://gs1.org/voc/", "https://www.gs1.org/voc/",
                "http://www.gs1.org/voc/", "http://ref.gs1.org/voc/")  # fmt: skip
LINKSET_CONTENT_TYPE = "application/linkset+json"
EPCIS_CONTENT_TYPE = "application/ld+json"
# GS1's JSON-LD context that turns a resolver's linkset into linked data.
LINKSET_CONTEXT = "https://ref.gs1.org/standards/resolver/linkset-context"
RECALL_ANCHOR = "thu-hoi"
LANGUAGES = ["vi", "en"]
# linkType values that ask for the linkset itself ("all" is the pre-2024 spelling).
LINKSET_REQUESTS = ("linkset", "all", "gs1:linkset", GS1_VOC + "linkset")


def link_type_uri(name):
    """Return the GS1 link type URI of ``gs1:pip``, ``pip`` or any spelling of the URI.

    Return None for a value that names no GS1 link type (another namespace, junk).
    """
    name = (name or "").strip()
    for namespace in (GS1_VOC, *OLD_GS1_VOCS):
        if name.startswith(namespace):
            name = name.removeprefix(namespace)
            break
    else:
        name = name.removeprefix("gs1:")
    if not name.isascii() or not name.isalpha():
        return None
    return GS1_VOC + name


@dataclass
class Level:
    """One identified item of a linkset: its URI, its description and its links."""

    anchor: str
    description: str
    links: dict = field(default_factory=dict)  # link type URI → [target, ...]

    def as_linkset_entry(self, links=None):
        return {"anchor": self.anchor, "itemDescription": self.description,
                **(self.links if links is None else links)}  # fmt: skip


def _typed(href, title, media_type="text/html", *, languages=True):
    target = {"href": href, "title": title, "type": media_type}
    if languages:
        target["hreflang"] = list(LANGUAGES)
    return target


def lot_page_url(batch):
    """Return the address of a lot's traceability page (the site's short one)."""
    return absolute_url(reverse("traceability:short", kwargs={"code": batch.short_code}))


def lot_epcis_url(batch):
    """Return the address of a lot's EPCIS 2.0 document."""
    return absolute_url(reverse("traceability:epcis", kwargs={"code": batch.short_code}))


def lot_level(batch):
    """Return the ``Level`` of a lot: its page, its EPCIS events, its recall notice."""
    page = lot_page_url(batch)
    title = _("%(product)s – lô %(lot)s") % {"product": batch.product.title, "lot": batch.lot_code}
    links = {
        "defaultLink": [{"href": page, "title": title}],
        "traceability": [_typed(page, _("Truy xuất nguồn gốc: %(lot)s") % {"lot": title})],
        "epcis": [
            _typed(
                lot_epcis_url(batch),
                _("Sự kiện truy xuất (EPCIS 2.0)"),
                EPCIS_CONTENT_TYPE,
                languages=False,
            )  # fmt: skip
        ],
    }
    if batch.status == batch.Status.RECALLED:
        links["recallStatus"] = [_typed(f"{page}#{RECALL_ANCHOR}", _("Thông báo thu hồi lô hàng"))]
    return Level(batch_uri(batch), title, {GS1_VOC + k: v for k, v in links.items()})


def product_level(product, *, gtin, latest_batch=None, on_sale=False):
    """Return the ``Level`` of a product's GTIN (``/01/<gtin>``), or None without a link.

    ``latest_batch`` is its latest published lot (the GTIN's traceability page),
    ``on_sale`` whether its shop page is public. Certificates are the valid ones of the
    prefetched ``trace_certificates`` (verified, in force, not revoked).
    """
    links = {}
    pip = absolute_url(product.get_absolute_url()) if on_sale else ""
    if pip:
        links["pip"] = [_typed(pip, product.title)]
    if latest_batch is not None:
        title = _("Truy xuất nguồn gốc: lô mới nhất %(lot)s") % {"lot": latest_batch.lot_code}
        links["traceability"] = [_typed(lot_page_url(latest_batch), title)]
    certificates = []
    for certificate in certificates_split(product)[0]:
        if certificate.document:
            media_type = mimetypes.guess_type(certificate.document.name)[0]
            target = {"href": absolute_url(certificate.document.url), "title": str(certificate)}
            if media_type:
                target["type"] = media_type
        elif pip:
            target = _typed(f"{pip}#certificates-heading", str(certificate))
        elif latest_batch is not None:
            target = _typed(f"{lot_page_url(latest_batch)}#chung-nhan", str(certificate))
        else:
            continue
        certificates.append(target)
    if certificates:
        links["certificationInfo"] = certificates
    default = links.get("pip") or links.get("traceability")
    if not default:
        return None
    links = {"defaultLink": [{"href": default[0]["href"], "title": default[0]["title"]}], **links}
    anchor = absolute_url(f"/01/{gtin}")
    return Level(anchor, product.title, {GS1_VOC + k: v for k, v in links.items()})


def linkset(levels):
    """Return the RFC 9264 JSON linkset of ``levels`` (the most granular first)."""
    return {"linkset": [level.as_linkset_entry() for level in levels]}


def merged_links(levels):
    """Return ``{link type URI: targets}``: each type from the most granular level having it."""
    merged = {}
    for level in levels:
        for link_type, targets in level.links.items():
            merged.setdefault(link_type, targets)
    return merged


def best_targets(targets, *, media_types=(), languages=(), context=""):
    """Return the targets of one link type that fit the request best.

    GS1: a resolver matches the request's ``context``, Accept and Accept-Language against
    the links' ``context``, ``type`` and ``hreflang``; each one only narrows the choice
    when some target fits it. More than one left means the client must choose (300).
    """
    pool = list(targets)
    narrowing = (
        (context, lambda t: context in (t.get("context") or [])),
        (media_types, lambda t: t.get("type") in media_types),
        (languages, lambda t: bool(set(t.get("hreflang") or []) & set(languages))),
    )
    for wanted, fits in narrowing:
        if wanted:
            fitting = [target for target in pool if fits(target)]
            pool = fitting or pool
    if len({target["href"] for target in pool}) == 1:
        return pool[:1]
    return pool


def resolver_description(*, example=""):
    """Return the GS1 resolver description served at ``/.well-known/gs1resolver``."""
    description = {
        "name": "Chợ OCOP – GS1 Digital Link resolver",
        "resolverRoot": absolute_url(""),
        "supportedPrimaryKeys": ["01"],
        "supportedLinkType": [{"namespace": GS1_VOC, "prefix": "gs1:"}],
        "linkTypeDefaultCanBeLinkset": False,
        "jsonLdContextLocation": LINKSET_CONTEXT,
        "contact": {"fn": "Chợ OCOP", "url": absolute_url("/")},
    }
    if example:
        description["example"] = example
    return description
