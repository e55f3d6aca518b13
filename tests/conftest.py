import pytest
from django.db import connection

from tests import factories

# ``celery_worker``: a real Celery worker on Redis, for the tests marked ``worker``.
pytest_plugins = ["tests.worker"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Repair a reused test database that a transactional (browser) test flushed."""
    from cms.services import page_tree_ensure

    with django_db_blocker.unblock():
        page_tree_ensure()


@pytest.fixture(scope="session", autouse=True)
def _tasks_run_inline():
    """Run every task inline, in the test's process, unless a test starts a real worker
    (``celery_worker`` in tests/worker.py)."""
    from marketplace.celery import app

    app.conf.task_always_eager = True


@pytest.fixture(autouse=True)
def _isolated_settings(settings, tmp_path):
    """Keep uploads in a temporary folder and make password hashing cheap."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ANALYTICS_FLUSH_SECONDS = 0
    settings.ANALYTICS_SPOOL_DIR = tmp_path / "spool"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Pages use the database listing unless a test asks for the search server
    # (the ``search_server`` fixture).
    settings.ES_URL = ""
    # Request limits far above what a test sends; the throttling tests set the real ones
    # (``real_rate_limits``). The login lockout keeps its real limits everywhere.
    settings.RATE_LIMIT_SCALE = 1000


@pytest.fixture
def real_rate_limits(settings, monkeypatch):
    """Rate-limit requests as in use (RATE_LIMIT_SCALE 1), all in one counting window.

    django-ratelimit counts in fixed windows (a minute, an hour): a test whose requests
    straddle a window's end would see its count start again. Its clock stands still.
    """
    import time
    import types

    from django_ratelimit import core

    settings.RATE_LIMIT_SCALE = 1
    now = time.time()
    monkeypatch.setattr(core, "time", types.SimpleNamespace(time=lambda: now))


@pytest.fixture
def search_server(settings):
    """Point the site at the test search server, under index names of this test only.

    ``make test`` starts a local server and exports ES_URL; without one, search tests
    are skipped locally and fail under CI.
    """
    import os
    import uuid

    from search import connection
    from search.indexing import call_quietly

    url = os.environ.get("ES_URL", "")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("ES_URL is not set: CI runs the search tests against a search server.")
        pytest.skip("no search server: run the tests with `make test` (it starts one)")
    settings.ES_URL = url
    settings.ES_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:10]}"
    settings.ES_RETRY_SECONDS = 15
    connection.breaker_reset()
    yield SearchServer(settings)
    connection.breaker_reset()
    # Delete by name: a real cluster refuses wildcard deletes (destructive_requires_name).
    call_quietly(
        lambda es: [
            es.indices.delete(index=name)
            for name in es.indices.get(index=f"{settings.ES_INDEX_PREFIX}-*")
        ]  # fmt: skip
    )
    connection.breaker_reset()


class SearchServer:
    """What a search test does to the index: rebuild it, make changes visible."""

    def __init__(self, settings):
        self.settings = settings

    def rebuild(self):
        from search.indexing import index_rebuild

        return index_rebuild()

    def refresh(self):
        from search.indexing import index_refresh

        index_refresh()


@pytest.fixture(autouse=True)
def _clear_cache():
    """Oscar caches category paths, the trace page its HTML and scans: a test sees its own."""
    from django.core.cache import caches

    from traceability.scans import get_buffer

    def clear():
        for alias in ("default", "trace"):
            caches[alias].clear()
        get_buffer().drain()

    clear()
    yield
    clear()


@pytest.fixture
def _postgres_only(request):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (running on the SQLite fallback)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.get_closest_marker("postgres_only"):
            item.fixturenames.insert(0, "_postgres_only")


@pytest.fixture
def cooperative(db):
    return factories.CooperativeFactory()


@pytest.fixture
def tea_category(db):
    return factories.category("Chè")


@pytest.fixture
def staff_user(db):
    from oscar.test.factories import UserFactory

    return UserFactory(email="admin@ocop.example", is_staff=True, is_superuser=True)


@pytest.fixture
def customer(db):
    from oscar.test.factories import UserFactory

    return UserFactory(email="khach@ocop.example")


@pytest.fixture
def home_page(db):
    return factories.home_page()


# Two cooperatives and one product each: the shape of a split order.


@pytest.fixture
def tea_cooperative():
    return factories.CooperativeFactory(
        partner__name="Hợp tác xã Chè Cẩm Mỹ", slug="htx-che-cam-my"
    )


@pytest.fixture
def honey_cooperative():
    return factories.CooperativeFactory(
        partner__name="Hợp tác xã Mật ong Bạc Hà", slug="htx-mat-ong"
    )


@pytest.fixture
def tea_user(tea_cooperative):
    return factories.cooperative_user(tea_cooperative)


@pytest.fixture
def honey_user(honey_cooperative):
    return factories.cooperative_user(honey_cooperative)


@pytest.fixture
def tea(tea_cooperative):
    return factories.ocop_product(cooperative=tea_cooperative, title="Chè Shan tuyết", price=125000)


@pytest.fixture
def honey(honey_cooperative):
    return factories.ocop_product(
        cooperative=honey_cooperative, title="Mật ong hoa bạc hà", price=390000
    )


@pytest.fixture
def stripe_server(settings, monkeypatch):
    """Card payments on, with Stripe's servers (outside this machine) stubbed at HTTP."""
    import stripe

    from tests import stripe_stub

    settings.STRIPE_SECRET_KEY = "sk_test_ocop"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_ocop"
    settings.STRIPE_WEBHOOK_SECRET = stripe_stub.WEBHOOK_SECRET
    server = stripe_stub.StripeServer()
    monkeypatch.setattr(stripe, "default_http_client", server)
    monkeypatch.setattr(stripe, "max_network_retries", 0)
    return server
