"""The hash chain anchored outside the database: a signed root per cooperative and day.

Every lot's events are chained (``traceability.chain``), but a chain kept only in the
database could be rewritten whole by whoever controls it. So each night a beat task
(``chain_roots_publish``) publishes, for each cooperative with public lots, a JSON file
at a stable address, ``/trace/roots/<cooperative>/<YYYY-MM-DD>.json``, kept for good:

    {"payload": {...}, "signature": {"alg": "Ed25519", "keyId": "…", "value": "<base64url>"}}

The payload lists every public lot of the cooperative with the hashes of its events
recorded before the end of that day (Vietnam time), ``root`` — the SHA-256 of the
canonical JSON of ``{"lots": …, "previousRoot": …}`` — and the cooperative's previous
root, so that the days form a chain of their own. The signature is Ed25519 over the
canonical JSON of the payload (keys sorted, no spaces, UTF-8: ``canonical``) with
``TRACE_SIGNING_KEY``; its public key is at ``/trace/chain-key.pem``. Anyone can check a
file with that key, and check that the events a lot's EPCIS document shows (``eventID``
is ``ni:///sha-256;<hash>``) are the ones published.

``lot_verify`` recomputes a lot's hashes from the events' content and compares them with
every published root that lists the lot: a changed, removed or re-chained event shows
as the first sequence number whose hash differs (``manage.py verify_chain``).
"""

import base64
import datetime
import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.links import absolute_url
from traceability.chain import GENESIS, event_payload, link_hash
from traceability.links import batch_uri
from traceability.models import Batch, ChainRoot, TraceEvent

Cooperative = get_model("partner", "Cooperative")
VERSION = 1
ALGORITHM = "Ed25519"


def canonical(data):
    """Return the bytes that are hashed and signed: JSON, keys sorted, no spaces, UTF-8."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _b64url(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@lru_cache(maxsize=4)
def _private_key(encoded):
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(encoded))


def private_key():
    """Return the signing key of ``TRACE_SIGNING_KEY``."""
    return _private_key(settings.TRACE_SIGNING_KEY)


def public_key_raw(key=None):
    """Return the 32 raw bytes of a public key (default: the signing key's)."""
    key = key or private_key().public_key()
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_key_pem():
    """Return the signing key's public key as PEM (SubjectPublicKeyInfo), for outsiders."""
    return (
        private_key()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )


def key_id(raw=None):
    """Return the id of a public key: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(raw or public_key_raw()).hexdigest()[:16]


def new_signing_key():
    """Return a new private key as ``TRACE_SIGNING_KEY`` takes it (base64 of 32 bytes)."""
    raw = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return base64.b64encode(raw).decode("ascii")


def lots_root(*, lots, previous_root):
    """Return the root of a day: SHA-256 over its lots and the previous root."""
    return hashlib.sha256(canonical({"lots": lots, "previousRoot": previous_root})).hexdigest()


def day_end(day):
    """Return the first moment after ``day`` in the site's time zone (Vietnam)."""
    return timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1),
                                                         datetime.time.min))  # fmt: skip


def _cooperative_lots(cooperative, *, before):
    lots = (
        Batch.objects.filter(
            product__cooperative=cooperative,
            status__in=(Batch.Status.PUBLISHED, Batch.Status.RECALLED),
        )
        .select_related("product")
        .order_by("short_code")
    )
    hashes = {}
    for batch_id, event_hash in (
        TraceEvent.objects.filter(batch__in=lots, created_at__lt=before)
        .order_by("batch_id", "sequence")
        .values_list("batch_id", "hash")
    ):
        hashes.setdefault(batch_id, []).append(event_hash)
    return [
        {"shortCode": batch.short_code, "lot": batch.lot_code, "uri": batch_uri(batch),
         "events": hashes[batch.pk]}
        for batch in lots
        if batch.pk in hashes
    ]  # fmt: skip


def root_document(*, cooperative, day, previous_root):
    """Return the signed document of ``cooperative``'s root for ``day`` (a dict), or None
    when it has no public lot with events by then."""
    lots = _cooperative_lots(cooperative, before=day_end(day))
    if not lots:
        return None
    payload = {
        "type": "OcopChainRoot",
        "version": VERSION,
        "issuer": absolute_url(""),
        "cooperative": {
            "slug": cooperative.slug,
            "name": cooperative.name,
            "gln": cooperative.gln or None,
        },  # fmt: skip
        "day": day.isoformat(),
        "eventsRecordedBefore": day_end(day).isoformat(),
        "lots": lots,
        "previousRoot": previous_root,
        "root": lots_root(lots=lots, previous_root=previous_root),
    }
    signature = private_key().sign(canonical(payload))
    return {
        "payload": payload,
        "signature": {"alg": ALGORITHM, "keyId": key_id(), "value": _b64url(signature)},
        "publicKey": absolute_url(reverse("traceability:chain-key")),
    }


def chain_root_publish(*, cooperative, day):
    """Publish ``cooperative``'s root for ``day`` once; return the ChainRoot or None.

    Idempotent: a day already published is kept as it was (a retried or repeated task
    publishes nothing twice).
    """
    existing = ChainRoot.objects.filter(cooperative=cooperative, day=day).first()
    if existing is not None:
        return existing
    previous = (
        ChainRoot.objects.filter(cooperative=cooperative, day__lt=day).order_by("-day").first()
    )
    document = root_document(
        cooperative=cooperative, day=day, previous_root=previous.root if previous else None
    )
    if document is None:
        return None
    try:
        with transaction.atomic():
            return ChainRoot.objects.create(
                cooperative=cooperative, day=day, root=document["payload"]["root"],
                document=canonical(document).decode(),
            )  # fmt: skip
    except IntegrityError:  # another worker published it first
        return ChainRoot.objects.get(cooperative=cooperative, day=day)


def chain_roots_publish(*, day=None):
    """Publish the roots of ``day`` (default: yesterday, Vietnam time) of every cooperative
    with public lots; return how many were published."""
    day = day or timezone.localdate() - datetime.timedelta(days=1)
    cooperatives = Cooperative.objects.filter(
        products__batches__status__in=(Batch.Status.PUBLISHED, Batch.Status.RECALLED)
    ).distinct()
    published = 0
    for cooperative in cooperatives.select_related("partner").order_by("pk"):
        before = ChainRoot.objects.filter(cooperative=cooperative, day=day).exists()
        if chain_root_publish(cooperative=cooperative, day=day) is not None and not before:
            published += 1
    return published


def signature_problem(document, *, public_key_bytes=None):
    """Return why a published document does not verify, or "" when it does.

    Checks the Ed25519 signature over the canonical payload with ``public_key_bytes``
    (default: the site's key) and the root recomputed from the payload's lots.
    """
    try:
        payload, signature = document["payload"], document["signature"]
        value = _b64url_decode(signature["value"])
    except (KeyError, TypeError, ValueError):
        return "not a chain root document"
    key = Ed25519PublicKey.from_public_bytes(public_key_bytes or public_key_raw())
    try:
        key.verify(value, canonical(payload))
    except InvalidSignature:
        return "the signature does not match the payload and the public key"
    if payload.get("root") != lots_root(
        lots=payload["lots"], previous_root=payload["previousRoot"]
    ):
        return "the root does not match the lots it lists"
    return ""


def recomputed_hashes(batch):
    """Return the hashes of ``batch``'s events computed anew from their content, in order.

    The stored ``hash`` and ``previous_hash`` columns are not trusted: each link is
    computed from the one before it, so an event changed in place, or the chain rewritten
    after it, gives other hashes from that event on.
    """
    events = batch.events.select_related("batch", "corrects").prefetch_related("photos")
    previous, hashes = GENESIS, []
    for event in events.order_by("sequence"):
        payload = event_payload(
            event,
            photo_sha256s=[photo.sha256 for photo in event.photos.all()],
            corrects_hash=event.corrects.hash if event.corrects_id else "",
        )
        previous = link_hash(previous_hash=previous, payload=payload)
        hashes.append((event, previous))
    return hashes


@dataclass
class LotCheck:
    """What ``lot_verify`` found for one lot."""

    batch: object
    roots: list = field(default_factory=list)  # days checked
    problems: list = field(default_factory=list)  # sentences

    @property
    def ok(self):
        return bool(self.roots) and not self.problems


def lot_verify(batch, documents, *, public_key_bytes=None):
    """Check ``batch``'s events against published root ``documents`` (dicts, any order)."""
    check = LotCheck(batch)
    current = recomputed_hashes(batch)
    previous_root, reported = None, set()
    for document in sorted(documents, key=lambda d: d.get("payload", {}).get("day", "")):
        problem = signature_problem(document, public_key_bytes=public_key_bytes)
        day = document.get("payload", {}).get("day", "?")
        if problem:
            check.problems.append(f"root of {day}: {problem}")
            continue
        payload = document["payload"]
        if previous_root is not None and payload["previousRoot"] != previous_root:
            check.problems.append(f"root of {day}: does not follow the previous published root")
        previous_root = payload["root"]
        entry = next((lot for lot in payload["lots"] if lot["shortCode"] == batch.short_code), None)
        if entry is None:
            continue
        check.roots.append(day)
        for sequence, published in enumerate(entry["events"], start=1):
            if sequence > len(current):
                check.problems.append(
                    f"event #{sequence} published in the root of {day} is missing now"
                )
                break
            event, now = current[sequence - 1]
            if now != published:
                if sequence in reported:  # told already, from an earlier day's root
                    break
                reported.add(sequence)
                check.problems.append(
                    f"event #{sequence} ({event.kind}, {event.occurred_at:%Y-%m-%d %H:%M}) "
                    f"was changed: the root of {day} published {published[:16]}…, its "
                    f"content now hashes to {now[:16]}…"
                )
                break
    return check
