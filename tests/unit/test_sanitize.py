"""The allow-list for user-entered HTML (marketplace.sanitize): what survives, what goes."""

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marketplace.sanitize import (
    ALLOWED_TAGS,
    LINK_REL,
    LINK_SCHEMES,
    PlainTextField,
    SanitizedHTMLField,
    html_clean,
    html_text,
)

PAYLOADS = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1">',
    "<svg onload=window.__xss=1>",
    '"><script>window.__xss=1</script>',
    "<svg><script>window.__xss=1</script></svg>",
    "<scr<script>ipt>window.__xss=1</scr</script>ipt>",
    "<<script>script>window.__xss=1<</script>/script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<p onmouseover="window.__xss=1">hover</p>',
    '<body onload="window.__xss=1">',
    '<iframe src="javascript:window.__xss=1"></iframe>',
    '<iframe srcdoc="<script>window.__xss=1</script>"></iframe>',
    '<object data="data:text/html,<script>window.__xss=1</script>"></object>',
    '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">',
    '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
    '<form><button formaction="javascript:window.__xss=1">x</button></form>',
    '<details open ontoggle="window.__xss=1">',
    '<input autofocus onfocus="window.__xss=1">',
    '<video><source onerror="window.__xss=1"></video>',
    '<a href="javascript:window.__xss=1">link</a>',
    '<a href="JaVaScRiPt:window.__xss=1">link</a>',
    '<a href="java&#x09;script:window.__xss=1">link</a>',
    '<a href="&#106;avascript:window.__xss=1">link</a>',
    '<a href=" javascript:window.__xss=1">link</a>',
    '<a href="vbscript:msgbox(1)">link</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">link</a>',
    '<p style="background:url(javascript:window.__xss=1)">styled</p>',
    '<p style="behavior:url(x.htc)">styled</p>',
    "<style>@import 'javascript:window.__xss=1';</style>",
    '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
    '<base href="javascript:/">',
    "<!--<script>window.__xss=1</script>-->",
    "<template><script>window.__xss=1</script></template>",
]


class _Markup(HTMLParser):
    """Collect the tags and attributes a browser would see in a fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend((tag, name, value) for name, value in attrs)

    handle_startendtag = handle_starttag


def _markup(html):
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser


def _assert_harmless(html):
    markup = _markup(html)
    assert set(markup.tags) <= ALLOWED_TAGS, markup.tags
    for tag, name, value in markup.attributes:
        assert (tag, name) in {("a", "href"), ("a", "rel")}, (tag, name, value)
        if name == "href":
            assert value.split(":", 1)[0].lower() in LINK_SCHEMES
        if name == "rel":
            assert value == LINK_REL


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_payload_leaves_no_script_handler_or_dangerous_link(payload):
    cleaned = html_clean(payload)

    _assert_harmless(cleaned)
    assert "<script" not in cleaned.lower() and "<svg" not in cleaned.lower()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_payload_wrapped_in_allowed_markup_is_cleaned_too(payload):
    cleaned = html_clean(
        f"<p><strong>Chè <em>{payload}</em></strong></p><ul><li>{payload}</li></ul>"
    )

    _assert_harmless(cleaned)
    assert cleaned.startswith("<p><strong>Chè <em>")


def test_script_style_and_iframe_go_with_their_content():
    cleaned = html_clean(
        "<p>trước</p><script>window.__xss=1</script><style>p{color:red}</style>"
        "<iframe>nội dung khung</iframe><p>sau</p>"
    )

    assert cleaned == "<p>trước</p><p>sau</p>"


def test_the_allowed_markup_is_kept_as_written():
    html = (
        "<h2>Chè Tân Cương</h2><h3>Vùng trồng</h3><h4>Khu 3</h4>"
        "<p><strong>Búp</strong> <b>non</b>, <em>hái</em> <i>sáng</i>.<br>Sao thủ công.</p>"
        "<ul><li>200 g</li></ul><ol><li>Pha 90 °C</li></ol><blockquote>Ngon!</blockquote>"
    )

    assert html_clean(html) == html


def test_unknown_tags_are_unwrapped_and_their_text_kept():
    cleaned = html_clean('<div class="x"><h1>Tiêu đề</h1><span style="color:red">chữ</span></div>')

    assert cleaned == "Tiêu đềchữ"


def test_style_class_and_event_attributes_are_removed_from_allowed_tags():
    cleaned = html_clean('<p style="color:red" class="lead" id="a" onclick="x()">Chè</p>')

    assert cleaned == "<p>Chè</p>"


@pytest.mark.parametrize(
    "href", ["https://ocop.example/che", "http://ocop.example/", "mailto:htx@ocop.example"]
)
def test_http_and_mailto_links_are_kept_with_a_safe_rel(href):
    cleaned = html_clean(f'<a href="{href}" target="_blank" rel="opener">Xem</a>')

    assert cleaned == f'<a href="{href}" rel="noopener nofollow ugc">Xem</a>'


@pytest.mark.parametrize(
    "href", ["/shop/", "che.html", "//evil.example/", "tel:0912345678", "ftp://x.example/",
             "data:image/png;base64,iVBORw0KGgo=", "javascript:void(0)"],
)  # fmt: skip
def test_other_links_lose_their_href(href):
    cleaned = html_clean(f'<a href="{href}">Xem</a>')

    assert cleaned == '<a rel="noopener nofollow ugc">Xem</a>'


def test_staff_rich_text_may_link_within_the_site():
    cleaned = html_clean(
        '<a href="/gioi-thieu/">Về chúng tôi</a><hr>',
        extra_tags=frozenset({"hr"}),
        relative_links=True,
        link_rel="noopener",
    )

    assert cleaned == '<a href="/gioi-thieu/" rel="noopener">Về chúng tôi</a><hr>'


def test_images_and_data_urls_are_dropped():
    cleaned = html_clean('<p><img src="data:image/svg+xml,<svg onload=alert(1)>">ảnh</p>')

    assert cleaned == "<p>ảnh</p>"


def test_text_is_escaped_so_the_result_can_be_inserted_as_it_is():
    assert html_clean('Chè "Tân Cương" & mật <3') == 'Chè "Tân Cương" &amp; mật &lt;3'


def test_empty_values_clean_to_an_empty_string():
    assert html_clean(None) == "" and html_clean("") == "" and html_text(None) == ""


def test_plain_text_loses_markup_but_keeps_its_characters_and_lines():
    text = html_text('Chè "Tân Cương" & mật <3\n<b>Ngon</b><script>window.__xss=1</script>')

    assert text == 'Chè "Tân Cương" & mật <3\nNgon'


def test_the_form_fields_hand_on_cleaned_values():
    assert SanitizedHTMLField().clean('<p onclick="x">Chè</p><script>y</script>') == "<p>Chè</p>"
    assert PlainTextField().clean('<img src=x onerror="x">Chè & mật') == "Chè & mật"


def test_a_plain_text_field_full_of_markup_is_empty_and_so_required():
    field = PlainTextField()

    with pytest.raises(Exception, match="required|bắt buộc"):
        field.clean("<script>window.__xss=1</script>")


FRAGMENTS = st.sampled_from(
    ["<", ">", "/", "=", '"', "'", " ", "&", "#", ";", ":", "!--", "-->", "\t", "\n",
     "script", "svg", "img", "a", "p", "iframe", "style", "math", "href", "src", "onerror",
     "onload", "javascript", "data", "x", "window.__xss=1", "&#x09;", "&#106;", "<a href=",
     "<img src=x ", "<svg ", "</", "<p ", "style=", "<![CDATA[", "]]>", "<?", "`"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(FRAGMENTS, max_size=40).map("".join))
def test_whatever_is_typed_the_result_is_harmless_and_stable(text):
    cleaned = html_clean(text)

    _assert_harmless(cleaned)
    assert html_clean(cleaned) == cleaned
