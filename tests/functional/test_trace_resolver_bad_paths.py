"""The GS1 Digital Link resolver and the paths a damaged, copied or hostile QR code may
carry: a friendly 400 or 404, never a 500, and no scan counted."""

import random
import string
from urllib.parse import quote

import pytest

from catalogue.gtin import gtin_check_digit
from tests.factories import trace_batch
from traceability.models import ScanLog

pytestmark = pytest.mark.django_db

GTIN = "8934567890120"  # as printed (13 digits); URIs carry 14
GTIN14 = "0" + GTIN
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
NOT_FOUND_TEXT = "Không tìm thấy lô hàng này"
SITE = "http://127.0.0.1:8000"


@pytest.fixture
def batch(cooperative):
    return trace_batch(cooperative=cooperative, upc=GTIN, kinds=["harvest", "packing"])


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


def test_bad_codes_get_a_friendly_400_or_404_never_a_500(client, batch):
    paths = bad_paths()
    assert len(paths) >= 200

    for path in paths:
        for accept in (BROWSER_ACCEPT, "*/*"):
            # A view's exception would be raised here, failing the test.
            # As gunicorn gives it: the raw path decides what a %2F is.
            response = client.get(path, HTTP_ACCEPT=accept, RAW_URI=path)
            if response.status_code == 307:  # an unknown lot of the known GTIN: walked up
                assert response["Location"] == SITE + batch.product.get_absolute_url(), path
                continue
            assert response.status_code in (400, 404), path
            assert NOT_FOUND_TEXT in response.content.decode(), path
    assert not ScanLog.objects.exists()


@pytest.mark.parametrize(
    ("path", "status"),
    [
        (f"/01/{GTIN14}/10/CM-2026-11/foo", 400),  # an odd segment (GS1's own probe)
        (f"/01/{GTIN14}/99/A", 400),  # AI 99 is no key qualifier of a GTIN
        (f"/01/{GTIN14}/21/S/10/L", 400),  # qualifiers out of order
        (f"/01/{GTIN14}/10/" + "A" * 21, 400),  # longer than AI 10 allows
        (f"/01/{GTIN14}/10/lô-1", 400),  # outside GS1's character set 82
        ("/01/08934567890121", 400),  # a wrong check digit
        ("/01/", 400),
        ("/01/08934567890137", 404),  # a valid GTIN nobody here sells
        ("/t/ZZZZZZZZ", 404),
    ],
)
def test_malformed_uris_are_400_and_unknown_ones_404(client, batch, path, status):
    response = client.get(path, HTTP_ACCEPT=BROWSER_ACCEPT)

    assert response.status_code == status
    assert response["Access-Control-Allow-Origin"] == "*"
