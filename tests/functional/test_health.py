"""/healthz is liveness; /healthz/ready reports the database, Redis and the search server."""

import pytest

pytestmark = pytest.mark.django_db

CLOSED_PORT = "127.0.0.1:1"  # nothing listens there


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
