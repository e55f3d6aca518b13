"""Requests per second of the shop's pages under load, beside a bare Django view.

Starts gunicorn in production mode (DEBUG off, 2 sync workers) on a free local port,
against the configured database, search server and cache (``BENCH_REDIS_URL``, emptied
first, as production's Redis), then loads each page for ``--seconds`` with
``--connections`` connections, one page after another, and prints its requests per
second, median latency and ratio to ``/healthz`` (the bare view) of the same run.

Each page is loaded twice: as a first-time visitor gets it (no cookies: the page kept for
all such visitors, ``marketplace.page_cache``), and as a visitor with a session gets it
(rendered for them, with the shared fragments). The load comes from ``wrk`` (2 threads)
when it is installed (``make bench`` installs it), else from Python threads, whose own
work on the same two cores lowers every absolute number: compare ratios.

Then, when Lighthouse is installed in ``.bench/`` (``make bench`` does it with npm), each
main page's Lighthouse mobile performance score, its largest contentful paint, and what
it transferred: in all, and before the pictures below the fold (what Chromium fetched at
high priority, the pictures on the first screen among them, and every other resource).
The server stands behind a stand-in for production's front web server
(``marketplace.bench_wsgi``: uploads served, HTML compressed).
"""

import http.client
import json
import os
import re
import secrets
import shutil
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
        parser.add_argument(
            "--lighthouse", default=str(LIGHTHOUSE), help="Lighthouse's command ('' to skip)."
        )

    def handle(self, *args, seconds, connections, workers, lighthouse, **options):
        if seconds <= 0 or connections < 1 or workers < 1:
            raise CommandError("--seconds, --connections and --workers must be positive.")
        pages = self._pages()
        port = _free_port()
        load = self._load_wrk if shutil.which("wrk") else self._load
        with self._server(port, workers):
            self.stdout.write(
                f"gunicorn, {workers} sync workers, production mode; {connections} "
                f"connections, {seconds:g} s per page; load from "
                f"{'wrk' if load == self._load_wrk else 'Python threads (no wrk)'}."
            )
            self.stdout.write(f"{'page':<20} {'req/s':>8} {'p50 ms':>8} {'× bare':>8}  url")
            bare = None
            for name, url, headers in pages:
                load(port, url, headers, 1.0, connections)  # warm every worker
                rate, p50, errors = load(port, url, headers, seconds, connections)
                bare = bare or rate
                note = f"  ({errors} errors)" if errors else ""
                self.stdout.write(
                    f"{name:<20} {rate:>8.1f} {p50 * 1000:>8.1f} {rate / bare:>8.3f}  {url}{note}"
                )
            if lighthouse and Path(lighthouse).exists():
                self._lighthouse(lighthouse, port, [p for p in pages if p[0] in LIGHTHOUSE_PAGES])
            else:
                self.stdout.write("Lighthouse is not installed in .bench/: no page scores.")

    def _pages(self):
        helper = PageBench()
        names = {"minimal", "home", "catalogue", "category", "product", "trace"}
        pages = [(name, url) for name, url in helper._pages() if name in names]
        pages += [("search", "/shop/search/?q=mat+ong"), ("suggest", "/shop/search/suggest/?q=mat")]
        phone = {"User-Agent": PHONE, "Accept": PHONE_ACCEPT}
        loaded = [(name, url, phone if name == "trace" else {}) for name, url in pages]
        # The same pages for a visitor with a session (an unknown one: no sign-in needed),
        # rendered for them.
        session = {"Cookie": f"{settings.SESSION_COOKIE_NAME}=bench-visitor-with-a-session"}
        rendered = {"home", "catalogue", "category", "product", "search"}
        return loaded + [(f"{name} (session)", url, session) for name, url in pages
                         if name in rendered]  # fmt: skip

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
                    # The cache of production: Redis, emptied first (the stamps it holds
                    # belong to another database's run).
                    "REDIS_URL": _redis_emptied(os.environ.get("BENCH_REDIS_URL", "")),
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
                    [str(gunicorn), "marketplace.bench_wsgi", "--bind", f"127.0.0.1:{port}",
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

    def _lighthouse(self, command, port, pages):
        """Print each page's Lighthouse mobile performance, LCP and bytes transferred."""
        self.stdout.write(
            f"Lighthouse (mobile): {'page':<10} {'score':>6} {'LCP s':>6} {'KiB':>6} "
            f"{'first screen KiB':>17}"
        )
        for name, url, _headers in pages:
            report = Path(settings.BASE_DIR) / ".bench" / f"lighthouse-{name}.json"
            result = subprocess.run(
                [command, f"http://127.0.0.1:{port}{url}", "--quiet", "--output=json",
                 f"--output-path={report}", "--only-categories=performance",
                 '--extra-headers={"X-Forwarded-Proto": "https"}',
                 f"--chrome-flags={CHROMIUM_FLAGS}"],
                capture_output=True, text=True, check=False, timeout=300,
                env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
            )  # fmt: skip
            if result.returncode != 0 or not report.exists():
                self.stdout.write(f"{'':<20} {name:<10} failed: {result.stderr[-300:]}")
                continue
            data = json.loads(report.read_text())
            audits = data["audits"]
            score = data["categories"]["performance"]["score"]
            requests = audits["network-requests"]["details"]["items"]
            total = sum(r.get("transferSize", 0) for r in requests)
            first = sum(r.get("transferSize", 0) for r in requests
                        if r.get("resourceType") != "Image"
                        or r.get("priority") in ("High", "VeryHigh"))  # fmt: skip
            lcp = audits["largest-contentful-paint"]["numericValue"] / 1000
            shown = "–" if score is None else f"{score * 100:.0f}"
            self.stdout.write(
                f"{'':<20} {name:<10} {shown:>6} {lcp:>6.1f} {total / 1024:>6.0f} "
                f"{first / 1024:>17.0f}"
            )

    def _load_wrk(self, port, url, headers, seconds, connections):
        """Load ``url`` with wrk (2 threads); return req/s, median latency, errors."""
        headers = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https", **headers}
        command = ["wrk", "-t2", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--latency",
                   "--timeout", "10s"]  # fmt: skip
        for name, value in headers.items():
            command += ["-H", f"{name}: {value}"]
        result = subprocess.run([*command, f"http://127.0.0.1:{port}{url}"],
                                capture_output=True, text=True, check=False)  # fmt: skip
        rate, p50 = _WRK_RATE.search(result.stdout), _WRK_P50.search(result.stdout)
        if result.returncode != 0 or not rate or not p50:
            raise CommandError(f"wrk failed on {url}: {result.stderr or result.stdout}")
        errors = sum(int(n) for match in _WRK_ERRORS.finditer(result.stdout)
                     for n in match.groups() if n)  # fmt: skip
        return float(rate.group(1)), float(p50.group(1)) * _UNITS[p50.group(2)], errors


LIGHTHOUSE = Path(settings.BASE_DIR) / ".bench" / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_PAGES = ("home", "catalogue", "product", "search", "trace")
# Chromium as the browser tests start it (tests/browser/conftest.py): no background traffic.
CHROMIUM_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


def _redis_emptied(url):
    """Return ``url`` after emptying that Redis database ("" when none is given)."""
    if url:
        import redis

        redis.Redis.from_url(url).flushdb()
    return url


_WRK_RATE = re.compile(r"Requests/sec:\s+([\d.]+)")
_WRK_P50 = re.compile(r"^\s+50%\s+([\d.]+)(us|ms|s)\b", re.MULTILINE)
_WRK_ERRORS = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)|Socket errors:.*?timeout (\d+)")
_UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0}


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
