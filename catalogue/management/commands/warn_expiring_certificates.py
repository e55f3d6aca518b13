from django.core.management.base import BaseCommand

from catalogue.services import certificates_warn_expiring


class Command(BaseCommand):
    help = "E-mail cooperatives whose certificates expire within 60 days (run daily)."

    def handle(self, *args, **options):
        count = certificates_warn_expiring()
        self.stdout.write(f"{count} hợp tác xã đã được nhắc gia hạn chứng nhận.")
