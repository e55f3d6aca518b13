"""A cooperative imports products in the dashboard: upload, a background check whose page
shows the preview, then confirm, and a background save whose page shows the counts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import ProductClassFactory

from catalogue import importing, product_sheets, tasks
from marketplace.jobs.models import Job
from marketplace.jobs.services import job_retry
from tests.factories import CooperativeFactory, category, cooperative_user

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")

HEADER = "Tên sản phẩm,Danh mục,Giá (đồng),Tồn kho\n"
CSV = (
    HEADER + "Chè búp 200 g,Chè,125.000,20\nChè lỗi,Chè,không giá,20\nChè xanh 100 g,Chè,60000,15\n"
)


@pytest.fixture
def coop_client(client, cooperative):
    category("Chè")
    ProductClassFactory()
    client.force_login(cooperative_user(cooperative))
    return client


def _text(response):
    return response.content.decode().replace("\u00a0", " ")


def _upload(client, content=CSV, name="hang.csv"):
    return client.post(
        reverse("cooperative-product-import"),
        {"spreadsheet": SimpleUploadedFile(name, content.encode("utf-8"))},
    )


def _checked(client, capture, content=CSV):
    """Upload ``content``, let its check job run; return the job's page URL."""
    with capture(execute=True):
        response = _upload(client, content)
    assert response.status_code == 302
    return response["Location"]


def _confirm(client, capture, job_url):
    job = Job.objects.get(pk=job_url.rstrip("/").split("/")[-1])
    with capture(execute=True):
        response = client.post(reverse("cooperative-product-import-confirm", args=[job.pk]))
    assert response.status_code == 302
    return response["Location"]


def test_upload_shows_a_preview_with_the_bad_row_and_saves_nothing(
    coop_client, django_capture_on_commit_callbacks
):
    preview = coop_client.get(_checked(coop_client, django_capture_on_commit_callbacks))

    page = _text(preview)
    assert "Xem trước khi nhập" in page
    assert "2 dòng hợp lệ" in page and "1 dòng lỗi" in page
    assert "không giá" in page
    assert "125.000 ₫" in page
    assert "job-progress.js" not in page  # finished: nothing to poll
    assert not Product.objects.exists()


def test_the_upload_only_checks_the_file_and_leaves_the_rows_to_the_job(
    coop_client, cooperative, monkeypatch, django_capture_on_commit_callbacks
):
    def never(**kwargs):
        raise AssertionError("rows read on the request path")

    monkeypatch.setattr(product_sheets, "spreadsheet_read", never)
    monkeypatch.setattr(importing, "import_preview", never)
    rows = "".join(f"Chè số {n},Chè,{10000 + n},5\n" for n in range(product_sheets.MAX_ROWS))

    with django_capture_on_commit_callbacks(execute=False) as sent:
        response = _upload(coop_client, HEADER + rows)

    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("cooperative-product-import-job", args=[job.pk])
    assert len(sent) == 1  # the check job is sent once the upload is committed
    assert (job.task, job.status, job.tracked) == (
        tasks.product_import_check.name, Job.Status.QUEUED, True,
    )  # fmt: skip
    assert job.cooperative == cooperative and job.upload_name == "hang.csv"
    assert bytes(job.upload).decode().startswith(HEADER)


def test_a_waiting_job_shows_a_progress_bar_that_refreshes_itself(
    coop_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        url = _upload(coop_client)["Location"]

    page = _text(coop_client.get(url))

    assert "<progress" in page and 'data-job-status-url="' in page
    assert "Đang chờ máy chạy nền nhận việc" in page
    assert "máy chạy nền (Celery worker) chưa chạy" in page
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in page
    assert "js/job-progress.js" in page


def test_the_status_tells_the_progress_as_json(coop_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        url = _upload(coop_client)["Location"]
    job = Job.objects.get()
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, done=250, total=1000)

    response = coop_client.get(reverse("cooperative-product-import-job-status", args=[job.pk]))

    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "status": "running", "label": "Đang chạy", "done": 250, "total": 1000, "percent": 25,
        "finished": False,
    }  # fmt: skip
    assert f'data-job-status-url="{response.request["PATH_INFO"]}"' in _text(coop_client.get(url))


def test_confirming_saves_the_good_rows_for_the_users_cooperative(
    coop_client, cooperative, django_capture_on_commit_callbacks
):
    preview_url = _checked(coop_client, django_capture_on_commit_callbacks)

    result_url = _confirm(coop_client, django_capture_on_commit_callbacks, preview_url)
    page = _text(coop_client.get(result_url))

    assert "Đã thêm 2 sản phẩm, cập nhật 0, bỏ qua 1 dòng lỗi." in page
    assert reverse("dashboard:catalogue-product-list") in page
    assert set(Product.objects.values_list("title", flat=True)) == {
        "Chè búp 200 g",
        "Chè xanh 100 g",
    }
    assert set(Product.objects.values_list("cooperative", flat=True)) == {cooperative.pk}
    # The preview now leads to its result instead of offering to save again.
    preview = _text(coop_client.get(preview_url))
    assert result_url in preview and "Lưu 2 sản phẩm hợp lệ" not in preview


def test_confirming_a_preview_twice_saves_it_once(coop_client, django_capture_on_commit_callbacks):
    preview_url = _checked(coop_client, django_capture_on_commit_callbacks)

    first = _confirm(coop_client, django_capture_on_commit_callbacks, preview_url)
    second = _confirm(coop_client, django_capture_on_commit_callbacks, preview_url)

    assert first == second
    assert Product.objects.count() == 2
    assert Job.objects.filter(task=tasks.product_import_apply.name).count() == 1


def test_a_thousand_rows_preview_lists_the_errors_and_the_first_valid_rows(
    coop_client, django_capture_on_commit_callbacks
):
    rows = [f"Chè số {n},Chè,{10000 + n},5\n" for n in range(1200)]
    rows[700] = "Chè hỏng,Chè,không giá,5\n"
    content = HEADER + "".join(rows)

    page = _text(
        coop_client.get(_checked(coop_client, django_capture_on_commit_callbacks, content))
    )

    assert "1199 dòng hợp lệ" in page and "1 dòng lỗi" in page
    assert page.count('class="table-success"') == importing.PREVIEW_VALID_SHOWN
    assert page.count('class="table-danger"') == 1 and 'data-row="702"' in page
    assert "1149 dòng hợp lệ khác không hiện ra nhưng vẫn được lưu" in page


def test_a_retry_after_a_crash_saves_no_row_twice(
    coop_client, staff_user, monkeypatch, django_capture_on_commit_callbacks
):
    content = HEADER + "".join(f"Chè số {n},Chè,{10000 + n},5\n" for n in range(5))
    preview_url = _checked(coop_client, django_capture_on_commit_callbacks, content)
    monkeypatch.setattr(importing, "IMPORT_CHUNK_ROWS", 2)
    create, calls = importing._create_product, []

    def crash_on_the_third_row(row, **kwargs):
        calls.append(row.number)
        if len(calls) == 3:
            raise RuntimeError("the worker died")
        return create(row, **kwargs)

    monkeypatch.setattr(importing, "_create_product", crash_on_the_third_row)
    with django_capture_on_commit_callbacks(execute=False):
        coop_client.post(preview_url + "confirm/")
    job = Job.objects.get(task=tasks.product_import_apply.name)
    # As a worker runs it: the error is recorded on the job, not raised.
    tasks.product_import_apply.apply(kwargs={"job_id": str(job.pk), **job.kwargs}, throw=False)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert Product.objects.count() == 2  # the first batch was saved, the second was not
    page = _text(coop_client.get(reverse("cooperative-product-import-job", args=[job.pk])))
    assert "gặp lỗi và đã dừng" in page and "the worker died" not in page

    with django_capture_on_commit_callbacks(execute=True):
        job_retry(job=job, by=staff_user)

    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert job.result == {"created": 5, "updated": 0, "skipped": 0}
    assert sorted(Product.objects.values_list("title", flat=True)) == [
        f"Chè số {n}" for n in range(5)
    ]
    # A second delivery of the finished task changes nothing either.
    tasks.product_import_apply.apply(kwargs={"job_id": str(job.pk), **job.kwargs})
    assert Product.objects.count() == 5


def test_a_file_unreadable_past_its_header_ends_the_job_with_its_message(
    coop_client, django_capture_on_commit_callbacks
):
    rows = "".join(f"Chè số {n},Chè,1000,5\n" for n in range(product_sheets.MAX_ROWS + 1))

    page = _text(
        coop_client.get(_checked(coop_client, django_capture_on_commit_callbacks, HEADER + rows))
    )

    assert f"Tệp có quá {product_sheets.MAX_ROWS} dòng" in page
    assert "Tải tệp lên lại" in page and reverse("cooperative-product-import") in page
    assert Job.objects.get().status == Job.Status.DONE
    assert not Product.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("hang.pdf", "%PDF-1.4 ...", "Chỉ nhận tệp CSV hoặc Excel"),
        ("hang.csv", "Tên,Giá\nChè,1000\n", "Thiếu cột bắt buộc"),
        ("hang.xlsx", "PK\x03\x04 không phải bảng tính", "Không đọc được tệp Excel"),
    ],
)
def test_a_file_refused_at_once_gets_a_form_error_and_starts_no_job(
    coop_client, name, content, message
):
    response = _upload(coop_client, content, name=name)

    assert response.status_code == 200
    assert message in _text(response)
    assert not Job.objects.exists()


def test_another_cooperatives_import_jobs_are_not_found(
    client, coop_client, django_capture_on_commit_callbacks
):
    preview_url = _checked(coop_client, django_capture_on_commit_callbacks)
    job = Job.objects.get()
    client.force_login(cooperative_user(CooperativeFactory()))

    assert client.get(preview_url).status_code == 404
    assert (
        client.get(reverse("cooperative-product-import-job-status", args=[job.pk])).status_code
        == 404
    )
    confirm = client.post(reverse("cooperative-product-import-confirm", args=[job.pk]))
    assert confirm.status_code == 404
    assert not Product.objects.exists()


def test_staff_see_a_cooperatives_import_job(
    client, coop_client, staff_user, django_capture_on_commit_callbacks
):
    preview_url = _checked(coop_client, django_capture_on_commit_callbacks)
    client.force_login(staff_user)

    assert "2 dòng hợp lệ" in _text(client.get(preview_url))


def test_the_template_downloads_as_utf8_csv(coop_client):
    response = coop_client.get(reverse("cooperative-product-import-template"))

    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode("utf-8-sig").startswith("Tên sản phẩm,Danh mục,Giá (đồng)")


@pytest.mark.parametrize("who", ["anonymous", "customer", "staff", "applicant"])
def test_only_an_approved_cooperatives_users_can_import(client, customer, staff_user, who):
    if who == "customer":
        client.force_login(customer)
    elif who == "staff":
        client.force_login(staff_user)
    elif who == "applicant":
        client.force_login(cooperative_user(CooperativeFactory(status="applied")))

    response = client.get(reverse("cooperative-product-import"))

    assert response.status_code in (302, 403)
