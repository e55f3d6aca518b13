"""Cooperative onboarding services: apply, approve, reject, suspend."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from oscar.core.loading import get_model

from marketplace.partner import services
from tests.factories import CAM_KHE, PHU_THO, CooperativeFactory, cooperative_user

pytestmark = pytest.mark.django_db

Cooperative = get_model("partner", "Cooperative")
Partner = get_model("partner", "Partner")
User = get_user_model()

HOAN_KIEM = 70  # a ward of Hà Nội, not of Phú Thọ


def application(**overrides):
    return {
        "name": "Hợp tác xã Đặc sản Đồi Chè",
        "contact_name": "Nguyễn Thị Hoa",
        "phone": "0912 345 678",
        "province_code": PHU_THO,
        "ward_code": CAM_KHE,
        "address": "Thôn Đồng Lạc",
        "founded_year": 2015,
        "members_count": 27,
        "story": "Chè xanh hái tay trên đồi.",
        "email": "hoa@htx.example",
        "password": "che-xanh-doi-cao",
        **overrides,
    }


def counts():
    return User.objects.count(), Partner.objects.count(), Cooperative.objects.count()


@pytest.fixture
def applied(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        cooperative = services.cooperative_apply(**application())
    mail.outbox.clear()
    return cooperative


def test_apply_creates_a_login_without_dashboard_access_a_partner_and_an_applied_cooperative():
    cooperative = services.cooperative_apply(**application())

    user = cooperative.partner.users.get()
    assert user.email == "hoa@htx.example"
    assert user.get_full_name() == "Nguyễn Thị Hoa"
    assert user.check_password("che-xanh-doi-cao")
    assert user.is_active and not user.is_staff
    assert not user.has_perm("partner.dashboard_access")
    assert cooperative.status == Cooperative.Status.APPLIED
    assert cooperative.name == "Hợp tác xã Đặc sản Đồi Chè"
    assert cooperative.phone == "+84912345678"
    assert cooperative.email == "hoa@htx.example"
    assert (cooperative.province_code, cooperative.ward_code) == (PHU_THO, CAM_KHE)
    assert cooperative.approved_at is None


def test_apply_derives_a_vietnamese_aware_unique_slug():
    first = services.cooperative_apply(**application())
    second = services.cooperative_apply(**application(email="lan@htx.example"))

    assert first.slug == "hop-tac-xa-dac-san-doi-che"
    assert second.slug == "hop-tac-xa-dac-san-doi-che-2"


def test_apply_emails_the_applicant_and_every_active_staff_member_after_commit(
    django_capture_on_commit_callbacks, staff_user
):
    inactive_staff = User.objects.create_user("old", "old@ocop.example", is_staff=True)
    inactive_staff.is_active = False
    inactive_staff.save()

    with django_capture_on_commit_callbacks(execute=True):
        cooperative = services.cooperative_apply(**application())
        assert mail.outbox == []  # nothing leaves before the transaction commits

    applicant, staff = mail.outbox
    assert applicant.to == ["hoa@htx.example"]
    assert "Đã nhận hồ sơ" in applicant.subject
    assert "/shop/cooperatives/application/" in applicant.body
    assert staff.to == ["admin@ocop.example"]
    assert cooperative.name in staff.subject
    assert f"/shop/dashboard/cooperatives/{cooperative.pk}/" in staff.body
    assert "Nguyễn Thị Hoa <hoa@htx.example>" in staff.body  # not HTML-escaped


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"phone": "+1 202 555 0143"}, "phone"),
        ({"phone": "12345"}, "phone"),
        ({"ward_code": HOAN_KIEM}, "ward_code"),
        ({"ward_code": 99999999}, "ward_code"),
        ({"password": "12345678"}, "password"),
        ({"email": "khach@ocop.example"}, "email"),
    ],
)
def test_apply_refuses_bad_input_and_saves_nothing(overrides, field, customer):
    before = counts()

    with pytest.raises(ValidationError) as error:
        services.cooperative_apply(**application(**overrides))

    assert field in error.value.message_dict
    assert counts() == before
    assert mail.outbox == []


def test_duplicate_email_is_found_whatever_the_case(customer):
    with pytest.raises(ValidationError) as error:
        services.cooperative_apply(**application(email=customer.email.upper()))

    assert "email" in error.value.message_dict


def test_a_signed_in_user_applies_with_their_own_account(customer):
    cooperative = services.cooperative_apply(
        **application(email="", password="", contact_name="Trần Văn Nam"), user=customer
    )

    assert list(cooperative.partner.users.all()) == [customer]
    customer.refresh_from_db()
    assert customer.get_full_name() == "Trần Văn Nam"
    assert cooperative.email == customer.email


def test_a_user_cannot_apply_for_a_second_cooperative(customer):
    services.cooperative_apply(**application(email="", password=""), user=customer)

    with pytest.raises(ValidationError):
        services.cooperative_apply(**application(name="HTX khác"), user=customer)
    assert Cooperative.objects.count() == 1


def test_approve_grants_dashboard_access_and_emails_the_cooperative(
    applied, staff_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.cooperative_approve(cooperative=applied, by=staff_user)

    applied.refresh_from_db()
    assert applied.status == Cooperative.Status.APPROVED
    assert applied.approved_at is not None
    user = User.objects.get(email="hoa@htx.example")
    assert user.has_perm("partner.dashboard_access")
    (message,) = mail.outbox
    assert message.to == ["hoa@htx.example"]
    assert "đã được duyệt" in message.subject
    assert "/shop/dashboard/" in message.body


def test_approving_an_approved_cooperative_is_refused(cooperative, staff_user):
    with pytest.raises(ValidationError, match="đã được duyệt"):
        services.cooperative_approve(cooperative=cooperative, by=staff_user)


@pytest.mark.parametrize("reason", ["", "   "])
def test_reject_needs_a_reason(applied, staff_user, reason):
    with pytest.raises(ValidationError) as error:
        services.cooperative_reject(cooperative=applied, reason=reason, by=staff_user)

    assert "reason" in error.value.message_dict
    applied.refresh_from_db()
    assert applied.status == Cooperative.Status.APPLIED


def test_reject_records_and_emails_the_reason(
    applied, staff_user, django_capture_on_commit_callbacks
):
    reason = "Thiếu giấy chứng nhận OCOP & ảnh sản phẩm."
    with django_capture_on_commit_callbacks(execute=True):
        services.cooperative_reject(cooperative=applied, reason=reason, by=staff_user)

    applied.refresh_from_db()
    assert applied.status == Cooperative.Status.REJECTED
    assert applied.rejection_reason == reason
    (message,) = mail.outbox
    assert message.to == ["hoa@htx.example"]
    assert reason in message.body
    assert not User.objects.get(email="hoa@htx.example").has_perm("partner.dashboard_access")


def test_only_an_application_waiting_for_review_can_be_rejected(cooperative, staff_user):
    with pytest.raises(ValidationError, match="đang chờ duyệt"):
        services.cooperative_reject(cooperative=cooperative, reason="Không rõ", by=staff_user)


def test_a_rejected_cooperative_can_be_approved_later(applied, staff_user):
    services.cooperative_reject(cooperative=applied, reason="Thiếu ảnh", by=staff_user)

    services.cooperative_approve(cooperative=applied, by=staff_user)

    applied.refresh_from_db()
    assert applied.status == Cooperative.Status.APPROVED
    assert applied.rejection_reason == ""


def test_suspend_removes_dashboard_access_and_emails_the_reason(
    staff_user, django_capture_on_commit_callbacks
):
    cooperative = CooperativeFactory()
    user = cooperative_user(cooperative)

    with django_capture_on_commit_callbacks(execute=True):
        services.cooperative_suspend(
            cooperative=cooperative, reason="Sản phẩm hết hạn chứng nhận.", by=staff_user
        )

    cooperative.refresh_from_db()
    assert cooperative.status == Cooperative.Status.SUSPENDED
    user = User.objects.get(pk=user.pk)  # a fresh object: permissions are cached per instance
    assert not user.has_perm("partner.dashboard_access")
    (message,) = mail.outbox
    assert message.to == [user.email]
    assert "Sản phẩm hết hạn chứng nhận." in message.body


def test_suspend_needs_an_approved_cooperative_and_a_reason(applied, cooperative, staff_user):
    with pytest.raises(ValidationError):
        services.cooperative_suspend(cooperative=applied, reason="Vi phạm", by=staff_user)
    with pytest.raises(ValidationError):
        services.cooperative_suspend(cooperative=cooperative, reason="", by=staff_user)
