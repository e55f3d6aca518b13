"""The demo's Wagtail content, in Vietnamese and English: the home page's translation, two
campaigns, cooperative stories and the standard pages.

The stories draw on the cooperatives' own stories and on the provincial reports in
../shared/seeds (Phú Thọ, Thái Nguyên, Sơn La and Vĩnh Phúc going digital). Each page is
keyed by its slug under its parent, so a second run creates nothing.
"""

import datetime
import io

from django.core.files.images import ImageFile
from django.utils import timezone
from oscar.core.loading import get_model
from wagtail.images.models import Image
from wagtail.models import Locale

from cms.models import CampaignPage, CampaignPageProduct, StandardPage, StoryIndexPage, StoryPage
from marketplace.demo.images import banner_jpeg

Product = get_model("catalogue", "Product")
Cooperative = get_model("partner", "Cooperative")

IMAGE_PREFIX = "Demo · "

HOME_EN = {
    "title": "Chợ OCOP – Vietnamese specialities from cooperatives",
    "hero_heading": "OCOP specialities, bought straight from the cooperatives",
    "hero_text": (
        "Thái Nguyên tea, Cam My tea from Phú Thọ, Sơn La plums, forest honey, ST25 rice… "
        "Every product is OCOP rated 3 to 5 stars and traceable to its farm. Pay on "
        "delivery, by VietQR bank transfer or by card."
    ),
    "hero_button_label": "Shop now",
    "search_description": "The marketplace for OCOP products from Vietnam's cooperatives.",
}


def _p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


CAMPAIGNS = [
    {
        "slug": "qua-tet-ocop",
        "palette": [(170, 20, 30), (250, 200, 60), (120, 10, 20)],
        "grid_size": 12,
        "days": 60,
        "products": [
            "Hộp quà chè Cam My 2 x 200 g",
            "Hộp quà Tết chè Tân Cương",
            "Mật ong rừng Tam Đảo 500 ml",
            "Trà hoa vàng Tam Đảo 50 g",
            "Bưởi Sửu Chí Đám hộp 2 quả",
            "Mứt vỏ bưởi Đoan Hùng 200 g",
            "Trà Ô long Mộc Châu 200 g",
            "Mận hậu sấy dẻo 300 g",
        ],
        "vi": {
            "title": "Quà Tết OCOP 2027",
            "intro": "Hộp quà chè, mật ong rừng, bưởi và mứt từ các hợp tác xã: quà Tết có nguồn "
            "gốc rõ ràng, giao tận nhà trước 23 tháng Chạp.",
            "grid_heading": "Gợi ý quà Tết",
            "text": _p(
                "Tết là dịp gửi nhau những món quà của quê hương. Mỗi hộp quà ở đây đều là sản "
                "phẩm OCOP 3–5 sao, có tem truy xuất nguồn gốc đến từng lô hàng.",
                "Đặt trước ngày 15 tháng Chạp để hợp tác xã kịp đóng hộp và gửi hàng.",
            ),
            "cta": ("Chưa chọn được quà?", "Xem tất cả sản phẩm OCOP", "Xem sản phẩm"),
        },
        "en": {
            "title": "OCOP Tết gifts 2027",
            "intro": "Tea gift boxes, forest honey, pomelos and candied peel from the "
            "cooperatives: traceable Tết gifts, delivered before the 23rd of the last lunar month.",
            "grid_heading": "Tết gift ideas",
            "text": _p(
                "Tết is the time to send the flavours of home. Every gift box here is an OCOP "
                "product rated 3 to 5 stars, with a traceability stamp down to its batch.",
                "Order before the 15th of the last lunar month so cooperatives can pack and ship.",
            ),
            "cta": ("Still looking?", "Browse every OCOP product", "Browse products"),
        },
    },
    {
        "slug": "hoi-cho-ocop-phu-tho",
        "palette": [(20, 110, 60), (240, 220, 120), (10, 70, 40)],
        "grid_size": 16,
        "days": 30,
        "rule": {"province_code": 25, "min_stars": 4},
        "vi": {
            "title": "Hội chợ OCOP – Về miền đất Tổ",
            "intro": "Sản phẩm OCOP 4–5 sao của Phú Thọ: chè Cam My, bưởi Đoan Hùng, cam Cao "
            "Phong, mật ong Tam Đảo, thổ cẩm Bản Lác.",
            "grid_heading": "Sản phẩm OCOP 4–5 sao của Phú Thọ",
            "text": _p(
                "Hội chợ trực tuyến theo chân chương trình “Hội chợ OCOP – Về miền đất Tổ”, nơi "
                "sản phẩm OCOP của tỉnh được giới thiệu và bán qua livestream.",
                "Tất cả sản phẩm OCOP từ 3 sao trở lên của Phú Thọ đã có mặt trên các sàn thương "
                "mại điện tử; ở đây bạn mua thẳng từ hợp tác xã làm ra chúng.",
            ),
            "cta": ("Gặp các hợp tác xã", "Đọc câu chuyện của người làm ra sản phẩm", "Đọc"),
        },
        "en": {
            "title": "OCOP Fair – Returning to the Ancestral Land",
            "intro": "Phú Thọ's 4 and 5 star OCOP products: Cam My tea, Đoan Hùng pomelos, Cao "
            "Phong oranges, Tam Đảo honey and Bản Lác brocade.",
            "grid_heading": "Phú Thọ's 4–5 star OCOP products",
            "text": _p(
                "An online fair following the “OCOP Fair – Returning to the Ancestral Land” "
                "programme, where the province's OCOP products are presented and sold by "
                "livestream.",
                "All of Phú Thọ's OCOP products rated three stars or more are on e-commerce "
                "platforms; here you buy straight from the cooperatives that make them.",
            ),
            "cta": (
                "Meet the cooperatives",
                "Read the stories of the people behind them",
                "Read",
            ),  # fmt: skip
        },
    },
]

STORY_INDEX = {
    "slug": "cau-chuyen",
    "vi": {"title": "Câu chuyện hợp tác xã",
           "intro": "Những người làm ra sản phẩm OCOP, ở đồi chè, vườn bưởi, rừng ong."},
    "en": {"title": "Cooperative stories",
           "intro": "The people who make OCOP products, on tea hills, in pomelo gardens and "
                    "beside the forest hives."},
}  # fmt: skip

STORIES = [
    {
        "slug": "che-cam-my-len-san",
        "cooperative": "htx-che-cam-my",
        "palette": [(40, 120, 60), (180, 220, 120), (20, 80, 40)],
        "date": datetime.date(2026, 10, 5),
        "vi": {
            "title": "Chè Cam My lên sàn: từ đồi chè Phú Thọ đến khách khắp cả nước",
            "intro": "Hơn 15 ha chè VietGAP, một trang web riêng và gian hàng trên sàn nông sản "
            "của tỉnh: cách Hợp tác xã Chè Cam My đưa chè OCOP đi xa.",
            "text": _p(
                "Ở xã Tất Thắng cũ, huyện Thanh Sơn, Hợp tác xã Chè Cam My từng loay hoay tìm "
                "đường đưa chè OCOP của Phú Thọ đến với bạn bè gần xa. Hai năm nay, hợp tác xã "
                "chuyển sang bán qua thương mại điện tử.",
                "Hợp tác xã có hơn 15 ha chè đạt chứng nhận VietGAP, đưa sản phẩm lên sàn "
                "nongsan.phutho.gov.vn, có trang web với tên miền riêng và trang mạng xã hội; "
                "nhờ vậy khách ở các tỉnh, thành biết và đặt chè xanh Cam My ngày một nhiều.",
            ),
            "quote": (
                "Nhờ bán trên mạng, khách ở các tỉnh, thành khác biết và đặt chè xanh Cam "
                "My ngày một nhiều.",
                "Bà Nguyễn Thị Cẩm My, Phó giám đốc hợp tác xã",
            ),
        },
        "en": {
            "title": "Cam My tea goes online: from Phú Thọ's tea hills to customers nationwide",
            "intro": "More than 15 hectares of VietGAP tea, its own website and a shop on the "
            "province's farm-produce platform: how Cam My Tea Cooperative takes OCOP tea far.",
            "text": _p(
                "In former Tất Thắng commune, Thanh Sơn district, Cam My Tea Cooperative "
                "struggled to bring Phú Thọ's OCOP tea to friends near and far. For the past two "
                "years it has sold through e-commerce.",
                "The cooperative has more than 15 hectares of VietGAP-certified tea, lists its "
                "products on nongsan.phutho.gov.vn, and has its own website, domain name and "
                "social media page; more and more customers in other provinces order Cam My "
                "green tea.",
            ),
            "quote": (
                "Thanks to selling online, customers in other provinces and cities know "
                "and order Cam My green tea more every day.",
                "Ms Nguyễn Thị Cẩm My, deputy director of the cooperative",
            ),
        },
    },
    {
        "slug": "che-tan-cuong-chuyen-doi-so",
        "cooperative": "htx-che-tan-cuong",
        "palette": [(30, 100, 70), (200, 230, 160), (10, 60, 40)],
        "date": datetime.date(2026, 9, 20),
        "vi": {
            "title": "Tân Cương: ba đời làm chè và một tỉnh đi đầu chuyển đổi số",
            "intro": "Búp chè hái sớm, sao chảo gang, bán qua sàn thương mại điện tử của tỉnh "
            "Thái Nguyên.",
            "text": _p(
                "Hợp tác xã Chè Tân Cương do các hộ có truyền thống làm chè ba đời lập năm 2009. "
                "Búp chè được hái từ sáng sớm, vò và sao bằng tôn quay rồi lên hương trên chảo "
                "gang để nước xanh, vị chát dịu và hậu ngọt.",
                "Thái Nguyên là một trong những tỉnh đi đầu chuyển đổi số, có chương trình hỗ "
                "trợ doanh nghiệp nhỏ và vừa đưa sản phẩm lên môi trường số. Hợp tác xã bán chè "
                "qua các sàn thương mại điện tử của tỉnh và nay trên Chợ OCOP.",
            ),
            "quote": (
                "Chè ngon là nhờ đất, nhờ nắng và nhờ tay người sao chè.",
                "Một thành viên hợp tác xã",
            ),
        },
        "en": {
            "title": "Tân Cương: three generations of tea and a province leading the digital shift",
            "intro": "Buds picked at dawn, finished in cast-iron pans, sold through Thái Nguyên's "
            "e-commerce platforms.",
            "text": _p(
                "Tân Cương Tea Cooperative was founded in 2009 by families who have made tea for "
                "three generations. Buds are picked early in the morning, rolled and roasted in "
                "rotating drums, then finished in cast-iron pans.",
                "Thái Nguyên is one of the leaders of digital transformation, with a programme "
                "helping small businesses go online. The cooperative sells through the "
                "province's e-commerce platforms and now on Chợ OCOP.",
            ),
            "quote": (
                "Good tea comes from the soil, the sun and the hands that roast it.",
                "A member of the cooperative",
            ),
        },
    },
    {
        "slug": "che-moc-chau-tren-may",
        "cooperative": "htx-che-chieng-son",
        "palette": [(60, 130, 110), (220, 235, 230), (30, 80, 70)],
        "date": datetime.date(2026, 8, 28),
        "vi": {
            "title": "Chè Mộc Châu trên mây, đến tay khách qua sóng 4G",
            "intro": "Ô long trên đồi thấp, Shan tuyết cổ thụ trên núi cao, và một cao nguyên đã "
            "phủ sóng 4G đến mọi bản.",
            "text": _p(
                "Hợp tác xã Chè Chiềng Sơn trồng chè Ô long trên đồi thấp và chè Shan tuyết cổ "
                "thụ trên núi cao. Thành viên là người Thái, người Mông và người Kinh, cùng làm "
                "theo một quy trình và ghi nhật ký từng lứa hái.",
                "Sơn La đã đưa mạng 4G đến mọi vùng; hơn một nửa người dân dùng điện thoại thông "
                "minh, và nhiều doanh nghiệp nhận đặt hàng trực tuyến. Chè Mộc Châu vì thế đến "
                "được với khách ở xa.",
            ),
            "quote": (
                "Mỗi lứa hái đều được ghi lại, để khách biết chè mình uống từ đồi nào.",
                "Hợp tác xã Chè Chiềng Sơn",
            ),
        },
        "en": {
            "title": "Mộc Châu tea from above the clouds, delivered over 4G",
            "intro": "Oolong on the lower hills, ancient Shan tuyết trees up the mountains, and a "
            "plateau with 4G in every village.",
            "text": _p(
                "Chiềng Sơn Tea Cooperative grows oolong on the lower hills and ancient Shan "
                "tuyết tea trees higher up. Its Thái, Hmong and Kinh members follow one process "
                "and keep a diary for every picking.",
                "Sơn La has brought 4G to every area; more than half of its people use a "
                "smartphone and many businesses take orders online, so Mộc Châu tea reaches "
                "faraway customers.",
            ),
            "quote": (
                "Every picking is written down, so customers know which hill their tea came from.",
                "Chiềng Sơn Tea Cooperative",
            ),
        },
    },
    {
        "slug": "mat-ong-tam-dao",
        "cooperative": "htx-mat-ong-tam-dao",
        "palette": [(200, 140, 20), (250, 220, 120), (140, 90, 10)],
        "date": datetime.date(2026, 7, 30),
        "vi": {
            "title": "Mật ong Tam Đảo: chỉ quay mật khi cầu ong đã vít nắp",
            "intro": "Ong nội bên vườn quốc gia, mật hoa rừng, và mỗi mẻ mật đều có nhật ký.",
            "text": _p(
                "Các thành viên Hợp tác xã Mật ong Tam Đảo nuôi ong nội ven vườn quốc gia, để "
                "ong tự lấy mật hoa rừng và chỉ quay mật khi cầu ong đã vít nắp, nên mật đặc và "
                "thơm.",
                "Vĩnh Phúc cũ, nay thuộc Phú Thọ, đã đầu tư hơn 1.283 tỷ đồng cho chuyển đổi số "
                "trong mười năm. Mỗi mẻ mật được ghi ngày quay, vị trí đặt đàn và kết quả kiểm "
                "nghiệm độ ẩm — người mua quét mã là thấy.",
            ),
            "quote": ("Mật chưa vít nắp thì chưa quay.", "Hợp tác xã Mật ong Tam Đảo"),
        },
        "en": {
            "title": "Tam Đảo honey: extracted only once the combs are capped",
            "intro": "Native bees beside the national park, wild-flower honey, and a diary for "
            "every batch.",
            "text": _p(
                "Members of Tam Đảo Honey Cooperative keep native bees beside the national park, "
                "let them forage on wild flowers and only extract honey once the combs are "
                "capped, so it is thick and fragrant.",
                "Former Vĩnh Phúc, now part of Phú Thọ, invested more than VND 1,283 billion in "
                "digital transformation over ten years. Every batch records its extraction date, "
                "hive location and moisture test — buyers see it with one scan.",
            ),
            "quote": ("No capping, no extracting.", "Tam Đảo Honey Cooperative"),
        },
    },
]

STANDARD_PAGES = [
    ("gioi-thieu", ("Giới thiệu Chợ OCOP", _p(
        "Chợ OCOP là sàn thương mại điện tử dành cho sản phẩm OCOP của các hợp tác xã Việt Nam. "
        "Người mua đặt hàng thẳng từ nơi sản xuất; mỗi sản phẩm có chứng nhận OCOP còn hiệu lực "
        "và nhật ký truy xuất nguồn gốc."
    )), ("About Chợ OCOP", _p(
        "Chợ OCOP is the marketplace for OCOP products from Vietnam's cooperatives. Buyers order "
        "straight from where things are made; every product has a valid OCOP certificate and a "
        "traceability record."
    ))),
    ("cau-hoi-thuong-gap", ("Câu hỏi thường gặp", _p(
        "<b>OCOP là gì?</b> Chương trình Mỗi xã một sản phẩm, xếp hạng sản phẩm từ 3 đến 5 sao.",
        "<b>Tôi thanh toán thế nào?</b> Khi nhận hàng, chuyển khoản VietQR hoặc thẻ.",
        "<b>Một đơn có nhiều hợp tác xã?</b> Mỗi hợp tác xã gửi phần của mình thành một kiện.",
    )), ("Frequently asked questions", _p(
        "<b>What is OCOP?</b> The One Commune One Product programme, rating products 3 to 5 stars.",
        "<b>How do I pay?</b> On delivery, by VietQR bank transfer or by card.",
        "<b>One order, several cooperatives?</b> Each cooperative ships its part as a parcel.",
    ))),
    ("giao-hang", ("Giao hàng", _p(
        "Mỗi hợp tác xã đóng gói và gửi hàng trong 1–3 ngày làm việc. Phí giao hàng được tính "
        "theo từng kiện và hiện rõ trước khi bạn đặt hàng."
    )), ("Shipping", _p(
        "Each cooperative packs and ships within 1–3 working days. Shipping is charged per parcel "
        "and shown before you place your order."
    ))),
    ("doi-tra", ("Đổi trả hàng", _p(
        "Sản phẩm hỏng, sai hoặc không đúng mô tả được đổi hoặc hoàn tiền trong 7 ngày kể từ khi "
        "nhận hàng. Hãy chụp ảnh kiện hàng và liên hệ với chúng tôi."
    )), ("Returns", _p(
        "Damaged, wrong or not-as-described products are replaced or refunded within 7 days of "
        "delivery. Take a photo of the parcel and contact us."
    ))),
    ("chinh-sach-bao-mat", ("Chính sách bảo mật", _p(
        "Chúng tôi chỉ dùng thông tin của bạn để giao hàng và chăm sóc khách hàng, theo Nghị định "
        "13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân, và không bán thông tin cho bên thứ ba."
    )), ("Privacy policy", _p(
        "We use your details only to deliver orders and look after you, under Decree "
        "13/2023/ND-CP on personal data protection, and never sell them to third parties."
    ))),
    ("dieu-khoan", ("Điều khoản sử dụng", _p(
        "Khi mua hàng tại Chợ OCOP, bạn mua trực tiếp từ hợp tác xã bán sản phẩm; Chợ OCOP là "
        "đơn vị trung gian kết nối, thu hộ và giải quyết khiếu nại."
    )), ("Terms of use", _p(
        "When you buy on Chợ OCOP you buy directly from the cooperative selling the product; Chợ "
        "OCOP connects you, collects payment on its behalf and handles complaints."
    ))),
]  # fmt: skip


def _image(title, palette):
    """Return the demo's Wagtail image called ``title``, drawing it the first time."""
    title = IMAGE_PREFIX + title
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title)
        image.file = ImageFile(
            io.BytesIO(banner_jpeg(title=title[len(IMAGE_PREFIX) :], palette=palette)),
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


def _campaign_body(spec, lang, parent_links):
    heading, text, label = spec[lang]["cta"]
    return [
        ("text", spec[lang]["text"]),
        ("call_to_action", {"heading": heading, "text": text, "button_label": label,
                            "page": parent_links, "url": ""}),
    ]  # fmt: skip


def load_cms_pages(*, home, report):
    """Create the demo's CMS pages in Vietnamese and their English translations."""
    english = Locale.objects.get(language_code="en")
    home_en = _translation(home, english, report, **HOME_EN)
    today = timezone.localdate()

    index = _child(home, StoryIndexPage, STORY_INDEX["slug"], report, **STORY_INDEX["vi"])
    index_en = _translation(index, english, report, **STORY_INDEX["en"])

    for spec in STORIES:
        cooperative = Cooperative.objects.filter(slug=spec["cooperative"]).first()
        image = _image(spec["vi"]["title"], spec["palette"])
        fields = {"cooperative": cooperative, "date": spec["date"], "image": image}
        vi, en = spec["vi"], spec["en"]
        story = _child(index, StoryPage, spec["slug"], report, title=vi["title"],
                       intro=vi["intro"], body=_story_body(vi, cooperative), **fields)  # fmt: skip
        if story.get_translation_or_none(english) is None:
            _translation(story, english, report, title=en["title"], intro=en["intro"],
                         body=_story_body(en, cooperative))  # fmt: skip

    for spec in CAMPAIGNS:
        rule = spec.get("rule", {})
        vi, en = spec["vi"], spec["en"]
        campaign = _child(
            home, CampaignPage, spec["slug"], report, title=vi["title"], intro=vi["intro"],
            grid_heading=vi["grid_heading"], grid_size=spec["grid_size"],
            banner=_image(vi["title"], spec["palette"]), starts_on=today,
            ends_on=today + datetime.timedelta(days=spec["days"]),
            rule_province_code=rule.get("province_code"), rule_min_stars=rule.get("min_stars"),
            body=_campaign_body(spec, "vi", index if rule else home),
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
                body=_campaign_body(spec, "en", index_en if rule else home_en),
            )  # fmt: skip

    for slug, (vi_title, vi_body), (en_title, en_body) in STANDARD_PAGES:
        page = _child(home, StandardPage, slug, report, title=vi_title, body=[("text", vi_body)])
        if page.get_translation_or_none(english) is None:
            _translation(page, english, report, title=en_title, body=[("text", en_body)])


def _story_body(text, cooperative):
    quote, attribution = text["quote"]
    body = [("text", text["text"]), ("quote", {"quote": quote, "attribution": attribution})]
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
