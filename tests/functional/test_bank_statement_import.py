"""Staff import the bank's statement (CSV): VietQR transfers with the order number and the
exact amount pay their orders, once; anything else is reported; a bad file changes nothing.

The upload starts a background job (run at once in the tests); its page shows the progress,
then the report."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.jobs.models import Job
from marketplace.jobs.services import job_retry
from marketplace.payments import services, statement_import, tasks, transfers
from marketplace.payments.models import Payment
from tests.factories import ocop_order, ocop_product

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
URL = reverse("payments:bank-statement-import")


def _text(response):
    return response.content.decode().replace("\u00a0", " ")


def transfer_order(product, method=Payment.Method.VIETQR):
    order = ocop_order(items=[(product, 1)])
    services.payment_create(order=order, method=method)
    return order


def csv_upload(text, name="saoke.csv", encoding="utf-8"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def statement(*rows, header="date,amount,description,reference"):
    return "\n".join([header, *rows]) + "\n"


def amount(order):
    return int(order.total_incl_tax)


def import_file(client, upload, *, run=True):
    """Upload a statement and, as a worker would, run its job once the upload commits;
    return the job's page (or the form, when the file was refused at once)."""
    with TestCase.captureOnCommitCallbacks(execute=run):
        response = client.post(URL, {"statement": upload})
    return client.get(response["Location"]) if response.status_code == 302 else response


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


def test_a_transfer_with_the_order_number_and_exact_amount_marks_the_order_paid(
    staff_client, staff_user, tea, honey
):
    paid, other = transfer_order(tea), transfer_order(honey)
    upload = csv_upload(
        statement(
            f"22/11/2026,{amount(paid)},MBVCB.8812.{paid.number}.NGUYEN THI LAN,FT26326001",
        )
    )

    response = import_file(staff_client, upload)

    assert response.status_code == 200
    assert "Đã ghi nhận 1 khoản thanh toán." in _text(response)
    payment = Payment.objects.get(order=paid)
    assert payment.status == Payment.Status.PAID
    assert payment.bank_reference == "FT26326001" and payment.confirmed_by == staff_user
    paid.refresh_from_db()
    assert paid.status == "paid"
    assert Payment.objects.get(order=other).status == Payment.Status.PENDING


def test_importing_the_same_statement_twice_pays_nothing_twice(staff_client, tea):
    order = transfer_order(tea)
    text = statement(f"2026-11-22,{amount(order)},CK {order.number},FT1")
    import_file(staff_client, csv_upload(text))
    paid_at = Payment.objects.get().paid_at

    again = import_file(staff_client, csv_upload(text))

    assert "Đã ghi nhận 0 khoản thanh toán." in _text(again)
    assert "Đã nhập trước đó: 1" in _text(again)
    assert Payment.objects.get().paid_at == paid_at


def test_unmatched_mismatched_and_second_transfers_are_reported_and_pay_nothing(
    staff_client, tea, honey, tea_cooperative
):
    rice = ocop_product(cooperative=tea_cooperative, title="Gạo Séng Cù", price=60000)
    short, paid, cod = transfer_order(tea), transfer_order(honey), transfer_order(rice, "cod")
    lines = [
        f"22/11/2026,{amount(paid)},{paid.number},FT10",  # pays
        f"22/11/2026,{amount(paid)},{paid.number} lan 2,FT11",  # a second transfer
        f"22/11/2026,{amount(short) - 1000},{short.number},FT12",  # 1.000 ₫ short
        "22/11/2026,50000,TIEN NHA THANG 11,FT13",  # no order number
        f"22/11/2026,{amount(cod)},{cod.number},FT14",  # a COD order
        f"22/11/2026,{amount(paid)},{paid.number},FT10",  # the same line twice in the file
    ]

    response = import_file(staff_client, csv_upload(statement(*lines)))

    page = _text(response)
    assert "Đã ghi nhận 1 khoản thanh toán." in page
    attention = page.split('id="statement-attention"')[1]
    assert "FT11" in attention and "Đơn đã thanh toán trước đó" in attention
    assert "FT12" in attention and "Số tiền không khớp" in attention
    assert f"đơn cần {amount(short):,} ₫".replace(",", ".") in attention
    assert "FT13" in attention and "Không tìm thấy số đơn hàng" in attention
    assert "FT14" in attention and "Đơn không thanh toán bằng chuyển khoản" in attention
    assert "FT10" not in attention
    assert Payment.objects.get(order=short).status == Payment.Status.PENDING
    assert Payment.objects.get(order=cod).status == Payment.Status.PENDING
    assert Payment.objects.get(order=paid).bank_reference == "FT10"


def test_a_transfer_staff_confirmed_by_hand_is_recognised_not_flagged(
    staff_client, staff_user, tea
):
    order = transfer_order(tea)
    transfers.vietqr_confirm(order=order, by=staff_user)

    response = import_file(
        staff_client, csv_upload(statement(f"22/11/2026,{amount(order)},{order.number},FT20"))
    )

    assert "Đã được xác nhận tay trước đó: 1" in _text(response)
    assert 'id="statement-attention"' not in _text(response)
    assert Payment.objects.get().bank_reference == "FT20"


def test_vietnamese_headers_semicolons_and_dotted_amounts_are_read(staff_client, tea):
    order = transfer_order(tea)
    dotted = f"{amount(order):,}".replace(",", ".")
    text = statement(
        f'22/11/2026;"{dotted} ₫";Chuyen khoan {order.number.lower()};FT30',
        header="Ngày;Số tiền;Nội dung;Mã giao dịch",
    )

    import_file(staff_client, csv_upload("\ufeff" + text))

    assert Payment.objects.get().status == Payment.Status.PAID


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("saoke.xlsx", b"PK\x03\x04" + b"\x00" * 200), "không phải CSV"),
        (SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\n\x00\x00"), "không phải CSV"),
        (csv_upload("ngay,tien\n22/11/2026,145000\n"), "Thiếu cột: amount, description, reference"),
        (csv_upload(statement("22/11/2026,145.000,Ông Đông,FT1"), encoding="cp1258"),
         "không ở mã UTF-8"),
        (csv_upload(statement("22/11/2026,-145000,{number},FT1")), "số tiền âm"),
        (csv_upload(statement("31/02/2026,145000,{number},FT1")), "Dòng 3: ngày"),
        (csv_upload(statement("22/11/2026,145000.5,{number},FT1")), "không phải số đồng nguyên"),
        (csv_upload(statement("22/11/2026,145000,{number},")), "Dòng 3: thiếu mã giao dịch"),
        (csv_upload(statement()), "không có dòng giao dịch nào"),
        (csv_upload(""), "Tệp trống"),
        (csv_upload("a" * (2 * 1024 * 1024 + 1)), "Tệp quá lớn"),
    ],
)  # fmt: skip
def test_a_bad_file_gets_a_clear_message_and_changes_nothing(staff_client, tea, upload, message):
    order = transfer_order(tea)
    # A good line first: it must not be applied when a later line is bad.
    content = upload.read()
    if b"{number}" in content:
        content = content.replace(b"{number}", order.number.encode())
        good = f"22/11/2026,{amount(order)},{order.number},FT0\n".encode()
        content = content.replace(b"\n", b"\n" + good, 1)
    upload = SimpleUploadedFile(upload.name, content, content_type=upload.content_type)

    response = import_file(staff_client, upload)

    # Refused at once on the form (400), or by the job, on its page.
    assert response.status_code == (200 if Job.objects.exists() else 400)
    assert message in _text(response)
    if Job.objects.exists():
        assert Job.objects.get().status == Job.Status.DONE
        assert 'data-testid="job-error"' in _text(response)
    assert Payment.objects.get().status == Payment.Status.PENDING
    assert not Payment.objects.exclude(bank_reference="").exists()


def test_only_staff_may_import_a_statement(client, customer, tea_user, tea):
    order = transfer_order(tea)
    upload = statement(f"22/11/2026,{amount(order)},{order.number},FT1")
    for user in (customer, tea_user):
        client.force_login(user)
        response = client.post(URL, {"statement": csv_upload(upload)})
        assert response.status_code == 403
    client.logout()
    assert (
        client.post(URL, {"statement": csv_upload(upload)}).status_code == 302
    )  # to the login page
    assert Payment.objects.get().status == Payment.Status.PENDING
    assert not Job.objects.exists()


def test_staff_reach_the_import_from_the_dashboard_menu(staff_client):
    menu = _text(staff_client.get(reverse("dashboard:index")))

    assert f'href="{URL}"' in menu
    assert f'href="{reverse("payments:unpaid-orders")}"' in menu


def test_a_bad_file_with_a_good_header_is_refused_by_the_job_not_the_form(staff_client, tea):
    order = transfer_order(tea)
    upload = csv_upload(statement(f"22/11/2026,{amount(order)},{order.number},FT0", "x,1,y,FT1"))

    response = import_file(staff_client, upload)

    assert response.status_code == 200
    assert "Dòng 3: ngày" in _text(response)
    assert Payment.objects.get().status == Payment.Status.PENDING


def test_the_upload_only_checks_the_file_and_leaves_the_lines_to_the_job(staff_client, monkeypatch):
    from marketplace.payments import statements

    def never(upload):
        raise AssertionError("lines read on the request path")

    monkeypatch.setattr(statements, "statement_read", never)
    lines = [f"22/11/2026,{100000 + n},CK don {n},FT{n}" for n in range(statements.MAX_LINES)]

    with TestCase.captureOnCommitCallbacks(execute=False) as sent:
        response = staff_client.post(URL, {"statement": csv_upload(statement(*lines))})

    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("payments:bank-statement-job", args=[job.pk])
    assert len(sent) == 1
    assert (job.task, job.status, job.cooperative) == (
        tasks.bank_statement_import.name, Job.Status.QUEUED, None,
    )  # fmt: skip


def test_the_job_page_shows_the_progress_until_the_report(staff_client, tea):
    order = transfer_order(tea)
    text = statement(f"22/11/2026,{amount(order)},{order.number},FT1")
    waiting = import_file(staff_client, csv_upload(text), run=False)
    job = Job.objects.get()
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, done=500, total=20_000)
    status_url = reverse("payments:bank-statement-job-status", args=[job.pk])

    status = staff_client.get(status_url).json()
    running = _text(staff_client.get(reverse("payments:bank-statement-job", args=[job.pk])))

    assert "Đang chờ máy chạy nền nhận việc" in _text(waiting)
    assert (status["status"], status["done"], status["total"], status["percent"]) == (
        "running", 500, 20_000, 2,
    )  # fmt: skip
    assert not status["finished"]
    assert f'data-job-status-url="{status_url}"' in running
    assert 'value="500"' in running and 'max="20000"' in running
    assert "Đang xử lý tệp" in running


def test_a_retry_after_a_crash_pays_nothing_twice_and_reports_every_line(
    staff_client, staff_user, tea, honey, monkeypatch
):
    orders = [transfer_order(tea), transfer_order(honey), transfer_order(tea)]
    lines = [f"22/11/2026,{amount(o)},{o.number},FT{n}" for n, o in enumerate(orders)]
    monkeypatch.setattr(statement_import, "STATEMENT_CHUNK_LINES", 1)
    apply, calls = statement_import.transfer_apply, []

    def crash_on_the_second_line(**kwargs):
        calls.append(kwargs["line"].row)
        if len(calls) == 2:
            raise RuntimeError("the worker died")
        return apply(**kwargs)

    monkeypatch.setattr(statement_import, "transfer_apply", crash_on_the_second_line)
    import_file(staff_client, csv_upload(statement(*lines)), run=False)
    job = Job.objects.get()
    # As a worker runs it: the error is recorded on the job, not raised.
    tasks.bank_statement_import.apply(kwargs={"job_id": str(job.pk), **job.kwargs}, throw=False)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert Payment.objects.filter(status=Payment.Status.PAID).count() == 1
    first_paid_at = Payment.objects.get(order=orders[0]).paid_at

    with TestCase.captureOnCommitCallbacks(execute=True):
        job_retry(job=job, by=staff_user)

    page = _text(staff_client.get(reverse("payments:bank-statement-job", args=[job.pk])))
    assert "Đã ghi nhận 3 khoản thanh toán." in page
    assert "Đã nhập trước đó" not in page
    assert Payment.objects.filter(status=Payment.Status.PAID).count() == 3
    assert Payment.objects.get(order=orders[0]).paid_at == first_paid_at
    assert calls == [2, 3, 3, 4]  # the first line was not applied again


def test_a_statement_job_is_for_staff_only(client, staff_client, tea_user, tea):
    order = transfer_order(tea)
    import_file(
        staff_client, csv_upload(statement(f"22/11/2026,{amount(order)},{order.number},FT1"))
    )
    job = Job.objects.get()
    client.force_login(tea_user)

    for name in ("payments:bank-statement-job", "payments:bank-statement-job-status"):
        assert client.get(reverse(name, args=[job.pk])).status_code == 404
    client.logout()
    assert client.get(reverse("payments:bank-statement-job", args=[job.pk])).status_code == 302


def test_a_report_of_thousands_of_lines_to_check_lists_the_first_ones(staff_client, monkeypatch):
    from marketplace.payments import selectors

    monkeypatch.setattr(selectors, "STATEMENT_ATTENTION_SHOWN", 2)
    lines = [f"22/11/2026,50000,TIEN NHA THANG {n},FT{n}" for n in range(3)]

    page = _text(import_file(staff_client, csv_upload(statement(*lines))))

    assert "Không tìm thấy số đơn hàng trong nội dung: 3" in page
    assert "FT0" in page and "FT1" in page and "FT2" not in page
    assert "Bảng hiện 2 dòng đầu trong 3 dòng cần kiểm tra." in page
