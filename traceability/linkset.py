"""The resolver's RFC 9264 linkset for a batch, and the resolver description file.

GS1 Digital Link: ``?linkType=all`` or ``Accept: application/linkset+json`` returns every
link the resolver knows for the identifier, keyed by GS1 link type URIs. A lot's links
override the product's: a recalled lot adds its recall notice.
"""

from django.utils.translation import gettext as _

from marketplace.links import absolute_url
from traceability.links import batch_uri

GS1_VOC = "https://gs1.org/voc/"
LINKSET_CONTENT_TYPE = "application/linkset+json"
EPCIS_CONTENT_TYPE = "application/ld+json"
RECALL_ANCHOR = "thu-hoi"


def link_type_uri(name):
    """Return the full URI of a GS1 link type given as ``gs1:pip``, ``pip`` or the URI."""
    name = (name or "").strip()
    if name.startswith(GS1_VOC):
        return name
    return GS1_VOC + name.removeprefix("gs1:")


def batch_links(batch):
    """Return ``{link type URI: [link, ...]}`` for ``batch`` (links are RFC 9264 targets)."""
    product = batch.product
    page = batch_uri(batch)
    title = f"{product.title} – {_('lô')} {batch.lot_code}"
    html = {"type": "text/html", "hreflang": ["vi", "en"]}
    links = {
        "defaultLink": [{"href": page, "title": title, **html}],
        "traceability": [{"href": page, "title": title, **html}],
        "pip": [{"href": absolute_url(product.get_absolute_url()), "title": product.title, **html}],
        "epcis": [
            {
                "href": f"{page}?linkType=gs1:epcis",
                "title": _("Sự kiện truy xuất (EPCIS 2.0)"),
                "type": EPCIS_CONTENT_TYPE,
            }
        ],
    }
    certificates = []
    for certificate in getattr(product, "valid_certificates", ()):
        link = {"title": str(certificate), **html}
        if certificate.document:
            link = {"title": str(certificate), "href": absolute_url(certificate.document.url)}
        else:
            link["href"] = f"{page}#chung-nhan"
        certificates.append(link)
    if certificates:
        links["certificationInfo"] = certificates
    if batch.status == batch.Status.RECALLED:
        links["recallStatus"] = [
            {"href": f"{page}#{RECALL_ANCHOR}", "title": _("Thông báo thu hồi lô hàng"), **html}
        ]
    return {GS1_VOC + name: targets for name, targets in links.items()}


def batch_linkset(batch):
    """Return the RFC 9264 JSON linkset document for ``batch``."""
    return {"linkset": [{"anchor": batch_uri(batch), **batch_links(batch)}]}


def resolver_description():
    """Return the GS1 resolver description served at ``/.well-known/gs1resolver``."""
    return {
        "name": "Chợ OCOP – GS1 Digital Link resolver",
        "resolverRoot": absolute_url(""),
        "supportedPrimaryKeys": ["gtin"],
        "supportedLinkType": [{"namespace": GS1_VOC, "prefix": "gs1:"}],
        "linkTypeDefaultCanBeLinkset": False,
        "linkTypes": sorted(
            ["defaultLink", "traceability", "pip", "epcis", "certificationInfo", "recallStatus"]
        ),
        "keyQualifiers": {"gtin": ["lot"]},
        "shortUrlPattern": absolute_url("/t/{code}"),
        "contentNegotiation": {
            "text/html": _("Trang truy xuất nguồn gốc của lô"),
            LINKSET_CONTENT_TYPE: "?linkType=all",
            EPCIS_CONTENT_TYPE: "?linkType=gs1:epcis",
        },
        "example": absolute_url("/01/08934567890120/10/CM-2026-11"),
    }
