"""The money pages: a cooperative's balance, statement (HTML, CSV, PDF) and tax record;
staff's overview, payout batch (CSV, VietQR, paid, cancelled) and tax CSV."""

import base64
import io
import shutil
import subprocess

import pytest
import zxingcpp
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from marketplace.order.services import shipment_advance
from marketplace.payments import services, transfers, vietqr
from marketplace.payments.models import Payment
from marketplace.settlement.models import Payout, PayoutBatch
from tests.factories import (
    MST_HOUSEHOLD_ID,
    cooperative_user,
    ocop_order,
    ocop_product,
    seller_profile,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
THIS_MONTH = {"year": TODAY.year, "month": TODAY.month}


def _text(response):
    body = b"".join(response) if response.streaming else response.content
    return body.decode().replace("\u00a0", " ")


def sell(cooperative, user, staff_user, *, title, price):
    """A VietQR order of one ``title`` at ``price``, paid and delivered."""
    order = ocop_order(items=[(ocop_product(cooperative=cooperative, title=title, price=price), 1)])
    services.payment_create(order=order, method=Payment.Method.VIETQR)
    transfers.vietqr_confirm(order=order, by=staff_user)
    shipment = order.shipments.get()
    shipment_advance(shipment=shipment, to_status="packed", by=user)
    shipment_advance(shipment=shipment, to_status="shipped", carrier="ghn", tracking_code="G1",
                     by=user)  # fmt: skip
    shipment_advance(shipment=shipment, to_status="delivered", by=user)
    return order


@pytest.fixture
def household(tea_cooperative, tea_user, staff_user):
    """Chè Cẩm Mỹ as a household business that sold 150.010 ₫ of tea, delivered today."""
    seller_profile(tea_cooperative, kind="household", tax_code=MST_HOUSEHOLD_ID)
    sell(tea_cooperative, tea_user, staff_user, title="Chè Shan tuyết cổ thụ", price=150_010)
    return tea_cooperative


def test_a_cooperative_sees_its_balance_waiting_for_the_return_window(client, household, tea_user):
    client.force_login(tea_user)
    page = _text(client.get(reverse("cooperative-money")))
    # 150.010 less 8 % (12.000,8 → 12.001), 1 % VAT (1.500) and 0,5 % PIT (750).
    assert 'id="pending-balance">135.759 ₫' in page
    assert 'id="payable-balance">0 ₫' in page
    assert "payout-blockers" not in page


def test_a_cooperative_without_a_tax_profile_is_told_what_is_missing(client, honey_cooperative):
    user = cooperative_user(honey_cooperative)
    client.force_login(user)
    page = _text(client.get(reverse("cooperative-money")))
    assert "chưa có mã số thuế" in page and "chưa có tài khoản ngân hàng" in page


def test_the_statement_lists_each_line_with_commission_and_withholding(client, household, tea_user):
    client.force_login(tea_user)
    page = _text(client.get(reverse("cooperative-statement", kwargs=THIS_MONTH)))
    assert "Chè Shan tuyết cổ thụ × 1" in page
    for amount in ("150.010 ₫", "-12.001 ₫", "-1.500 ₫", "-750 ₫", "135.759 ₫"):
        assert amount in page
    assert 'id="closing-balance">135.759 ₫' in page


def test_the_statement_csv_has_the_same_figures(client, household, tea_user):
    client.force_login(tea_user)
    csv = _text(client.get(reverse("cooperative-statement-csv", kwargs=THIS_MONTH)))
    assert csv.startswith("\ufeffNgày,Loại,Đơn hàng")
    assert "150010,-12001,-1500,-750,0,0,135759" in csv
    assert "Số dư cuối kỳ" in csv


def test_a_line_named_like_a_formula_is_written_as_text(client, tea_cooperative, tea_user,
                                                        staff_user):  # fmt: skip
    seller_profile(tea_cooperative)
    sell(tea_cooperative, tea_user, staff_user, title="=1+2", price=10_000)
    client.force_login(tea_user)
    csv = _text(client.get(reverse("cooperative-statement-csv", kwargs=THIS_MONTH)))
    assert "'=1+2 × 1" in csv


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_statement_pdf_prints_vietnamese_text_and_amounts(client, household, tea_user):
    client.force_login(tea_user)
    response = client.get(reverse("cooperative-statement-pdf", kwargs=THIS_MONTH))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=response.content,
                          capture_output=True, check=True).stdout.decode()  # fmt: skip
    assert "Hợp tác xã Chè Cẩm Mỹ" in text
    assert f"Bảng kê tháng {TODAY:%m/%Y}" in text
    assert "Chè Shan tuyết cổ thụ" in text
    assert "Hộ kinh doanh" in text
    assert "135.759" in text and "12.001" in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_yearly_tax_record_shows_what_was_withheld(client, household, tea_user):
    client.force_login(tea_user)
    page = _text(client.get(reverse("cooperative-tax-record", kwargs={"year": TODAY.year})))
    assert 'id="tax-record-vat">1.500 ₫' in page and 'id="tax-record-pit">750 ₫' in page
    pdf = client.get(reverse("cooperative-tax-record-pdf", kwargs={"year": TODAY.year}))
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf.content, capture_output=True,
                          check=True).stdout.decode()  # fmt: skip
    assert "Nghị định 117/2025/NĐ-CP" in text and MST_HOUSEHOLD_ID in text


@pytest.mark.parametrize("kwargs", [{"year": 2026, "month": 13}, {"year": 1, "month": 1},
                                    {"year": 99999, "month": 1}])  # fmt: skip
def test_a_month_that_does_not_exist_is_a_404(client, household, tea_user, kwargs):
    client.force_login(tea_user)
    assert client.get(reverse("cooperative-statement", kwargs=kwargs)).status_code == 404
    assert client.get(reverse("cooperative-statement-pdf", kwargs=kwargs)).status_code == 404


@pytest.fixture
def no_return_window(settings):
    """Delivered today, payable today (request it before ``household``)."""
    settings.SETTLEMENT_RETURN_WINDOW_DAYS = 0


def test_staff_pay_a_batch_scanning_each_payouts_vietqr(
    client, no_return_window, household, staff_user
):
    household.bank_account_name = '=cmd|"/c calc"!A1'
    household.save()
    client.force_login(staff_user)
    overview = _text(client.get(reverse("settlement-overview")))
    assert "Hợp tác xã Chè Cẩm Mỹ: 135.759 ₫" in overview

    response = client.post(reverse("payout-batch-create"))
    batch = PayoutBatch.objects.get()
    assert response["Location"] == reverse("payout-batch-detail", args=[batch.pk])
    page = _text(client.get(response["Location"]))
    payout = Payout.objects.get()
    assert client.get(reverse("payout-batch-csv", args=[batch.pk])).status_code == 404  # draft
    data_uri = page.split(f'id="payout-{payout.pk}"')[1].split('src="')[1].split('"')[0]
    png = base64.b64decode(data_uri.split(",", 1)[1])
    fields = vietqr.parse(zxingcpp.read_barcode(Image.open(io.BytesIO(png))).text)
    beneficiary = vietqr.parse(vietqr.parse(fields["38"])["01"])
    assert fields["54"] == "135759"
    assert beneficiary == {"00": "970436", "01": "0451000123456"}
    assert vietqr.parse(fields["62"])["08"] == payout.transfer_message

    client.post(reverse("payout-batch-detail", args=[batch.pk]))  # approve
    csv = _text(client.get(reverse("payout-batch-csv", args=[batch.pk])))
    assert "'=cmd|" in csv and "135759" in csv and "0451000123456" in csv
    client.post(reverse("payout-paid", args=[payout.pk]), {"bank_reference": "FT-CHI-01"})
    payout.refresh_from_db()
    batch.refresh_from_db()
    assert (payout.status, payout.bank_reference, batch.status) == ("paid", "FT-CHI-01", "paid")


def test_a_cancelled_payout_goes_back_on_the_balance(
    client, no_return_window, household, staff_user, tea_user
):
    client.force_login(staff_user)
    client.post(reverse("payout-batch-create"))
    payout = Payout.objects.get()
    refused = client.post(reverse("payout-cancel", args=[payout.pk]), {"reason": ""}, follow=True)
    assert "Hãy ghi lý do" in _text(refused)
    client.post(reverse("payout-cancel", args=[payout.pk]), {"reason": "Sai số tài khoản"})
    client.force_login(tea_user)
    assert 'id="payable-balance">135.759 ₫' in _text(client.get(reverse("cooperative-money")))


def test_staff_download_each_months_tax_withheld_per_seller(client, household, staff_user):
    client.force_login(staff_user)
    overview = _text(client.get(reverse("settlement-overview")))
    assert "withholding-months" in overview
    csv = _text(client.get(reverse("settlement-withholding-csv", kwargs=THIS_MONTH)))
    assert (
        f"{TODAY:%m/%Y},Hợp tác xã Chè Cẩm Mỹ,{MST_HOUSEHOLD_ID},Hộ kinh doanh,150010,1500,750"
        in csv
    )


def test_staff_read_any_cooperatives_statement(client, household, staff_user):
    client.force_login(staff_user)
    url = reverse("settlement-statement", kwargs={"pk": household.pk, **THIS_MONTH})
    assert "Chè Shan tuyết cổ thụ" in _text(client.get(url))


def test_cooperatives_are_refused_the_staff_money_pages(client, household, tea_user):
    client.force_login(tea_user)
    for url in (
        reverse("settlement-overview"),
        reverse("payout-batch-create"),
        reverse("settlement-statement", kwargs={"pk": household.pk, **THIS_MONTH}),
    ):
        assert client.get(url).status_code in (403, 405)  # fmt: skip
    assert client.post(reverse("payout-batch-create")).status_code == 403
    assert not PayoutBatch.objects.exists()


def test_the_profile_form_checks_the_tax_code_and_offers_the_bank_list(client, tea_cooperative,
                                                                      tea_user):  # fmt: skip
    client.force_login(tea_user)
    page = _text(client.get(reverse("cooperative-profile-edit")))
    assert (
        '<option value="970436">Vietcombank – Ngân hàng TMCP Ngoại Thương Việt Nam</option>' in page
    )
    response = client.post(reverse("cooperative-profile-edit"), {
        "profile-seller_kind": "cooperative", "profile-tax_code": "001085012345",
        "profile-bank_bin": "123456", "profile-story_vi": "Chè", "save_profile": "1",
    })  # fmt: skip
    text = _text(response)
    assert "không dùng số định danh cá nhân" in text
    assert "Chọn một lựa chọn hợp lệ" in text or "không có trong danh sách" in text
    tea_cooperative.refresh_from_db()
    assert tea_cooperative.tax_code == ""
