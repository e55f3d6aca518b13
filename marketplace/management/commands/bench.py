import json
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
Cooperative = get_model("partner", "Cooperative")
Order = get_model("order", "Order")

# The traceability page is measured as a phone's camera opens it: every request is a real
# scan, counted as in production (a bot's request would skip the counting). In production
# scans are buffered and written by a beat task every ANALYTICS_FLUSH_SECONDS (default
# 30); the bench runs with 0, under which each scan would be written at once and
# rebuild the page, so the page is measured with production's buffering, and the
# work taken off the request path (the flush, the page rebuilt after it) is measured too.
PHONE = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36"
PHONE_ACCEPT = (
    "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
    "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"
)
PRODUCTION_FLUSH_SECONDS = 30
# The pages a visitor without a session or basket gets from the page cache.
KEPT_PAGES = {"home", "catalogue", "category", "product", "campaign", "story"}


class Command(BaseCommand):
    help = (
        "Measure the SQL query count and median server time of the main pages, "
        "in this process, against the configured database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=30, help="Requests per page.")
        parser.add_argument(
            "--profile",
            action="store_true",
            help="Also profile one rendered request of each page (pyinstrument): where the "
            "time goes.",
        )
        parser.add_argument(
            "--counts-file",
            help="Compare the query counts with this file's (fail when one grew); write it "
            "when it does not exist.",
        )

    def handle(self, *args, requests, counts_file=None, profile=False, **options):
        if requests < 1:
            raise CommandError("--requests must be at least 1.")
        pages = self._pages()
        client = Client()
        phone = Client(HTTP_USER_AGENT=PHONE, HTTP_ACCEPT=PHONE_ACCEPT)
        seller = self._cooperative_client()
        total = Product.objects.count()
        self.stdout.write(
            f"Catalogue: {total} products, {Order.objects.count()} orders; "
            f"{requests} requests per page. Rendered: as a visitor with a session or a basket "
            "gets it;\nkept: as a visitor without gets it, from the page cache "
            "(marketplace.page_cache)."
        )
        self.stdout.write(
            f"{'page':<12} {'queries':>8} {'median ms':>10} {'× minimal':>10} "
            f"{'kept q':>7} {'kept ms':>8}  url"
        )
        baseline, notes, counts = None, [], {}
        for name, url in pages:
            kept = ""
            if url.startswith("/shop/dashboard/"):
                queries, median = self._measure(seller, url, requests)
            elif name == "trace":
                queries, median, notes = self._measure_trace(phone, url, requests, baseline)
            else:
                with override_settings(PAGE_CACHE_SECONDS=0):
                    queries, median = self._measure(client, url, requests)
                if name in KEPT_PAGES:
                    # A new visitor each time: the first request notes the page, the
                    # second keeps it.
                    kept_queries, kept_median = self._measure(Client(), url, requests, warm=2)
                    counts[f"{name} kept"] = kept_queries
                    kept = f"{kept_queries:>7} {kept_median * 1000:>8.2f}"
            counts[name] = queries
            baseline = baseline or median
            self.stdout.write(
                f"{name:<12} {queries:>8} {median * 1000:>10.2f} {median / baseline:>10.1f} "
                f"{kept or '':>16}  {url}"
            )
        for line in notes:
            self.stdout.write(line)
        self._measure_search(client, requests, baseline)
        if profile:
            self._profile([(n, u) for n, u in pages if n in KEPT_PAGES or n == "coop orders"])
        if counts_file:
            self._compare_counts(Path(counts_file), counts)

    def _profile(self, pages):
        """Print where one rendered request of each page spends its time (pyinstrument)."""
        from pyinstrument import Profiler

        seller = self._cooperative_client()
        for name, url in pages:
            client = seller if url.startswith("/shop/dashboard/") else Client()
            with override_settings(PAGE_CACHE_SECONDS=0):
                client.get(url)  # warm the per-process caches, as a running server has them
                profiler = Profiler(interval=0.0005)
                with profiler:
                    client.get(url)
            self.stdout.write(f"== Profile: {name} {url}")
            self.stdout.write(profiler.output_text(unicode=True, color=False, show_all=False,
                                                   short_mode=True))  # fmt: skip

    def _compare_counts(self, path, counts):
        """Fail when a page's query count grew since the counts kept in ``path``."""
        if not path.exists():
            path.write_text(json.dumps(counts, indent=1))
            self.stdout.write(f"Query counts kept in {path} for the next run to compare.")
            return
        before = json.loads(path.read_text())
        grown = {page: (before[page], n) for page, n in counts.items()
                 if page in before and n > before[page]}  # fmt: skip
        if grown:
            listed = ", ".join(f"{page} {old} → {new}" for page, (old, new) in grown.items())
            raise CommandError(f"Query counts grew with the catalogue: {listed}.")
        self.stdout.write(f"Query counts: none grew since {path}.")

    def _measure_search(self, client, requests, baseline):
        """Measure a faceted search and a suggestion, on the search server and the database."""
        from django.test import override_settings

        from search import connection as search_connection

        pages = [
            ("search", "/shop/search/?q=che+thai+nguyen&stars=4&stars=5&in_stock=1"),
            ("suggest", "/shop/search/suggest/?q=mat+o"),
        ]
        if not search_connection.is_configured():
            self.stdout.write("Search server: ES_URL is not set; search pages use the database.")
            return
        rows = {}
        # A generous timeout: measure the search server's own time, not the fallback's.
        # Rendered (no page cache): what the search server and the fallback cost.
        for engine, es_url in (("es", settings.ES_URL), ("db", "")):
            with override_settings(ES_URL=es_url, ES_TIMEOUT=30, PAGE_CACHE_SECONDS=0):
                search_connection.breaker_reset()
                for name, url in pages:
                    rows[name, engine] = self._measure(client, url, requests)
        for name, url in pages:
            for engine, label in (("es", ""), ("db", " (db)")):
                queries, median = rows[name, engine]
                self.stdout.write(f"{name + label:<12} {queries:>8} {median * 1000:>10.2f} "
                                  f"{median / baseline:>10.1f}  {url}")  # fmt: skip
        for name, _url in pages:
            ratio = rows[name, "es"][1] / rows[name, "db"][1]
            self.stdout.write(f"{name}: search server ÷ database fallback = {ratio:.2f}")

    def _pages(self):
        product = (
            Product.objects.browsable()
            .filter(stockrecords__isnull=False)
            .exclude(upc__startswith="SCALE-")
            .order_by("pk")
            .first()
        )
        category = Category.objects.order_by("path").first()
        if product is None or category is None:
            raise CommandError("No catalogue to measure: run `manage.py load_demo_data` first.")
        return [
            ("minimal", "/healthz"),
            ("home", "/"),
            ("catalogue", "/shop/catalogue/"),
            ("category", category.get_absolute_url()),
            ("product", product.get_absolute_url()),
            ("cooperative", self._cooperative().get_absolute_url()),
            ("coop orders", "/shop/dashboard/orders/"),
            ("trace", self._trace_path()),
            *self._cms_pages(),
        ]

    def _cms_pages(self):
        """Return the demo's rule-grid campaign and a story, when the demo has them."""
        from cms.models import CampaignPage, StoryPage

        pages = []
        campaign = CampaignPage.objects.live().filter(rule_province_code__isnull=False).first()
        story = StoryPage.objects.live().order_by("pk").first()
        if campaign is not None:
            pages.append(("campaign", campaign.url))
        if story is not None:
            pages.append(("story", story.url))
        return pages

    def _trace_path(self):
        """Return the public page of a published demo lot that does not look copied."""
        from traceability.counterfeit import scan_flags
        from traceability.links import batch_path
        from traceability.selectors import batch_scan_counts, public_batches

        for batch in public_batches().filter(status="published").order_by("pk")[:10]:
            overall, _recent = batch_scan_counts(batch)
            flags = scan_flags(batch=batch, overall=overall, windows=[])
            if not flags.looks_copied:
                return batch_path(batch)
        raise CommandError("No published batch to measure: run `manage.py load_demo_data`.")

    def _cooperative(self):
        from marketplace.demo.data import COOPERATIVES

        return Cooperative.objects.get(slug=COOPERATIVES[0]["slug"])

    def _cooperative_client(self):
        """Return a client signed in as the first demo cooperative (its order list)."""
        client = Client()
        client.force_login(self._cooperative().partner.users.first())
        return client

    def _measure_trace(self, phone, url, requests, baseline):
        """Measure the QR page as phones scan it: served from the page cache, scan buffered.

        Also measure, and print, what the cache and the buffer move off the request path:
        a scan that misses the cache (the page rebuilt from the database, as after every
        change and every flush that wrote scans of the lot) and the flush of the buffer.
        """
        from traceability import page_cache
        from traceability.scans import get_buffer, scans_flush

        route = page_cache.lot_route(gtin=url.split("/")[2], lot=url.split("/10/", 1)[1])
        if route is None:
            raise CommandError("The trace page cache is off (TRACE_CACHE_SECONDS=0).")
        flush_seconds = settings.ANALYTICS_FLUSH_SECONDS or PRODUCTION_FLUSH_SECONDS
        with override_settings(ANALYTICS_FLUSH_SECONDS=flush_seconds):
            get_buffer().drain()
            # A lot's first scan learns its route, the second stores its page (see
            # traceability/page_cache.py); from the third on, scans are served from the cache.
            queries, median = self._measure(phone, url, requests, warm=2)
            batch_pk = page_cache.lookup(route).batch_pk
            page_cache.batches_changed([batch_pk])
            with CaptureQueriesContext(connection) as captured:
                phone.get(url)
            miss_queries = len(captured)
            misses = []
            for _ in range(max(3, requests // 3)):
                page_cache.batches_changed([batch_pk])
                start = time.perf_counter()
                phone.get(url)
                misses.append(time.perf_counter() - start)
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                written = scans_flush()
                flush = time.perf_counter() - start
        miss = statistics.median(misses)
        notes = [
            f"{'trace miss':<12} {miss_queries:>8} {miss * 1000:>10.2f} {miss / baseline:>10.1f}"
            "  the same scan when the lot's page is not cached (after a change or a flush)",
            f"{'scan flush':<12} {len(captured):>8} {flush * 1000:>10.2f} {'':>10}"
            f"  {written} buffered scans written, off the request path (every {flush_seconds} s)",
            "trace: each request is a phone's scan (counted, buffered), served from the page "
            "cache:\n  the lot's HTML in the visitor's language, CSRF token and path filled in.",
        ]
        return queries, median, notes

    def _measure(self, client, url, requests, *, warm=1):
        for _ in range(warm):
            response = client.get(url)  # warm caches and thumbnails
            if response.status_code != 200:
                raise CommandError(f"{url} answered {response.status_code}")
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        # Read the count now: every request clears the connection's query log.
        queries = len(captured)
        timings = []
        for _ in range(requests):
            start = time.perf_counter()
            client.get(url)
            timings.append(time.perf_counter() - start)
        return queries, statistics.median(timings)
