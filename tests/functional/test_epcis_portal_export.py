"""A lot's events for the national traceability portal: EPCIS 2.0 JSON-LD and CSV,
downloaded by the lot's cooperative and by staff, no one else."""

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from django.urls import reverse

from tests.factories import CooperativeFactory, cooperative_user, trace_batch
from traceability.export import COLUMNS

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(
    (Path(__file__).parent.parent / "data/epcis/EPCIS-JSON-Schema.json").read_text()
)
KINDS = ["planting", "care", "harvest", "packing", "inspection", "shipping"]


@pytest.fixture
def lot(cooperative):
    cooperative.gln, cooperative.gs1_company_prefix = "8934567000017", "8934567"
    cooperative.save()
    return trace_batch(cooperative=cooperative, upc="8934567890120", kinds=KINDS,
                       photos_per_event=0)  # fmt: skip


def _url(lot, fmt):
    return reverse("batch-export", kwargs={"pk": lot.pk, "fmt": fmt})


def test_the_cooperative_downloads_its_lots_epcis_document(client, lot):
    client.force_login(lot.product.cooperative.partner.users.first())

    response = client.get(_url(lot, "jsonld"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    assert (
        'attachment; filename="epcis-08934567890120-CM-2026-11.jsonld"'
        == (response["Content-Disposition"])
    )
    document = json.loads(response.content)
    jsonschema.Draft7Validator(SCHEMA).validate(document)
    assert [e["ocop:kind"] for e in document["epcisBody"]["eventList"]] == KINDS


def test_the_csv_has_one_documented_row_per_event(client, lot, staff_user):
    client.force_login(staff_user)  # staff may download any lot's export

    response = client.get(_url(lot, "csv"))

    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert list(rows[0]) == COLUMNS
    assert [row["kind"] for row in rows] == KINDS
    harvest = next(row for row in rows if row["kind"] == "harvest")
    assert harvest["biz_step"] == "commissioning" and harvest["action"] == "ADD"
    assert harvest["read_point"] == "urn:epc:id:sgln:8934567.00001.0"
    assert harvest["gtin"] == "08934567890120" and harvest["lot"] == "CM-2026-11"
    care = next(row for row in rows if row["kind"] == "care")
    assert care["inputs"] == "Phân hữu cơ vi sinh: 2 tấn/ha"
    shipping = next(row for row in rows if row["kind"] == "shipping")
    assert shipping["biz_location"] == "" and shipping["disposition"] == "in_transit"
    assert rows[1]["previous_hash"] == rows[0]["hash"]


def test_no_one_else_downloads_a_lots_export(client, lot):
    other = CooperativeFactory()
    client.force_login(cooperative_user(other, email="khac@ocop.example"))

    for fmt in ("jsonld", "csv"):
        assert client.get(_url(lot, fmt)).status_code == 404
    client.logout()
    assert client.get(_url(lot, "csv")).status_code in (302, 403)
