"""A cooperative traces a batch from its phone; the printed QR opens the story.

Create a batch, record three events with photos, publish, download the label sheet, read a
label's QR with an independent decoder (zxing-cpp on pdftoppm's rendering), open that URL,
and fetch it again as a linkset and as an EPCIS document valid against GS1's schema.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from tests.factories import CooperativeFactory, cooperative_user, ocop_product

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "epcis" / "EPCIS-JSON-Schema.json"
PASSWORD = "doi-che-khu-3"


def _jpeg(path, colour):
    Image.new("RGB", (320, 240), colour).save(path, format="JPEG")
    return str(path)


def _decode_first_label(pdf_bytes, tmp_path):
    if not shutil.which("pdftoppm"):
        if os.environ.get("CI") == "true":
            pytest.fail("pdftoppm (poppler-utils) is missing; make test installs it")
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    pdf = tmp_path / "tem.pdf"
    pdf.write_bytes(pdf_bytes)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "trang")], check=True)  # fmt: skip
    page = next(tmp_path.glob("trang*.png"))
    return [code.text for code in zxingcpp.read_barcodes(Image.open(page))]


def test_a_cooperative_traces_a_batch_and_its_label_opens_the_story(
    browser, phone_page, live_server, settings, tmp_path
):
    settings.SITE_URL = live_server.url  # the QR carries the site's address
    cooperative = CooperativeFactory(partner__name="Hợp tác xã Chè Cam My")
    user = cooperative_user(cooperative)
    user.set_password(PASSWORD)
    user.save()
    ocop_product(cooperative=cooperative, title="Chè búp Cam My 200 g", price=85000,
                 upc="8934567890120")  # fmt: skip
    page = phone_page

    page.goto(live_server.url + "/shop/accounts/login/")
    page.fill("#id_login-username", user.email)
    page.fill("#id_login-password", PASSWORD)
    page.click("button[name=login_submit]")

    page.goto(live_server.url + "/shop/dashboard/batches/new/")
    page.select_option("#id_product", label="Chè búp Cam My 200 g")
    page.fill("#id_lot_code", "CM-2611")
    page.fill("#id_quantity", "300")
    page.fill("#id_produced_on", "2026-11-02")
    page.select_option("#id_event_kind", "")  # the events are recorded one by one below
    page.locator("summary.batch-form__more").click()
    page.fill("#id_farm_name", "Đồi chè Khu 3")
    page.click("button[type=submit]:has-text('Tạo lô')")
    expect(page.locator("h1")).to_contain_text("CM-2611")

    for number, (kind, when) in enumerate(
        [
            ("planting", "2026-04-10T07:00"),
            ("care", "2026-08-01T07:00"),
            ("harvest", "2026-11-02T06:30"),
        ]  # fmt: skip
    ):
        page.select_option("#id_kind", kind)
        page.fill("#id_occurred_at", when)
        page.fill("#id_place", "Đồi chè Khu 3, Xã Cự Đồng")
        page.fill("#id_note", f"Ghi chép số {number + 1}")
        page.set_input_files(
            "#id_photos",
            [
                _jpeg(tmp_path / f"a{number}.jpg", (40, 120, 40)),
                _jpeg(tmp_path / f"b{number}.jpg", (90, 160, 60)),
            ],
        )
        page.click("button[type=submit]:has-text('Ghi sự kiện')")
        expect(page.locator(".alert-success")).to_contain_text("Đã ghi sự kiện")
    page.click("button:has-text('Công bố lô')")
    expect(page.locator(".alert-success")).to_contain_text("Đã công bố lô")

    labels = page.context.request.get(page.url.split("#")[0] + "labels.pdf?count=24")
    assert labels.headers["content-type"] == "application/pdf"
    decoded = _decode_first_label(labels.body(), tmp_path)
    assert len(decoded) == 24
    url = decoded[0]
    assert url == f"{live_server.url}/01/08934567890120/10/CM-2611"

    visitor = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    scan = visitor.new_page()
    scan.goto(url)
    expect(scan.locator("body")).to_contain_text("Chè búp Cam My 200 g")
    expect(scan.locator("body")).to_contain_text("Thu hoạch")
    expect(scan.locator("body")).to_contain_text("Ghi chép số 3")
    assert scan.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )

    linkset = visitor.request.get(url, headers={"Accept": "application/linkset+json"})
    assert linkset.ok and "linkset" in linkset.json()
    epcis = visitor.request.get(url, headers={"Accept": "application/ld+json"})
    document = epcis.json()
    jsonschema.validate(document, json.loads(SCHEMA.read_text()))
    events = document["epcisBody"]["eventList"]
    assert len(events) == 3
    assert events[-1]["bizStep"].endswith("commissioning")
    visitor.close()
