"""Demo products get a parcel weight read from their label's net content."""

from decimal import Decimal

import pytest

from marketplace.demo.catalogue import shipping_weight_from_net_content


@pytest.mark.parametrize(
    ("net_content", "kg"),
    [
        ("500 g", "0.55"),
        ("200 g", "0.25"),
        ("5 kg", "5.5"),
        ("1 lít", "1.1"),
        ("330 ml", "0.4"),
        ("500 ml (2 x 250 ml)", "0.55"),
        ("1 hộp (2 x 200 g)", "0.45"),
        ("2 quả (khoảng 1,8 kg)", "2"),
        ("50 g (25 gói x 2 g)", "0.1"),
        ("1 bộ (4 chiếc)", "1"),
    ],
)
def test_a_demo_weight_is_the_content_plus_packaging_rounded_up_to_50_g(net_content, kg):
    assert shipping_weight_from_net_content(net_content) == Decimal(kg)
