import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from marketplace.demo.loader import demo_load, demo_reset
from search import connection as search_connection
from search import receivers as search_receivers

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Load the demo marketplace: cooperatives, OCOP products, logins and the home page. "
        "Safe to run again: only what is missing is created."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="Delete the demo data first, then rebuild it."
        )
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            metavar="N",
            help="Also make sure N generated products exist (for benchmarks).",
        )
        parser.add_argument(
            "--orders",
            type=int,
            default=0,
            metavar="N",
            help="Also make sure N generated orders exist for the first two demo cooperatives.",
        )

    def handle(self, *args, reset, scale, orders, **options):
        if not settings.DEMO_DATA_ALLOWED:
            # The demo has published passwords: it must never reach a real shop.
            raise CommandError(
                "load_demo_data is refused in production mode (DJANGO_DEBUG=false): "
                "its logins have published passwords."
            )
        if scale < 0 or orders < 0:
            raise CommandError("--scale and --orders take zero or a positive number.")
        self._interactive = sys.stdout.isatty() and options["verbosity"] > 0
        self._verbose = options["verbosity"] > 0
        self.verbosity = options["verbosity"]
        if reset:
            self._say("Xoá dữ liệu demo cũ…")
            with search_receivers.paused():
                demo_reset()
        # One index rebuild at the end instead of a sync per product saved.
        with search_receivers.paused():
            report = demo_load(scale=scale, orders=orders, on_step=self._step, on_item=self._item)
        if report.created:
            self._analyze()
        self._search_index()
        if report.created:
            made = ", ".join(f"{count} {what}" for what, count in report.created.items())
            self._say(self.style.SUCCESS(f"Đã tạo: {made}."))
        else:
            self._say(self.style.SUCCESS("Dữ liệu demo đã đầy đủ, không có gì thay đổi."))

    def _analyze(self):
        """Refresh the database's statistics after a bulk load.

        Without them (autovacuum off, or not yet run) PostgreSQL plans the queries of a
        20,000-product catalogue as if the tables were empty.
        """
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def _search_index(self):
        """Rebuild the search index when there is a search server (ES_URL)."""
        if not search_connection.is_configured():
            return
        self._say("Chỉ mục tìm kiếm (Elasticsearch)…")
        try:
            call_command("search_index", rebuild=True, verbosity=self.verbosity)
        except CommandError as error:
            # The shop still works from the database; say how to catch up later.
            self.stderr.write(f"{error} Run `manage.py search_index --rebuild` later.")

    def _say(self, message):
        if self._verbose:
            self.stdout.write(message)

    def _step(self, number, total, label):
        self._say(f"[{number}/{total}] {label}")

    def _item(self, done, total, label):
        if not self._verbose:
            return
        filled = BAR_WIDTH * done // total
        bar = f"  [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total}"
        if self._interactive:
            self.stdout.write(f"\r{bar}", ending="" if done < total else "\n")
            self.stdout.flush()
        elif done == total or done % max(1, total // 10) == 0:
            self.stdout.write(bar)
