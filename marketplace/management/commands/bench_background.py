"""Benchmark the pages that hand heavy work to Celery, with a real worker doing it.

For each of: placing an order, recalling a lot sold to 200 buyers, importing a
20,000-line bank statement and a 5,000-row product spreadsheet, this measures the server
time of the web response (in this process, as ``bench`` does) and then how long the
worker took to finish the work (e-mails sent, job done). The worker is a separate
``celery worker`` process on the configured broker (kombu's filesystem broker in the
demo), sending e-mail into files under ``--mail-dir``.
"""

import csv
import datetime
import io
import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.demo import data as demo_data
from marketplace.demo.scale import generated_line

Cooperative = get_model("partner", "Cooperative")
Order = get_model("order", "Order")
Line = get_model("order", "Line")
StockRecord = get_model("partner", "StockRecord")

LIMIT_MS = 300
BUYERS = 200
STATEMENT_LINES = 20_000
IMPORT_ROWS = 5_000
BENCH_PREFIX = "BG"


class Command(BaseCommand):
    help = "Measure the web responses that start background work, with a real Celery worker."

    def add_arguments(self, parser):
        parser.add_argument("--mail-dir", default=".bench/mail")
        parser.add_argument("--timeout", type=int, default=600, help="Seconds to wait for work.")
        parser.add_argument(
            "--only", default="", help="Comma-separated: order, recall, statement, import."
        )

    def handle(self, *args, mail_dir, timeout, only, **options):
        self.mail_dir, self.timeout = Path(mail_dir).resolve(), timeout
        self.rows, self.failures = [], []
        steps = {
            "order": self._order, "recall": self._recall, "statement": self._statement,
            "import": self._product_import,
        }  # fmt: skip
        wanted = [name.strip() for name in only.split(",") if name.strip()] or list(steps)
        unknown = set(wanted) - steps.keys()
        if unknown:
            raise CommandError(f"Unknown --only: {', '.join(sorted(unknown))}")
        # Stopped from outside (a timeout, Ctrl-C), the worker is stopped too.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        with self._worker():
            for name in wanted:
                steps[name]()
        self.stdout.write(f"{'work':<22} {'web ms':>8} {'worker s':>9}  done")
        for name, web, worker, note in self.rows:
            flag = "" if web * 1000 < LIMIT_MS else f"  ← over {LIMIT_MS} ms"
            self.stdout.write(f"{name:<22} {web * 1000:>8.1f} {worker:>9.1f}  {note}{flag}")
        self.stdout.write(
            f"Web responses must take under {LIMIT_MS} ms of server time; the work is done "
            "by the worker."
        )
        if self.failures:
            raise CommandError("; ".join(self.failures))

    # -- the worker -------------------------------------------------------------------
    @contextmanager
    def _worker(self):
        self.mail_dir.mkdir(parents=True, exist_ok=True)
        for old in self.mail_dir.iterdir():
            old.unlink()
        log_path = self.mail_dir.parent / "worker.log"
        env = {
            **os.environ,
            "EMAIL_URL": f"filemail:///{self.mail_dir}",
            "DJANGO_LOG_LEVEL": "WARNING",
        }
        celery = Path(sys.executable).parent / "celery"
        with open(log_path, "w") as log:
            process = subprocess.Popen(
                [str(celery), "-A", "marketplace", "worker", "--pool", "prefork",
                 "--concurrency", "2", "-l", "info", "--without-heartbeat",
                 "--without-mingle", "--without-gossip"],
                env=env, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        try:
            self._wait(lambda: "ready." in log_path.read_text(), "the worker to start", 60)
            self.stdout.write(f"Celery worker started (pid {process.pid}, log {log_path}).")
            yield
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()

    def _wait(self, done, what, timeout=None):
        deadline = time.monotonic() + (timeout or self.timeout)
        started = time.monotonic()
        while not done():
            if time.monotonic() > deadline:
                raise CommandError(f"Timed out waiting for {what}.")
            time.sleep(0.2)
        return time.monotonic() - started

    def _mails(self):
        # Django's file backend ends each message with a line of 79 dashes; two worker
        # processes may append to the same file (it is named by the second).
        separator = b"-" * 79
        return sum(path.read_bytes().count(separator) for path in self.mail_dir.iterdir())

    def _timed(self, request):
        start = time.perf_counter()
        response = request()
        elapsed = time.perf_counter() - start
        if response.status_code >= 400:
            raise CommandError(f"{response.status_code}: {response.content[:300]!r}")
        return response, elapsed

    def _record(self, name, web, worker, note):
        self.rows.append((name, web, worker, note))
        if web * 1000 >= LIMIT_MS:
            self.failures.append(f"{name}: {web * 1000:.0f} ms")

    # -- the four measurements ----------------------------------------------------------
    def _order(self):
        from tests.checkout_steps import checkout, place_order  # the buyer's pages

        record = (
            StockRecord.objects.filter(num_in_stock__gt=5, product__is_public=True)
            .select_related("product")
            .order_by("pk")
            .first()
        )
        # One order first, untimed: a running server has its templates, translations and
        # connections warm (the first order of a fresh process took twice as long).
        warmed = self._mails()
        place_order(warm := Client(), checkout(warm, [(record.product, 1)], guest=True))
        self._wait(lambda: self._mails() >= warmed + 2, "the warm-up order's e-mails")
        client = Client()
        form = checkout(client, [(record.product, 1)], guest=True)
        before = self._mails()
        response, web = self._timed(lambda: place_order(client, form))
        if response.status_code != 302:
            raise CommandError("Placing the order did not redirect to the thank-you page.")
        # The buyer's confirmation and the cooperative's new-order e-mail.
        worker = self._wait(lambda: self._mails() >= before + 2, "the order e-mails")
        self._record("place an order", web, worker, f"{self._mails() - before} e-mails sent")

    def _recall(self):
        from traceability.models import Batch, LineBatch
        from traceability.services import batch_create, batch_publish, event_add

        cooperative = Cooperative.objects.get(slug=demo_data.COOPERATIVES[0]["slug"])
        user = cooperative.partner.users.order_by("pk").first()
        record = StockRecord.objects.filter(partner=cooperative.partner).order_by("pk").first()
        lot = f"BENCH-{timezone.now():%Y%m%d%H%M%S}"
        batch = batch_create(
            product=record.product, lot_code=lot, quantity=BUYERS, by=user,
            produced_on=timezone.localdate() - datetime.timedelta(days=10),
        )  # fmt: skip
        event_add(batch=batch, kind="harvest", occurred_at=timezone.now(), by=user)
        batch_publish(batch=batch, by=user)
        self._sold_to_buyers(batch, record, user)
        client = Client()
        client.force_login(user)
        url = reverse("batch-action", args=[batch.pk, "recall"])
        before = self._mails()
        _response, web = self._timed(lambda: client.post(url, {"reason": "Bench: độ ẩm cao"}))
        if Batch.objects.get(pk=batch.pk).status != Batch.Status.RECALLED:
            raise CommandError("The recall was not recorded.")
        worker = self._wait(lambda: self._mails() >= before + BUYERS, "the recall e-mails")
        left = LineBatch.objects.filter(batch=batch, recall_notified_at__isnull=True).count()
        self._record(
            f"recall, {BUYERS} buyers", web, worker,
            f"{self._mails() - before} e-mails, {left} buyers not told",
        )  # fmt: skip

    def _sold_to_buyers(self, batch, record, user):
        """Make BUYERS guest orders (half in English) of one line shipped from ``batch``."""
        from traceability.models import LineBatch

        stamp = timezone.now()
        with transaction.atomic():
            orders = Order.objects.bulk_create(
                [
                    Order(
                        number=f"{BENCH_PREFIX}{stamp:%H%M%S}{n:04d}",
                        guest_email=f"nguoi-mua-{n}@example.com",
                        language="en" if n % 2 else "vi",
                        currency="VND",
                        total_incl_tax=record.price,
                        total_excl_tax=record.price,
                        status="Pending",
                        date_placed=stamp,
                    )  # fmt: skip
                    for n in range(BUYERS)
                ]
            )
            lines = Line.objects.bulk_create(
                [generated_line(order=order, record=record) for order in orders]
            )
            LineBatch.objects.bulk_create(
                [
                    LineBatch(line=line, batch=batch, quantity=line.quantity, assigned_by=user)
                    for line in lines
                ]  # fmt: skip
            )

    def _statement(self):
        from marketplace.jobs.models import Job

        staff = get_user_model().objects.filter(is_staff=True, is_active=True).first()
        client = Client()
        client.force_login(staff)
        rows = io.StringIO()
        writer = csv.writer(rows)
        writer.writerow(["Ngày", "Số tiền", "Nội dung", "Mã giao dịch"])
        today = timezone.localdate().strftime("%d/%m/%Y")
        for n in range(STATEMENT_LINES):
            writer.writerow([today, "150000", f"CK DON HANG {900000 + n}", f"BENCHFT{n:08d}"])
        upload = SimpleUploadedFile("sao-ke.csv", rows.getvalue().encode(), content_type="text/csv")
        url = reverse("payments:bank-statement-import")
        _response, web = self._timed(lambda: client.post(url, {"statement": upload}))
        job = Job.objects.filter(owner=staff).order_by("-created_at").first()
        worker = self._wait(lambda: _finished(job), "the statement import")
        job.refresh_from_db()
        self._record(
            f"statement, {STATEMENT_LINES} lines", web, worker,
            f"job {job.get_status_display()}: {job.done}/{job.total} lines",
        )  # fmt: skip

    def _product_import(self):
        from marketplace.jobs.models import Job

        cooperative = Cooperative.objects.get(slug=demo_data.COOPERATIVES[0]["slug"])
        user = cooperative.partner.users.order_by("pk").first()
        client = Client()
        client.force_login(user)
        rows = io.StringIO()
        writer = csv.writer(rows)
        writer.writerow(["Tên sản phẩm", "Danh mục", "Giá (đồng)", "Tồn kho", "Khối lượng"])
        stamp = timezone.now().strftime("%H%M%S")
        for n in range(IMPORT_ROWS):
            writer.writerow([f"Chè bench {stamp} số {n}", "Chè và trà", 100000 + n, 10, "200 g"])
        upload = SimpleUploadedFile(
            "san-pham.csv", rows.getvalue().encode(), content_type="text/csv"
        )
        url = reverse("cooperative-product-import")
        _response, web = self._timed(lambda: client.post(url, {"spreadsheet": upload}))
        check = Job.objects.filter(owner=user).order_by("-created_at").first()
        worker = self._wait(lambda: _finished(check), "the import check")
        self._record(f"import check, {IMPORT_ROWS} rows", web, worker, _summary(check))
        confirm = reverse("cooperative-product-import-confirm", args=[check.pk])
        _response, web = self._timed(lambda: client.post(confirm))
        apply = Job.objects.filter(owner=user).order_by("-created_at").first()
        worker = self._wait(lambda: _finished(apply), "the import")
        self._record(f"import, {IMPORT_ROWS} rows", web, worker, _summary(apply))


def _finished(job):
    job.refresh_from_db()
    return job.is_finished


def _summary(job):
    job.refresh_from_db()
    return f"job {job.get_status_display()}: {job.done}/{job.total}"
