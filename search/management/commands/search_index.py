import sys

from django.core.management.base import BaseCommand, CommandError

from search import connection, indexing

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Rebuild the search index: fill new timestamped indexes of products, cooperatives "
        "and stories, then swap the aliases to them (searches never see an empty index)."
    )

    def add_arguments(self, parser):
        what = parser.add_mutually_exclusive_group()
        what.add_argument(
            "--rebuild", action="store_true", help="Build new indexes and swap the aliases."
        )
        what.add_argument(
            "--if-outdated",
            action="store_true",
            help=(
                "Rebuild only when an index is missing or was built by other code (a "
                "deployment runs this: make serve). A search server that does not answer "
                "is reported, not an error: the shop works from the database meanwhile."
            ),
        )

    def handle(self, *args, rebuild, if_outdated, **options):
        if not (rebuild or if_outdated):
            raise CommandError("Say what to do: --rebuild or --if-outdated.")
        self._verbose = options["verbosity"] > 0
        if not connection.is_configured():
            message = "ES_URL is not set: there is no search server to index into."
            if rebuild:
                raise CommandError(message)
            if self._verbose:
                self.stdout.write(message)
            return
        if if_outdated and not self._outdated():
            return
        self._interactive = sys.stdout.isatty() and self._verbose
        self._totals = {
            "products": indexing.indexable_products().count(),
            "cooperatives": indexing.indexable_cooperatives().count(),
            "stories": indexing.indexable_stories().count(),
        }
        self._done = dict.fromkeys(self._totals, 0)
        connection.breaker_reset()
        try:
            counts = indexing.index_rebuild(progress=self._progress)
        except connection.SearchUnavailable as error:
            raise CommandError(
                f"The search server did not answer ({error}). The old index, if any, is "
                "still in use; run the command again once the server is back."
            ) from error
        if self._verbose:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Đã lập chỉ mục {counts['products']} sản phẩm, "
                    f"{counts['cooperatives']} hợp tác xã và {counts['stories']} câu chuyện."
                )
            )

    def _outdated(self):
        """Say which indexes need a rebuild; return whether one does."""
        connection.breaker_reset()
        try:
            outdated = indexing.index_outdated()
        except connection.SearchUnavailable as error:
            self.stderr.write(
                f"The search server did not answer ({error}): the index was not checked. "
                "Run `manage.py search_index --if-outdated` once it is back."
            )
            return False
        if outdated and self._verbose:
            self.stdout.write(f"Chỉ mục cần lập lại (cấu trúc mới): {', '.join(outdated)}.")
        elif self._verbose:
            self.stdout.write("Chỉ mục tìm kiếm đã khớp với mã nguồn: không cần lập lại.")
        return bool(outdated)

    def _progress(self, kind, count):
        if not self._verbose:
            return
        self._done[kind] = self._done.get(kind, 0) + count
        done = self._done[kind]
        total = max(self._totals.get(kind, 0), done)
        filled = BAR_WIDTH * done // max(total, 1)
        bar = f"  {kind:<12} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total}"
        if self._interactive:
            self.stdout.write(f"\r{bar}", ending="" if done < total else "\n")
            self.stdout.flush()
        else:
            self.stdout.write(bar)
