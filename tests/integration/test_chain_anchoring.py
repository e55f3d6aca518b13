"""The hash chain anchored outside the database: signed daily roots per cooperative, and a
verifier that reports an event changed in the database against them."""

import base64
import datetime
import json

import pytest
from cryptography.hazmat.primitives import serialization
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from tests.factories import trace_batch
from traceability import anchoring
from traceability.models import ChainRoot, TraceEvent
from traceability.tasks import chain_roots_publish

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def lots(cooperative):
    first = trace_batch(cooperative=cooperative, upc="8934567890120", lot_code="LO-1",
                        kinds=["planting", "harvest", "packing"], photos_per_event=0)  # fmt: skip
    second = trace_batch(cooperative=cooperative, product=first.product, lot_code="LO-2",
                         kinds=["harvest"], photos_per_event=0)  # fmt: skip
    trace_batch(cooperative=cooperative, product=first.product, lot_code="NHAP", kinds=["harvest"],
                publish=False, photos_per_event=0)  # a draft: never published  # fmt: skip
    return first, second


def _publish(day=TODAY):
    return chain_roots_publish(day=day.isoformat())


def _document(cooperative, day=TODAY):
    return json.loads(ChainRoot.objects.get(cooperative=cooperative, day=day).document)


def test_the_beat_task_publishes_one_signed_root_per_cooperative_and_day(lots, cooperative):
    assert _publish() == 1
    assert _publish() == 0  # a retried or repeated task publishes nothing twice

    document = _document(cooperative)
    payload = document["payload"]
    assert payload["cooperative"]["slug"] == cooperative.slug
    assert payload["day"] == TODAY.isoformat()
    assert [lot["lot"] for lot in payload["lots"]] == sorted(
        ["LO-1", "LO-2"], key=lambda code: next(b.short_code for b in lots if b.lot_code == code)
    )
    first = next(lot for lot in payload["lots"] if lot["lot"] == "LO-1")
    assert first["events"] == list(
        lots[0].events.order_by("sequence").values_list("hash", flat=True)
    )
    assert anchoring.signature_problem(document) == ""
    assert document["signature"]["alg"] == "Ed25519"


def test_anyone_verifies_a_root_with_the_published_public_key(client, lots, cooperative):
    _publish()
    pem = client.get("/trace/chain-key.pem")
    index = client.get(f"/trace/roots/{cooperative.slug}/").json()
    (entry,) = index["roots"]
    published = client.get(entry["url"].split("8000", 1)[1])

    key = serialization.load_pem_public_key(pem.content)
    document = json.loads(published.content)
    value = base64.urlsafe_b64decode(document["signature"]["value"] + "==")
    key.verify(value, anchoring.canonical(document["payload"]))  # raises if it does not verify
    assert published["Access-Control-Allow-Origin"] == "*"
    assert published.content == ChainRoot.objects.get().document.encode()


def test_each_day_chains_to_the_one_before(lots, cooperative):
    # The lots' events were recorded two days ago: yesterday's root lists them already.
    TraceEvent.objects.update(created_at=timezone.now() - datetime.timedelta(days=2))
    _publish(TODAY - datetime.timedelta(days=1))
    _publish(TODAY)

    yesterday, today = (
        _document(cooperative, TODAY - datetime.timedelta(days=1)),
        _document(cooperative),
    )
    assert today["payload"]["previousRoot"] == yesterday["payload"]["root"]
    assert yesterday["payload"]["previousRoot"] is None


def test_a_tampered_document_fails_its_signature(lots, cooperative):
    _publish()
    document = _document(cooperative)
    document["payload"]["lots"][0]["events"][0] = "0" * 64

    assert "signature" in anchoring.signature_problem(document)


def test_published_roots_are_never_changed_or_deleted(lots):
    _publish()
    root = ChainRoot.objects.get()

    with pytest.raises(ValueError, match="kept as published"):
        root.save()
    with pytest.raises(ValueError, match="kept forever"):
        root.delete()


def test_the_verifier_passes_an_untouched_lot(lots, capsys):
    _publish()

    call_command("verify_chain", lots[0].short_code)

    assert "OK" in capsys.readouterr().out


def test_the_verifier_reports_an_event_changed_in_the_database(lots, capsys):
    _publish()
    changed = lots[0].events.get(sequence=2)
    TraceEvent.objects.filter(pk=changed.pk).update(note="Thu hoạch 2 tấn (sửa lén)")

    with pytest.raises(CommandError):
        call_command("verify_chain", "--all")

    out = capsys.readouterr().out
    assert "CHANGED" in out and "event #2 (harvest" in out
    assert "OK" in out  # the other lot is untouched


def test_the_verifier_sees_through_a_rewritten_chain(lots, capsys):
    """Whoever changes an event and recomputes every stored hash after it still fails
    against the published root: the verifier recomputes from content, not stored hashes."""
    _publish()
    event = lots[0].events.get(sequence=1)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE traceability_traceevent SET place = %s WHERE id = %s", ["Đồi khác", event.pk]
        )
    from traceability.chain import GENESIS, event_payload, link_hash

    previous = GENESIS
    for stored in lots[0].events.select_related("batch").order_by("sequence"):
        payload = event_payload(stored, photo_sha256s=[], corrects_hash="")
        new = link_hash(previous_hash=previous, payload=payload)
        TraceEvent.objects.filter(pk=stored.pk).update(previous_hash=previous, hash=new)
        previous = new

    with pytest.raises(CommandError):
        call_command("verify_chain", f"08934567890120/{lots[0].lot_code}")

    assert "event #1 (planting" in capsys.readouterr().out


def test_a_lot_not_yet_in_any_root_is_reported_unknown(lots, capsys):
    with pytest.raises(CommandError):
        call_command("verify_chain", lots[1].short_code)

    assert "UNKNOWN" in capsys.readouterr().out


def test_the_key_command_prints_a_usable_key(capsys):
    call_command("trace_signing_key")

    line = capsys.readouterr().out.splitlines()[0]
    assert line.startswith("TRACE_SIGNING_KEY=")
    assert len(base64.b64decode(line.split("=", 1)[1])) == 32
