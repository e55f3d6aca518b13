"""The customer fork: Oscar's models as they are; the fork exists for its order views."""

from oscar.apps.customer.models import *  # noqa: F403
