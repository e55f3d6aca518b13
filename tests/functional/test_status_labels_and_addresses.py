"""Staff read order statuses as words (Vietnamese or English), not as codes; a saved
address is edited in checkout with the Vietnamese fields."""

import pytest
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from tests import checkout_steps as steps
from tests.checkout_steps import HA_NOI, PHU_THO, PHUONG_HOAN_KIEM, XA_CAM_KHE

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
UserAddress = get_model("address", "UserAddress")


def _text(response):
    return response.content.decode().replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("language", "label"),
    [("vi", "Chờ giao, thu tiền khi nhận (COD)"), ("en", "Awaiting delivery, cash on delivery")],
)
def test_staff_see_the_order_status_as_a_label_in_the_dashboard(
    client, tea, staff_user, language, label
):
    steps.place_order(client, steps.checkout(client, [(tea, 1)], method="cod"))
    order = Order.objects.get()
    assert order.status == "awaiting-cod"
    client.force_login(staff_user)

    with translation.override(language):
        listing = _text(client.get(reverse("dashboard:order-list")))
        detail = _text(client.get(reverse("dashboard:order-detail", args=[order.number])))

    for page in (listing, detail):
        assert f'<span class="order-status" title="awaiting-cod">{label}' in page
        assert ">awaiting-cod<" not in page


def test_staff_see_a_customers_orders_with_status_labels(client, tea, customer, staff_user):
    client.force_login(customer)
    steps.place_order(client, steps.checkout(client, [(tea, 1)], method="vietqr", guest=False))
    client.force_login(staff_user)

    page = _text(client.get(reverse("dashboard:user-detail", args=[customer.pk])))

    assert '<span class="order-status" title="awaiting-payment">Chờ thanh toán</span>' in page


@pytest.fixture
def saved_address(customer):
    from marketplace.checkout.forms import vietnam

    return UserAddress.objects.create(
        user=customer,
        first_name="Nguyễn",
        last_name="Thị Lan",
        line1="12 Đường Hùng Vương",
        line4="Phường Hoàn Kiếm",
        state="Thành phố Hà Nội",
        country=vietnam(),
        phone_number="+84912345678",
    )


def test_a_saved_address_is_edited_with_the_province_and_ward_fields(
    client, tea, customer, saved_address
):
    client.force_login(customer)
    steps.add_to_basket(client, tea)
    url = reverse("checkout:user-address-update", args=[saved_address.pk])

    page = _text(client.get(url))
    assert 'name="postcode"' not in page
    assert f'<option value="{HA_NOI}" selected>' in page
    assert f'<option value="{PHUONG_HOAN_KIEM}" selected>' in page
    assert 'value="Nguyễn Thị Lan"' in page

    response = client.post(
        url,
        {**steps.ADDRESS, "province_code": str(PHU_THO), "ward_code": str(XA_CAM_KHE)},
    )

    assert response.status_code == 302
    saved_address.refresh_from_db()
    assert saved_address.state == "Phú Thọ"
    assert saved_address.line4 == "Xã Cẩm Khê"
    assert saved_address.country_id == "VN"


def test_a_saved_address_with_a_ward_of_another_province_is_refused(
    client, tea, customer, saved_address
):
    client.force_login(customer)
    url = reverse("checkout:user-address-update", args=[saved_address.pk])

    response = client.post(
        url,
        {**steps.ADDRESS, "province_code": str(PHU_THO), "ward_code": str(PHUONG_HOAN_KIEM)},
    )

    assert response.status_code == 200
    assert "không thuộc tỉnh/thành phố đã chọn" in _text(response)
    saved_address.refresh_from_db()
    assert saved_address.state == "Thành phố Hà Nội"


def test_the_address_book_adds_an_address_with_the_vietnamese_fields(client, customer):
    client.force_login(customer)
    url = reverse("customer:address-create")

    assert 'name="ward_code"' in _text(client.get(url))
    response = client.post(url, steps.ADDRESS)

    assert response.status_code == 302, _text(response)[:2000]
    address = UserAddress.objects.get(user=customer)
    assert (address.first_name, address.last_name) == ("Nguyễn", "Thị Lan")
    assert (address.line4, address.state, address.country_id) == (
        "Phường Hoàn Kiếm", "Thành phố Hà Nội", "VN",
    )  # fmt: skip


def test_a_guest_following_the_status_link_reads_where_the_order_stands(client, tea):
    steps.place_order(client, steps.checkout(client, [(tea, 1)], method="vietqr"))
    order = Order.objects.get()
    session = client.session
    session["anon_order_email"] = order.email  # Oscar asks the guest for it first
    session.save()

    url = reverse(
        "customer:anon-order",
        kwargs={"order_number": order.number, "hash": order.verification_hash()},
    )
    page = _text(client.get(url))

    assert '<strong class="order-buyer-status">Chờ thanh toán</strong>' in page
    assert 'class="vietqr-image' in page
    assert "awaiting-payment" not in page
