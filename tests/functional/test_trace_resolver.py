"""The GS1 Digital Link resolver: which paths show a batch, in which form, friendly 400/404s
(the damaged and hostile paths are in ``test_trace_resolver_bad_paths.py``).

GS1's own test suite is replayed in ``test_gs1_resolver_conformance.py``; these tests pin
the resolver's choices around it: a person's browser gets the page in place, machines
the default link's redirect, and what each link type, header and odd path gets.
"""

import datetime
import json
from pathlib import Path
from urllib.parse import quote

import jsonschema
import pytest

from tests.factories import trace_batch
from traceability.models import Batch, ScanLog
from traceability.services import batch_recall

pytestmark = pytest.mark.django_db

GTIN = "8934567890120"  # as printed (13 digits); URIs carry 14
GTIN14 = "0" + GTIN
PHONE = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36"
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
NOT_FOUND_TEXT = "Không tìm thấy lô hàng này"
SITE = "http://127.0.0.1:8000"
VOC = "https://ref.gs1.org/voc/"
LINKSET_SCHEMA = json.loads(
    (Path(__file__).parent.parent / "data/gs1/gs1-linkset-schema.json").read_text()
)


@pytest.fixture
def batch(cooperative):
    return trace_batch(cooperative=cooperative, upc=GTIN, kinds=["harvest", "packing"])


def lot_path(lot="CM-2026-11", gtin=GTIN14):
    return f"/01/{gtin}/10/{quote(lot, safe='')}"


def page(client, path, **headers):
    """Request ``path`` as a phone's browser does (its Accept header names HTML)."""
    return client.get(path, HTTP_ACCEPT=BROWSER_ACCEPT, **headers)


def test_a_lot_uri_shows_the_batch_page_to_a_browser_in_place(client, batch):
    response = page(client, lot_path())

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "CM-2026-11" in response.content.decode()
    assert "Accept" in response["Vary"]
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Link"] == (
        f'<{SITE}/01/{GTIN14}/10/CM-2026-11?linkType=linkset>; rel="linkset"; '
        'type="application/linkset+json"'
    )


@pytest.mark.parametrize("accept", [None, "*/*", "image/webp"])
def test_a_client_that_names_no_html_is_redirected_to_the_default_link(client, batch, accept):
    headers = {"HTTP_ACCEPT": accept} if accept else {}

    response = client.get(lot_path(), **headers)

    assert response.status_code == 307
    assert response["Location"] == f"{SITE}/t/{batch.short_code}"
    assert response["Access-Control-Allow-Origin"] == "*"  # CORS on the redirect too
    assert 'rel="linkset"' in response["Link"]
    # The default link's target is the same page, for everyone.
    assert "CM-2026-11" in page(client, response["Location"]).content.decode()


def test_the_redirect_passes_the_query_string_on_but_not_the_link_type(client, batch):
    default = client.get(lot_path() + "?utm_source=tem&x=1%202", HTTP_ACCEPT="*/*")
    pip = client.get(lot_path() + "?linkType=gs1:pip&utm_source=tem", HTTP_ACCEPT="*/*")

    assert default["Location"] == f"{SITE}/t/{batch.short_code}?utm_source=tem&x=1%202"
    assert pip["Location"] == f"{SITE}{batch.product.get_absolute_url()}?utm_source=tem"


def test_a_query_string_goes_before_the_targets_fragment(client, batch, cooperative):
    from tests.factories import cooperative_user

    batch_recall(batch=batch, reason="Nấm mốc", by=cooperative_user(cooperative, "r@ocop.example"))

    response = client.get(lot_path() + "?linkType=gs1:recallStatus&ref=qr", HTTP_ACCEPT="*/*")

    assert response["Location"] == f"{SITE}/t/{batch.short_code}?ref=qr#thu-hoi"


@pytest.mark.parametrize("gtin", [GTIN, GTIN14])
def test_the_gtin_may_be_given_as_printed_or_padded_to_14_digits(client, batch, gtin):
    assert page(client, lot_path(gtin=gtin)).status_code == 200


def test_a_lot_code_with_a_slash_is_found_percent_encoded(client, cooperative):
    trace_batch(cooperative=cooperative, upc=GTIN, lot_code="2026/11-A", kinds=["harvest"])

    response = page(client, lot_path("2026/11-A"))  # servers decode %2F before routing

    assert response.status_code == 200
    assert "2026/11-A" in response.content.decode()


def test_the_raw_request_path_decides_between_a_slashed_lot_and_a_serial(client, cooperative):
    slashed = trace_batch(cooperative=cooperative, upc=GTIN, lot_code="A/21/5", kinds=["harvest"])
    plain = trace_batch(cooperative=cooperative, product=slashed.product, lot_code="A",
                        kinds=["harvest"])  # fmt: skip
    decoded = f"/01/{GTIN14}/10/A/21/5"

    as_lot = client.get(decoded, HTTP_ACCEPT="*/*", RAW_URI=f"/01/{GTIN14}/10/A%2F21%2F5")
    as_serial = client.get(decoded, HTTP_ACCEPT="*/*", RAW_URI=decoded)
    guessed = client.get(decoded, HTTP_ACCEPT="*/*")  # no raw path: an existing lot wins

    assert as_lot["Location"] == f"{SITE}/t/{slashed.short_code}"
    assert as_serial["Location"] == f"{SITE}/t/{plain.short_code}"
    assert guessed["Location"] == f"{SITE}/t/{slashed.short_code}"


def test_a_serial_number_is_answered_for_its_lot_or_gtin(client, batch):
    assert "CM-2026-11" in page(client, lot_path() + "/21/SN-0001").content.decode()
    assert page(client, f"/01/{GTIN14}/21/SN-0001").status_code == 200
    assert client.get(lot_path() + "/21/SN-0001", HTTP_ACCEPT="*/*")["Location"] == (
        f"{SITE}/t/{batch.short_code}"
    )


def test_the_product_uri_shows_its_latest_published_batch_never_a_draft(client, cooperative):
    older = trace_batch(cooperative=cooperative, upc=GTIN, lot_code="LO-1", kinds=["harvest"])
    trace_batch(cooperative=cooperative, product=older.product, lot_code="LO-2",
                kinds=["harvest", "packing", "shipping"])  # fmt: skip
    trace_batch(cooperative=cooperative, product=older.product, lot_code="LO-3",
                kinds=["harvest"], publish=False)  # fmt: skip
    Batch.objects.filter(pk=older.pk).update(produced_on=older.produced_on - datetime.timedelta(60))
    # Same day: the later batch wins; the draft is latest of all but not public.

    shown = page(client, f"/01/{GTIN14}").content.decode()

    assert "LO-2" in shown and "LO-3" not in shown
    assert page(client, f"/01/{GTIN14}/").status_code == 200


def test_the_product_uri_redirects_machines_to_the_shop_page(client, batch):
    response = client.get(f"/01/{GTIN14}", HTTP_ACCEPT="*/*")

    assert response.status_code == 307
    assert response["Location"] == SITE + batch.product.get_absolute_url()


def test_an_unknown_lot_of_a_known_gtin_walks_up_to_the_product(client, batch):
    for headers in ({"HTTP_ACCEPT": "*/*"}, {"HTTP_ACCEPT": BROWSER_ACCEPT}):
        response = client.get(lot_path("KL8G"), **headers)
        # Never another lot's page: a copied label with a made-up lot shows the product.
        assert response.status_code == 307
        assert response["Location"] == SITE + batch.product.get_absolute_url()
    (entry,) = client.get(lot_path("KL8G") + "?linkType=linkset").json()["linkset"]
    assert entry["anchor"] == f"{SITE}/01/{GTIN14}"
    assert not ScanLog.objects.exists()


def test_drafts_are_not_public(client, cooperative):
    draft = trace_batch(cooperative=cooperative, upc=GTIN, publish=False, kinds=["harvest"])
    draft.product.is_public = False
    draft.product.save()

    for path in (lot_path(), f"/01/{GTIN14}", f"/t/{draft.short_code}"):
        response = page(client, path)
        assert response.status_code == 404
        assert NOT_FOUND_TEXT in response.content.decode()


def test_a_product_without_gtin_is_found_by_the_sites_short_code(client, cooperative):
    batch = trace_batch(cooperative=cooperative, kinds=["harvest"])

    for path in (f"/t/{batch.short_code}", f"/t/{batch.short_code}/",
                 f"/t/{batch.short_code.lower()}"):  # fmt: skip
        assert client.get(path).status_code == 200  # the page, whatever the Accept header
        assert client.get(path, HTTP_ACCEPT="*/*").status_code == 200


def test_linktype_linkset_all_and_the_linkset_accept_header_give_an_rfc9264_linkset(client, batch):
    responses = [
        client.get(lot_path() + "?linkType=linkset"),
        client.get(lot_path() + "?linkType=all"),  # the pre-2024 spelling
        client.get(lot_path(), HTTP_ACCEPT="application/linkset+json"),
    ]

    for response in responses:
        assert response.status_code == 200
        assert response["Content-Type"] == "application/linkset+json"
        assert response["Access-Control-Allow-Origin"] == "*"
        assert 'rel="http://www.w3.org/ns/json-ld#context"' in response["Link"]
        assert response.json() == responses[0].json()
    document = responses[0].json()
    jsonschema.Draft7Validator(LINKSET_SCHEMA).validate(document)
    lot, product = document["linkset"]
    assert lot["anchor"] == f"{SITE}{lot_path()}"
    assert lot["itemDescription"] == "Chè búp Cam My – lô CM-2026-11"
    assert lot[VOC + "defaultLink"] == [
        {"href": f"{SITE}/t/{batch.short_code}", "title": lot["itemDescription"]}
    ]
    assert lot[VOC + "traceability"][0]["href"] == f"{SITE}/t/{batch.short_code}"
    assert lot[VOC + "epcis"][0] == {
        "href": f"{SITE}/t/{batch.short_code}/epcis.jsonld",
        "title": "Sự kiện truy xuất (EPCIS 2.0)",
        "type": "application/ld+json",
    }
    assert VOC + "recallStatus" not in lot
    assert product["anchor"] == f"{SITE}/01/{GTIN14}"
    assert product["itemDescription"] == "Chè búp Cam My"
    assert product[VOC + "pip"][0]["href"] == SITE + batch.product.get_absolute_url()
    assert product[VOC + "defaultLink"][0]["href"] == SITE + batch.product.get_absolute_url()
    assert all(key.startswith(VOC) for entry in document["linkset"] for key in entry
               if key not in ("anchor", "itemDescription"))  # fmt: skip


def test_the_linkset_lists_valid_certificates_and_a_recall_notice(client, batch):
    from tests.factories import cooperative_user, ocop_certificate

    ocop_certificate(product=batch.product, stars=4)
    grower = cooperative_user(batch.product.cooperative, email="thuhoi@ocop.example")
    batch_recall(batch=batch, reason="Dư lượng vượt ngưỡng", by=grower)

    document = client.get(lot_path() + "?linkType=linkset").json()
    lot, product = document["linkset"]

    jsonschema.Draft7Validator(LINKSET_SCHEMA).validate(document)
    assert "OCOP 4" in product[VOC + "certificationInfo"][0]["title"]
    assert lot[VOC + "recallStatus"][0]["href"].endswith("#thu-hoi")


def test_linktype_epcis_redirects_to_the_lots_epcis_document(client, batch):
    response = client.get(lot_path() + "?linkType=gs1:epcis")

    assert response.status_code == 307
    assert response["Location"] == f"{SITE}/t/{batch.short_code}/epcis.jsonld"
    document = client.get(response["Location"].removeprefix(SITE))
    assert document["Content-Type"] == "application/ld+json"
    assert document.json()["type"] == "EPCISDocument"


def test_the_json_ld_accept_header_gives_the_epcis_document_in_place(client, batch):
    response = client.get(lot_path(), HTTP_ACCEPT="application/ld+json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    assert [e["bizStep"] for e in response.json()["epcisBody"]["eventList"]] == [
        "commissioning", "packing"
    ]  # fmt: skip


@pytest.mark.parametrize("link_type", ["gs1:pip", "pip", f"{VOC}pip", "https://gs1.org/voc/pip"])
def test_a_link_type_in_any_spelling_redirects_to_its_target(client, batch, link_type):
    response = client.get(lot_path() + "?linkType=" + quote(link_type, safe=":"))

    assert response.status_code == 307
    assert response["Location"] == SITE + batch.product.get_absolute_url()


@pytest.mark.parametrize("link_type", ["gs1:nosuchlt", "gs1:recallStatus", "schema:x", "gs1:", "1"])
def test_a_link_type_without_a_link_is_404(client, batch, link_type):
    response = client.get(lot_path() + "?linkType=" + link_type)

    assert response.status_code == 404
    assert response["Access-Control-Allow-Origin"] == "*"


def test_options_is_answered_with_cors_and_the_link_to_the_linkset(client, batch):
    for path in (lot_path(), f"/01/{GTIN14}", f"/t/{batch.short_code}", "/.well-known/gs1resolver"):
        response = client.options(path, HTTP_ORIGIN="https://example.org",
                                  HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")  # fmt: skip
        assert response.status_code == 204, path
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert 'rel="linkset"' in client.options(lot_path())["Link"]


def test_several_certificates_alike_answer_300_and_a_fitting_one_redirects(client, batch):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories import jpeg_upload, ocop_certificate

    scans = [SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF"),
             SimpleUploadedFile("b.pdf", b"%PDF-1.4\n%%EOF"), jpeg_upload("c.jpg")]  # fmt: skip
    for stars, scan in zip((3, 4, 5), scans, strict=True):
        certificate = ocop_certificate(product=batch.product, stars=stars)
        certificate.document = scan
        certificate.save()
    url = lot_path() + "?linkType=gs1:certificationInfo"

    alike = client.get(url, HTTP_ACCEPT="application/pdf")
    picture = client.get(url, HTTP_ACCEPT="image/jpeg")

    assert alike.status_code == 300
    (entry,) = alike.json()["linkset"]
    assert [t["type"] for t in entry[VOC + "certificationInfo"]] == ["application/pdf"] * 2
    assert picture.status_code == 307
    assert picture["Location"].endswith(".jpg")


def test_machines_and_head_requests_are_not_counted_as_scans(client, batch):
    client.head(lot_path(), HTTP_USER_AGENT=PHONE, HTTP_ACCEPT=BROWSER_ACCEPT)
    client.get(lot_path() + "?linkType=linkset", HTTP_USER_AGENT=PHONE)
    client.get(lot_path(), HTTP_USER_AGENT=PHONE, HTTP_ACCEPT="*/*")  # the redirect
    page(client, lot_path(), HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)")
    page(client, lot_path(), HTTP_USER_AGENT="facebookexternalhit/1.1")

    assert not ScanLog.objects.exists()


def test_other_methods_are_refused_not_crashed(client, batch):
    assert client.post(lot_path()).status_code == 405


def test_the_resolver_describes_itself_at_well_known_with_a_working_example(client, batch):
    response = client.get("/.well-known/gs1resolver")

    assert response.status_code == 200
    description = response.json()
    assert description["resolverRoot"] == SITE
    assert description["supportedPrimaryKeys"] == ["01"]
    assert description["supportedLinkType"] == [{"namespace": VOC, "prefix": "gs1:"}]
    assert description["jsonLdContextLocation"] == (
        "https://ref.gs1.org/standards/resolver/linkset-context"
    )
    assert description["linkTypeDefaultCanBeLinkset"] is False
    assert description["example"] == f"{SITE}{lot_path()}"
    assert page(client, description["example"].removeprefix(SITE)).status_code == 200
