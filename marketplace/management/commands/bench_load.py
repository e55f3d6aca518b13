"""Requests per second of the shop's pages under load, beside a bare Django view.

Starts gunicorn in production mode (DEBUG off, 2 sync workers) on a free local port,
against the configured database and search server, then sends requests from
``--connections`` client threads for ``--seconds`` per page, one page after another, and
prints each page's requests per second, median latency and ratio to ``/healthz`` (the
bare view) of the same run. The client is Python threads on the same machine as the
server: the absolute numbers are lower than a C load generator's (wrk) would be; the
ratios are what to compare.
"""

import http.client
import os
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from marketplace.management.commands.bench import PHONE, PHONE_ACCEPT
from marketplace.management.commands.bench import Command as PageBench
from traceability.anchoring import new_signing_key


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Command(BaseCommand):
    help = "Measure requests per second of the main pages on gunicorn (production mode)."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=float, default=5.0, help="Load time per page.")
        parser.add_argument("--connections", type=int, default=8)
        parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers.")

    def handle(self, *args, seconds, connections, workers, **options):
        if seconds <= 0 or connections < 1 or workers < 1:
            raise CommandError("--seconds, --connections and --workers must be positive.")
        pages = self._pages()
        port = _free_port()
        with self._server(port, workers):
            self.stdout.write(
                f"gunicorn, {workers} sync workers, production mode; {connections} "
                f"connections, {seconds:g} s per page."
            )
            self.stdout.write(f"{'page':<12} {'req/s':>8} {'p50 ms':>8} {'× bare':>8}  url")
            bare = None
            for name, url, headers in pages:
                self._load(port, url, headers, 1.0, connections)  # warm every worker
                rate, p50, errors = self._load(port, url, headers, seconds, connections)
                bare = bare or rate
                note = f"  ({errors} errors)" if errors else ""
                self.stdout.write(
                    f"{name:<12} {rate:>8.1f} {p50 * 1000:>8.1f} {rate / bare:>8.3f}  {url}{note}"
                )

    def _pages(self):
        helper = PageBench()
        names = {"minimal", "home", "catalogue", "category", "product", "trace"}
        pages = [(name, url) for name, url in helper._pages() if name in names]
        pages += [("search", "/shop/search/?q=mat+ong"), ("suggest", "/shop/search/suggest/?q=mat")]
        phone = {"User-Agent": PHONE, "Accept": PHONE_ACCEPT}
        return [(name, url, phone if name == "trace" else {}) for name, url in pages]

    def _server(self, port, workers):
        command = self

        class Server:
            def __enter__(self):
                env = {
                    **os.environ,
                    "DJANGO_DEBUG": "false",
                    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
                    "TRACE_SIGNING_KEY": new_signing_key(),
                    "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
                    "SITE_URL": "https://bench.ocop.example",
                    "EMAIL_URL": "consolemail://",
                    "DATABASE_URL": os.environ.get("DATABASE_URL", ""),
                    "CELERY_BROKER_URL": os.environ.get("CELERY_BROKER_URL", "")
                    or settings.CELERY_BROKER_URL,
                    "DJANGO_LOG_LEVEL": "ERROR",
                    # One client address sends everything: no request limit may refuse it.
                    "RATE_LIMIT_SCALE": "100000",
                    # Views and scans buffered, as in production (the buffer is not flushed
                    # during the run: no worker).
                    "ANALYTICS_FLUSH_SECONDS": "30",
                }
                if not env["DATABASE_URL"]:
                    raise CommandError("DATABASE_URL must be set (production mode needs it).")
                # Production serves hashed static files from a manifest: collect them first.
                subprocess.run(
                    [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
                    env=env, check=True, cwd=settings.BASE_DIR,
                )  # fmt: skip
                gunicorn = Path(sys.executable).parent / "gunicorn"
                self.process = subprocess.Popen(
                    [str(gunicorn), "marketplace.wsgi", "--bind", f"127.0.0.1:{port}",
                     "--workers", str(workers), "--no-control-socket", "--log-level", "error"],
                    env=env, cwd=settings.BASE_DIR,
                )  # fmt: skip
                deadline = time.monotonic() + 60
                while True:
                    try:
                        status, _ = _get(port, "/healthz", {})
                        if status == 200:
                            return self
                    except OSError:
                        pass
                    if self.process.poll() is not None or time.monotonic() > deadline:
                        raise CommandError("gunicorn did not start (see its output above).")
                    time.sleep(0.2)

            def __exit__(self, *exc):
                self.process.terminate()
                try:
                    self.process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                command.stdout.write("gunicorn stopped.")

        return Server()

    def _load(self, port, url, headers, seconds, connections):
        latencies, errors, lock = [], [0], threading.Lock()
        stop = time.monotonic() + seconds

        def client():
            mine, failed = [], 0
            while time.monotonic() < stop:
                started = time.perf_counter()
                try:
                    status, _ = _get(port, url, headers)
                except OSError:
                    status = 0
                mine.append(time.perf_counter() - started)
                failed += status != 200
            with lock:
                latencies.extend(mine)
                errors[0] += failed

        started = time.monotonic()
        threads = [threading.Thread(target=client) for _ in range(connections)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        if not latencies:
            raise CommandError(f"No request to {url} completed.")
        return len(latencies) / elapsed, statistics.median(latencies), errors[0]


def _get(port, url, headers):
    """GET ``url`` as through an https proxy (the production settings redirect http)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(
            "GET", url, headers={"Host": "127.0.0.1", "X-Forwarded-Proto": "https", **headers}
        )
        response = connection.getresponse()
        body = response.read()
        return response.status, body
    finally:
        connection.close()
