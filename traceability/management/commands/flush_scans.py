from django.core.management.base import BaseCommand

from traceability.scans import scans_flush


class Command(BaseCommand):
    help = "Write buffered QR scans to the scan log (and refresh the pages they changed)."

    def handle(self, *args, **options):
        written = scans_flush()
        self.stdout.write(f"{written} scans written.")
