"""A persistent PostgreSQL connection the server dropped is replaced, not a 500.

The request goes through Django's WSGI handler itself (the test client skips the
request_started signal that marks a persistent connection for its health check).
"""

import io

import psycopg
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.test import RequestFactory

pytestmark = [
    pytest.mark.postgres_only,
    # Flushed afterwards and restored from the serialized migrations' data, as the other
    # committing tests are: a flush that re-creates the content types by post_migrate
    # gives them new ids, and the next test restoring the serialized data then collides
    # with them ("(cms, homepage) already exists").
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _wsgi_get(path):
    """Answer ``path`` as gunicorn would: the WSGI handler, request signals and all."""
    environ = RequestFactory()._base_environ(PATH_INFO=path, REQUEST_METHOD="GET")
    environ["wsgi.input"] = io.BytesIO(b"")
    statuses = []
    response = WSGIHandler()(environ, lambda status, headers, *_: statuses.append(status))
    body = b"".join(response)
    response.close()  # request_finished: persistent connections stay open
    return int(statuses[0].split()[0]), body


def _terminate_djangos_backend():
    """Kill the server side of Django's connection from a second connection."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    settings = connection.settings_dict
    with psycopg.connect(host=settings["HOST"] or "127.0.0.1", port=settings["PORT"] or 5432,
                         user=settings["USER"], dbname=settings["NAME"],
                         autocommit=True) as other:  # fmt: skip
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
    return pid


@pytest.fixture
def persistent_connection():
    """Keep Django's connection across requests, as production's CONN_MAX_AGE does."""
    saved = connection.settings_dict["CONN_MAX_AGE"]
    connection.settings_dict["CONN_MAX_AGE"] = 60
    connection.close()
    yield
    connection.settings_dict["CONN_MAX_AGE"] = saved
    connection.close()


def test_production_settings_check_the_connections_health():
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True


def test_the_next_request_after_the_database_dropped_the_connection_answers(
    persistent_connection,
):
    assert _wsgi_get("/healthz")[0] == 200
    pid = _terminate_djangos_backend()

    status, body = _wsgi_get("/healthz")

    assert (status, body) == (200, b'{"status": "ok"}')
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone()[0] != pid  # a new connection, opened by the health check
