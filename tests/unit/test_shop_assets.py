"""The committed shop stylesheet and icon fonts are what the build makes from today's
templates (a class added without rebuilding would be missing from every page)."""

import pytest

from marketplace import shop_assets


def test_the_committed_shop_stylesheet_and_fonts_are_up_to_date(tmp_path):
    fonts = tmp_path / "fonts"
    built = shop_assets.build(out_css=tmp_path / "shop.css", out_fonts=fonts)

    committed = {
        tmp_path / "shop.css": shop_assets.CSS_OUT,
        **{fonts / p.name: p for p in shop_assets.FONTS_OUT.glob("*.shop.woff2")},
    }
    assert set(built) == set(committed)
    for new, old in committed.items():
        assert new.read_bytes() == old.read_bytes(), (
            f"{old.name} is out of date: run `manage.py build_shop_assets` and commit it."
        )


@pytest.mark.parametrize(
    ("selector", "kept"),
    [
        (".btn.btn-primary", True),
        (".btn.never-written-anywhere", False),
        (".input-group:not(.never-written-anywhere) > .form-control", True),
        (".alert-whatever-tag", True),  # alert-{{ tag }} in a template
        ("a:hover", True),
    ],
)
def test_a_rule_is_kept_when_every_class_it_needs_is_in_the_shops_sources(selector, kept):
    words = shop_assets.Words(shop_assets.sources())

    assert shop_assets._selector_kept(selector, words) is kept
