"""The GS1 Digital Link resolver: which paths show a batch, in which form, and friendly 404s."""

import datetime
import random
import string
from urllib.parse import quote

import pytest

from catalogue.gtin import gtin_check_digit
from tests.factories import trace_batch
from traceability.models import Batch, ScanLog
from traceability.services import batch_recall

pytestmark = pytest.mark.django_db

GTIN = "8934567890120"  # as printed (13 digits); URIs carry 14
GTIN14 = "0" + GTIN
PHONE = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36"
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
NOT_FOUND_TEXT = "Không tìm thấy lô hàng này"


@pytest.fixture
def batch(cooperative):
    return trace_batch(cooperative=cooperative, upc=GTIN, kinds=["harvest", "packing"])


def lot_path(lot="CM-2026-11", gtin=GTIN14):
    return f"/01/{gtin}/10/{quote(lot, safe='')}"


def test_a_lot_uri_shows_the_batch_page(client, batch):
    response = client.get(lot_path(), HTTP_ACCEPT=BROWSER_ACCEPT)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "CM-2026-11" in response.content.decode()
    assert "Accept" in response["Vary"]


@pytest.mark.parametrize("gtin", [GTIN, GTIN14])
def test_the_gtin_may_be_given_as_printed_or_padded_to_14_digits(client, batch, gtin):
    assert client.get(lot_path(gtin=gtin)).status_code == 200


def test_a_lot_code_with_a_slash_is_found_percent_encoded(client, cooperative):
    trace_batch(cooperative=cooperative, upc=GTIN, lot_code="2026/11-A", kinds=["harvest"])

    response = client.get(lot_path("2026/11-A"))  # servers decode %2F before routing

    assert response.status_code == 200
    assert "2026/11-A" in response.content.decode()


def test_the_product_uri_shows_its_latest_published_batch_never_a_draft(client, cooperative):
    older = trace_batch(cooperative=cooperative, upc=GTIN, lot_code="LO-1", kinds=["harvest"])
    trace_batch(cooperative=cooperative, product=older.product, lot_code="LO-2",
                kinds=["harvest", "packing", "shipping"])  # fmt: skip
    trace_batch(cooperative=cooperative, product=older.product, lot_code="LO-3",
                kinds=["harvest"], publish=False)  # fmt: skip
    Batch.objects.filter(pk=older.pk).update(produced_on=older.produced_on - datetime.timedelta(60))
    # Same day: the later batch wins; the draft is latest of all but not public.

    page = client.get(f"/01/{GTIN14}").content.decode()

    assert "LO-2" in page and "LO-3" not in page
    assert client.get(f"/01/{GTIN14}/").status_code == 200


def test_drafts_are_not_public(client, cooperative):
    draft = trace_batch(cooperative=cooperative, upc=GTIN, publish=False, kinds=["harvest"])

    for path in (lot_path(), f"/01/{GTIN14}", f"/t/{draft.short_code}"):
        response = client.get(path)
        assert response.status_code == 404
        assert NOT_FOUND_TEXT in response.content.decode()


def test_a_product_without_gtin_is_found_by_the_sites_short_code(client, cooperative):
    batch = trace_batch(cooperative=cooperative, kinds=["harvest"])

    for path in (f"/t/{batch.short_code}", f"/t/{batch.short_code}/",
                 f"/t/{batch.short_code.lower()}"):  # fmt: skip
        assert client.get(path).status_code == 200


def test_linktype_all_and_the_linkset_accept_header_give_an_rfc9264_linkset(client, batch):
    by_query = client.get(lot_path() + "?linkType=all")
    by_header = client.get(lot_path(), HTTP_ACCEPT="application/linkset+json")

    for response in (by_query, by_header):
        assert response.status_code == 200
        assert response["Content-Type"] == "application/linkset+json"
        assert response["Access-Control-Allow-Origin"] == "*"
    (links,) = by_query.json()["linkset"]
    assert links["anchor"] == f"http://127.0.0.1:8000{lot_path()}"
    assert links["https://gs1.org/voc/pip"][0]["href"].endswith(batch.product.get_absolute_url())
    assert links["https://gs1.org/voc/traceability"][0]["href"] == links["anchor"]
    assert links["https://gs1.org/voc/epcis"][0]["type"] == "application/ld+json"
    assert "https://gs1.org/voc/recallStatus" not in links
    assert by_header.json() == by_query.json()


def test_the_linkset_lists_valid_certificates_and_a_recall_notice(client, batch):
    from tests.factories import cooperative_user, ocop_certificate

    ocop_certificate(product=batch.product, stars=4)
    grower = cooperative_user(batch.product.cooperative, email="thuhoi@ocop.example")
    batch_recall(batch=batch, reason="Dư lượng vượt ngưỡng", by=grower)

    (links,) = client.get(lot_path() + "?linkType=all").json()["linkset"]

    assert "OCOP 4" in links["https://gs1.org/voc/certificationInfo"][0]["title"]
    assert links["https://gs1.org/voc/recallStatus"][0]["href"].endswith("#thu-hoi")


def test_linktype_epcis_and_the_json_ld_accept_header_give_an_epcis_document(client, batch):
    by_query = client.get(lot_path() + "?linkType=gs1:epcis")
    by_header = client.get(lot_path(), HTTP_ACCEPT="application/ld+json")

    for response in (by_query, by_header):
        assert response.status_code == 200
        assert response["Content-Type"] == "application/ld+json"
        document = response.json()
        assert document["type"] == "EPCISDocument"
        assert [e["bizStep"] for e in document["epcisBody"]["eventList"]] == [
            "commissioning", "packing"
        ]  # fmt: skip


def test_a_specific_link_type_redirects_to_its_target(client, batch):
    response = client.get(lot_path() + "?linkType=gs1:pip")

    assert response.status_code == 307
    assert response["Location"].endswith(batch.product.get_absolute_url())


def test_machines_and_head_requests_are_not_counted_as_scans(client, batch):
    client.head(lot_path(), HTTP_USER_AGENT=PHONE)
    client.get(lot_path() + "?linkType=all", HTTP_USER_AGENT=PHONE)
    client.get(lot_path(), HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)")
    client.get(lot_path(), HTTP_USER_AGENT="facebookexternalhit/1.1")

    assert not ScanLog.objects.exists()


def test_other_methods_are_refused_not_crashed(client, batch):
    assert client.post(lot_path()).status_code == 405


def test_the_resolver_describes_itself_at_well_known(client):
    response = client.get("/.well-known/gs1resolver")

    assert response.status_code == 200
    description = response.json()
    assert description["resolverRoot"] == "http://127.0.0.1:8000"
    assert description["supportedPrimaryKeys"] == ["gtin"]
    assert {"namespace": "https://gs1.org/voc/", "prefix": "gs1:"} in description[
        "supportedLinkType"
    ]


def _wrong_check_digits():
    for body in ("8934567", "89345678901", "893456789012", "0893456789012"):
        right = gtin_check_digit(body)
        for digit in range(10):
            if digit != right:
                yield body + str(digit)


def bad_paths():
    """Return at least 200 paths a damaged, copied or hostile QR code might carry."""
    rng = random.Random(20260101)
    gtins = list(_wrong_check_digits())  # 36: right length, wrong check digit
    gtins += ["".join(rng.choices(string.digits, k=n)) for n in (1, 5, 7, 9, 10, 11, 15, 16, 20)]
    gtins += ["", "0", "893456789012A", "abcdefghijklm", "８９３４５６７８９０１２０",
              "89345678901 20", "-8934567890120", "+8934567890120", "8934567890120.0", "0x893",
              "1e13", "9" * 5000]  # fmt: skip
    junk = ["%00", "%", "%ZZ", "%2e%2e", "..", "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd",
            "%C0%AF", "%FF%FE", "lô-hàng", "批次", "🍵", "A" * 21, "A" * 5000, "<script>x</script>",
            "' OR 1=1 --", "%0A", "%0D%0ASet-Cookie:x=1", "%20", "%09", "-ABC", "A B",
            "%252F", "UNKNOWN-LOT", "CM-2026-12", "cm-2026-11x", "CM-2026-11/21/123",
            "\\..\\..", "%u002e", "a%00b", ";", "?", "#"]  # fmt: skip
    paths = []
    for gtin in gtins:
        paths += [f"/01/{quote(gtin)}/10/CM-2026-11", f"/01/{quote(gtin)}"]
    for lot in junk:
        encoded = lot if "%" in lot else quote(lot, safe="")
        paths += [f"/01/{GTIN14}/10/{encoded}", f"/01/{GTIN14}/10/{encoded}/",
                  f"/t/{encoded}"]  # fmt: skip
    paths += ["/01", "/01/", "/01//10/", "/01/x/10/", f"/01/{GTIN14}/10/", f"/01/{GTIN14}/99/A",
              f"/01/{GTIN14}/10//", f"/01/{GTIN14}//", "/01/%00/10/%00", "/t", "/t/", "/t//",
              "/t/ABCDEFG", "/t/ABCDEFGHJ", "/t/AAAAAAA1", "/t/ZZZZZZZZ", "/t/22222222/x",
              "/01/" + "/".join(["10"] * 400), "/t/" + "%41" * 2000]  # fmt: skip
    paths += ["/01/" + "".join(rng.choices(string.printable[:94], k=rng.randint(1, 40)))
              .replace("#", "").replace("?", "") for _ in range(40)]  # fmt: skip
    return paths


def test_bad_codes_get_the_friendly_404_never_a_500(client, batch):
    paths = bad_paths()
    assert len(paths) >= 200

    for path in paths:
        response = client.get(path)  # a view's exception would be raised here, failing the test
        assert response.status_code == 404, path
        assert NOT_FOUND_TEXT in response.content.decode(), path
    assert not ScanLog.objects.exists()
