import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory
from oscar.core.loading import get_model
from wagtail.models import Site

from cms.models import HomePage
from marketplace.demo import data
from marketplace.demo.loader import demo_load
from tests.feed_checks import feed_items

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
Cooperative = get_model("partner", "Cooperative")
StockRecord = get_model("partner", "StockRecord")


def _sign_in(email, password):
    """Authenticate as the sign-in page does: with the request (the login lockout needs it)."""
    request = RequestFactory().post("/shop/accounts/login/")
    return authenticate(request, username=email, password=password)


def _counts():
    return {
        "products": Product.objects.count(),
        "cooperatives": Cooperative.objects.count(),
        "stockrecords": StockRecord.objects.count(),
        "home_pages": HomePage.objects.count(),
    }


@pytest.fixture
def loaded_demo():
    return demo_load()


def test_demo_loads_every_cooperative_and_product_with_a_vnd_price(loaded_demo):
    approved = Cooperative.objects.filter(status=Cooperative.Status.APPROVED)
    assert approved.count() == len(data.COOPERATIVES)
    assert Product.objects.count() == len(data.PRODUCTS)
    assert all(p.primary_image().pk for p in Product.objects.prefetch_related("images"))
    spec = data.PRODUCTS[0]
    product = Product.objects.get(title=spec["title"])
    assert product.stockrecords.get().price == spec["price"]
    # The feeds for Google and Meta are built with it, every product in them.
    assert (
        len(feed_items("google-vi.xml")) == len(feed_items("google-en.csv")) == len(data.PRODUCTS)
    )


def test_a_second_run_changes_nothing(loaded_demo):
    before = _counts()

    report = demo_load()

    assert report.created == {}
    assert _counts() == before


def test_reset_rebuilds_the_demo(loaded_demo, capsys):
    Product.objects.filter(title=data.PRODUCTS[0]["title"]).update(title="Sửa tay")

    call_command("load_demo_data", "--reset")

    assert Product.objects.count() == len(data.PRODUCTS)
    assert Product.objects.filter(title=data.PRODUCTS[0]["title"]).exists()
    out = capsys.readouterr().out
    assert "[7/8] Đơn đăng ký, chứng nhận chờ xác minh, đơn hàng mẫu" in out
    assert "[8/8] Nguồn sản phẩm cho Google và Facebook" in out


def test_the_wagtail_site_root_is_the_demo_home_page(loaded_demo):
    site = Site.objects.get(is_default_site=True)

    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.specific.featured_products.count() == 8


@pytest.mark.parametrize(
    ("email", "password"),
    [
        ("admin@ocop.example", "ocop-admin"),
        ("khach@ocop.example", "ocop-demo"),
        (f"{data.COOPERATIVES[0]['slug']}@ocop.example", "ocop-demo"),
        (f"{data.COOPERATIVES[-1]['slug']}@ocop.example", "ocop-demo"),
    ],
)
def test_every_demo_login_works(loaded_demo, email, password):
    assert _sign_in(email, password) is not None


def test_cooperative_logins_run_their_own_partner_only(loaded_demo):
    spec = data.COOPERATIVES[0]
    user = _sign_in(f"{spec['slug']}@ocop.example", "ocop-demo")

    assert user.has_perm("partner.dashboard_access")
    assert list(user.partners.values_list("cooperative__slug", flat=True)) == [spec["slug"]]


def test_scale_adds_generated_products_once(loaded_demo):
    demo_load(scale=30)
    demo_load(scale=30)

    assert Product.objects.filter(upc__startswith="SCALE-").count() == 30


def test_negative_scale_is_refused_with_a_clear_message():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--scale"):
        call_command("load_demo_data", "--scale", "-5")


def test_the_demo_is_refused_in_production_mode(settings):
    from django.core.management.base import CommandError

    settings.DEMO_DATA_ALLOWED = False

    with pytest.raises(CommandError, match="production mode"):
        call_command("load_demo_data")
    assert not Product.objects.exists()


def test_demo_products_carry_ocop_certificates_some_expired_some_expiring(loaded_demo):
    from django.utils import timezone

    Certificate = get_model("catalogue", "Certificate")
    today = timezone.localdate()
    certificates = list(Certificate.objects.filter(kind="ocop"))

    assert len(certificates) == len(data.PRODUCTS)
    assert any(c.expires_on < today for c in certificates)
    assert any(c.expires_soon for c in certificates)
    assert sum(c.is_valid for c in certificates) > len(certificates) * 0.8


def test_demo_cooperatives_have_valid_vietnamese_phone_numbers(loaded_demo):
    for cooperative in Cooperative.objects.all():
        cooperative.full_clean()


def test_demo_has_applications_waiting_a_certificate_to_check_and_split_orders(loaded_demo):
    Certificate = get_model("catalogue", "Certificate")
    Order = get_model("order", "Order")
    Shipment = get_model("order", "Shipment")

    assert Cooperative.objects.filter(status=Cooperative.Status.APPLIED).count() == 3
    assert Certificate.objects.filter(verified_at__isnull=True).count() == 1
    orders = Order.objects.filter(number__startswith="OCOP-DEMO-")
    assert orders.count() == 6
    assert all(order.shipments.count() >= 2 for order in orders)
    statuses = set(Shipment.objects.values_list("status", flat=True))
    assert {"pending", "packed", "shipped", "delivered"} <= statuses


def test_applicants_can_log_in_but_have_no_dashboard(loaded_demo):
    applicant = _sign_in("hop-tac-xa-che-huong-son@ocop.example", "ocop-demo")

    assert applicant is not None
    assert not applicant.has_perm("partner.dashboard_access")


def test_most_demo_products_have_a_published_batch_with_a_verified_story(loaded_demo):
    from traceability.chain import chain_verifies
    from traceability.models import Batch

    batches = list(Batch.objects.prefetch_related("events__photos", "events__corrects"))
    assert len(batches) >= len(data.PRODUCTS) * 0.7
    assert {b.status for b in batches} == {"published", "recalled"}
    assert sum(b.status == "recalled" for b in batches) == 1
    for batch in batches:
        events = sorted(batch.events.all(), key=lambda e: e.sequence)
        assert 4 <= len(events) <= 8
        assert all(e.photos.all() for e in events)
        assert chain_verifies(events)


def test_shipped_demo_orders_carry_lots_and_the_recall_reached_their_buyer(loaded_demo):
    from traceability.models import Batch, LineBatch
    from traceability.recalls import recall_buyer_groups

    shipped = LineBatch.objects.filter(
        line__order__number__startswith="OCOP-DEMO-",
        line__order__shipments__status__in=["shipped", "delivered"],
    )
    assert shipped.exists()
    recalled = Batch.objects.get(status="recalled")
    customer_lines = LineBatch.objects.filter(
        batch=recalled, line__order__user__email="khach@ocop.example"
    )
    assert customer_lines.exists()
    # Its notices leave from a worker once the load commits: the customer is one buyer.
    (orders,) = recall_buyer_groups(batch_pk=recalled.pk)
    assert set(orders) == set(customer_lines.values_list("line__order_id", flat=True))


def test_some_demo_cooperatives_have_a_gln_and_every_lot_is_in_a_signed_root(loaded_demo):
    import json

    from traceability import anchoring
    from traceability.models import Batch, ChainRoot

    members = Cooperative.objects.exclude(gln="")
    assert members.count() == 3
    assert all(c.sgln().startswith("urn:epc:id:sgln:893") for c in members)
    roots = list(ChainRoot.objects.all())
    assert roots
    assert all(anchoring.signature_problem(json.loads(root.document)) == "" for root in roots)
    listed = {
        lot["shortCode"] for root in roots for lot in json.loads(root.document)["payload"]["lots"]
    }
    assert listed == set(Batch.objects.values_list("short_code", flat=True))


def test_demo_lots_have_a_month_of_scans_and_exactly_one_looks_copied(loaded_demo):
    from traceability.models import Batch
    from traceability.selectors import batch_scan_report

    reports = [batch_scan_report(batch=batch) for batch in Batch.objects.order_by("pk")]
    copied = [report for report in reports if report.flags.looks_copied]

    assert len(copied) == 1
    assert copied[0].flags.too_many and copied[0].flags.burst
    assert sum(report.total > 0 for report in reports) >= len(reports) * 0.8


def test_demo_cms_content_exists_in_vietnamese_and_english_and_sells(loaded_demo, client):
    from cms.models import CampaignPage, StandardPage, StoryPage

    def per_language(model):
        pages = model.objects.live()
        return {code: pages.filter(locale__language_code=code).count() for code in ("vi", "en")}

    assert per_language(HomePage) == {"vi": 1, "en": 1}
    assert per_language(CampaignPage) == {"vi": 2, "en": 2}
    assert per_language(StandardPage) == {"vi": 6, "en": 6}
    stories = per_language(StoryPage)
    assert stories["vi"] >= 4 and stories["vi"] == stories["en"]
    assert all(s.cooperative_id for s in StoryPage.objects.all())

    for campaign in CampaignPage.objects.all():
        response = client.get(campaign.url)
        assert response.status_code == 200
        assert len(response.context["grid_products"]) >= 4
    english_home = client.get("/en/")
    assert "OCOP specialities, bought straight from the cooperatives" in (
        english_home.content.decode()
    )
    assert "OCOP Tết gifts 2027" in english_home.content.decode()


def test_the_demo_shows_balances_a_statement_and_a_payout_batch(loaded_demo):
    from django.utils import timezone

    from marketplace.settlement import selectors
    from marketplace.settlement.models import Account, PayoutBatch, Posting

    batch = PayoutBatch.objects.get()
    payouts = list(batch.payouts.select_related("cooperative"))
    assert batch.status == "draft" and len(payouts) >= 2
    assert all(p.amount > 0 and p.bank_account_number for p in payouts)
    household = next(p.cooperative for p in payouts if p.cooperative.seller_kind == "household")
    assert Posting.objects.filter(
        cooperative=household, entries__account=Account.VAT_WITHHELD
    ).exists()
    assert Posting.objects.filter(kind=Posting.Kind.REFUND).exists()
    today = timezone.localdate()
    statement = selectors.monthly_statement(payouts[0].cooperative, year=today.year,
                                            month=today.month)  # fmt: skip
    kinds = {row.posting.kind for row in statement.rows}
    assert {"sale", "payout"} <= kinds
    summary = selectors.money_summary(payouts[0].cooperative)
    assert summary.upcoming == [payouts[0]]
    # One cooperative has no tax profile yet: it would be told why it cannot be paid.
    from marketplace.settlement.services import payout_blockers

    [unprofiled] = Cooperative.objects.filter(status="approved", tax_code="")
    assert "chưa có mã số thuế" in payout_blockers(unprofiled)
