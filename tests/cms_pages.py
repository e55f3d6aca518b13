"""Build Wagtail pages for tests: campaigns, stories, translations and pictures; and a
catalogue for their product grids."""

import io
import json
import re

from django.core.files.images import ImageFile
from oscar.core.loading import get_model
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Locale

from cms.models import CampaignPage, StandardPage, StoryIndexPage, StoryPage
from tests.factories import CooperativeFactory, category, ocop_certificate, ocop_product

Cooperative = get_model("partner", "Cooperative")
THAI_NGUYEN, TAN_CUONG, PHU_THO = 19, 5503, 25


def wagtail_image(title="Đồi chè", size=(1600, 900)):
    """Return a Wagtail image made with Pillow."""
    out = io.BytesIO()
    PILImage.new("RGB", size, (60, 140, 70)).save(out, format="JPEG")
    return Image.objects.create(title=title, file=ImageFile(out, name=f"{title}.jpg"))


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_page(parent, page):
    parent.add_child(instance=page)
    return publish(page)


def campaign(home, **fields):
    fields.setdefault("title", "Quà Tết OCOP")
    fields.setdefault("slug", "qua-tet")
    return add_page(home, CampaignPage(**fields))


def story_index(home, **fields):
    fields.setdefault("title", "Câu chuyện")
    fields.setdefault("slug", "cau-chuyen")
    return add_page(home, StoryIndexPage(**fields))


def story(index, **fields):
    fields.setdefault("title", "Đồi chè Cam My")
    fields.setdefault("slug", "doi-che-cam-my")
    return add_page(index, StoryPage(**fields))


def standard(home, **fields):
    fields.setdefault("title", "Giới thiệu")
    fields.setdefault("slug", "gioi-thieu")
    return add_page(home, StandardPage(**fields))


def translate(page, **english_fields):
    """Return the published English translation of ``page`` (its parents translated first)."""
    english = page.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    for name, value in english_fields.items():
        setattr(english, name, value)
    english.save()
    return publish(english)


def json_ld(html, kind):
    """Return the JSON-LD objects of type ``kind`` in a page."""
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [data for data in map(json.loads, blocks) if data.get("@type") == kind]


def rule_catalogue():
    """Tea and honey from Thái Nguyên and Phú Thọ, with every way to miss a 4–5 star rule."""
    tea, honey = category("Chè và trà"), category("Mật ong")
    green_tea = category("Chè và trà > Chè xanh")
    thai_nguyen = CooperativeFactory(
        partner__name="HTX Chè Tân Cương", province_code=THAI_NGUYEN, ward_code=TAN_CUONG
    )
    phu_tho = CooperativeFactory(partner__name="HTX Chè Cam My", province_code=PHU_THO)
    pending = CooperativeFactory(
        partner__name="HTX chờ duyệt", province_code=THAI_NGUYEN, ward_code=TAN_CUONG,
        status=Cooperative.Status.APPLIED,
    )  # fmt: skip

    def product(cooperative, title, stars, cat, **kwargs):
        made = ocop_product(cooperative=cooperative, title=title, price=150000, category=cat,
                            **kwargs)  # fmt: skip
        if stars:
            ocop_certificate(product=made, stars=stars)
        return made

    return {
        "five": product(thai_nguyen, "Chè Tân Cương đặc biệt", 5, green_tea),
        "four": product(thai_nguyen, "Chè búp Tân Cương", 4, tea),
        "three": product(thai_nguyen, "Chè móc câu", 3, tea),
        "sold_out": product(thai_nguyen, "Chè nõn tôm", 5, tea, num_in_stock=0),
        "honey": product(thai_nguyen, "Mật ong Tân Cương", 5, honey),
        "other_province": product(phu_tho, "Chè Cam My", 5, tea),
        "pending": product(pending, "Chè chưa duyệt", 5, tea),
        "tea": tea,
        "thai_nguyen": thai_nguyen,
    }
