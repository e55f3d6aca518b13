"""Background work that fails is kept for staff, who see why and run it again."""

import time

import pytest
from django.urls import reverse

from marketplace.celery import app
from marketplace.jobs import services
from marketplace.jobs.models import Job

pytestmark = pytest.mark.django_db

CALLS = []


@app.task(name="tests.flaky_once", max_retries=0, autoretry_for=())
def flaky_once(*, key):
    """Fail the first time for ``key``, succeed after."""
    CALLS.append(key)
    if CALLS.count(key) == 1:
        raise ConnectionError(f"mail server away for {key}")
    return key


@pytest.fixture(autouse=True)
def _as_a_worker_fails():
    """Inline tasks raise their errors in tests; a worker records them: do as a worker."""
    CALLS.clear()
    app.conf.task_eager_propagates = False
    yield
    app.conf.task_eager_propagates = True


def test_a_task_that_fails_for_good_is_recorded_with_its_arguments_and_error(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        services.enqueue(flaky_once, key="don-100042")

    job = Job.objects.get()
    assert job.status == Job.Status.FAILED
    assert job.task == "tests.flaky_once" and job.kwargs == {"key": "don-100042"}
    assert "ConnectionError: mail server away for don-100042" in job.error


def test_staff_run_a_failed_job_again_from_the_admin(
    client, staff_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.enqueue(flaky_once, key="recall-7")
    job = Job.objects.get()
    client.force_login(staff_user)

    listing = client.get(reverse("admin:jobs_job_changelist") + "?status__exact=failed")
    assert listing.status_code == 200
    assert "tests.flaky_once" in listing.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:jobs_job_changelist"),
            {"action": "retry", "_selected_action": [str(job.pk)]},
            follow=True,
        )

    assert response.status_code == 200
    assert CALLS == ["recall-7", "recall-7"]  # it ran again, and this time it worked
    job.refresh_from_db()
    assert job.status == Job.Status.RETRIED
    assert Job.objects.count() == 1  # no new failure


def test_a_job_whose_task_is_gone_is_refused_with_a_message_not_an_error(client, staff_user):
    job = Job.objects.create(task="catalogue.tasks.renamed_long_ago", status=Job.Status.FAILED)
    client.force_login(staff_user)

    response = client.post(
        reverse("admin:jobs_job_changelist"),
        {"action": "retry", "_selected_action": [str(job.pk)]},
        follow=True,
    )

    assert response.status_code == 200
    assert "không chạy lại được" in response.content.decode()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED


def test_a_cooperative_user_cannot_see_or_retry_jobs(client, cooperative):
    from tests.factories import cooperative_user

    job = Job.objects.create(task="tests.flaky_once", status=Job.Status.FAILED)
    client.force_login(cooperative_user(cooperative))

    listing = client.get(reverse("admin:jobs_job_changelist"))
    client.post(
        reverse("admin:jobs_job_changelist"),
        {"action": "retry", "_selected_action": [str(job.pk)]},
    )

    assert listing.status_code == 302  # to the admin's login
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and CALLS == []


def test_with_the_broker_away_the_request_goes_on_and_the_work_is_kept(
    django_capture_on_commit_callbacks,
):
    """Queueing while Redis is down: about a second's wait, then a failed job to retry."""
    from tests.worker import _broker_switch

    saved = {"broker_url": app.conf.broker_url, "task_always_eager": True}
    _broker_switch(app, {"broker_url": "redis://127.0.0.1:1/0", "task_always_eager": False})
    try:
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            services.enqueue(flaky_once, key="order-5")  # no exception for the request
        waited = time.monotonic() - started
    finally:
        _broker_switch(app, saved)

    job = Job.objects.get()
    assert job.status == Job.Status.FAILED and job.kwargs == {"key": "order-5"}
    assert job.error.startswith("Not queued:")
    assert CALLS == []
    assert waited < 10, waited  # bounded by the publish retry policy, not a hang
