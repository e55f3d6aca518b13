"""Demo batches: most products get a published lot with 4–8 events and photos."""

import datetime
import io
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from catalogue.gtin import gtin_check_digit
from marketplace.partner.models import Cooperative
from traceability.anchoring import chain_roots_publish
from traceability.counterfeit import BURST_CLIENTS, PLAUSIBLE_CLIENTS_PER_ITEM
from traceability.models import Batch, LineBatch, ScanLog
from traceability.services import batch_create, batch_publish, batch_recall, event_add

# (kind, days before harvest, place suffix, note); care events carry inputs.
STORY = [
    ("planting", 200, "vùng trồng", "Xuống giống, làm cỏ và che phủ gốc bằng rơm."),
    ("care", 120, "vùng trồng", "Bón phân hữu cơ hoai mục, tưới nhỏ giọt."),
    ("care", 45, "vùng trồng", "Phun chế phẩm sinh học phòng sâu, cách ly 21 ngày."),
    ("harvest", 0, "vùng trồng", "Thu hoạch buổi sáng, phân loại tại ruộng."),
    ("processing", -1, "xưởng chế biến", "Sơ chế, làm sạch và chế biến theo quy trình OCOP."),
    ("packing", -2, "xưởng đóng gói", "Đóng gói, dán tem truy xuất theo lô."),
    ("inspection", -3, "phòng kiểm nghiệm", "Mẫu lưu đạt chỉ tiêu an toàn thực phẩm."),
    ("shipping", -5, "kho hợp tác xã", "Xuất kho giao cho đơn vị vận chuyển."),
]
INPUTS = {
    1: [{"name": "Phân hữu cơ vi sinh", "dose": "2 tấn/ha"}],
    2: [{"name": "Chế phẩm Trichoderma", "dose": "3 kg/ha"}],
}
RECALL_REASON = "Độ ẩm một số gói vượt ngưỡng cho phép; hợp tác xã đổi trả miễn phí."
# Demo cooperatives that are GS1 members: their company prefix (made-up numbers in
# Vietnam's 893 range). Their GLN is the prefix, location reference 00001, check digit;
# their lots' growing areas are GLN extension 1, so their EPCIS events carry SGLNs.
GS1_MEMBERS = {
    "htx-che-cam-my": "8936117",
    "htx-cam-cao-phong": "8936118",
    "htx-mat-ong-tam-dao": "8936119",
}
EVERY_NTH_WITHOUT_BATCH = 5  # a few products have no batch yet, as in real life
EVERY_NTH_UNSCANNED = 9  # and a few lots nobody has scanned yet
# Scan history: a month of scans at 0.3–1.5 per item, from the browsers people use here.
SCAN_DAYS = 30
CLIENTS = (
    ["Zalo"] * 5 + ["Chrome"] * 4 + ["Safari"] * 3 + ["Facebook", "Cốc Cốc", "Samsung Internet"]
)
COPIED_LOT_INDEX = 3  # the third product's lot has a copied QR code
# Different phones within a few minutes today, at a market stall, on a few networks.
COPIED_BURST = BURST_CLIENTS + 20
COPIED_BURST_NETWORKS = 8
# The copied code's other scans come from phones all over the country, on many networks
# (traceability.counterfeit counts at most ten phones a network).
COPIED_NETWORKS = 400


def _photo(seed):
    """Return a made-up field photo: sky, hills and rows of plants, varied by the seed.

    No words drawn in: the event's kind and note are the page's text, in its language.
    """
    image = Image.new("RGB", (480, 360), (170 + seed * 7 % 60, 205, 235))
    draw = ImageDraw.Draw(image)
    ground = (40 + seed * 37 % 120, 110 + seed * 13 % 80, 60)
    draw.ellipse([-120 + seed * 23 % 200, 120, 360 + seed * 23 % 200, 420], fill=ground)
    draw.rectangle([0, 230, 480, 360], fill=ground)
    for row in range(5):
        y = 250 + row * 22
        for x in range(10 + row * 7 % 20, 480, 44):
            draw.ellipse([x, y, x + 26, y + 14], fill=(25, 90 + row * 12, 35))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=75)
    return SimpleUploadedFile(f"su-kien-{seed}.jpg", out.getvalue(), content_type="image/jpeg")


def gln_of(prefix, location="00001"):
    """Return the 13-digit GLN of ``prefix`` and ``location``, with its check digit."""
    body = (prefix + location).ljust(12, "0")[:12]
    return body + str(gtin_check_digit(body))


def load_gs1_members(*, report):
    """Give the GS1 member cooperatives of the demo their GLN (once)."""
    for cooperative in Cooperative.objects.filter(slug__in=GS1_MEMBERS, gln=""):
        prefix = GS1_MEMBERS[cooperative.slug]
        cooperative.gln, cooperative.gs1_company_prefix = gln_of(prefix), prefix
        cooperative.full_clean()
        cooperative.save(update_fields=["gln", "gs1_company_prefix"])
        report.add("hợp tác xã có mã GLN", 1)


def load_batches(*, report, products, progress):
    """Give most demo products one published batch with its story."""
    today = timezone.localdate()
    total = len(products)
    for index, product in enumerate(products, start=1):
        progress(index, total, product.title)
        if index % EVERY_NTH_WITHOUT_BATCH == 0 or product.batches.exists():
            continue
        cooperative = product.cooperative
        user = cooperative.partner.users.first()
        harvested = today - datetime.timedelta(days=20 + index % 40)
        steps = STORY[: 4 + index % 5]  # 4 to 8 events
        batch = batch_create(
            product=product,
            lot_code=f"{harvested:%y%m}-{product.pk:04d}",
            quantity=200 + index * 7 % 800,
            produced_on=harvested,
            best_before=harvested + datetime.timedelta(days=30 * (product.shelf_life_months or 12)),
            farm_name=f"Vùng trồng {cooperative.ward_name}",
            farm_location=f"{cooperative.ward_name}, {cooperative.province_name}",
            farm_gln_extension="1" if cooperative.gln else "",
            by=user,
        )
        for number, (kind, days_before, place, note) in enumerate(steps):
            event_add(
                batch=batch,
                kind=kind,
                occurred_at=timezone.make_aware(
                    datetime.datetime.combine(
                        harvested - datetime.timedelta(days=days_before), datetime.time(8, 0)
                    )
                ),
                by=user,
                place=f"{place.capitalize()}, {cooperative.ward_name}",
                note=note,
                inputs=INPUTS.get(number, []),
                photos=[(_photo(index + number), "")],
            )
        batch_publish(batch=batch, by=user)
        report.add("lô hàng truy xuất", 1)
        if index == COPIED_LOT_INDEX:
            report.add("lượt quét", _scan_copied_lot(batch, seed=index))
        elif index % EVERY_NTH_UNSCANNED:
            report.add("lượt quét", _scan_history(batch, seed=index))


def recall_demo_lot(*, report):
    """Recall one lot the demo customer received (once): its buyers are told, the page
    shows the banner and the product sells out when no other lot is left."""
    if Batch.objects.filter(status=Batch.Status.RECALLED).exists():
        return
    shipped = (
        LineBatch.objects.filter(
            batch__status=Batch.Status.PUBLISHED,
            line__order__shipments__status__in=["shipped", "delivered"],
        )
        .select_related("batch__product__cooperative__partner")
        .order_by("batch__pk")
        .first()
    )
    batch = (
        shipped.batch
        if shipped
        else Batch.objects.filter(status=Batch.Status.PUBLISHED).order_by("pk")[10:11].first()
    )
    if batch is None:
        return
    user = batch.product.cooperative.partner.users.first()
    batch_recall(batch=batch, reason=RECALL_REASON, by=user)
    report.add("lô bị thu hồi", 1)


def publish_roots(*, report):
    """Publish today's signed chain root of every cooperative with lots (once a day)."""
    report.add("gốc chuỗi băm đã công bố", chain_roots_publish(day=timezone.localdate()))


def _key(rng):
    # Stands for the keyed hashes traceability.scans.scan_keys stores: random, as they look.
    return f"{rng.getrandbits(64):016x}"


def _scans(batch, count, rng, *, end, span, phones, networks):
    """Return ``count`` scans by ``phones`` different phones on ``networks`` networks."""
    places = [_key(rng) for _ in range(networks)]
    clients = [(_key(rng), rng.choice(places), rng.choice(CLIENTS)) for _ in range(phones)]
    # Every phone scans at least once; some scan again (a second look, a reload).
    chosen = clients + [rng.choice(clients) for _ in range(count - phones)]
    return [
        ScanLog(
            batch=batch,
            scanned_at=end - span * rng.random(),
            client=family,
            client_key=client_key,
            place_key=place_key,
        )  # fmt: skip
        for client_key, place_key, family in chosen
    ]


def _scan_history(batch, *, seed):
    """Store a month of ordinary scans of ``batch`` in bulk; return how many."""
    rng = random.Random(seed)  # noqa: S311 (repeatable demo data, not a secret)
    count = round(batch.quantity * rng.uniform(0.3, 1.5))
    span = datetime.timedelta(days=SCAN_DAYS)
    scans = _scans(batch, count, rng, end=timezone.now(), span=span,
                   phones=max(1, count * 4 // 5), networks=max(1, count // 10))  # fmt: skip
    ScanLog.objects.bulk_create(scans, batch_size=1000)
    return count


def _scan_copied_lot(batch, *, seed):
    """Store the scans of a lot whose code was copied: far more phones than its size, a burst."""
    rng = random.Random(seed)  # noqa: S311 (repeatable demo data, not a secret)
    now = timezone.now()
    phones = batch.quantity * PLAUSIBLE_CLIENTS_PER_ITEM + rng.randint(200, 400)
    scans = _scans(batch, phones + rng.randint(100, 200), rng, end=now,
                   span=datetime.timedelta(days=SCAN_DAYS), phones=phones,
                   networks=COPIED_NETWORKS)  # fmt: skip
    burst_end = now - datetime.timedelta(minutes=20)
    scans += _scans(batch, COPIED_BURST, rng, end=burst_end, span=datetime.timedelta(minutes=4),
                    phones=COPIED_BURST, networks=COPIED_BURST_NETWORKS)  # fmt: skip
    ScanLog.objects.bulk_create(scans, batch_size=1000)
    return len(scans)
