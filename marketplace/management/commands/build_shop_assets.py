from django.core.management.base import BaseCommand

from marketplace import shop_assets


class Command(BaseCommand):
    help = (
        "Write static/css/shop.css and the shop's icon fonts: Oscar's stylesheet and Font "
        "Awesome cut down to what the shop's templates use (run after adding a class)."
    )

    def handle(self, *args, **options):
        for path, size in shop_assets.build().items():
            self.stdout.write(f"{path.relative_to(shop_assets.STATIC.parent)}: {size:,} bytes")
