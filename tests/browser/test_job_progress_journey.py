"""In Chromium, under the Content-Security-Policy: a job's page shows it waiting, moves its
progress bar as the worker reports, and turns into the result once the job is done."""

import pytest
from playwright.sync_api import expect

from marketplace.jobs.models import Job
from marketplace.payments import tasks
from tests.browser.test_csp_journey import watch_csp
from tests.browser.test_split_order_journey import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

STAFF_EMAIL, STAFF_PASSWORD = "quantri@cho-ocop.example", "quan-tri-cho-ocop"
REPORT = {
    "lines": 2000,
    "counts": {"paid": 1999, "unmatched": 1},
    "attention": [
        {"row": 7, "booked_on": "2026-11-22", "amount": "50000", "description": "TIEN NHA",
         "reference": "FT7", "outcome": "unmatched", "order_number": "", "expected_amount": None},
    ],
}  # fmt: skip


def test_the_job_page_follows_the_worker_until_the_report(page, live_server, transactional_db):
    from oscar.test.factories import UserFactory

    staff = UserFactory(email=STAFF_EMAIL, password=STAFF_PASSWORD, is_staff=True)
    job = Job.objects.create(task=tasks.bank_statement_import.name, tracked=True, owner=staff)
    violations = watch_csp(page)
    log_in(page, live_server.url, STAFF_EMAIL, STAFF_PASSWORD)

    page.goto(f"{live_server.url}/shop/payments/staff/bank-statement/jobs/{job.pk}/")
    expect(page.locator("[data-job-when=queued]")).to_be_visible()
    expect(page.locator("[data-job-when=running]")).to_be_hidden()

    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, done=500, total=2000)
    expect(page.locator("[data-job-done]")).to_have_text("500")
    expect(page.locator("[data-job-total]")).to_have_text("2000")
    expect(page.locator("[data-job-percent]")).to_have_text("25")
    expect(page.locator("progress")).to_have_attribute("max", "2000")
    expect(page.locator("[data-job-when=running]")).to_be_visible()
    expect(page.locator("[data-job-when=queued]")).to_be_hidden()

    Job.objects.filter(pk=job.pk).update(status=Job.Status.DONE, done=2000, result=REPORT)
    expect(page.locator("#statement-report")).to_contain_text("Đã ghi nhận 1999 khoản thanh toán.")
    expect(page.locator("#statement-attention")).to_contain_text("FT7")
    expect(page.locator("progress")).to_have_count(0)
    assert violations == []
