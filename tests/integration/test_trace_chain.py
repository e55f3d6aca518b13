"""Batches and their append-only, hash-chained trace events."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.factories import CooperativeFactory, cooperative_user, ocop_product
from traceability.chain import chain_verifies
from traceability.models import Batch, TraceEvent
from traceability.services import batch_create, batch_publish, batch_recall, event_add

pytestmark = pytest.mark.django_db


@pytest.fixture
def grower(cooperative):
    return cooperative_user(cooperative)


@pytest.fixture
def batch(cooperative, grower):
    tea = ocop_product(cooperative=cooperative, title="Chè búp Cam My", price=85000)
    return batch_create(
        product=tea, lot_code="CM-2026-11", quantity=500,
        produced_on=datetime.date(2026, 11, 2), by=grower,
    )  # fmt: skip


def _events(batch):
    return list(
        batch.events.select_related("corrects").prefetch_related("photos").order_by("sequence")
    )


def _add(batch, grower, kind="harvest", **extra):
    fields = {"place": "Đồi chè Khu 3", "note": "Hái một tôm hai lá", **extra}
    return event_add(
        batch=batch, kind=kind, occurred_at=timezone.now() - datetime.timedelta(days=1),
        by=grower, **fields,
    )  # fmt: skip


def test_events_form_a_chain_that_verifies(batch, grower):
    first = _add(batch, grower, kind="planting")
    second = _add(batch, grower, kind="care", inputs=[{"name": "Phân hữu cơ", "dose": "2 t/ha"}])

    assert second.previous_hash == first.hash
    assert chain_verifies(_events(batch))


def test_changing_a_stored_event_behind_the_services_back_breaks_the_chain(batch, grower):
    _add(batch, grower)
    _add(batch, grower, kind="packing")
    TraceEvent.objects.filter(batch=batch, sequence=1).update(note="Hái máy")

    assert not chain_verifies(_events(batch))


def test_removing_an_event_breaks_the_chain(batch, grower):
    _add(batch, grower)
    _add(batch, grower, kind="processing")
    third = _add(batch, grower, kind="packing")

    assert not chain_verifies([e for e in _events(batch) if e.sequence != 2])
    assert third.sequence == 3


def test_events_are_never_edited_or_deleted(batch, grower):
    event = _add(batch, grower)
    event.note = "sửa"

    with pytest.raises(ValueError, match="append-only"):
        event.save()
    with pytest.raises(ValueError, match="never deleted"):
        event.delete()


def test_a_correction_is_a_new_event_pointing_at_the_old_one(batch, grower):
    wrong = _add(batch, grower)

    fix = _add(batch, grower, corrects=wrong, note="Ngày thu hoạch đúng là 01/11")

    assert fix.kind == TraceEvent.Kind.CORRECTION
    assert fix.corrects == wrong
    assert chain_verifies(_events(batch))


def test_photos_and_documents_are_part_of_the_hash(batch, grower):
    _add(
        batch, grower, kind="inspection",
        document=SimpleUploadedFile("kq.pdf", b"%PDF-1.4 ket qua\n%%EOF"),
        photos=[(SimpleUploadedFile("a.jpg", b"jpeg-bytes"), "Mẫu chè")],
    )  # fmt: skip
    photo = batch.events.get().photos.get()
    type(photo).objects.filter(pk=photo.pk).update(sha256="0" * 64)

    assert not chain_verifies(_events(batch))


def test_another_cooperative_cannot_write_to_the_batch(batch):
    outsider = cooperative_user(CooperativeFactory())

    with pytest.raises(PermissionDenied):
        _add(batch, outsider)


def test_publishing_needs_an_event_and_recalling_needs_a_reason(batch, grower):
    with pytest.raises(ValidationError):
        batch_publish(batch=batch, by=grower)
    _add(batch, grower)
    batch_publish(batch=batch, by=grower)
    with pytest.raises(ValidationError):
        batch_recall(batch=batch, reason=" ", by=grower)

    batch_recall(batch=batch, reason="Dư lượng vượt ngưỡng", by=grower)

    batch.refresh_from_db()
    assert batch.status == Batch.Status.RECALLED
    with pytest.raises(ValidationError):
        _add(batch, grower)


@pytest.mark.parametrize("lot", ["", "lô có dấu", "A" * 21, "-ABC", "A B"])
def test_bad_lot_codes_are_refused(cooperative, grower, lot):
    tea = ocop_product(cooperative=cooperative, title="Chè", price=1000)

    with pytest.raises(ValidationError):
        batch_create(product=tea, lot_code=lot, quantity=1,
                     produced_on=datetime.date(2026, 1, 1), by=grower)  # fmt: skip


def test_an_event_in_the_future_is_refused(batch, grower):
    with pytest.raises(ValidationError):
        event_add(batch=batch, kind="harvest", by=grower,
                  occurred_at=timezone.now() + datetime.timedelta(days=2))  # fmt: skip
