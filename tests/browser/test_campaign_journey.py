"""Issue 7, tried as a new user would: staff build a campaign with a rule grid, schedule
and publish it, translate it; a visitor finds it in Vietnamese and English and buys from it."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from tests import cms_pages
from tests.factories import CooperativeFactory, category, home_page, ocop_certificate, ocop_product

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

THAI_NGUYEN, TAN_CUONG = 19, 5503


@pytest.fixture
def shop(transactional_db):
    from oscar.test.factories import UserFactory

    tea = category("Chè và trà")
    thai_nguyen = CooperativeFactory(
        partner__name="HTX Chè Tân Cương", province_code=THAI_NGUYEN, ward_code=TAN_CUONG
    )
    phu_tho = CooperativeFactory(partner__name="HTX Chè Cam My")
    for cooperative, title, stars, price in [
        (thai_nguyen, "Chè Tân Cương đặc biệt", 5, 250000),
        (thai_nguyen, "Chè búp Tân Cương", 4, 150000),
        (thai_nguyen, "Chè móc câu Tân Cương", 3, 90000),
        (phu_tho, "Chè xanh Cam My", 5, 120000),
    ]:
        ocop_certificate(
            product=ocop_product(cooperative=cooperative, title=title, price=price, category=tea),
            stars=stars,
        )
    home = home_page()
    cms_pages.translate(home, title="Chợ OCOP", hero_heading="OCOP specialities")
    UserFactory(email="admin@ocop.example", password="ocop-admin", is_staff=True,
                is_superuser=True)  # fmt: skip
    return {"home": home, "tea": tea}


def _sign_in(page, live_server):
    page.goto(live_server.url + "/shop/accounts/login/")
    page.fill("#id_login-username", "admin@ocop.example")
    page.fill("#id_login-password", "ocop-admin")
    page.click("button[name=login_submit]")


def _publish(page):
    page.locator("footer .w-dropdown__toggle, footer [data-w-dropdown-target=toggle]").first.click()
    page.locator("button[name=action-publish]").click()


def _time_passes():
    """Move every scheduled publication an hour earlier and run the scheduler (cron's job)."""
    from wagtail.models import Revision

    earlier = timezone.now() - datetime.timedelta(minutes=1)
    for revision in Revision.objects.filter(approved_go_live_at__isnull=False):
        revision.approved_go_live_at = earlier
        revision.content["go_live_at"] = earlier.isoformat()
        revision.save()
    call_command("publish_scheduled")


def test_staff_schedule_a_rule_campaign_and_a_visitor_buys_from_it_in_two_languages(
    page, new_context, live_server, shop
):
    from cms.models import CampaignPage

    # Staff: a campaign page under the home page, its grid chosen by rule.
    _sign_in(page, live_server)
    page.goto(f"{live_server.url}/cms/pages/add/cms/campaignpage/{shop['home'].pk}/")
    page.fill("#id_title", "Chè Thái Nguyên 4–5 sao")
    page.fill("#id_intro", "Chè búp Thái Nguyên đạt OCOP 4 và 5 sao.")
    page.select_option("#id_rule_category", label="Chè và trà")
    page.select_option("#id_rule_province_code", label="Thái Nguyên")
    page.select_option("#id_rule_min_stars", "4")
    page.select_option("#id_rule_max_stars", "5")
    page.locator('a[href="#tab-promote"]').click()
    # Wagtail fills the slug from the title once the title loses focus (debounced): wait
    # for that, or it may overwrite the slug typed here.
    expect(page.locator("#id_slug")).not_to_have_value("")
    page.fill("#id_slug", "che-thai-nguyen")
    expect(page.locator("#id_slug")).to_have_value("che-thai-nguyen")
    page.fill("#id_search_description", "Chè búp Thái Nguyên OCOP 4–5 sao, mua tận gốc.")

    # Schedule: live in an hour, expiring in a month.
    go_live = timezone.localtime() + datetime.timedelta(hours=1)
    expire = go_live + datetime.timedelta(days=30)
    page.locator("[data-side-panel-toggle=status]").first.click()
    page.locator("[data-a11y-dialog-show=schedule-publishing-dialog]").first.click()
    page.fill("#id_go_live_at", go_live.strftime("%Y-%m-%d %H:%M"))
    page.fill("#id_expire_at", expire.strftime("%Y-%m-%d %H:%M"))
    # The date picker's calendar covers the dialog's button: use it from the keyboard.
    page.locator("#schedule-publishing-dialog button[type=submit]").press("Enter")  # a draft
    page.wait_for_url(re.compile(r"/cms/pages/\d+/edit/"))
    _publish(page)  # the publish button now reads "Schedule to publish"
    expect(page.locator(".messages")).to_contain_text("Chè Thái Nguyên 4–5 sao")

    campaign = CampaignPage.objects.get(slug="che-thai-nguyen")
    assert not campaign.live  # scheduled, not yet published
    assert campaign.latest_revision.content["expire_at"]

    # Staff: translate it into English (Wagtail's simple translation) and publish that too.
    page.goto(f"{live_server.url}/cms/translation/submit/page/{campaign.pk}/")
    page.locator("input[name=locales]").check()
    page.locator("form [type=submit]").last.click()
    page.wait_for_url(re.compile(r"/cms/pages/\d+/edit/"))
    page.fill("#id_title", "4–5 star tea from Thái Nguyên")
    _publish(page)
    expect(page.locator(".messages")).to_contain_text("4–5 star tea from Thái Nguyên")

    visitor = new_context(phone=True)
    assert visitor.goto(live_server.url + "/che-thai-nguyen/").status == 404  # not yet

    _time_passes()
    campaign.refresh_from_db()
    assert campaign.live
    assert timezone.localtime(campaign.expire_at).date() == expire.date()

    # Visitor, in Vietnamese: the campaign is on the home page; its grid follows the rule.
    visitor.goto(live_server.url + "/")
    visitor.get_by_role("link", name="Chè Thái Nguyên 4–5 sao").click()
    expect(visitor.locator("h1")).to_have_text("Chè Thái Nguyên 4–5 sao")
    grid = visitor.locator(".campaign-grid")
    expect(grid.locator(".product-card__title")).to_have_text(
        ["Chè Tân Cương đặc biệt", "Chè búp Tân Cương"]
    )
    expect(grid).to_contain_text(re.compile(r"250\.000\s₫"))

    # ...then in English, at the translation's own address (the switcher is in sight on a
    # phone, in the account bar).
    visitor.locator("#language_selector button[data-language=en]").click()
    expect(visitor).to_have_url(re.compile(r"/en/che-thai-nguyen/$"))
    expect(visitor.locator("html")).to_have_attribute("lang", "en")
    expect(visitor.locator("h1")).to_have_text("4–5 star tea from Thái Nguyên")
    expect(visitor.locator("link[hreflang=vi]")).to_have_attribute(
        "href", re.compile(r"/che-thai-nguyen/$")
    )

    # One tap from the grid to the basket.
    card = grid.locator(".product-card").filter(has_text="Chè búp Tân Cương")
    with visitor.expect_navigation():
        card.locator("button[type=submit]").click()
    expect(visitor.locator(".alert-success").first).to_contain_text("Chè búp Tân Cương")
    visitor.goto(live_server.url + "/shop/basket/")
    expect(visitor.locator("#basket_totals")).to_contain_text(re.compile(r"150\.000\s₫"))
