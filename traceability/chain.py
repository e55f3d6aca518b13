"""The hash chain over a batch's events: what is hashed, and how a chain is checked."""

import datetime
import hashlib
import json

GENESIS = "0" * 64


def event_payload(event, *, photo_sha256s, corrects_hash):
    """Return the canonical bytes hashed for ``event``: sorted keys, UTC time, UTF-8."""
    return json.dumps(
        {
            "batch": f"{event.batch.product_id}/{event.batch.lot_code}",
            "sequence": event.sequence,
            "kind": event.kind,
            "occurred_at": event.occurred_at.astimezone(datetime.UTC).isoformat(),
            "place": event.place,
            "note": event.note,
            "inputs": event.inputs,
            "document_sha256": event.document_sha256,
            "photos": sorted(photo_sha256s),
            "corrects": corrects_hash,
            "recorded_by": event.recorded_by_name,
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    ).encode("utf-8")


def link_hash(*, previous_hash, payload):
    """Return the hash of one link: SHA-256 over the previous hash and the payload."""
    return hashlib.sha256(previous_hash.encode("ascii") + payload).hexdigest()


def chain_verifies(events):
    """Return True when every event's stored hash matches its content and its predecessor.

    ``events`` are one batch's events in sequence order, with ``photos`` and ``corrects``
    loaded (the caller prefetches them).
    """
    previous = GENESIS
    for expected_sequence, event in enumerate(events, start=1):
        if event.sequence != expected_sequence or event.previous_hash != previous:
            return False
        payload = event_payload(
            event,
            photo_sha256s=[photo.sha256 for photo in event.photos.all()],
            corrects_hash=event.corrects.hash if event.corrects_id else "",
        )
        if link_hash(previous_hash=previous, payload=payload) != event.hash:
            return False
        previous = event.hash
    return True
