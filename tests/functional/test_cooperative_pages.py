"""Buyers choose on trust: OCOP stars from valid certificates, cooperative profiles."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import CooperativeFactory, ocop_certificate, ocop_product

pytestmark = pytest.mark.django_db


def _text(response):
    return response.content.decode().replace("\u00a0", " ")


@pytest.fixture
def tea(cooperative):
    return ocop_product(cooperative=cooperative, title="Chè Cam My", price=85000)


def test_a_valid_certificate_shows_its_stars_on_cards_and_the_product_page(client, tea):
    ocop_certificate(product=tea, stars=4)

    assert "OCOP 4 sao" in _text(client.get(reverse("catalogue:index")))
    page = _text(client.get(tea.get_absolute_url()))
    assert "OCOP 4 sao" in page
    assert "UBND tỉnh Phú Thọ" in page and f"{tea.pk}/QĐ-UBND" in page


def test_an_expired_certificate_hides_the_badge(client, tea):
    ocop_certificate(product=tea, stars=5, issued_on=timezone.localdate().replace(year=2019))

    assert "OCOP 5 sao" not in _text(client.get(reverse("catalogue:index")))
    assert "OCOP 5 sao" not in _text(client.get(tea.get_absolute_url()))


def test_the_product_page_shows_the_cooperative_card_and_origin(client, tea, cooperative):
    page = _text(client.get(tea.get_absolute_url()))

    assert cooperative.name in page
    assert cooperative.get_absolute_url() in page
    assert "Xã Cẩm Khê, Phú Thọ" in page


@pytest.mark.parametrize("status", ["applied", "rejected", "suspended"])
def test_products_of_a_cooperative_that_is_not_approved_are_not_sold(client, status):
    cooperative = CooperativeFactory(status=status)
    hidden = ocop_product(cooperative=cooperative, title="Mật ong rừng", price=300000)

    assert "Mật ong rừng" not in _text(client.get(reverse("catalogue:index")))
    assert client.get(hidden.get_absolute_url()).status_code == 404
    client.post(reverse("basket:add", kwargs={"pk": hidden.pk}), {"quantity": 1})
    assert "Mật ong rừng" not in _text(client.get(reverse("basket:summary")))


def test_catalogue_filters_by_the_chosen_star_ratings(client, cooperative):
    three = ocop_product(cooperative=cooperative, title="Gạo nếp", price=60000)
    five = ocop_product(cooperative=cooperative, title="Chè Shan", price=400000)
    ocop_certificate(product=three, stars=3)
    ocop_certificate(product=five, stars=5)

    response = client.get(reverse("catalogue:index"), {"stars": ["4", "5"]})

    assert [p.pk for p in response.context["products"]] == [five.pk]
    response = client.get(reverse("catalogue:index"), {"stars": "4"})
    assert list(response.context["products"]) == []


def test_catalogue_filters_by_province(client, cooperative):
    son_la = CooperativeFactory(province_code=14, ward_code=3646)
    phu_tho_tea = ocop_product(cooperative=cooperative, title="Chè Phú Thọ", price=80000)
    ocop_product(cooperative=son_la, title="Mận Sơn La", price=50000)

    response = client.get(reverse("catalogue:index"), {"province": "25"})

    assert [p.pk for p in response.context["products"]] == [phu_tho_tea.pk]


def test_bad_filter_values_are_ignored_not_an_error(client, tea):
    response = client.get(reverse("catalogue:index"), {"stars": "9", "province": "abc"})

    assert response.status_code == 200
    assert [p.pk for p in response.context["products"]] == [tea.pk]


def test_the_cooperative_profile_shows_story_products_and_certificates(client, tea, cooperative):
    ocop_certificate(product=tea, stars=4)
    cooperative.approved_at = timezone.now() - datetime.timedelta(days=400)
    cooperative.save()

    page = _text(client.get(cooperative.get_absolute_url()))

    assert cooperative.name in page
    assert cooperative.story in page
    assert "Chè Cam My" in page
    assert "OCOP 4 sao" in page
    since = timezone.localtime(cooperative.approved_at).strftime("%m/%Y")
    assert f"bán hàng tại Chợ OCOP từ {since}" in page


def test_an_unapproved_cooperative_has_no_public_profile(client, staff_user):
    applicant = CooperativeFactory(status="applied")

    assert client.get(applicant.get_absolute_url()).status_code == 404
    client.force_login(staff_user)
    assert "chỉ nhân viên sàn nhìn thấy" in _text(client.get(applicant.get_absolute_url()))


def test_unknown_cooperative_gets_the_friendly_404(client):
    response = client.get("/shop/cooperatives/khong-co/")

    assert response.status_code == 404
    assert "Không tìm thấy trang này" in _text(response)


def test_a_large_cooperative_profile_is_paginated(client, cooperative, settings):
    settings.OSCAR_PRODUCTS_PER_PAGE = 24
    for n in range(30):
        ocop_product(cooperative=cooperative, title=f"Chè số {n:02d}", price=1000)

    first = client.get(cooperative.get_absolute_url())
    second = client.get(cooperative.get_absolute_url(), {"page": 2})
    junk = client.get(cooperative.get_absolute_url(), {"page": "abc"})

    assert len(first.context["products"]) == 24
    assert len(second.context["products"]) == 6
    assert junk.status_code == 200
    assert "30 sản phẩm" in first.content.decode()
