"""Security: HTTPS and cookies in production mode, the Content-Security-Policy and
Permissions-Policy, the login lockout and the rate limits."""

from datetime import timedelta

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from marketplace.settings.core import DEBUG, env

# --------------------------------------------------------------------------------------
# Security (production mode)
# --------------------------------------------------------------------------------------
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    LANGUAGE_COOKIE_SECURE = True
    LANGUAGE_COOKIE_HTTPONLY = True  # no script reads it: the switcher is a form
    # Oscar's own cookies (anonymous basket, recently viewed) are HttpOnly already.
    OSCAR_BASKET_COOKIE_SECURE = True
    OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = True
# Wagtail marks its own preview responses SAMEORIGIN; everything else may not be framed.
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp, marketplace.security). Scripts and styles come
# only from the site's static files; the few inline scripts Oscar's templates need (its
# `onbodyload` block) carry the request's nonce. No 'unsafe-inline', no 'unsafe-eval':
# an injected <script>, onclick="..." or style="..." does not run.
_YOUTUBE_VIMEO = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        # data: for Bootstrap's inline SVG icons and the VietQR image.
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "font-src": [SELF],
        # The CMS video block embeds YouTube and Vimeo players (cms/blocks.VideoBlock).
        "frame-src": _YOUTUBE_VIMEO,
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        # A card checkout's POST redirects to Stripe Checkout: the preview page adds
        # https://checkout.stripe.com for itself (marketplace.checkout.views).
        "form-action": [SELF],
        "report-uri": "/csp-report/",
    },
}
# Wagtail's admin (/cms/) and Django's admin (/django-admin/) ship inline scripts and
# styles of their own, which a nonce cannot reach: they get this looser policy (still no
# other origin's scripts, no framing by other sites, no plugins). The strict policy above
# holds on every public, shop and dashboard page.
CSP_ADMIN_URL_PREFIXES = ("/cms/", "/django-admin/")
CSP_ADMIN_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    # blob: for image previews before upload (Gravatar is off: WAGTAIL_GRAVATAR_PROVIDER_URL).
    "img-src": [SELF, "data:", "blob:"],
    "frame-src": [SELF, *_YOUTUBE_VIMEO],
    "object-src": [NONE],
    "base-uri": [SELF],
    # The page editor's preview panel frames a preview under /cms/.
    "frame-ancestors": [SELF],
    "form-action": [SELF],
    "report-uri": "/csp-report/",
}
# Violation reports (POST /csp-report/) are logged, at most this many a minute.
CSP_REPORTS_PER_MINUTE = 60

# Permissions-Policy (marketplace.security): no page uses the camera, microphone,
# location, payment handlers or devices; full screen only for the embedded video players.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": [],
    "fullscreen": ["self", *_YOUTUBE_VIMEO],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": [],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}

# --------------------------------------------------------------------------------------
# Login lockout and rate limits (marketplace/throttling.py). Both count on the default
# cache (Redis when REDIS_URL is set, shared by every process); nothing per attempt is
# written to the database.
# Sign-ins (shop, /cms/, /django-admin/, checkout): LOGIN_FAILURE_LIMIT wrong passwords
# for one name from one address, or LOGIN_IP_FAILURE_LIMIT from one address for any
# names, lock that out for AXES_COOLOFF_TIME after the last attempt (HTTP 429); the
# right password is refused too meanwhile. Per (name, address), not per account, so no
# one can lock a shopper out of everywhere by guessing wrong on purpose.
# TRUSTED_PROXY_COUNT: how many proxies of ours stand in front and append to
# X-Forwarded-For; 0 (the default) trusts no header and counts by REMOTE_ADDR.
# RATE_LIMIT_SCALE multiplies every request limit (the test suite and the load bench
# raise it; the login lockout keeps its limits).
# --------------------------------------------------------------------------------------
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
LOGIN_FAILURE_LIMIT = 5
LOGIN_IP_FAILURE_LIMIT = 30
RATE_LIMIT_SCALE = env.int("RATE_LIMIT_SCALE", default=1)
AXES_HANDLER = "marketplace.throttling.LoginFailureCacheHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT  # Read by axes' messages; the handler has both.
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "marketplace.throttling.login_username"
AXES_CLIENT_IP_CALLABLE = "marketplace.throttling.client_network"
AXES_LOCKOUT_CALLABLE = "marketplace.throttling.lockout_response"
# The attempts live in the cache: axes' database tables (and their admin) stay empty.
AXES_ENABLE_ADMIN = False
RATELIMIT_IP_META_KEY = "marketplace.throttling.client_ip"
