import datetime

from django.core.management.base import BaseCommand, CommandError

from traceability.anchoring import chain_roots_publish


class Command(BaseCommand):
    help = (
        "Publish each cooperative's signed chain root of a day (default: yesterday), as the "
        "nightly beat task does. A day already published is kept as it was."
    )

    def add_arguments(self, parser):
        parser.add_argument("--day", help="the day, YYYY-MM-DD (default: yesterday)")

    def handle(self, *args, day=None, **options):
        try:
            day = datetime.date.fromisoformat(day) if day else None
        except ValueError as error:
            raise CommandError("--day must be a date such as 2026-11-30.") from error
        published = chain_roots_publish(day=day)
        self.stdout.write(f"{published} chain roots published.")
