"""A cooperative records a batch from its phone: create, events with photos, publish, recall."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from tests.factories import CooperativeFactory, cooperative_user, ocop_product
from traceability.chain import chain_verifies
from traceability.models import Batch

pytestmark = pytest.mark.django_db


def _jpeg():
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (60, 140, 60)).save(out, format="JPEG")
    return out.getvalue()


@pytest.fixture
def seller(client, cooperative):
    client.force_login(cooperative_user(cooperative))
    return client


@pytest.fixture
def tea(cooperative):
    return ocop_product(cooperative=cooperative, title="Chè búp Cam My", price=85000)


def _create(seller, product, lot="CM-2611"):
    return seller.post(
        reverse("batch-create"),
        {"product": product.pk, "lot_code": lot, "quantity": "300", "produced_on": "2026-11-02",
         "best_before": "2027-11-02", "farm_name": "Đồi chè Khu 3"},
    )  # fmt: skip


def _event(seller, batch, **extra):
    data = {"kind": "harvest", "occurred_at": "2026-11-02T07:30", "place": "Đồi Khu 3",
            "note": "Hái một tôm hai lá", "inputs": "Phân hữu cơ: 2 tấn/ha"}  # fmt: skip
    data.update(extra)
    return seller.post(reverse("batch-detail", args=[batch.pk]), data)


def test_a_cooperative_records_and_publishes_a_batch(seller, tea):
    assert _create(seller, tea).status_code == 302
    batch = Batch.objects.get(lot_code="CM-2611")

    for kind in ("planting", "care", "harvest"):
        photos = [SimpleUploadedFile("a.jpg", _jpeg()), SimpleUploadedFile("b.jpg", _jpeg())]
        assert _event(seller, batch, kind=kind, photos=photos).status_code == 302
    seller.post(reverse("batch-action", args=[batch.pk, "publish"]))

    batch.refresh_from_db()
    assert batch.status == Batch.Status.PUBLISHED
    events = list(batch.events.prefetch_related("photos").select_related("corrects"))
    assert [e.kind for e in events] == ["planting", "care", "harvest"]
    assert events[1].inputs == [{"name": "Phân hữu cơ", "dose": "2 tấn/ha"}]
    assert all(e.photos.count() == 2 for e in events)
    assert chain_verifies(events)


def test_a_photo_that_is_not_an_image_is_refused_and_nothing_is_recorded(seller, tea):
    _create(seller, tea)
    batch = Batch.objects.get()

    response = _event(seller, batch, photos=[SimpleUploadedFile("x.jpg", b"<?php ?>")])

    assert response.status_code == 200
    assert not batch.events.exists()


def test_a_recall_needs_a_reason(seller, tea):
    _create(seller, tea)
    batch = Batch.objects.get()
    _event(seller, batch)
    seller.post(reverse("batch-action", args=[batch.pk, "publish"]))

    seller.post(reverse("batch-action", args=[batch.pk, "recall"]), {"reason": ""})
    batch.refresh_from_db()
    assert batch.status == Batch.Status.PUBLISHED
    seller.post(reverse("batch-action", args=[batch.pk, "recall"]), {"reason": "Lẫn tạp chất"})
    batch.refresh_from_db()
    assert batch.status == Batch.Status.RECALLED


def test_a_batch_of_another_cooperatives_product_cannot_be_created(seller):
    theirs = ocop_product(cooperative=CooperativeFactory(), title="Mật ong của họ", price=1000)

    response = _create(seller, theirs)

    assert response.status_code == 200
    assert not Batch.objects.exists()


def test_another_cooperative_cannot_open_or_write_to_the_batch(client, seller, tea):
    _create(seller, tea)
    batch = Batch.objects.get()
    client.force_login(cooperative_user(CooperativeFactory()))

    assert client.get(reverse("batch-detail", args=[batch.pk])).status_code == 404
    assert _event(client, batch).status_code == 404
    client.post(reverse("batch-action", args=[batch.pk, "publish"]))
    batch.refresh_from_db()
    assert batch.status == Batch.Status.DRAFT and not batch.events.exists()
