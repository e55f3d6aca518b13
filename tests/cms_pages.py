"""Build Wagtail pages for tests: campaigns, stories, translations and pictures."""

import io
import json
import re

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Locale

from cms.models import CampaignPage, StandardPage, StoryIndexPage, StoryPage


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
