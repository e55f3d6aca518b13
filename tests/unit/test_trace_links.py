from types import SimpleNamespace

from traceability.links import batch_path


def _batch(upc, lot="CM-2026/11", short="ABCD2345"):
    return SimpleNamespace(product=SimpleNamespace(upc=upc), lot_code=lot, short_code=short)


def test_a_product_with_a_gtin_gets_a_gs1_digital_link_with_the_lot_encoded():
    assert batch_path(_batch("8934567890120")) == "/01/08934567890120/10/CM-2026%2F11"


def test_a_product_without_a_valid_gtin_gets_the_sites_short_path():
    assert batch_path(_batch(None)) == "/t/ABCD2345"
    assert batch_path(_batch("8934567890121")) == "/t/ABCD2345"
    assert batch_path(_batch("OCOP-0042")) == "/t/ABCD2345"
