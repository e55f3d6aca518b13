import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
Cooperative = get_model("partner", "Cooperative")
Order = get_model("order", "Order")

# The traceability page is measured as a phone's camera opens it: a real scan, logged with
# its INSERT, is the cost that page pays in production (a bot's request would skip it).
PHONE = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36"


class Command(BaseCommand):
    help = (
        "Measure the SQL query count and median server time of the main pages, "
        "in this process, against the configured database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=30, help="Requests per page.")

    def handle(self, *args, requests, **options):
        if requests < 1:
            raise CommandError("--requests must be at least 1.")
        pages = self._pages()
        client = Client()
        phone = Client(HTTP_USER_AGENT=PHONE)
        seller = self._cooperative_client()
        total = Product.objects.count()
        self.stdout.write(
            f"Catalogue: {total} products, {Order.objects.count()} orders; "
            f"{requests} requests per page."
        )
        self.stdout.write(f"{'page':<12} {'queries':>8} {'median ms':>10} {'× minimal':>10}  url")
        baseline = None
        for name, url in pages:
            if url.startswith("/shop/dashboard/"):
                page_client = seller
            elif name == "trace":
                page_client = phone
            else:
                page_client = client
            queries, median = self._measure(page_client, url, requests)
            baseline = baseline or median
            self.stdout.write(
                f"{name:<12} {queries:>8} {median * 1000:>10.2f} {median / baseline:>10.1f}  {url}"
            )

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
        ]

    def _trace_path(self):
        """Return the public page of a published demo lot that does not look copied."""
        from traceability.counterfeit import scan_flags
        from traceability.links import batch_path
        from traceability.selectors import public_batches

        for batch in public_batches().filter(status="published").order_by("pk")[:10]:
            flags = scan_flags(batch=batch, scan_count=batch.scan_count, recent_counts=[])
            if not flags.looks_copied:
                return batch_path(batch)
        raise CommandError("No published batch to measure: run `manage.py load_demo_data`.")

    def _cooperative(self):
        from marketplace.demo.catalogue_data import COOPERATIVES

        return Cooperative.objects.get(slug=COOPERATIVES[0]["slug"])

    def _cooperative_client(self):
        """Return a client signed in as the first demo cooperative (its order list)."""
        client = Client()
        client.force_login(self._cooperative().partner.users.first())
        return client

    def _measure(self, client, url, requests):
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
