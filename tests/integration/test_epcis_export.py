"""A batch's events as an EPCIS 2.0 document: valid against GS1's schema, and meaning what
the cooperative recorded."""

import datetime
import json
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.factories import cooperative_user, trace_batch
from traceability.epcis import epcis_document
from traceability.models import Batch
from traceability.selectors import public_batches
from traceability.services import event_add

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(
    (Path(__file__).parent.parent / "data/epcis/EPCIS-JSON-Schema.json").read_text()
)
GTIN = "8934567890120"
ALL_KINDS = ["planting", "care", "harvest", "processing", "packing", "inspection", "shipping",
             "receiving"]  # fmt: skip

format_checker = jsonschema.FormatChecker()


@format_checker.checks("uri", raises=ValueError)
def _is_uri(value):
    # jsonschema checks "uri" only with an optional package: an absolute URI has a scheme.
    if not isinstance(value, str):
        return True
    if not urlsplit(value).scheme or any(c in value for c in " \n\t"):
        raise ValueError(value)
    return True


@format_checker.checks("date-time", raises=ValueError)
def _is_date_time(value):
    if not isinstance(value, str):
        return True
    if "T" not in value or datetime.datetime.fromisoformat(value).tzinfo is None:
        raise ValueError(value)
    return True


def validate(document):
    jsonschema.Draft7Validator(SCHEMA, format_checker=format_checker).validate(document)


def _document(batch):
    return epcis_document(public_batches().get(pk=batch.pk))


@pytest.fixture
def batch(cooperative):
    return trace_batch(cooperative=cooperative, upc=GTIN, kinds=ALL_KINDS)


def test_gs1s_own_examples_pass_and_a_cbv_lookalike_bizstep_fails_the_same_validator():
    examples = Path("/work/shared/standards/epcis")
    for name in ("Example-ObjectEvent-DigitalLink.jsonld",
                 "Example-TransformationEvent-DigitalLink.jsonld"):  # fmt: skip
        if (examples / name).exists():
            validate(json.loads((examples / name).read_text()))
    bad = json.loads(json.dumps(SCHEMA_EXAMPLE))
    bad["epcisBody"]["eventList"][0]["bizStep"] = "urn:epcglobal:cbv:bizstep:processing"

    with pytest.raises(jsonschema.ValidationError):
        validate(bad)


SCHEMA_EXAMPLE = {
    "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
    "type": "EPCISDocument",
    "schemaVersion": "2.0",
    "creationDate": "2026-01-01T00:00:00+07:00",
    "epcisBody": {
        "eventList": [
            {
                "type": "ObjectEvent",
                "eventTime": "2026-01-01T00:00:00+07:00",
                "eventTimeZoneOffset": "+07:00",
                "action": "OBSERVE",
                "quantityList": [{"epcClass": "https://example.org/01/08934567890120/10/A"}],
                "bizStep": "packing",
            }
        ]
    },
}


def test_the_export_validates_against_gs1s_epcis_json_schema(batch):
    document = _document(batch)

    validate(document)
    assert document["type"] == "EPCISDocument"
    assert document["schemaVersion"] == "2.0"
    assert len(document["epcisBody"]["eventList"]) == len(ALL_KINDS)


def test_every_event_is_about_the_lot_as_a_digital_link_class(batch, settings):
    lot_uri = f"{settings.SITE_URL}/01/0{GTIN}/10/CM-2026-11"

    for event, recorded in zip(_document(batch)["epcisBody"]["eventList"],
                               batch.events.order_by("sequence"), strict=True):  # fmt: skip
        assert event["type"] == "ObjectEvent"
        assert event["quantityList"] == [{"epcClass": lot_uri, "quantity": 500}]
        assert event["eventTimeZoneOffset"] == "+07:00"
        assert event["eventTime"].endswith("+07:00")
        assert datetime.datetime.fromisoformat(event["eventTime"]) == recorded.occurred_at.replace(
            microsecond=0
        )
        assert event["eventID"] == f"ni:///sha-256;{recorded.hash}"
        assert event["ocop:hash"] == recorded.hash
        profile = f"/shop/cooperatives/{batch.product.cooperative.slug}/"
        assert event["readPoint"]["id"].endswith(profile)  # no GLN: the cooperative's page
        if recorded.kind == "shipping":
            assert "bizLocation" not in event  # in transit
        else:
            assert event["bizLocation"]["id"].endswith(profile)


def test_events_map_to_cbv_business_steps(batch, settings):
    events = {e["ocop:kind"]: e for e in _document(batch)["epcisBody"]["eventList"]}
    voc = f"{settings.SITE_URL}/voc/bizstep/"

    assert (events["harvest"]["action"], events["harvest"]["bizStep"]) == ("ADD", "commissioning")
    assert events["packing"]["bizStep"] == "packing"
    assert events["inspection"]["bizStep"] == "inspecting"
    assert (events["shipping"]["bizStep"], events["shipping"]["disposition"]) == (
        "shipping", "in_transit"
    )  # fmt: skip
    assert events["receiving"]["bizStep"] == "receiving"
    for kind in ("planting", "care", "processing"):
        assert events[kind]["action"] == "OBSERVE"
        assert events[kind]["bizStep"] == voc + kind
    assert all("ilmd" not in events[k] for k in events if k != "harvest")


def test_the_harvest_carries_the_lots_master_data_in_ilmd(batch):
    harvest = next(e for e in _document(batch)["epcisBody"]["eventList"]
                   if e["ocop:kind"] == "harvest")  # fmt: skip

    assert harvest["ilmd"]["cbvmda:lotNumber"] == "CM-2026-11"
    assert harvest["ilmd"]["cbvmda:bestBeforeDate"] == batch.best_before.isoformat()
    assert harvest["ilmd"]["cbvmda:countryOfOrigin"] == "VN"
    assert harvest["ilmd"]["ocop:farmName"] == "Đồi chè Khu 3"


def test_notes_inputs_photos_and_the_chain_travel_as_extensions(batch):
    events = {e["ocop:kind"]: e for e in _document(batch)["epcisBody"]["eventList"]}

    assert events["care"]["ocop:inputs"] == [{"name": "Phân hữu cơ vi sinh", "dose": "2 tấn/ha"}]
    assert events["care"]["ocop:note"] == "Ghi chép care"
    assert events["packing"]["ocop:photos"][0].startswith("http")
    assert len(events["inspection"]["ocop:documentSha256"]) == 64
    assert events["care"]["ocop:previousHash"] == events["planting"]["ocop:hash"]


def test_a_correction_declares_the_corrected_event_in_error(batch):
    user = cooperative_user(batch.product.cooperative, email="sua@ocop.example")
    wrong = batch.events.get(kind="packing")
    fix = event_add(batch=batch, kind="correction", corrects=wrong, by=user,
                    occurred_at=timezone.now(), note="Đóng gói ngày hôm sau")  # fmt: skip

    document = _document(batch)
    validate(document)
    events = {e["ocop:sequence"]: e for e in document["epcisBody"]["eventList"]}
    declared = events[wrong.sequence]["errorDeclaration"]
    assert declared["reason"] == "incorrect_data"
    assert declared["correctiveEventIDs"] == [f"ni:///sha-256;{fix.hash}"]
    assert events[fix.sequence]["ocop:corrects"] == f"ni:///sha-256;{wrong.hash}"


def test_a_product_without_gtin_uses_the_short_uri_as_its_class(cooperative, settings):
    batch = trace_batch(cooperative=cooperative, kinds=["harvest"])

    document = _document(batch)

    validate(document)
    epc_class = document["epcisBody"]["eventList"][0]["quantityList"][0]["epcClass"]
    assert epc_class == f"{settings.SITE_URL}/t/{batch.short_code}"


GLN = "8934567000017"  # company prefix 8934567, location reference 00001, check digit 7


def test_a_cooperative_with_a_gln_locates_events_by_sgln(cooperative):
    cooperative.gln, cooperative.gs1_company_prefix = GLN, "8934567"
    cooperative.full_clean()
    cooperative.save()
    batch = trace_batch(cooperative=cooperative, upc=GTIN, kinds=ALL_KINDS)
    Batch.objects.filter(pk=batch.pk).update(farm_gln_extension="DOI3")

    document = _document(batch)

    validate(document)
    events = {e["ocop:kind"]: e for e in document["epcisBody"]["eventList"]}
    site, farm = "urn:epc:id:sgln:8934567.00001.0", "urn:epc:id:sgln:8934567.00001.DOI3"
    for kind in ("planting", "care", "harvest"):
        assert events[kind]["readPoint"] == {"id": farm}
        assert events[kind]["bizLocation"] == {"id": farm}
    for kind in ("processing", "packing", "inspection", "receiving"):
        assert events[kind]["readPoint"] == events[kind]["bizLocation"] == {"id": site}
    assert events["shipping"]["readPoint"] == {"id": site}
    assert "bizLocation" not in events["shipping"]


@pytest.mark.parametrize(
    ("gln", "prefix", "field"),
    [
        ("8934567000016", "8934567", "gln"),  # a wrong check digit
        ("893456700001", "8934567", "gln"),  # 12 digits
        ("8934567000017", "8934568", "gs1_company_prefix"),  # not the GLN's prefix
        ("8934567000017", "", "__all__"),  # one without the other
        ("8934567000017", "89345", "gs1_company_prefix"),  # too short a prefix
    ],
)
def test_a_gln_is_checked_with_its_check_digit_and_prefix(cooperative, gln, prefix, field):
    cooperative.gln, cooperative.gs1_company_prefix = gln, prefix

    with pytest.raises(ValidationError) as refused:
        cooperative.full_clean()

    assert field in refused.value.message_dict
