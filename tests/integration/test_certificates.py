import datetime

import pytest
from django.core.exceptions import ValidationError

from catalogue.services import certificate_create
from tests.factories import ocop_certificate, ocop_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def tea(cooperative):
    return ocop_product(cooperative=cooperative, title="Chè Cam My", price=85000)


def test_an_ocop_rating_expires_36_months_after_issue_by_default(tea):
    certificate = ocop_certificate(product=tea, issued_on=datetime.date(2024, 2, 29))

    assert certificate.expires_on == datetime.date(2027, 2, 28)


def test_a_certificate_is_valid_only_between_issue_and_expiry(tea):
    certificate = ocop_certificate(product=tea, issued_on=datetime.date(2022, 1, 10))

    assert certificate.is_valid_on(datetime.date(2024, 6, 1))
    assert not certificate.is_valid_on(datetime.date(2025, 1, 11))
    assert not certificate.is_valid_on(datetime.date(2022, 1, 9))


def test_stars_outside_three_to_five_are_refused(tea):
    with pytest.raises(ValidationError):
        ocop_certificate(product=tea, stars=6)


def test_other_certifications_carry_no_stars(tea):
    certificate = certificate_create(
        product=tea, kind="vietgap", stars=4, authority="Sở NN&MT Phú Thọ",
        decision_number="12/VG", issued_on=datetime.date(2025, 3, 1),
        expires_on=datetime.date(2027, 3, 1),
    )  # fmt: skip

    assert certificate.stars is None


def test_an_expiry_before_the_issue_date_is_refused(tea):
    with pytest.raises(ValidationError):
        ocop_certificate(
            product=tea, issued_on=datetime.date(2025, 3, 1), expires_on=datetime.date(2025, 1, 1)
        )


def test_a_certificate_expiring_within_60_days_warns(tea):
    from django.utils import timezone

    today = timezone.localdate()
    soon = ocop_certificate(
        product=tea, issued_on=today - datetime.timedelta(days=400),
        expires_on=today + datetime.timedelta(days=30),
    )  # fmt: skip
    later = ocop_certificate(
        product=tea, issued_on=today - datetime.timedelta(days=10),
        expires_on=today + datetime.timedelta(days=200),
    )  # fmt: skip

    assert soon.expires_soon
    assert not later.expires_soon


def test_cooperatives_are_emailed_once_about_certificates_expiring_within_60_days(
    cooperative, tea, mailoutbox
):
    from django.core.management import call_command
    from django.utils import timezone

    from tests.factories import cooperative_user

    cooperative_user(cooperative, email="chu-nhiem@ocop.example")
    today = timezone.localdate()
    soon = ocop_certificate(
        product=tea, issued_on=today - datetime.timedelta(days=1000),
        expires_on=today + datetime.timedelta(days=45),
    )  # fmt: skip
    ocop_certificate(product=tea, issued_on=today - datetime.timedelta(days=10))

    call_command("warn_expiring_certificates")
    call_command("warn_expiring_certificates")

    (message,) = mailoutbox
    assert message.to == ["chu-nhiem@ocop.example"]
    assert soon.decision_number in message.body
    assert "sắp hết hạn" in message.subject
