"""CMS pages that sell: campaign grids, shop blocks, stories, editing and safety.

Languages are in test_cms_languages.py, the sitemap and structured data in
test_structured_data.py."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from cms.models import CampaignPage, CampaignPageProduct, HomePage, StandardPage, StoryPage
from tests import cms_pages
from tests.factories import ocop_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    return cms_pages.rule_catalogue()


def _tea_rule(catalogue, **fields):
    return dict(rule_category=catalogue["tea"], rule_province_code=cms_pages.THAI_NGUYEN,
                rule_min_stars=4, rule_max_stars=5, **fields)  # fmt: skip


def test_a_rule_grid_shows_only_approved_in_stock_products_matching_every_rule(
    client, home_page, catalogue
):
    page = cms_pages.campaign(home_page, **_tea_rule(catalogue))

    response = client.get(page.url)

    assert response.status_code == 200
    shown = [p.title for p in response.context["grid_products"]]
    assert shown == ["Chè Tân Cương đặc biệt", "Chè búp Tân Cương"]
    html = response.content.decode()
    assert html.count("150.000\u00a0₫") == 2
    for product in response.context["grid_products"]:
        assert f'action="/shop/basket/add/{product.pk}/"' in html
    for hidden in (
        "Chè móc câu",
        "Chè nõn tôm",
        "Mật ong Tân Cương",
        "Chè Cam My",
        "Chè chưa duyệt",
    ):
        assert hidden not in html


def test_products_picked_by_hand_replace_the_rule_and_sold_out_ones_leave_the_grid(
    client, home_page, catalogue
):
    page = cms_pages.campaign(home_page, **_tea_rule(catalogue))
    for order, key in enumerate(["honey", "sold_out", "three"]):
        CampaignPageProduct.objects.create(page=page, product=catalogue[key], sort_order=order)

    titles = [p.title for p in client.get(page.url).context["grid_products"]]

    assert titles == ["Mật ong Tân Cương", "Chè móc câu"]


def test_campaign_dates_and_star_range_are_checked_with_a_clear_message(home_page):
    page = CampaignPage(
        title="Hội chợ", slug="hoi-cho", starts_on=datetime.date(2026, 2, 1),
        ends_on=datetime.date(2026, 1, 1), rule_min_stars=5, rule_max_stars=4,
    )  # fmt: skip

    with pytest.raises(ValidationError) as error:
        home_page.add_child(instance=page)

    assert "Ngày kết thúc phải sau ngày bắt đầu." in str(error.value)
    assert "Số sao tối đa phải lớn hơn hoặc bằng số sao tối thiểu." in str(error.value)
    assert not CampaignPage.objects.exists()


def test_shop_blocks_show_live_cards_and_survive_removed_products(client, home_page, catalogue):
    gone = ocop_product(cooperative=catalogue["thai_nguyen"], title="Chè đã xoá", price=1000)
    page = cms_pages.standard(
        home_page,
        body=[
            ("product", {"product": catalogue["five"]}),
            ("product", {"product": gone}),
            ("product_grid", {"heading": "Chè ngon", "products": [
                catalogue["four"], catalogue["sold_out"], gone, catalogue["pending"],
            ]}),
            ("cooperative", {"cooperative": catalogue["thai_nguyen"]}),
            ("quote", {"quote": "Chè ngon nhờ đất đồi.", "attribution": "Bà Lan"}),
        ],
    )  # fmt: skip
    gone.delete()

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Chè Tân Cương đặc biệt" in html and "Chè búp Tân Cương" in html
    assert "Sản phẩm này hiện không còn bán." in html
    assert "Chè nõn tôm" in html  # sold out: shown with its stock state, not an error
    assert "Chè chưa duyệt" not in html
    assert "HTX Chè Tân Cương" in html and "Bà Lan" in html


def test_a_story_body_cannot_run_script(client, home_page, cooperative):
    index = cms_pages.story_index(home_page)
    hostile = (
        '<p>Đồi chè<script>alert("x")</script>'
        '<img src="x" onerror="alert(1)"><a href="javascript:alert(2)">xem</a></p>'
    )
    story = cms_pages.story(index, cooperative=cooperative, body=[("text", hostile)])

    html = client.get(story.url).content.decode()

    assert "Đồi chè" in html
    assert 'alert("x")' not in html and "<script>alert" not in html
    assert "onerror" not in html
    assert "javascript:alert" not in html


def test_script_written_straight_into_the_database_is_dropped_when_shown(
    client, home_page, cooperative
):
    import json

    from django.db import connection

    story = cms_pages.story(cms_pages.story_index(home_page), cooperative=cooperative)
    raw = [{"type": "text", "id": "x", "value": '<p>Chè<script>alert("x")</script></p>'}]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE cms_storypage SET body = %s WHERE page_ptr_id = %s",
            [json.dumps(raw), story.pk],
        )

    html = client.get(story.url).content.decode()

    assert "<p>Chè</p>" in html
    assert 'alert("x")' not in html


def test_a_cooperatives_story_text_is_shown_as_text(client, cooperative):
    cooperative.story = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    cooperative.save()

    html = client.get(cooperative.get_absolute_url()).content.decode()

    assert '<script>alert("x")' not in html
    assert "<img src=x onerror" not in html
    assert "&lt;script&gt;" in html


def test_a_story_shows_its_cooperatives_products_and_an_article(client, home_page, catalogue):
    index = cms_pages.story_index(home_page)
    story = cms_pages.story(
        index, cooperative=catalogue["thai_nguyen"], intro="Ba đời làm chè.",
        image=cms_pages.wagtail_image(),
    )  # fmt: skip

    response = client.get(story.url)
    html = response.content.decode()

    assert "Chè Tân Cương đặc biệt" in html and "Chè nõn tôm" not in html
    (article,) = cms_pages.json_ld(html, "Article")
    assert article["headline"] == "Đồi chè Cam My"
    assert article["author"]["name"] == "HTX Chè Tân Cương"
    assert article["inLanguage"] == "vi"
    assert 'loading="lazy"' in client.get(index.url).content.decode()
    assert "srcset=" in html and "image/webp" in html


def test_the_home_page_shows_current_campaigns_and_latest_stories(client, home_page, catalogue):
    cms_pages.campaign(home_page, title="Quà Tết", slug="qua-tet", **_tea_rule(catalogue))
    cms_pages.campaign(home_page, title="Hội chợ đã qua", slug="hoi-cho",
                       ends_on=timezone.localdate() - datetime.timedelta(days=1))  # fmt: skip
    cms_pages.story(cms_pages.story_index(home_page), title="Chuyện đồi chè")

    html = client.get("/").content.decode()

    assert "Quà Tết" in html and "Chuyện đồi chè" in html
    assert "Hội chợ đã qua" not in html


def test_a_campaign_scheduled_for_later_goes_live_when_its_time_comes(client, home_page):
    page = CampaignPage(title="Hội chợ OCOP", slug="hoi-cho-ocop", live=False)
    home_page.add_child(instance=page)
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()  # go-live in the future: scheduled, not live
    page.refresh_from_db()
    assert not page.live and revision.approved_go_live_at is not None
    assert client.get("/hoi-cho-ocop/").status_code == 404

    # An hour later (moved back rather than waited for), the scheduler publishes it.
    earlier = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = earlier
    revision.content["go_live_at"] = earlier.isoformat()
    revision.save()
    call_command("publish_scheduled")

    assert client.get("/hoi-cho-ocop/").status_code == 200


def test_an_expired_campaign_is_gone_even_before_the_scheduler_runs(client, home_page):
    page = cms_pages.campaign(home_page)
    CampaignPage.objects.filter(pk=page.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    assert client.get(page.url).status_code == 404
    assert "Quà Tết OCOP" not in client.get("/").content.decode()


def test_the_page_tree_is_constrained(home_page):
    index = cms_pages.story_index(home_page)

    assert CampaignPage.can_create_at(home_page)
    assert not CampaignPage.can_create_at(index)
    assert StoryPage.can_create_at(index) and not StoryPage.can_create_at(home_page)
    assert StandardPage.can_create_at(home_page)
    assert not HomePage.can_create_at(home_page)


def test_staff_open_the_campaign_editor_and_the_product_chooser(client, staff_user, home_page,
                                                                 catalogue):  # fmt: skip
    client.force_login(staff_user)

    add = client.get(f"/cms/pages/add/cms/campaignpage/{home_page.pk}/")
    chooser = client.get("/cms/product_chooser/", {"q": "Tân Cương"})

    assert add.status_code == 200
    assert chooser.status_code == 200
    listing = chooser.json()["html"]
    assert "Chè Tân Cương đặc biệt" in listing
    assert "Chè Cam My" not in listing
    assert "Chè chưa duyệt" not in listing


@pytest.mark.parametrize("model", ["storypage", "standardpage", "campaignpage"])
def test_staff_open_the_editor_of_every_page_type_where_it_belongs(
    client, staff_user, home_page, model
):
    index = cms_pages.story_index(home_page)
    parent = index if model == "storypage" else home_page
    client.force_login(staff_user)

    assert client.get(f"/cms/pages/add/cms/{model}/{parent.pk}/").status_code == 200
    wrong_parent = home_page if model == "storypage" else index
    refused = client.get(f"/cms/pages/add/cms/{model}/{wrong_parent.pk}/")
    assert refused.status_code == 302 and refused["Location"] == "/cms/"


def test_the_home_page_body_cannot_run_script(client, home_page):
    home_page.body = '<p>Chào mừng</p><script>alert("x")</script><p onclick="alert(1)">!</p>'
    cms_pages.publish(home_page)

    html = client.get("/").content.decode()

    assert "<p>Chào mừng</p>" in html
    assert 'alert("x")' not in html and 'onclick="alert(1)"' not in html


def test_editors_preview_a_draft_campaign_with_its_live_grid(rf, home_page, catalogue):
    from django.contrib.auth.models import AnonymousUser

    page = CampaignPage(title="Bản nháp chiến dịch", slug="ban-nhap", live=False,
                        **_tea_rule(catalogue))  # fmt: skip
    home_page.add_child(instance=page)
    request = rf.get("/")
    request.user = AnonymousUser()

    response = page.make_preview_request(original_request=request)

    html = response.render().content.decode()
    assert response.status_code == 200
    assert "Bản nháp chiến dịch" in html and "Chè Tân Cương đặc biệt" in html
    assert 'rel="canonical"' not in html  # a draft has no public address yet
