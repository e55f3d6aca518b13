"""/healthz is liveness; /healthz/ready reports the database, Redis, the Celery broker, the
search server and how many workers answer."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marketplace.celery import app as celery_app

pytestmark = pytest.mark.django_db

CLOSED_PORT = "127.0.0.1:1"  # nothing listens there
ROOT = Path(__file__).resolve().parents[2]
# A Redis database of its own: a worker of this test answers only pings sent there.
WORKER_BROKER = "redis://127.0.0.1:6379/13"


def test_ready_without_redis_or_search_configured_is_ok(client, settings):
    settings.REDIS_URL = ""

    response = client.get("/healthz/ready")

    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "ok"
    assert data["database"]["status"] == "ok"
    assert data["redis"]["status"] == data["search"]["status"] == "not configured"


def test_ready_pings_the_real_redis(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/15"

    assert client.get("/healthz/ready").json()["redis"]["status"] == "ok"


def test_redis_down_fails_readiness_with_503(client, settings):
    settings.REDIS_URL = f"redis://{CLOSED_PORT}/0"

    response = client.get("/healthz/ready")

    assert response.status_code == 503
    assert response.json()["status"] == "failed"
    assert response.json()["redis"] == {"status": "failed", "error": "ConnectionError"}


def test_search_server_down_is_degraded_not_failed(client, settings):
    settings.REDIS_URL = ""
    settings.ES_URL = f"http://{CLOSED_PORT}"

    response = client.get("/healthz/ready")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["search"]["status"] == "degraded"


def test_a_running_search_server_is_ok(client, settings, search_server):
    settings.REDIS_URL = ""

    assert client.get("/healthz/ready").json()["search"]["status"] == "ok"


def test_ready_checks_the_demo_brokers_folders(client, settings):
    settings.REDIS_URL = ""
    assert settings.CELERY_BROKER_URL.startswith("filesystem://")  # the tests run in demo mode

    data = client.get("/healthz/ready").json()

    assert data["status"] == "ok"
    assert data["broker"]["status"] == "ok"
    assert data["workers"] is None  # tasks run inline in the tests: no workers to count


def test_a_missing_broker_folder_fails_readiness_with_503(client, settings, tmp_path):
    settings.REDIS_URL = ""
    settings.CELERY_BROKER_URL = "filesystem://"
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(tmp_path / "gone"), "data_folder_out": str(tmp_path / "gone"),
        "control_folder": str(tmp_path),
    }  # fmt: skip

    response = client.get("/healthz/ready")

    assert response.status_code == 503
    assert response.json()["broker"] == {"status": "failed", "error": "FileNotFoundError"}


def test_ready_connects_to_a_real_redis_broker(client, settings):
    settings.REDIS_URL = ""
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/15"
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}

    response = client.get("/healthz/ready")

    assert response.status_code == 200
    assert response.json()["broker"]["status"] == "ok"


def test_broker_down_fails_readiness_with_503_within_about_a_second(client, settings):
    settings.REDIS_URL = ""
    settings.CELERY_BROKER_URL = f"redis://{CLOSED_PORT}/0"

    started = time.monotonic()
    response = client.get("/healthz/ready")

    assert time.monotonic() - started < 3
    assert response.status_code == 503
    data = response.json()
    assert data["status"] == "failed"
    assert data["broker"] == {"status": "failed", "error": "OperationalError"}
    assert data["database"]["status"] == "ok"
    assert data["workers"] is None  # no ping through a broker that is down


@pytest.fixture
def redis_worker(tmp_path):
    """A real Celery worker on its own Redis database, stopped after the test."""
    log = open(tmp_path / "worker.log", "w")  # noqa: SIM115 - closed with the worker
    env = {**os.environ, "DJANGO_DEBUG": "true", "CELERY_BROKER_URL": WORKER_BROKER}
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "marketplace", "worker", "--pool", "solo",
         "-l", "info", "-n", f"health-test-{os.getpid()}@%h",
         "--without-gossip", "--without-mingle"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    worker.log_path = log.name
    # It loads Django first: seconds on an idle machine, more under a whole test run.
    deadline = time.monotonic() + 180
    while "ready." not in open(log.name).read() and worker.poll() is None:
        assert time.monotonic() < deadline, open(log.name).read()[-3000:]
        time.sleep(0.2)
    yield worker
    worker.terminate()
    worker.wait(timeout=30)
    log.close()


@pytest.fixture
def tasks_sent_to_workers():
    """Send tasks to the broker, as in production, instead of running them inline."""
    celery_app.conf.task_always_eager = False
    yield
    celery_app.conf.task_always_eager = True


def test_ready_counts_the_workers_that_answer_a_ping(
    client, settings, tasks_sent_to_workers, redis_worker
):
    settings.REDIS_URL = ""
    settings.CELERY_BROKER_URL = WORKER_BROKER
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {}
    deadline = time.monotonic() + 30
    while True:  # ready, it may still be subscribing to the broadcasts
        started = time.monotonic()
        data = client.get("/healthz/ready").json()
        elapsed = time.monotonic() - started
        assert data["status"] == "ok"
        assert elapsed < 3  # the ping waits about a second, never more
        if data["workers"] or time.monotonic() > deadline or redis_worker.poll() is not None:
            break

    assert data["workers"] >= 1, open(redis_worker.log_path).read()[-3000:]
