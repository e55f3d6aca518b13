import datetime
import hashlib

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace import access
from marketplace.jobs.services import enqueue
from traceability import allocation, recalls, tasks
from traceability.chain import GENESIS, event_payload, link_hash
from traceability.models import (
    EARLIEST_EVENT_YEAR,
    REASON_MAX_CHARS,
    Batch,
    TraceEvent,
    TraceEventPhoto,
)


def _locked_batch(batch, *, by):
    """Return the batch locked for this transaction, if ``by`` may change it."""
    batch = (
        Batch.objects.select_for_update(of=("self",))
        .select_related("product__cooperative")
        .get(pk=batch.pk)
    )
    if not _may_edit(by, batch):
        raise PermissionDenied
    return batch


def _may_edit(user, batch):
    return access.may_act_for(user, batch.product.cooperative)


@transaction.atomic
def batch_create(*, product, lot_code, quantity, produced_on, by, best_before=None,
                 farm_name="", farm_location="", farm_area_ha=None,
                 farm_gln_extension=""):  # fmt: skip
    """Create a draft batch of ``product``; only its cooperative (or staff) may."""
    batch = Batch(
        product=product,
        lot_code=lot_code.strip(),
        quantity=quantity,
        produced_on=produced_on,
        best_before=best_before,
        farm_name=farm_name,
        farm_location=farm_location,
        farm_area_ha=farm_area_ha,
        farm_gln_extension=farm_gln_extension,
    )
    if not _may_edit(by, batch):
        raise PermissionDenied
    batch.full_clean()
    batch.save()
    return batch


@transaction.atomic
def batch_create_with_event(*, by, event=None, **fields):
    """Create a draft batch (``batch_create``) and record its first event in the same
    transaction: a harvest in one step. ``event`` holds ``event_add``'s fields, or None."""
    batch = batch_create(by=by, **fields)
    if event is not None:
        event_add(batch=batch, by=by, **event)
    return batch


@transaction.atomic
def event_add(*, batch, kind, occurred_at, by, place="", note="", inputs=None,
              document=None, photos=(), corrects=None):  # fmt: skip
    """Append an event to the batch's chain. ``photos`` are (file, caption) pairs of
    already re-encoded images; ``corrects`` is an earlier event of the same batch."""
    batch = _locked_batch(batch, by=by)
    if batch.status == Batch.Status.RECALLED:
        raise ValidationError(_("Lô đã thu hồi, không ghi thêm sự kiện."), code="recalled")
    if corrects is not None and corrects.batch_id != batch.pk:
        raise ValidationError(_("Chỉ đính chính sự kiện của cùng lô."), code="corrects")
    if occurred_at > timezone.now() + datetime.timedelta(minutes=5):
        raise ValidationError(_("Thời điểm không được ở tương lai."), code="future")
    if occurred_at.year < EARLIEST_EVENT_YEAR:
        raise ValidationError(_("Thời điểm phải từ năm 2000 trở đi."), code="too_early")
    last = batch.events.order_by("-sequence").first()
    event = TraceEvent(
        batch=batch,
        sequence=(last.sequence + 1) if last else 1,
        kind=TraceEvent.Kind.CORRECTION if corrects is not None else kind,
        occurred_at=occurred_at,
        place=place,
        note=note,
        inputs=inputs or [],
        corrects=corrects,
        recorded_by=by,
        recorded_by_name=by.get_full_name() or by.email,
        previous_hash=last.hash if last else GENESIS,
    )
    if document is not None:
        content = document.read()
        document.seek(0)
        event.document = document
        event.document_sha256 = hashlib.sha256(content).hexdigest()
    photo_rows = []
    for image, caption in photos:
        content = image.read()
        image.seek(0)
        photo_rows.append((image, caption, hashlib.sha256(content).hexdigest()))
    event.hash = link_hash(
        previous_hash=event.previous_hash,
        payload=event_payload(
            event,
            photo_sha256s=[digest for _, _, digest in photo_rows],
            corrects_hash=corrects.hash if corrects is not None else "",
        ),
    )
    event.full_clean(exclude=["hash", "previous_hash", "document_sha256"])
    event.save()
    for image, caption, digest in photo_rows:
        TraceEventPhoto.objects.create(event=event, image=image, caption=caption, sha256=digest)
    if batch.status == Batch.Status.PUBLISHED:
        enqueue(tasks.thumbnails_warm, batch_pk=batch.pk)
    return event


@transaction.atomic
def batch_publish(*, batch, by):
    """Publish a draft batch: its page and QR code go live. It needs at least one event."""
    batch = _locked_batch(batch, by=by)
    if batch.status != Batch.Status.DRAFT:
        raise ValidationError(_("Chỉ công bố được lô nháp."), code="not_draft")
    if not batch.events.exists():
        raise ValidationError(_("Hãy ghi ít nhất một sự kiện trước khi công bố."), code="empty")
    batch.status, batch.published_at = Batch.Status.PUBLISHED, timezone.now()
    batch.save(update_fields=["status", "published_at"])
    # The first scan should not pay for making the page's pictures.
    enqueue(tasks.thumbnails_warm, batch_pk=batch.pk)
    return batch


@transaction.atomic
def batch_recall(*, batch, reason, by):
    """Recall a published batch with a reason shown on its page from the next scan on.

    The lot's sale stops at once (``recalls.batch_stop_sale``; the product's when no
    other lot is left), parcels not yet sent drop it from their lots
    (``allocation.recall_release_planned``), and once committed a worker tells every
    buyer of it and every subscriber, once each (``recalls``).
    """
    batch = _locked_batch(batch, by=by)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Hãy ghi lý do thu hồi."), code="reason_required")
    if len(reason) > REASON_MAX_CHARS:
        raise ValidationError(
            _("Lý do thu hồi dài tối đa %(max)s ký tự (đang có %(count)s)."),
            code="reason_too_long",
            params={"max": REASON_MAX_CHARS, "count": len(reason)},
        )
    if batch.status != Batch.Status.PUBLISHED:
        raise ValidationError(_("Chỉ thu hồi được lô đã công bố."), code="not_published")
    batch.status, batch.recall_reason, batch.recalled_at = (
        Batch.Status.RECALLED, reason, timezone.now()
    )  # fmt: skip
    batch.save(update_fields=["status", "recall_reason", "recalled_at"])
    allocation.recall_release_planned(batch=batch)
    recalls.batch_stop_sale(batch=batch)
    # The buyers and subscribers are told by the worker, after the commit.
    enqueue(tasks.recall_fan_out, batch_pk=batch.pk)
    return batch
