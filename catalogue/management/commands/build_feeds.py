from django.core.management.base import BaseCommand

from catalogue.feeds.build import feeds_build

SKIPPED = {"price": "không có giá", "image": "không có ảnh", "title": "không có tên"}


class Command(BaseCommand):
    help = (
        "Write the product feeds for Google Merchant Center and Meta (Vietnamese and English, "
        "XML and CSV) to the default storage, as the worker does every 30 minutes."
    )

    def handle(self, *args, **options):
        for report in feeds_build():
            left_out = ", ".join(f"{count} {SKIPPED.get(reason, reason)}"
                                 for reason, count in sorted(report.skipped.items()))  # fmt: skip
            line = f"{' và '.join(report.files)}: {report.items} sản phẩm"
            self.stdout.write(line + (f" (bỏ qua: {left_out})" if left_out else ""))
