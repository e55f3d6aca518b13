"""The demo's logins: the administrator, a customer, and one login per cooperative.

The passwords are published (README, login page hints): the demo must never reach a real
shop, which ``load_demo_data`` enforces.
"""

from django.contrib.auth import get_user_model

from marketplace.sites import site_domain_sync

User = get_user_model()

DEMO_PASSWORD = "ocop-demo"  # noqa: S105 (the demo accounts' published password)
ADMIN_EMAIL, ADMIN_PASSWORD = "admin@ocop.example", "ocop-admin"
CUSTOMER_EMAIL = "khach@ocop.example"


def user_ensure(*, email, password, first_name, last_name="", is_staff=False, report):
    """Return the user with ``email``, creating it with ``password`` if there is none."""
    user = User.objects.filter(email=email).first()
    if user is not None:
        return user
    user = User(
        username=email, email=email, first_name=first_name, last_name=last_name,
        is_staff=is_staff, is_superuser=is_staff,
    )  # fmt: skip
    user.set_password(password)
    user.save()
    report.add("người dùng", 1)
    return user


def load_people(*, report, **_):
    site_domain_sync()
    user_ensure(
        email=ADMIN_EMAIL, password=ADMIN_PASSWORD, first_name="Quản trị", is_staff=True,
        report=report,
    )  # fmt: skip
    user_ensure(
        email=CUSTOMER_EMAIL, password=DEMO_PASSWORD, first_name="Lan", last_name="Nguyễn",
        report=report,
    )  # fmt: skip
