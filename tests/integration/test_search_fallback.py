"""With the search server down, slow or failing, every page still answers from the database."""

import socket
import threading

import pytest
from django.urls import reverse

from search import connection
from tests import search_data

pytestmark = pytest.mark.django_db

PAGES = [
    ("catalogue:index", {}),
    ("search:search", {"q": "che thai nguyen"}),
    ("search:suggest", {"q": "che"}),
]


@pytest.fixture
def products(search_server):
    catalogue = search_data.catalogue()
    search_server.rebuild()
    return catalogue


class _Server:
    """A local TCP server that accepts connections and counts them."""

    def __init__(self, handler):
        self.connections = 0
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(50)
        self._handler = handler
        self._open = []
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}"

    def _serve(self):
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            self.connections += 1
            self._open.append(conn)
            self._handler(conn)

    def close(self):
        for conn in self._open:
            conn.close()
        self._sock.close()


def _silent(conn):
    """Read the request and never answer: a server that hangs."""
    conn.recv(65536)


def _error(conn):
    conn.recv(65536)
    body = b'{"error":{"type":"node_not_connected_exception"},"status":503}'
    conn.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                 b"X-Elastic-Product: Elasticsearch\r\nContent-Length: "
                 + str(len(body)).encode() + b"\r\n\r\n" + body)  # fmt: skip
    conn.close()


@pytest.fixture
def hanging_server():
    server = _Server(_silent)
    yield server
    server.close()


@pytest.fixture
def failing_server():
    server = _Server(_error)
    yield server
    server.close()


def _get_all(client):
    return [client.get(reverse(name), params) for name, params in PAGES]


def test_with_the_server_down_every_page_answers_from_the_database(
    client, products, settings, caplog
):
    settings.ES_URL = "http://127.0.0.1:9"  # nothing listens there
    search, results, suggest = _get_all(client)
    assert search.status_code == results.status_code == suggest.status_code == 200
    assert results.context["from_search_server"] is False
    # The fallback folds diacritics too.
    assert [p.title for p in results.context["products"]] == ["Chè Thái Nguyên Tân Cương"]
    assert suggest.json()["products"][0]["title"].startswith("Ch")
    assert "Search server failed" in caplog.text


def test_a_hanging_server_costs_one_timeout_then_is_skipped(
    client, products, settings, hanging_server
):
    settings.ES_URL = hanging_server.url
    settings.ES_TIMEOUT = 0.3
    first = client.get(reverse("catalogue:index"))
    assert first.status_code == 200
    assert first.context["from_search_server"] is False
    seen = hanging_server.connections
    assert seen == 1
    # The breaker is open: the next pages do not wait for the server again.
    for response in _get_all(client):
        assert response.status_code == 200
    assert hanging_server.connections == seen


def test_a_server_answering_errors_falls_back(client, products, settings, failing_server):
    settings.ES_URL = failing_server.url
    for response in _get_all(client):
        assert response.status_code == 200
    assert failing_server.connections >= 1


def test_the_site_recovers_by_itself_when_the_server_is_back(client, products, settings):
    real_url = settings.ES_URL
    settings.ES_URL = "http://127.0.0.1:9"
    settings.ES_RETRY_SECONDS = 0.2
    down = client.get(reverse("catalogue:index"))
    assert down.context["from_search_server"] is False
    assert down.context["facets"] and all(f.options[0].count is None for f in
                                          down.context["facets"])  # fmt: skip
    settings.ES_URL = real_url
    import time

    time.sleep(0.25)  # the breaker's window, not a speed measurement
    back = client.get(reverse("catalogue:index"))
    assert back.context["from_search_server"] is True
    assert _province_counts(back)["Phú Thọ"] == 3


def _province_counts(response):
    facet = next(f for f in response.context["facets"] if f.name == "province")
    return {o.label: o.count for o in facet.options}


def test_without_a_configured_server_pages_use_the_database(client, products, settings):
    settings.ES_URL = ""
    response = client.get(reverse("search:search"), {"q": "hoa nhan"})
    assert response.status_code == 200
    assert response.context["from_search_server"] is False
    assert [p.title for p in response.context["products"]] == ["Mật ong hoa nhãn"]
    assert not connection.is_available()


def test_the_database_listing_knows_the_synonyms_too(client, products, settings):
    settings.ES_URL = ""
    for query, title in [
        ("honey", "Mật ong hoa nhãn"),
        ("matong", "Mật ong hoa nhãn"),
        ("fish sauce", "Nước mắm cốt"),
        ("tra phu tho", "Chè xanh Phú Thọ"),
    ]:
        response = client.get(reverse("search:search"), {"q": query})
        assert [p.title for p in response.context["products"]] == [title], query


@pytest.fixture
def own_search_server(tmp_path, settings):
    """A search server of this test's own (noida-db), which the test stops and starts."""
    import subprocess
    import sys
    from pathlib import Path

    noida = str(Path(sys.executable).parent / "noida-db")
    port = _free_port()
    data_dir = str(tmp_path / "noida")

    def up():
        subprocess.run([noida, "up", "--only", "elasticsearch", "--host", "127.0.0.1",
                        "--elasticsearch-port", str(port), "--data-dir", data_dir],
                       check=True, capture_output=True)  # fmt: skip

    def down():
        subprocess.run([noida, "down", "--data-dir", data_dir], capture_output=True)

    up()
    settings.ES_URL = f"http://127.0.0.1:{port}"
    connection.breaker_reset()
    yield up, down
    down()


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_stopping_the_server_mid_session_and_starting_it_again(
    client, search_server, own_search_server, settings
):
    up, down = own_search_server
    search_data.catalogue()
    search_server.rebuild()
    settings.ES_RETRY_SECONDS = 0  # try the server again at once once it is back
    # Pages rendered each time, to see where each answer came from (a page kept whole is
    # never one the database answered: tests/functional/test_page_cache.py).
    settings.PAGE_CACHE_SECONDS = 0
    before = client.get(reverse("catalogue:index"))
    assert before.context["from_search_server"] is True

    down()
    for response in _get_all(client):
        assert response.status_code == 200
    # The server's cached answer is still served; what it never answered, the database does.
    assert client.get(reverse("catalogue:index")).context["from_search_server"] is True
    searched = {"q": "che thai nguyen"}
    assert client.get(reverse("search:search"), searched).context["from_search_server"] is False

    up()  # the same data directory: the index is still there
    import time

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        # The database's answer while the server was down was not cached as the server's.
        back = client.get(reverse("search:search"), searched)
        if back.context["from_search_server"]:
            break
        time.sleep(0.2)
    assert back.context["from_search_server"] is True
    assert _province_counts(back)["Thái Nguyên"] == 1
    assert (
        _province_counts(client.get(reverse("catalogue:index"), {"sort_by": "newest"}))["Phú Thọ"]
        == 3
    )
