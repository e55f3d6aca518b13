"""The background work, done by a real Celery worker on Redis (tests/worker.py).

Each test starts its own worker on its own queue and reads what it did: the e-mails it
wrote, the search index it filled. The test's process only queues tasks, as the site's
web processes do.
"""

import re

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import ProductClassFactory, UserFactory

from search.connection import call
from search.documents import alias_name
from tests import checkout_steps as steps
from tests.factories import category, cooperative_user, ocop_order, ship_order, trace_batch
from tests.support.flaky_mail import failed_once
from tests.support.tcp_proxy import TcpProxy
from traceability.services import batch_recall
from traceability.tasks import recall_fan_out

pytestmark = [
    pytest.mark.worker,
    pytest.mark.postgres_only,
    # The worker reads the database through its own connection: what it should see is
    # committed. serialized_rollback restores what migrations created (Wagtail's page tree).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")


def _subject(message):
    # A long non-ASCII subject is folded over lines (RFC 2047): read it as one line.
    return " ".join(str(message["Subject"]).split())


def _text(message):
    return message.get_body(("plain",)).get_content()


def _to(messages, address):
    return [message for message in messages if message["To"] == address]


# The order e-mail.


def test_the_order_email_is_sent_by_the_worker_after_the_page_has_answered(
    client, celery_worker, tea
):
    form = steps.checkout(client, [(tea, 1)], method="cod")
    celery_worker.pause()

    response = steps.place_order(client, form)

    # The thank-you redirect came back while the e-mail still waits in the worker's queue.
    assert response.status_code == 302 and response.url == reverse("checkout:thank-you")
    order = Order.objects.get()
    assert celery_worker.redis.llen(celery_worker.queue) >= 1
    assert celery_worker.mails() == []
    celery_worker.resume()
    [confirmation] = celery_worker.wait_for(
        lambda: _to(celery_worker.mails(), "khach.le@example.com"), what="the order e-mail"
    )
    assert order.number in _subject(confirmation) + _text(confirmation)
    assert "tiền mặt" in _text(confirmation)
    assert mail.outbox == []  # nothing was sent from the test's (the web) process


# A recall, with a mail server that drops each buyer's first message.

BUYERS = {
    "an.nguyen@example.com": "vi",
    "ben.smith@example.com": "en",
    "chi.tran@example.com": "vi",
    "dana.jones@example.com": "en",
}
SUBJECT = {"vi": "Thu hồi sản phẩm:", "en": "Product recall:"}
REASON_LABEL = {"vi": "Lý do: Độ ẩm vượt ngưỡng", "en": "Reason: Độ ẩm vượt ngưỡng"}


@pytest.fixture
def flaky_mail_worker(celery_worker_env, request):
    celery_worker_env["EMAIL_DELIVERY_BACKEND"] = "tests.support.flaky_mail.EmailBackend"
    return request.getfixturevalue("celery_worker")


@pytest.fixture
def shipped_batch(flaky_mail_worker, tea_cooperative, tea_user, tea):
    """A published batch of tea, shipped to each of BUYERS in an order of their own."""
    batch = trace_batch(cooperative=tea_cooperative, product=tea, user=tea_user,
                        kinds=["harvest"], photos_per_event=0)  # fmt: skip
    for address, language in BUYERS.items():
        order = ocop_order(items=[(tea, 1)], user=UserFactory(email=address))
        order.language = language
        order.save(update_fields=["language"])
        ship_order(order, tea_user)  # its line's unit is taken from the batch
    # Whatever the setup queued is done (and out of the mail and the mail server's memory).
    flaky_mail_worker.wait_idle()
    for path in flaky_mail_worker.mail_dir.rglob("*"):
        if path.is_file():
            path.unlink()
    return batch


def test_a_recall_reaches_each_buyer_once_in_their_language_after_a_failed_delivery(
    flaky_mail_worker, shipped_batch, tea_user
):
    worker = flaky_mail_worker
    worker.pause()

    batch_recall(batch=shipped_batch, reason="Độ ẩm vượt ngưỡng", by=tea_user)
    # The fan-out delivered a second time (a worker lost before its acknowledgement),
    # queued behind the first: both list every buyer before either's chunk has run.
    recall_fan_out.apply_async(kwargs={"batch_pk": shipped_batch.pk})
    worker.resume()

    def recalls():
        return [m for m in worker.mails() if shipped_batch.lot_code in _subject(m)]

    worker.wait_for(lambda: len(recalls()) >= len(BUYERS), seconds=30, what="the recall e-mails")
    worker.wait_idle()
    log = worker.log()
    # Both fan-outs sent a chunk of all four buyers; the second chunk found them claimed.
    assert len(re.findall(r"recall_fan_out\[[-\w]+\] succeeded in [\d.]+s: 4$", log, re.M)) == 2
    assert re.findall(r"recall_notify_orders\[[-\w]+\] succeeded in [\d.]+s: (\d)$", log,
                      re.M) == ["4", "0"]  # fmt: skip
    # Each buyer's first delivery failed and was retried.
    assert failed_once(worker.mail_dir) == sorted(BUYERS)
    for address in BUYERS:
        assert re.search(rf"email_deliver\[[-\w]+\] retry: Retry in .*{re.escape(address)}", log)
    messages = worker.mails()
    for address, language in BUYERS.items():
        [message] = _to(messages, address)
        assert _subject(message).startswith(SUBJECT[language])
        assert REASON_LABEL[language] in _text(message)
    assert len(messages) == len(BUYERS)


# Search sync while the search server is away, then back.


@pytest.fixture
def search_proxy(search_server, settings):
    proxy = TcpProxy(settings.ES_URL)
    yield proxy
    proxy.close()


@pytest.fixture
def search_worker(search_server, search_proxy, celery_worker_env, settings, request):
    """A worker that reaches the test's search server through ``search_proxy``."""
    celery_worker_env.update(
        ES_URL=search_proxy.url,
        ES_INDEX_PREFIX=settings.ES_INDEX_PREFIX,
        # Try the server on each retry: no breaker pause in between.
        ES_RETRY_SECONDS="0",
    )
    return request.getfixturevalue("celery_worker")


def _product_form(tea_category, cooperative, title):
    forms = {
        prefix: {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0",
                 "MAX_NUM_FORMS": "1000"}
        for prefix in ("stockrecords", "images", "primary_recommendations",
                       "productcategory_set")
    }  # fmt: skip
    forms["stockrecords"]["TOTAL_FORMS"] = forms["productcategory_set"]["TOTAL_FORMS"] = "1"
    data = {f"{prefix}-{key}": value for prefix, fields in forms.items()
            for key, value in fields.items()}  # fmt: skip
    data.update({
        "title_vi": title, "description_vi": "Mật ong rừng tràm.", "structure": "standalone",
        "is_public": "on", "is_discountable": "on", "net_content": "500 ml",
        "shelf_life_months": "24", "storage_vi": "Nơi khô ráo", "ingredients_vi": "Mật ong",
        "productcategory_set-0-category": str(tea_category.pk),
        "stockrecords-0-partner": str(cooperative.partner.pk),
        "stockrecords-0-partner_sku": "MAT-ONG-UM-1", "stockrecords-0-price": "250000",
        "stockrecords-0-price_currency": "VND", "stockrecords-0-num_in_stock": "40",
    })  # fmt: skip
    return data


def _indexed_title(product):
    """Return the product's title in the search index (read from the server itself, not
    through the site's database fallback), or None."""
    call(lambda es: es.indices.refresh(index=alias_name("products")))
    found = call(lambda es: es.options(ignore_status=404).get(
        index=alias_name("products"), id=str(product.pk)))  # fmt: skip
    return found.body["_source"]["title"] if found.body.get("found") else None


def test_a_product_saved_while_search_is_down_is_indexed_by_the_worker_once_it_is_back(
    client, search_worker, search_proxy, search_server, tea_cooperative
):
    worker = search_worker
    tea_category = category("Chè")
    product_class = ProductClassFactory(name="Sản phẩm OCOP", slug="san-pham-ocop",
                                        track_stock=True)  # fmt: skip
    search_server.rebuild()
    worker.wait_idle()
    search_proxy.down()
    client.force_login(cooperative_user(tea_cooperative))

    response = client.post(
        reverse("dashboard:catalogue-product-create",
                kwargs={"product_class_slug": product_class.slug}),
        _product_form(tea_category, tea_cooperative, "Mật ong rừng U Minh"),
    )  # fmt: skip

    # Saved while the search server was away: the page did not wait for it.
    assert response.status_code == 302, response.content.decode()[:2000]
    product = Product.objects.get(title="Mật ong rừng U Minh")
    worker.wait_for(
        lambda: re.search(r"index_sync\[[-\w]+\] retry: Retry in", worker.log()),
        what="the index sync to fail and be retried",
    )
    assert _indexed_title(product) is None
    search_proxy.up()
    assert worker.wait_for(lambda: _indexed_title(product), seconds=30,
                           what="the product in the index") == "Mật ong rừng U Minh"  # fmt: skip


# A product import, with the progress the job page shows.

IMPORT_ROWS = 1000


def test_a_product_import_is_checked_and_saved_by_the_worker_with_progress(
    client, celery_worker, cooperative
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from marketplace.jobs.models import Job

    category("Chè")
    ProductClassFactory()
    user = cooperative_user(cooperative)
    client.force_login(user)
    rows = "".join(f"Chè búp số {n},Chè,{100000 + n},5\n" for n in range(IMPORT_ROWS))
    upload = SimpleUploadedFile("hang.csv", ("Tên sản phẩm,Danh mục,Giá (đồng),Tồn kho\n"
                                             + rows).encode())  # fmt: skip

    response = client.post(reverse("cooperative-product-import"), {"spreadsheet": upload})

    assert response.status_code == 302
    check = Job.objects.get(owner=user)
    status_url = reverse("cooperative-product-import-job-status", args=[check.pk])
    celery_worker.wait_for(
        lambda: client.get(status_url).json()["finished"], seconds=60, what="the check"
    )
    check.refresh_from_db()
    assert check.status == Job.Status.DONE and check.total == IMPORT_ROWS
    assert Product.objects.filter(title__startswith="Chè búp số").count() == 0  # not yet

    response = client.post(reverse("cooperative-product-import-confirm", args=[check.pk]))
    assert response.status_code == 302
    apply = Job.objects.exclude(pk=check.pk).get(owner=user)
    apply_status = reverse("cooperative-product-import-job-status", args=[apply.pk])
    seen = []

    def finished():
        status = client.get(apply_status).json()
        seen.append((status["done"], status["total"], status["percent"]))
        return status["finished"]

    celery_worker.wait_for(finished, seconds=120, what="the import")
    apply.refresh_from_db()
    assert apply.status == Job.Status.DONE, apply.error
    assert Product.objects.filter(title__startswith="Chè búp số").count() == IMPORT_ROWS
    # The page saw the import move: some reading part-way, and 100 % at the end.
    assert any(0 < done < total for done, total, _percent in seen), seen
    assert seen[-1][2] == 100
