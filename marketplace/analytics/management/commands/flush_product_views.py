from django.core.management.base import BaseCommand

from marketplace.analytics.services import product_views_flush


class Command(BaseCommand):
    help = "Write buffered product-view counts to the analytics tables."

    def handle(self, *args, **options):
        written = product_views_flush()
        self.stdout.write(f"{written} product views written.")
