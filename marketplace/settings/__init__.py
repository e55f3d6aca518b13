"""Settings for the OCOP marketplace (``DJANGO_SETTINGS_MODULE=marketplace.settings``).

Read from the environment (django-environ). Production mode is the default:
it refuses to start without its secrets. ``DJANGO_DEBUG=true`` (set by the Makefile's
demo, test and bench targets) runs the demo with nothing else configured: SQLite, console
e-mail, local media, http://127.0.0.1:8000. Every variable is listed in ``.env.example``
and the README.

The settings are grouped by job, one module each: ``core`` (debug, secrets, hosts),
``applications`` (apps, middleware, templates, sign-in, languages, static files),
``infrastructure`` (database, caches, e-mail and SMS, logging, Celery, analytics,
search), ``security`` (HTTPS, CSP, Permissions-Policy, lockout and rate limits) and
``shop`` (checkout, payments, settlement, Wagtail and the Oscar overrides).
"""

# Oscar's defaults first: the modules below override some of them. Each module takes
# what it needs from the ones before it by name, and no two of them set the same name.
from oscar.defaults import *  # noqa: F403

from marketplace.settings.applications import *  # noqa: F403
from marketplace.settings.core import *  # noqa: F403
from marketplace.settings.infrastructure import *  # noqa: F403
from marketplace.settings.security import *  # noqa: F403
from marketplace.settings.shop import *  # noqa: F403
