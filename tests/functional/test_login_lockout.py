"""Wrong passwords lock a sign-in out for a while: the shop, the CMS, the admin, checkout.

The counts live in the cache (the conftest clears it around each test); the limits are
the real ones: LOGIN_FAILURE_LIMIT per (name, address), LOGIN_IP_FAILURE_LIMIT per address.
"""

import datetime
import time

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from oscar.test.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "che-xanh-tan-cuong"
HOME = "10.1.1.1"
ELSEWHERE = "10.2.2.2"


@pytest.fixture
def shopper(db):
    return UserFactory(email="lan@ocop.example", password=PASSWORD)


@pytest.fixture
def editor(db):
    return UserFactory(
        username="bientap", email="bientap@ocop.example", password=PASSWORD,
        is_staff=True, is_superuser=True,
    )  # fmt: skip


def shop_login(client, user, password, address=HOME, **extra):
    return client.post(
        "/shop/accounts/login/",
        {"login-username": user.email, "login-password": password, "login_submit": "1"},
        REMOTE_ADDR=address,
        **extra,
    )


def cms_login(client, user, password, address=HOME, **extra):
    return client.post(
        "/cms/login/", {"username": user.username, "password": password}, REMOTE_ADDR=address,
        **extra,
    )  # fmt: skip


def admin_login(client, user, password, address=HOME, **extra):
    return client.post(
        "/django-admin/login/?next=/django-admin/",
        {"username": user.username, "password": password, "next": "/django-admin/"},
        REMOTE_ADDR=address,
        **extra,
    )


LOGINS = {"shop": shop_login, "cms": cms_login, "admin": admin_login}


def signed_in(client):
    return "_auth_user_id" in client.session


def page(response):
    return response.content.decode()


@pytest.mark.parametrize("where", LOGINS)
def test_the_fifth_wrong_password_locks_out_and_the_right_one_is_refused(where, editor):
    login = LOGINS[where]
    client = Client()
    for _attempt in range(settings.LOGIN_FAILURE_LIMIT - 1):
        assert login(client, editor, "sai-mat-khau").status_code == 200

    locked = login(client, editor, "sai-mat-khau")

    assert locked.status_code == 429
    assert locked["Retry-After"] == "900"
    assert "Tạm khoá đăng nhập" in page(locked) and "thử lại sau 15 phút" in page(locked)
    assert "Too many wrong passwords" in page(locked) and "in 15 minutes" in page(locked)
    right = login(client, editor, PASSWORD)
    assert right.status_code == 429
    assert not signed_in(client)


@pytest.mark.parametrize("where", LOGINS)
def test_the_right_password_still_works_before_the_limit(where, editor):
    login = LOGINS[where]
    client = Client()
    for _attempt in range(settings.LOGIN_FAILURE_LIMIT - 1):
        login(client, editor, "sai-mat-khau")

    assert login(client, editor, PASSWORD).status_code == 302
    assert signed_in(client)


def test_a_lockout_is_per_name_and_address(shopper):
    other = UserFactory(email="hoa@ocop.example", password=PASSWORD)
    for _attempt in range(settings.LOGIN_FAILURE_LIMIT):
        shop_login(Client(), shopper, "sai-mat-khau", address=HOME)

    assert shop_login(Client(), shopper, PASSWORD, address=HOME).status_code == 429
    # The shopper on their own phone, and someone else at the same address, sign in.
    assert shop_login(Client(), shopper, PASSWORD, address=ELSEWHERE).status_code == 302
    assert shop_login(Client(), other, PASSWORD, address=HOME).status_code == 302


def test_the_name_is_counted_whatever_its_case(shopper):
    for attempt in range(settings.LOGIN_FAILURE_LIMIT):
        email = "LAN@ocop.example" if attempt % 2 else " lan@OCOP.example"
        Client().post(
            "/shop/accounts/login/",
            {"login-username": email, "login-password": "sai", "login_submit": "1"},
            REMOTE_ADDR=HOME,
        )

    assert shop_login(Client(), shopper, PASSWORD).status_code == 429


def test_one_address_trying_many_names_is_locked_out_at_its_own_higher_limit(shopper):
    names = settings.LOGIN_IP_FAILURE_LIMIT // (settings.LOGIN_FAILURE_LIMIT - 1) + 1
    guesses = [f"khach{n}@ocop.example" for n in range(names)]
    failures = 0
    for email in guesses:
        for _attempt in range(settings.LOGIN_FAILURE_LIMIT - 1):
            if failures == settings.LOGIN_IP_FAILURE_LIMIT - 1:
                break
            response = Client().post(
                "/shop/accounts/login/",
                {"login-username": email, "login-password": "sai", "login_submit": "1"},
                REMOTE_ADDR=HOME,
            )
            assert response.status_code == 200
            failures += 1

    last = Client().post(
        "/shop/accounts/login/",
        {"login-username": "khac@ocop.example", "login-password": "sai", "login_submit": "1"},
        REMOTE_ADDR=HOME,
    )

    assert last.status_code == 429
    assert shop_login(Client(), shopper, PASSWORD, address=HOME).status_code == 429
    assert shop_login(Client(), shopper, PASSWORD, address=ELSEWHERE).status_code == 302


def test_the_lockout_ends_after_the_cool_off(settings, shopper):
    settings.AXES_COOLOFF_TIME = datetime.timedelta(seconds=1)
    for _attempt in range(settings.LOGIN_FAILURE_LIMIT):
        shop_login(Client(), shopper, "sai-mat-khau")
    assert shop_login(Client(), shopper, PASSWORD).status_code == 429

    time.sleep(1.5)

    assert shop_login(Client(), shopper, PASSWORD).status_code == 302


def test_signing_in_forgets_that_names_failures_but_not_the_addresss(settings, shopper):
    client = Client()
    for _attempt in range(settings.LOGIN_FAILURE_LIMIT - 1):
        shop_login(client, shopper, "sai-mat-khau")
    assert shop_login(client, shopper, PASSWORD).status_code == 302
    client.logout()

    for _attempt in range(settings.LOGIN_FAILURE_LIMIT - 1):
        assert shop_login(client, shopper, "sai-mat-khau").status_code == 200
    assert shop_login(client, shopper, PASSWORD).status_code == 302


def test_a_forged_forwarded_for_header_does_not_change_the_address(shopper):
    for attempt in range(settings.LOGIN_FAILURE_LIMIT):
        shop_login(Client(), shopper, "sai", HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt}")

    refused = shop_login(Client(), shopper, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.99")

    assert refused.status_code == 429


def test_behind_a_trusted_proxy_the_address_it_saw_is_counted(settings, shopper):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.9.9.9"
    for _attempt in range(settings.LOGIN_FAILURE_LIMIT):
        # The client wrote the left part itself; our proxy appended the right-most.
        shop_login(Client(), shopper, "sai", address=proxy,
                   HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7")  # fmt: skip

    assert shop_login(Client(), shopper, PASSWORD, address=proxy,
                      HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429  # fmt: skip
    assert shop_login(Client(), shopper, PASSWORD, address=proxy,
                      HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.8").status_code == 302  # fmt: skip


def test_a_returning_customer_signing_in_at_checkout_is_locked_out_too(shopper, tea):
    client = Client()
    client.post(reverse("basket:add", kwargs={"pk": tea.pk}), {"quantity": 1}, REMOTE_ADDR=HOME)

    def checkout_sign_in(password):
        return client.post(
            reverse("checkout:index"),
            {"username": shopper.email, "password": password, "options": "existing"},
            REMOTE_ADDR=HOME,
        )

    for _attempt in range(settings.LOGIN_FAILURE_LIMIT - 1):
        assert checkout_sign_in("sai-mat-khau").status_code == 200
    assert checkout_sign_in("sai-mat-khau").status_code == 429
    assert checkout_sign_in(PASSWORD).status_code == 429
    assert not signed_in(client)


def test_a_returning_customer_signs_in_at_checkout(shopper, tea):
    client = Client()
    client.post(reverse("basket:add", kwargs={"pk": tea.pk}), {"quantity": 1})

    response = client.post(
        reverse("checkout:index"),
        {"username": shopper.email, "password": PASSWORD, "options": "existing"},
    )

    assert response.status_code == 302
    assert signed_in(client)


def test_a_new_customer_registers_and_is_signed_in(django_user_model):
    client = Client()

    response = client.post(
        "/shop/accounts/login/",
        {
            "registration-email": "moi@ocop.example",
            "registration-password1": "mat-ong-rung-u-minh",
            "registration-password2": "mat-ong-rung-u-minh",
            "registration_submit": "1",
        },
    )

    assert response.status_code == 302
    assert signed_in(client)
    assert django_user_model.objects.get(email="moi@ocop.example").is_active
