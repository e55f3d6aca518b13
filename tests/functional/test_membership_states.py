"""A login acts for its cooperative only while the membership is in force.

For each state a membership can be in, other than "approved, member, active, with
dashboard access", the cooperative's own former user acts for no cooperative, every
scoping function gives them nothing, and the sweep of every cooperative-reachable URL
(``tests.isolation``) finds none of the cooperative's data and changes none of it.
"""

import pytest
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

from marketplace import access
from marketplace.partner.services import cooperative_suspend
from tests.factories import ocop_product
from tests.isolation import cooperative_with_secrets, snapshot, sweep

pytestmark = pytest.mark.django_db

Cooperative = get_model("partner", "Cooperative")
User = get_user_model()

SCOPES = [
    access.cooperatives_for, access.partners_for, access.products_for,
    access.stockrecords_for, access.orders_for, access.lines_for, access.shipments_for,
    access.certificates_for, access.batches_for, access.trace_events_for, access.api_tokens_for,
]  # fmt: skip


def _set_status(secrets, status):
    # Straight in the database, dashboard access kept: the status alone must shut the door.
    Cooperative.objects.filter(pk=secrets.cooperative.pk).update(status=status)


def _applied(secrets, staff):
    _set_status(secrets, Cooperative.Status.APPLIED)


def _rejected(secrets, staff):
    _set_status(secrets, Cooperative.Status.REJECTED)


def _suspended(secrets, staff):
    cooperative_suspend(cooperative=secrets.cooperative, reason="Kiểm tra chất lượng", by=staff)


def _suspended_keeping_dashboard_access(secrets, staff):
    # E.g. dashboard access granted through a group, which suspension does not touch.
    _set_status(secrets, Cooperative.Status.SUSPENDED)


def _removed_from_partner(secrets, staff):
    secrets.cooperative.partner.users.remove(secrets.user)


def _inactive(secrets, staff):
    User.objects.filter(pk=secrets.user.pk).update(is_active=False)


STATES = {
    "applied": _applied,
    "rejected": _rejected,
    "suspended": _suspended,
    "suspended keeping dashboard access": _suspended_keeping_dashboard_access,
    "approved but removed from the partner": _removed_from_partner,
    "inactive user": _inactive,
}


@pytest.fixture
def other_product(cooperative):
    return ocop_product(cooperative=cooperative, title="Chè của hợp tác xã khác", price=85000)


def test_an_approved_member_acts_for_the_cooperative(other_product):
    secrets = cooperative_with_secrets(other_product=other_product)
    user = User.objects.get(pk=secrets.user.pk)

    assert access.acting_cooperative(user) == secrets.cooperative
    assert access.may_act_for(user, secrets.cooperative)
    assert all(scope(user).exists() for scope in SCOPES)


@pytest.mark.parametrize("state", STATES)
def test_a_membership_not_in_force_acts_for_no_cooperative_and_reaches_none_of_its_data(
    client, state, other_product, staff_user
):
    secrets = cooperative_with_secrets(other_product=other_product)
    STATES[state](secrets, staff_user)
    user = User.objects.get(pk=secrets.user.pk)  # as the next request loads it

    assert access.acting_cooperative(user) is None
    assert not access.may_act_for(user, secrets.cooperative)
    assert [scope.__name__ for scope in SCOPES if scope(user).exists()] == []

    client.force_login(user)
    before = snapshot(secrets)
    tried, errors, leaks = sweep(client, secrets, candidates=False)

    assert tried > 100
    assert errors == []
    assert leaks == []
    assert snapshot(secrets) == before
