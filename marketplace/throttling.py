"""Login lockout (django-axes) and request rate limits (django-ratelimit), in one place.

Both count on the default cache: Redis in production (REDIS_URL), so every web process
shares the counts; nothing is written to the database per attempt.

Logins: a failed password counts against the (e-mail or username, client address) pair
and against the client address alone, each with its own limit (``LOGIN_FAILURE_LIMIT``,
``LOGIN_IP_FAILURE_LIMIT`` in settings). Either reaching its limit refuses logins, the
right password included, until ``AXES_COOLOFF_TIME`` has passed since the last attempt.

Requests: ``rate_limited(name)`` wraps a view with the limit of that name in ``LIMITS``.
Past it the visitor gets the bilingual 429 page with ``Retry-After``.
"""

import functools
import ipaddress
import math
from dataclasses import dataclass

from axes.handlers.cache import AxesCacheHandler
from axes.helpers import get_client_cache_keys, get_cool_off
from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage

from marketplace.views import too_many_requests

# Methods that change something or upload: what forms and imports are limited on.
WRITES = ("POST", "PUT", "PATCH", "DELETE")


@dataclass(frozen=True)
class Limit:
    """At most ``rate`` requests ("<count>/<period>", as django-ratelimit reads it).

    ``key`` is whose requests are counted together: ``ip`` (the client address, IPv6 by
    its /64), ``user_or_ip`` (the signed-in account, else the address) or a
    django-ratelimit key such as ``post:email``. Only requests with one of ``methods``
    count.
    """

    rate: str
    key: str = "ip"
    methods: tuple = ("GET", "HEAD", "POST")


# The limits, by name. Requests from one carrier NAT share an address: where a crowd
# may stand behind one (a market stall scanning QR codes, shoppers searching), the limit
# is per address and generous; uploads and imports are per account.
LIMITS = {
    # /shop/search/: one results page a second on average per address.
    "search": Limit("120/m"),
    # /shop/search/suggest/: the box asks after each pause in typing (150 ms).
    "search-suggest": Limit("300/m"),
    # The GS1 resolver (/01/...), short links (/t/...) and QR images: a whole market
    # behind one address still scans.
    "trace": Limit("600/m"),
    "trace-qr": Limit("600/m"),
    # The cooperative application form: a few tries an hour, then wait.
    "cooperative-apply": Limit("10/h", methods=WRITES),
    # Password reset e-mails: per address, and per e-mail address asked for (no one can
    # fill a stranger's mailbox with reset links).
    "password-reset": Limit("10/h", methods=WRITES),
    "password-reset-email": Limit("3/h", key="post:email", methods=WRITES),
    # Product images, cooperative photos and logos, certificate scans, batch event
    # photos: one budget per account, counted on requests that carry files.
    "upload": Limit("60/h", key="user_or_ip", methods=WRITES),
    # Product spreadsheets and bank statements (upload and confirm).
    "import": Limit("20/h", key="user_or_ip", methods=WRITES),
    # A QR page's "tell me about a recall" form: each request sends one confirmation
    # message, so few per address, and few per e-mail or phone number (counted on the
    # normalised address, with ``over_limit``): no one can flood a stranger's inbox.
    "trace-alert": Limit("10/h", methods=WRITES),
    "trace-alert-contact": Limit("3/d", key="contact", methods=WRITES),
    # The product feeds (/feeds/…): Google and Meta fetch each a few times a day.
    "feeds": Limit("60/m", methods=("GET", "HEAD")),
    # The API (marketplace.api.throttles): public reads per address, a cooperative's
    # calls per token, and its changes per token on top.
    "api-public": Limit("120/m", methods=("GET", "HEAD", "OPTIONS")),
    "api-token": Limit("300/m", methods=("GET", "HEAD", "OPTIONS", *WRITES)),
    "api-token-writes": Limit("60/m", methods=WRITES),
    "api-auth-failures": Limit("20/m", methods=("GET", "HEAD", "OPTIONS", *WRITES)),
    # New API tokens in the cooperative dashboard, per account: a few a day is normal.
    "api-token-create": Limit("20/h", key="user_or_ip", methods=WRITES),
}


def scaled_rate(name):
    """Return the rate of limit ``name``, multiplied by ``RATE_LIMIT_SCALE``.

    The scale is 1 in use; the test suite raises it for tests that are not about limits.
    """
    count, _slash, period = LIMITS[name].rate.partition("/")
    return f"{int(count) * settings.RATE_LIMIT_SCALE}/{period}"


def rate_limited(name, *, uploads_only=False, json=False):
    """Decorate a view with the limit ``name``; past it, answer 429 with Retry-After.

    ``uploads_only`` counts only requests that carry files (a product edit without a
    new picture is not an upload). ``json`` answers ``{"error": ...}`` instead of the
    page, for endpoints that scripts read.
    """
    limit = LIMITS[name]

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in limit.methods and not (uploads_only and not request.FILES):
                usage = get_usage(
                    request,
                    group=name,
                    key=_normalised_key(limit.key),
                    rate=lambda group, request: scaled_rate(group),
                    increment=True,
                )
                if usage is not None and usage["should_limit"]:
                    retry_after = max(usage["time_left"], 1)
                    if json:
                        return _json_too_many_requests(retry_after)
                    return too_many_requests(request, retry_after=retry_after)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def over_limit(request, name, *, value):
    """Count one request of limit ``name`` against ``value`` (e.g. a normalised e-mail
    address); return the seconds to wait when it is over the limit, else 0."""
    usage = get_usage(
        request,
        group=name,
        key=lambda group, request: value,
        rate=lambda group, request: scaled_rate(group),
        increment=True,
    )
    if usage is not None and usage["should_limit"]:
        return max(usage["time_left"], 1)
    return 0


def _normalised_key(key):
    if not key.startswith("post:"):
        return key
    field = key.partition(":")[2]
    # "Khach@Ocop.example " and "khach@ocop.example" are one mailbox.
    return lambda group, request: request.POST.get(field, "").strip().lower()


def _json_too_many_requests(retry_after):
    response = JsonResponse(
        {"error": _("Bạn gửi yêu cầu quá nhanh. Vui lòng thử lại sau ít phút.")}, status=429
    )
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


# --------------------------------------------------------------------------------------
# The client's address
# --------------------------------------------------------------------------------------


def client_ip(request):
    """Return the client's IP address.

    REMOTE_ADDR, unless ``TRUSTED_PROXY_COUNT`` says that many proxies of ours stand in
    front: then the address the outermost of them saw, read from the right of
    X-Forwarded-For. Entries further left are written by the client and never trusted.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.headers.get("x-forwarded-for", "").split(",")]
    if len(forwarded) < count:
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def client_network(request):
    """Return the client's address for counting: IPv6 by its /64, which one person holds."""
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False).network_address)
    return address


# --------------------------------------------------------------------------------------
# Login lockout (django-axes)
# --------------------------------------------------------------------------------------


def login_username(request, credentials):
    """Return the sign-in name tried, lower-cased: e-mails are matched regardless of case."""
    username = (credentials or {}).get("username") or ""
    return username.strip().lower() or None


def login_cool_off_minutes():
    """Return how long a lockout lasts, in whole minutes (for the lockout page)."""
    return math.ceil(get_cool_off().total_seconds() / 60)


def lockout_response(request, original_response=None, credentials=None):
    """Answer a locked-out sign-in with the bilingual 429 page."""
    return too_many_requests(
        request, retry_after=int(get_cool_off(request).total_seconds()), login=True
    )


class LoginFailureCacheHandler(AxesCacheHandler):
    """Axes' cache handler with a limit per counter.

    ``AXES_LOCKOUT_PARAMETERS`` gives two counters per attempt: (sign-in name, address)
    and the address alone. The first is limited to ``LOGIN_FAILURE_LIMIT``: guessing one
    person's password from one place stops after a few tries. The second, much higher,
    ``LOGIN_IP_FAILURE_LIMIT``, stops one address trying many accounts.

    Why not lock the account itself: anyone who knows a shopper's e-mail could then keep
    them out from everywhere by failing on purpose. Locking per (name, address) leaves the
    real shopper free on their own phone. The price: an attacker with many addresses gets
    LOGIN_FAILURE_LIMIT guesses per address per cool-off for one account; the password
    validators (no common or short passwords) keep that from being enough.
    """

    def _counters(self, request, credentials):
        """Return (cache key, limit, counts this name) for each counter of the attempt."""
        keys = get_client_cache_keys(request, credentials)
        if len(keys) != 2:
            raise ValueError("AXES_LOCKOUT_PARAMETERS must be [[username, ip_address], ip_address]")
        name_key, address_key = keys
        address = (address_key, settings.LOGIN_IP_FAILURE_LIMIT, False)
        if login_username(request, credentials) is None:
            # Without a name both keys are the address's: count it once, by its own limit.
            return [address]
        return [(name_key, settings.LOGIN_FAILURE_LIMIT, True), address]

    def is_locked(self, request, credentials=None):
        return any(
            self.cache.get(key, default=0) >= limit
            for key, limit, _per_name in self._counters(request, credentials)
        )

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        if request is None or self.is_whitelisted(request, credentials):
            return
        timeout = int(get_cool_off(request).total_seconds())
        for key, _limit, _per_name in self._counters(request, credentials):
            if self.cache.add(key, 1, timeout=timeout):
                continue
            try:
                self.cache.incr(key)
            except ValueError:  # It expired a moment ago: this failure starts it again.
                self.cache.add(key, 1, timeout=timeout)
            # Each failure restarts the cool-off: a lockout ends a quiet spell after the
            # last attempt, so guessing on through it gains nothing.
            self.cache.touch(key, timeout=timeout)
        if self.is_locked(request, credentials):
            request.axes_locked_out = True
            request.axes_credentials = credentials

    def user_logged_in(self, sender, request, user, **kwargs):
        """Forget the failures of this name from this address (never the address's own)."""
        # People sign in by e-mail at the shop and by username in the CMS and admin.
        for name in {user.get_username(), user.email} - {"", None}:
            for key, _limit, per_name in self._counters(request, {"username": name}):
                if per_name:
                    self.cache.delete(key)
