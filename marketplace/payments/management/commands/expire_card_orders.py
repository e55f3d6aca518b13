from django.core.management.base import BaseCommand

from marketplace.payments.card import orders_expire_abandoned


class Command(BaseCommand):
    help = "Cancel card orders left unpaid longer than PAYMENT_CARD_EXPIRY_MINUTES; return stock."

    def handle(self, *args, **options):
        expired = orders_expire_abandoned()
        self.stdout.write(f"{len(expired)} order(s) expired.")
