"""A batch's trace events as an EPCIS 2.0 ``EPCISDocument`` (JSON-LD).

Mapping of the cooperative's events to EPCIS (CBV 2.0 has no farming steps):

- every event is an ``ObjectEvent`` about the lot as a class: ``quantityList`` holds the
  lot's Digital Link URI (``https://<site>/01/<GTIN-14>/10/<lot>``, or the site's short URI
  for a product without a GTIN) as ``epcClass``;
- harvest → ``action: ADD``, ``bizStep: commissioning`` (the lot comes into being), with
  the lot master data in ``ilmd`` (lot number, harvest date, best-before date, origin);
- packing → ``packing``, inspection → ``inspecting``, shipping → ``shipping``
  (``in_transit``), receiving → ``receiving``;
- planting, care and processing → ``OBSERVE`` with an extension bizStep URI of the site's
  vocabulary (``https://<site>/voc/bizstep/planting`` …). Processing stays an ObjectEvent:
  input and output are the same lot, and the lot has no separate identifier for its raw
  material, so a TransformationEvent would name one class on both sides;
- a correction → ``OBSERVE`` with the extension bizStep ``…/correction``, and the event it
  corrects carries an ``errorDeclaration`` (``incorrect_data``) naming the correction.

Where: for a cooperative with a GLN, ``readPoint`` and ``bizLocation`` are SGLNs
(``urn:epc:id:sgln:<company prefix>.<location reference>.<extension>``): the batch's
growing area (its GLN extension, else the cooperative's location) for planting, care
and harvest; the cooperative's location ("0") otherwise. A shipping event has a
``readPoint`` and no ``bizLocation`` (the goods are in transit). Without a GLN both are
the cooperative's public profile URL.

``eventID`` is the event's link hash in the project's chain (``ni:///sha-256;<hex>``,
without ``?ver=CBV2.0``: it is not GS1's canonical event hash). Notes, inputs, photos,
the document digest and the chain's hashes travel as ``ocop:`` extension fields.
Times are local (+07:00), as the cooperative recorded them.
"""

import zoneinfo

from django.utils import timezone

from marketplace.links import absolute_url
from traceability.links import batch_uri
from traceability.linkset import lot_epcis_url

EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"
VIETNAM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
TIME_ZONE_OFFSET = "+07:00"

# kind → (action, bizStep, disposition); None bizStep means the site's extension URI.
EVENT_MAPPING = {
    "planting": ("OBSERVE", None, "active"),
    "care": ("OBSERVE", None, "active"),
    "harvest": ("ADD", "commissioning", "active"),
    "processing": ("OBSERVE", None, "in_progress"),
    "packing": ("OBSERVE", "packing", "in_progress"),
    "inspection": ("OBSERVE", "inspecting", "in_progress"),
    "shipping": ("OBSERVE", "shipping", "in_transit"),
    "receiving": ("OBSERVE", "receiving", "in_progress"),
    "correction": ("OBSERVE", None, None),
}


def vocabulary():
    """Return the namespace of the site's EPCIS extension terms (``ocop:``)."""
    return absolute_url("/voc/")


def event_id(event):
    return f"ni:///sha-256;{event.hash}"


def _local(moment):
    return moment.astimezone(VIETNAM).isoformat(timespec="seconds")


def _ilmd(batch, event):
    ilmd = {
        "cbvmda:lotNumber": batch.lot_code,
        "cbvmda:harvestStartDate": event.occurred_at.astimezone(VIETNAM).date().isoformat(),
        "cbvmda:countryOfOrigin": "VN",
    }
    if batch.best_before:
        ilmd["cbvmda:bestBeforeDate"] = batch.best_before.isoformat()
    if batch.farm_name:
        ilmd["ocop:farmName"] = batch.farm_name
    if batch.farm_location:
        ilmd["ocop:farmLocation"] = batch.farm_location
    if batch.farm_area_ha is not None:
        ilmd["ocop:farmAreaHectares"] = float(batch.farm_area_ha)
    return ilmd


# Field work happens at the growing area; everything else at the cooperative.
FIELD_KINDS = ("planting", "care", "harvest")


def event_locations(batch, event):
    """Return the event's (readPoint, bizLocation) ids; "" for none."""
    cooperative = batch.product.cooperative
    if cooperative is None:
        return "", ""
    if cooperative.gln:
        here = cooperative.sgln(
            batch.farm_gln_extension if event.kind in FIELD_KINDS and batch.farm_gln_extension
            else "0"
        )  # fmt: skip
    else:
        here = absolute_url(cooperative.get_absolute_url())
    return here, ("" if event.kind == "shipping" else here)


def epcis_event(batch, event, *, corrected_by=()):
    """Return one trace event as an EPCIS 2.0 ObjectEvent (a dict)."""
    action, biz_step, disposition = EVENT_MAPPING[event.kind]
    document = {
        "type": "ObjectEvent",
        "eventID": event_id(event),
        "eventTime": _local(event.occurred_at),
        "eventTimeZoneOffset": TIME_ZONE_OFFSET,
        "recordTime": _local(event.created_at),
        "action": action,
        "quantityList": [{"epcClass": batch_uri(batch), "quantity": batch.quantity}],
        "bizStep": biz_step or f"{vocabulary()}bizstep/{event.kind}",
    }
    if disposition:
        document["disposition"] = disposition
    read_point, biz_location = event_locations(batch, event)
    if read_point:
        document["readPoint"] = {"id": read_point}
    if biz_location:
        document["bizLocation"] = {"id": biz_location}
    if action == "ADD":
        document["ilmd"] = _ilmd(batch, event)
    if corrected_by:
        document["errorDeclaration"] = {
            "declarationTime": _local(min(fix.created_at for fix in corrected_by)),
            "reason": "incorrect_data",
            "correctiveEventIDs": [event_id(fix) for fix in corrected_by],
        }
    extensions = {
        "ocop:sequence": event.sequence,
        "ocop:kind": event.kind,
        "ocop:place": event.place,
        "ocop:note": event.note,
        "ocop:inputs": event.inputs,
        "ocop:photos": [absolute_url(photo.image.url) for photo in event.photos.all()],
        "ocop:documentSha256": event.document_sha256,
        "ocop:corrects": event_id(event.corrects) if event.corrects_id else "",
        "ocop:previousHash": event.previous_hash,
        "ocop:hash": event.hash,
    }
    document.update({key: value for key, value in extensions.items() if value not in ("", [])})
    return document


def epcis_document(batch, *, events=None):
    """Return the batch's events as an EPCIS 2.0 EPCISDocument (a JSON-serialisable dict).

    ``events`` default to the batch's prefetched events, in sequence order.
    """
    events = list(batch.events.all() if events is None else events)
    corrections = {}
    for event in events:
        if event.corrects_id:
            corrections.setdefault(event.corrects_id, []).append(event)
    return {
        "@context": [EPCIS_CONTEXT, {"ocop": vocabulary()}],
        "id": lot_epcis_url(batch),
        "type": "EPCISDocument",
        "schemaVersion": "2.0",
        "creationDate": _local(timezone.now()),
        "epcisBody": {
            "eventList": [
                epcis_event(batch, event, corrected_by=corrections.get(event.pk, ()))
                for event in events
            ]
        },
    }
