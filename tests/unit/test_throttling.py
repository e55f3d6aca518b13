"""Whose requests count together: the client's address, by the trusted proxies' word only."""

import pytest
from django.test import RequestFactory

from marketplace.throttling import client_ip, client_network, login_username, scaled_rate


def request(remote="192.0.2.10", forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert client_ip(request(forwarded="203.0.113.7")) == "192.0.2.10"


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # the left part is the client's own
        (2, "6.6.6.6, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
        (2, "203.0.113.7", "192.0.2.10"),  # fewer entries than proxies: not from them
        (1, "not-an-address", "192.0.2.10"),
        (1, "", "192.0.2.10"),
    ],
)
def test_behind_trusted_proxies_the_address_they_saw_counts(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count

    assert client_ip(request(forwarded=forwarded)) == expected


def test_an_ipv6_client_is_counted_by_its_64(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    first = client_network(request("2001:db8:1:2:aaaa::1"))
    second = client_network(request("2001:db8:1:2:bbbb::9"))

    assert first == second == "2001:db8:1:2::"
    assert client_network(request("2001:db8:1:3::1")) != first
    assert client_network(request("192.0.2.10")) == "192.0.2.10"


def test_sign_in_names_are_counted_whatever_their_case():
    assert login_username(None, {"username": " Lan@OCOP.example "}) == "lan@ocop.example"
    assert login_username(None, {"username": ""}) is None
    assert login_username(None, None) is None


def test_the_scale_multiplies_a_limits_count_not_its_period(settings):
    settings.RATE_LIMIT_SCALE = 1
    assert scaled_rate("search") == "120/m"
    settings.RATE_LIMIT_SCALE = 1000
    assert scaled_rate("search") == "120000/m"
