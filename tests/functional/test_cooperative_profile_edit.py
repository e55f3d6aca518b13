"""A cooperative keeps its own profile, payout account and photos up to date."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from tests.factories import CooperativeFactory, cooperative_user

pytestmark = pytest.mark.django_db


def _jpeg():
    out = io.BytesIO()
    Image.new("RGB", (80, 60), (30, 110, 40)).save(out, format="JPEG")
    return out.getvalue()


def _profile(**extra):
    data = {
        "profile-story_vi": "Chè Cam My trồng trên 15 ha đồi theo VietGAP.",
        "profile-story_en": "Cam My tea grows on 15 ha of VietGAP hills.",
        "profile-address": "Khu 3, Xã Cự Đồng, Phú Thọ",
        "profile-phone": "0912 345 678",
        "profile-email": "camMy@ocop.example",
        "profile-founded_year": "2015",
        "profile-members_count": "32",
        "profile-latitude": "21.3456",
        "profile-longitude": "105.1234",
        "profile-bank_bin": "970436",
        "profile-bank_account_number": "0123456789",
        "profile-bank_account_name": "HTX CHE CAM MY",
        "save_profile": "1",
    }
    data.update(extra)
    return data


@pytest.fixture
def seller(client, cooperative):
    client.force_login(cooperative_user(cooperative))
    return client


def test_a_cooperative_updates_its_profile_and_payout_account(seller, cooperative):
    response = seller.post(reverse("cooperative-profile-edit"), _profile())

    assert response.status_code == 302
    cooperative.refresh_from_db()
    assert cooperative.story.startswith("Chè Cam My")
    assert cooperative.phone == "+84912345678"
    assert cooperative.bank_account_number == "0123456789"
    assert "0123456789" not in seller.get(cooperative.get_absolute_url()).content.decode()


def test_status_slug_and_name_cannot_be_changed_from_the_form(seller, cooperative):
    seller.post(
        reverse("cooperative-profile-edit"),
        _profile(**{"profile-status": "approved", "profile-slug": "khac", "status": "x"}),
    )

    cooperative.refresh_from_db()
    assert cooperative.slug != "khac"
    assert cooperative.status == "approved"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("profile-phone", "+44 20 7946 0958"),
        ("profile-bank_bin", "12"),
        ("profile-latitude", "123"),
        ("profile-gln", "8934567000016"),  # a wrong check digit
    ],
)
def test_bad_values_are_refused_and_nothing_changes(seller, cooperative, field, value):
    response = seller.post(reverse("cooperative-profile-edit"), _profile(**{field: value}))

    assert response.status_code == 200
    cooperative.refresh_from_db()
    assert cooperative.bank_account_number == ""


def test_a_logo_must_be_a_real_picture(seller, cooperative):
    bad = seller.post(
        reverse("cooperative-profile-edit"),
        _profile(**{"profile-logo": SimpleUploadedFile("logo.png", b"not a picture")}),
    )
    good = seller.post(
        reverse("cooperative-profile-edit"),
        _profile(**{"profile-logo": SimpleUploadedFile("logo.jpg", _jpeg())}),
    )

    assert bad.status_code == 200 and good.status_code == 302
    cooperative.refresh_from_db()
    assert cooperative.logo.name.endswith(".jpg")


def test_a_photo_is_added_to_the_public_profile(seller, cooperative):
    seller.post(
        reverse("cooperative-profile-edit"),
        {
            "photo-image": SimpleUploadedFile("doi-che.jpg", _jpeg()),
            "photo-caption": "Đồi chè mùa xuân",
            "add_photo": "1",
        },
    )

    assert cooperative.photos.get().caption == "Đồi chè mùa xuân"
    assert "Đồi chè mùa xuân" in seller.get(cooperative.get_absolute_url()).content.decode()


def test_each_cooperative_edits_only_its_own_profile(client, cooperative):
    other = CooperativeFactory()
    client.force_login(cooperative_user(other))

    client.post(reverse("cooperative-profile-edit"), _profile())

    cooperative.refresh_from_db()
    other.refresh_from_db()
    assert cooperative.bank_account_number == ""
    assert other.bank_account_number == "0123456789"


@pytest.mark.parametrize("who", ["anonymous", "customer"])
def test_strangers_cannot_open_the_profile_editor(client, customer, who):
    if who == "customer":
        client.force_login(customer)

    assert client.get(reverse("cooperative-profile-edit")).status_code in (302, 403)


def test_a_cooperative_records_its_gln_with_its_company_prefix(seller, cooperative):
    mismatch = seller.post(
        reverse("cooperative-profile-edit"),
        _profile(**{"profile-gln": "8934567000017", "profile-gs1_company_prefix": "8934568"}),
    )
    saved = seller.post(
        reverse("cooperative-profile-edit"),
        _profile(**{"profile-gln": "8934567000017", "profile-gs1_company_prefix": "8934567"}),
    )

    assert mismatch.status_code == 200
    assert "Mã GLN phải bắt đầu bằng mã doanh nghiệp GS1" in mismatch.content.decode()
    assert saved.status_code == 302
    cooperative.refresh_from_db()
    assert cooperative.sgln() == "urn:epc:id:sgln:8934567.00001.0"
