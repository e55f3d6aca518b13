"""Onboarding through the pages: apply, staff review in the dashboard, the cooperative logs in."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories import CAM_KHE, PHU_THO, CooperativeFactory, cooperative_user

pytestmark = pytest.mark.django_db

Cooperative = get_model("partner", "Cooperative")
Partner = get_model("partner", "Partner")
User = get_user_model()

APPLY_URL = "/shop/cooperatives/apply/"
HOAN_KIEM = 70  # a ward of Hà Nội, not of Phú Thọ


def form_data(**overrides):
    return {
        "name": "Hợp tác xã Mật ong Cẩm Khê",
        "contact_name": "Nguyễn Thị Hoa",
        "phone": "0912 345 678",
        "province_code": PHU_THO,
        "ward_code": CAM_KHE,
        "address": "Thôn Đồng Lạc",
        "founded_year": 2012,
        "members_count": 15,
        "story": "Mật ong hoa nhãn, nuôi ong dưới tán rừng.",
        "email": "hoa@htx.example",
        "password": "mat-ong-hoa-nhan",
        "password_confirm": "mat-ong-hoa-nhan",
        **overrides,
    }


def text(response):
    return response.content.decode()


def counts():
    return User.objects.count(), Partner.objects.count(), Cooperative.objects.count()


@pytest.fixture
def staff_client(staff_user):
    """A browser of its own, so that ``client`` can be the applicant's at the same time."""
    staff = Client()
    staff.force_login(staff_user)
    return staff


@pytest.fixture
def applied(client, django_capture_on_commit_callbacks):
    """An application sent through the form; ``client`` is signed in as the applicant."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(APPLY_URL, form_data())
    mail.outbox.clear()
    return Cooperative.objects.get(partner__name="Hợp tác xã Mật ong Cẩm Khê")


def test_the_form_is_in_vietnamese_and_lists_the_34_provinces_and_their_wards(client):
    response = client.get(reverse("cooperative-apply"))

    assert response.status_code == 200
    page = text(response)
    assert "Đăng ký bán hàng" in page
    assert "Tên hợp tác xã" in page and "Nhập lại mật khẩu" in page
    assert len(list(response.context["form"].fields["province_code"].choices)) == 1 + 34
    # The communes come with the province: none before it is chosen (the script loads
    # them), the chosen province's once the form is sent with it.
    assert "Xã Cẩm Khê" not in page and "Chọn tỉnh/thành phố trước" in page
    wards = client.get(reverse("place-wards", args=[25])).json()["wards"]
    assert [CAM_KHE, "Xã Cẩm Khê"] in wards
    sent = text(client.post(reverse("cooperative-apply"), {"province_code": "25"}))
    assert f'<option value="{CAM_KHE}">Xã Cẩm Khê</option>' in sent
    assert "Phường Ba Đình" not in sent  # Hà Nội's are not listed


def test_full_onboarding_apply_approve_login_dashboard(
    client, staff_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(APPLY_URL, form_data())

    assert response.status_code == 302
    assert response["Location"] == reverse("cooperative-apply-done")
    thanks = text(client.get(response["Location"]))
    assert "Cảm ơn" in thanks and reverse("cooperative-application") in thanks
    cooperative = Cooperative.objects.get(partner__name="Hợp tác xã Mật ong Cẩm Khê")
    assert cooperative.status == Cooperative.Status.APPLIED
    assert sorted(message.to[0] for message in mail.outbox) == [
        "admin@ocop.example",
        "hoa@htx.example",
    ]

    # Signed in straight away, the applicant sees the status but not the shop dashboard.
    assert "Đang chờ duyệt" in text(client.get(reverse("cooperative-application")))
    assert client.get("/shop/dashboard/").status_code in (302, 403)
    assert client.get(reverse("cooperative-overview")).status_code in (302, 403)

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("dashboard-cooperative-approve", kwargs={"pk": cooperative.pk})
        )
    assert response.status_code == 302
    (approved_mail,) = mail.outbox
    assert approved_mail.to == ["hoa@htx.example"]

    # A fresh sign-in with the e-mail and password chosen on the form.
    applicant = Client()
    signed_in = applicant.post(
        "/shop/accounts/login/",
        {
            "login-username": "hoa@htx.example",
            "login-password": "mat-ong-hoa-nhan",
            "login_submit": "1",
        },
    )
    assert signed_in.status_code == 302
    assert applicant.get("/shop/dashboard/", follow=True).status_code == 200
    assert "Đã duyệt" in text(applicant.get(reverse("cooperative-application")))


def test_the_applicant_cannot_open_the_dashboard_before_approval(client, applied):
    response = client.get("/shop/dashboard/")

    assert response.status_code in (302, 403)
    assert client.get(reverse("cooperative-overview")).status_code in (302, 403)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"phone": "+1 202 555 0143"}, "số điện thoại Việt Nam"),
        ({"phone": "12345"}, "số điện thoại Việt Nam"),
        ({"ward_code": HOAN_KIEM}, "không thuộc tỉnh/thành phố đã chọn"),
        ({"email": "khach@ocop.example"}, "Đã có tài khoản dùng thư điện tử này"),
        ({"email": "KHACH@ocop.example"}, "Đã có tài khoản dùng thư điện tử này"),
        ({"password": "12345678", "password_confirm": "12345678"}, "hoàn toàn là số"),
        ({"password": "ong-1", "password_confirm": "ong-1"}, "cần ít nhất 8 ký tự"),
        ({"password_confirm": "khac-hoan-toan"}, "Hai mật khẩu không khớp nhau."),
        ({"name": ""}, "Trường này là bắt buộc."),
        ({"founded_year": 2999}, "Năm thành lập không thể ở tương lai."),
    ],
)
def test_bad_input_shows_vietnamese_errors_and_creates_nothing(
    client, customer, overrides, message, django_capture_on_commit_callbacks
):
    before = counts()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(APPLY_URL, form_data(**overrides))

    assert response.status_code == 200
    page = text(response)
    assert "Hồ sơ chưa gửi được" in page
    assert message in page
    assert counts() == before
    assert mail.outbox == []
    assert "_auth_user_id" not in client.session


def test_a_signed_in_customer_applies_without_choosing_a_login(
    client, customer, django_capture_on_commit_callbacks
):
    client.force_login(customer)
    page = text(client.get(APPLY_URL))
    assert 'name="password"' not in page and 'name="email"' not in page

    data = form_data()
    for field in ("email", "password", "password_confirm"):
        del data[field]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(APPLY_URL, data)

    assert response.status_code == 302
    cooperative = Cooperative.objects.get(partner__users=customer)
    assert cooperative.status == Cooperative.Status.APPLIED
    assert "khach@ocop.example" in [message.to[0] for message in mail.outbox]


def test_a_user_with_a_cooperative_is_sent_to_its_status_instead_of_the_form(client, applied):
    response = client.get(APPLY_URL)

    assert response.status_code == 302
    assert response["Location"] == reverse("cooperative-application")


def test_the_status_page_needs_a_login(client):
    response = client.get(reverse("cooperative-application"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("customer:login"))


def test_staff_list_applications_newest_first_and_filter_by_status(staff_client):
    older = CooperativeFactory(status=Cooperative.Status.APPLIED)
    newer = CooperativeFactory(status=Cooperative.Status.APPLIED)
    approved = CooperativeFactory(status=Cooperative.Status.APPROVED)

    response = staff_client.get(reverse("dashboard-cooperative-list"))
    assert response.status_code == 200
    assert list(response.context["cooperatives"]) == [approved, newer, older]
    assert "oscar/dashboard/layout.html" in [t.name for t in response.templates]

    response = staff_client.get(reverse("dashboard-cooperative-list"), {"status": "applied"})
    assert list(response.context["cooperatives"]) == [newer, older]


def test_the_dashboard_menu_shows_the_cooperatives_entry_to_staff_only(
    client, staff_client, cooperative
):
    page = text(staff_client.get("/shop/dashboard/"))
    assert reverse("dashboard-cooperative-list") in page

    client.force_login(cooperative_user(cooperative))
    page = text(client.get("/shop/dashboard/", follow=True))
    assert reverse("cooperative-overview") in page  # the cooperative's own menu is there
    assert reverse("dashboard-cooperative-list") not in page


def test_staff_see_an_application_in_full(staff_client, applied):
    response = staff_client.get(reverse("dashboard-cooperative-detail", kwargs={"pk": applied.pk}))

    assert response.status_code == 200
    page = text(response)
    assert "Hợp tác xã Mật ong Cẩm Khê" in page
    assert "Xã Cẩm Khê, Phú Thọ" in page
    assert "hoa@htx.example" in page
    assert reverse("dashboard-cooperative-reject", kwargs={"pk": applied.pk}) in page


def test_reject_without_a_reason_shows_an_error_and_changes_nothing(staff_client, applied):
    url = reverse("dashboard-cooperative-reject", kwargs={"pk": applied.pk})

    response = staff_client.post(url, {"reason": "  "}, follow=True)

    assert response.status_code == 200
    assert "Hãy ghi lý do từ chối" in text(response)
    applied.refresh_from_db()
    assert applied.status == Cooperative.Status.APPLIED
    assert mail.outbox == []


def test_reject_with_a_reason_emails_it_and_the_applicant_sees_it(
    client, staff_client, applied, django_capture_on_commit_callbacks
):
    reason = "Cần bổ sung giấy chứng nhận OCOP."
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse("dashboard-cooperative-reject", kwargs={"pk": applied.pk}), {"reason": reason}
        )

    applied.refresh_from_db()
    assert applied.status == Cooperative.Status.REJECTED
    (message,) = mail.outbox
    assert message.to == ["hoa@htx.example"]
    assert reason in message.body
    page = text(client.get(reverse("cooperative-application")))
    assert "Bị từ chối" in page and reason in page
    assert client.get("/shop/dashboard/").status_code in (302, 403)
    assert client.get(reverse("cooperative-overview")).status_code in (302, 403)


def test_a_refused_transition_is_a_message_not_an_error_page(staff_client, cooperative):
    url = reverse("dashboard-cooperative-approve", kwargs={"pk": cooperative.pk})

    response = staff_client.post(url, follow=True)

    assert response.status_code == 200
    assert "đã được duyệt rồi" in text(response)


def test_suspending_closes_the_cooperatives_dashboard(staff_client, cooperative):
    seller = Client()
    seller.force_login(cooperative_user(cooperative))
    assert seller.get("/shop/dashboard/", follow=True).status_code == 200

    staff_client.post(
        reverse("dashboard-cooperative-suspend", kwargs={"pk": cooperative.pk}),
        {"reason": "Sản phẩm không đúng mô tả."},
    )

    cooperative.refresh_from_db()
    assert cooperative.status == Cooperative.Status.SUSPENDED
    assert seller.get("/shop/dashboard/").status_code in (302, 403)
    assert seller.get(reverse("cooperative-overview")).status_code in (302, 403)


def test_review_actions_accept_post_only(staff_client, applied):
    url = reverse("dashboard-cooperative-approve", kwargs={"pk": applied.pk})

    assert staff_client.get(url).status_code == 405
    applied.refresh_from_db()
    assert applied.status == Cooperative.Status.APPLIED


def review_urls(pk):
    return [
        ("get", reverse("dashboard-cooperative-list")),
        ("get", reverse("dashboard-cooperative-detail", kwargs={"pk": pk})),
        ("post", reverse("dashboard-cooperative-approve", kwargs={"pk": pk})),
        ("post", reverse("dashboard-cooperative-reject", kwargs={"pk": pk})),
        ("post", reverse("dashboard-cooperative-suspend", kwargs={"pk": pk})),
    ]


@pytest.mark.parametrize("who", ["customer", "cooperative user", "applicant"])
def test_only_staff_may_open_the_review_pages(client, customer, cooperative, who):
    pending = CooperativeFactory(status=Cooperative.Status.APPLIED)
    user = {
        "customer": customer,
        "cooperative user": cooperative_user(cooperative),
        "applicant": cooperative_user(pending, email="applicant@htx.example"),
    }[who]
    client.force_login(user)

    for method, url in review_urls(pending.pk):
        assert getattr(client, method)(url, {"reason": "x"}).status_code == 403, url
    pending.refresh_from_db()
    assert pending.status == Cooperative.Status.APPLIED


def test_signed_out_visitors_are_sent_to_login_from_the_review_pages(client):
    pending = CooperativeFactory(status=Cooperative.Status.APPLIED)

    for method, url in review_urls(pending.pk):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("customer:login"))
    pending.refresh_from_db()
    assert pending.status == Cooperative.Status.APPLIED
