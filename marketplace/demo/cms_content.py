"""The demo's Wagtail content, in Vietnamese and English: the home page and its
translation, two campaigns, cooperative stories and the standard pages, read from
``demo/data/cms.json``.

The stories draw on the cooperatives' own stories and on the provincial reports in
../shared/seeds (Phú Thọ, Thái Nguyên, Sơn La and Vĩnh Phúc going digital). Each page is
keyed by its slug under its parent, so a second run creates nothing.
"""

import datetime
import io

from django.conf import settings
from django.core.files.images import ImageFile
from django.utils import timezone
from oscar.core.loading import get_model
from wagtail.images.models import Image
from wagtail.models import Locale, Site

from catalogue.selectors import product_cards
from cms.models import (
    CampaignPage,
    CampaignPageProduct,
    HomePage,
    HomePageFeaturedProduct,
    StandardPage,
    StoryIndexPage,
    StoryPage,
)
from cms.services import page_tree_ensure
from marketplace.demo.data import CMS, palette
from marketplace.demo.images import banner_jpeg

Product = get_model("catalogue", "Product")
Cooperative = get_model("partner", "Cooperative")

IMAGE_PREFIX = "Demo · "


def _html(paragraphs):
    """Return the rich text of a data file's list of paragraphs."""
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def _image(title, colours):
    """Return the demo's Wagtail image called ``title``, drawing it the first time."""
    title = IMAGE_PREFIX + title
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title)
        image.file = ImageFile(
            io.BytesIO(banner_jpeg(title=title[len(IMAGE_PREFIX) :], palette=palette(colours))),
            name="demo-banner.jpg",
        )  # fmt: skip
        image.save()
    return image


def _child(parent, model, slug, report, **fields):
    """Return the live child of ``parent`` at ``slug``, creating and publishing it if needed."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    report.add("trang Wagtail", 1)
    return page


def _translation(page, english, report, **fields):
    """Return the live English translation of ``page``, creating and publishing it if needed."""
    existing = page.get_translation_or_none(english)
    if existing is not None:
        return existing.specific
    translated = page.copy_for_translation(english)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    report.add("trang Wagtail", 1)
    return translated


def load_home_page(*, report, **_):
    """Create the home page (the default site's root) with its featured products, then the
    other CMS pages."""
    root = page_tree_ensure()
    spec = CMS["home"]
    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        home = HomePage(**spec["vi"])
        root.add_child(instance=home)
        report.add("trang Wagtail", 1)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True,
            site_name=spec["site_name"],
        )  # fmt: skip
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page, site.site_name = home, spec["site_name"]
        site.save()
        # Wagtail's "Welcome" placeholder page is no longer reachable: remove it.
        if old_root.depth > 1 and not old_root.specific_class == HomePage:
            old_root.delete()
    if not home.featured_products.exists():
        # The best-rated products in stock, one per cooperative where possible.
        best = (
            product_cards()
            .filter(ocop_stars__gte=4, stockrecords__num_in_stock__gt=0)
            .order_by("-ocop_stars", "pk")
            .values_list("pk", "cooperative_id")
        )
        chosen, partners = [], set()
        for pk, partner_id in best:
            if partner_id not in partners:
                chosen.append(pk)
                partners.add(partner_id)
        for order, product_id in enumerate(chosen[:8]):
            HomePageFeaturedProduct.objects.create(
                page=home, product_id=product_id, sort_order=order
            )
        home.save_revision().publish()
    load_cms_pages(home=home, report=report)


def _campaign_body(text, parent_links):
    return [
        ("text", _html(text["text"])),
        ("call_to_action", {**text["cta"], "page": parent_links, "url": ""}),
    ]


def load_cms_pages(*, home, report):
    """Create the demo's CMS pages in Vietnamese and their English translations."""
    english = Locale.objects.get(language_code="en")
    home_en = _translation(home, english, report, **CMS["home"]["en"])
    today = timezone.localdate()

    spec = CMS["story_index"]
    index = _child(home, StoryIndexPage, spec["slug"], report, **spec["vi"])
    index_en = _translation(index, english, report, **spec["en"])

    for spec in CMS["stories"]:
        cooperative = Cooperative.objects.filter(slug=spec["cooperative"]).first()
        image = _image(spec["vi"]["title"], spec["palette"])
        date = datetime.date.fromisoformat(spec["date"])
        fields = {"cooperative": cooperative, "date": date, "image": image}
        vi, en = spec["vi"], spec["en"]
        story = _child(index, StoryPage, spec["slug"], report, title=vi["title"],
                       intro=vi["intro"], body=_story_body(vi, cooperative), **fields)  # fmt: skip
        if story.get_translation_or_none(english) is None:
            _translation(story, english, report, title=en["title"], intro=en["intro"],
                         body=_story_body(en, cooperative))  # fmt: skip

    for spec in CMS["campaigns"]:
        rule = spec.get("rule", {})
        vi, en = spec["vi"], spec["en"]
        campaign = _child(
            home, CampaignPage, spec["slug"], report, title=vi["title"], intro=vi["intro"],
            grid_heading=vi["grid_heading"], grid_size=spec["grid_size"],
            banner=_image(vi["title"], spec["palette"]), starts_on=today,
            ends_on=today + datetime.timedelta(days=spec["days"]),
            rule_province_code=rule.get("province_code"), rule_min_stars=rule.get("min_stars"),
            body=_campaign_body(vi, index if rule else home),
        )  # fmt: skip
        if spec.get("products") and not campaign.chosen_products.exists():
            products = {p.title: p for p in Product.objects.filter(title__in=spec["products"])}
            for order, title in enumerate(t for t in spec["products"] if t in products):
                CampaignPageProduct.objects.create(page=campaign, product=products[title],
                                                   sort_order=order)  # fmt: skip
            campaign.save_revision().publish()
        if campaign.get_translation_or_none(english) is None:
            _translation(
                campaign, english, report, title=en["title"], intro=en["intro"],
                grid_heading=en["grid_heading"],
                body=_campaign_body(en, index_en if rule else home_en),
            )  # fmt: skip

    for spec in CMS["standard_pages"]:
        vi, en = spec["vi"], spec["en"]
        page = _child(home, StandardPage, spec["slug"], report, title=vi["title"],
                      body=[("text", _html(vi["text"]))])  # fmt: skip
        if page.get_translation_or_none(english) is None:
            _translation(page, english, report, title=en["title"],
                         body=[("text", _html(en["text"]))])  # fmt: skip


def _story_body(text, cooperative):
    body = [
        ("text", _html(text["text"])),
        ("quote", {"quote": text["quote"]["text"], "attribution": text["quote"]["attribution"]}),
    ]
    if cooperative is not None:
        body.append(("cooperative", {"cooperative": cooperative}))
        products = list(
            Product.objects.filter(cooperative=cooperative, is_public=True).order_by("pk")[:3]
        )
        if products:
            body.append(("product_grid", {"heading": "", "products": products}))
    return body


def delete_demo_images():
    Image.objects.filter(title__startswith=IMAGE_PREFIX).delete()
