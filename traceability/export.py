"""A lot's events for the national traceability portal: the EPCIS 2.0 document (JSON-LD)
and the same events as CSV, one row per event, as ``traceability.epcis`` maps them.

CSV columns (UTF-8, comma-separated, a header row first):

| column | meaning |
| --- | --- |
| ``event_id`` | EPCIS ``eventID``: ``ni:///sha-256;<the event's chain hash>`` |
| ``event_type`` | ``ObjectEvent`` |
| ``action`` | ``ADD`` (the harvest that commissions the lot) or ``OBSERVE`` |
| ``biz_step`` | CBV business step (``commissioning``, ``packing``…) or the site's extension URI |
| ``disposition`` | CBV disposition (``active``, ``in_progress``, ``in_transit``) |
| ``event_time``, ``event_time_zone_offset``, ``record_time`` | ISO 8601, Vietnam time |
| ``epc_class``, ``quantity`` | the lot's GS1 Digital Link URI and its size |
| ``gtin``, ``lot`` | the product's GTIN (14 digits; empty without one) and the lot code |
| ``read_point``, ``biz_location`` | SGLN (``urn:epc:id:sgln:…``), else the cooperative's page |
| ``sequence``, ``kind`` | the event's place in the lot's chain and the cooperative's event kind |
| ``place``, ``note``, ``inputs`` | as recorded (inputs as ``name: dose; …``) |
| ``document_sha256`` | SHA-256 of the attached document (lab result…), if any |
| ``corrects`` | the ``event_id`` this event corrects, if it is a correction |
| ``previous_hash``, ``hash`` | the hash chain (``traceability.chain``) |
"""

import io

from marketplace.spreadsheets import SafeCSVWriter
from traceability.epcis import epcis_document
from traceability.links import product_gtin14

COLUMNS = [
    "event_id", "event_type", "action", "biz_step", "disposition", "event_time",
    "event_time_zone_offset", "record_time", "epc_class", "quantity", "gtin", "lot",
    "read_point", "biz_location", "sequence", "kind", "place", "note", "inputs",
    "document_sha256", "corrects", "previous_hash", "hash",
]  # fmt: skip


def epcis_csv_rows(batch, *, document=None):
    """Return the CSV rows (dicts keyed by ``COLUMNS``) of ``batch``'s events."""
    document = document or epcis_document(batch)
    gtin = product_gtin14(batch.product) or ""
    rows = []
    for event in document["epcisBody"]["eventList"]:
        (quantity,) = event["quantityList"]
        rows.append({
            "event_id": event["eventID"],
            "event_type": event["type"],
            "action": event["action"],
            "biz_step": event["bizStep"],
            "disposition": event.get("disposition", ""),
            "event_time": event["eventTime"],
            "event_time_zone_offset": event["eventTimeZoneOffset"],
            "record_time": event["recordTime"],
            "epc_class": quantity["epcClass"],
            "quantity": quantity["quantity"],
            "gtin": gtin,
            "lot": batch.lot_code,
            "read_point": event.get("readPoint", {}).get("id", ""),
            "biz_location": event.get("bizLocation", {}).get("id", ""),
            "sequence": event["ocop:sequence"],
            "kind": event["ocop:kind"],
            "place": event.get("ocop:place", ""),
            "note": event.get("ocop:note", ""),
            "inputs": "; ".join(
                f"{item.get('name', '')}: {item.get('dose', '')}".rstrip(": ")
                for item in event.get("ocop:inputs", [])
            ),
            "document_sha256": event.get("ocop:documentSha256", ""),
            "corrects": event.get("ocop:corrects", ""),
            "previous_hash": event["ocop:previousHash"],
            "hash": event["ocop:hash"],
        })  # fmt: skip
    return rows


def epcis_csv(batch):
    """Return ``batch``'s events as CSV text (formula-like cells defused)."""
    buffer = io.StringIO()
    writer = SafeCSVWriter(open_file=buffer)
    writer.writerow(COLUMNS)
    for row in epcis_csv_rows(batch):
        writer.writerow([row[column] for column in COLUMNS])
    return buffer.getvalue()


def export_filename(batch, extension):
    """Return ``epcis-<gtin or short code>-<lot>.<extension>`` in plain ASCII."""
    ident = product_gtin14(batch.product) or batch.short_code
    lot = "".join(c if c.isalnum() or c in "-." else "-" for c in batch.lot_code)
    return f"epcis-{ident}-{lot}.{extension}"
