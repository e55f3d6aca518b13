"""The API's rate limits, counted in the shared cache like the site's (``LIMITS``).

Public reads count per client address (IPv6 by its /64); a token's calls count per token,
whatever address they come from, with a smaller budget for changes. Past a limit the
answer is 429 with ``Retry-After``.
"""

import logging

from redis.exceptions import RedisError
from rest_framework.throttling import SimpleRateThrottle

from marketplace.api.models import AccessToken
from marketplace.throttling import LIMITS, client_network, scaled_rate

logger = logging.getLogger(__name__)


class _LimitThrottle(SimpleRateThrottle):
    limit_name = ""

    def get_rate(self):
        return scaled_rate(self.limit_name)

    def allow_request(self, request, view):
        if request.method not in LIMITS[self.limit_name].methods:
            return True
        try:
            return super().allow_request(request, view)
        except RedisError:
            # The counts are away with Redis: serve rather than fail every call.
            logger.warning("API rate limit %s not counted: Redis unreachable", self.limit_name)
            return True

    def get_cache_key(self, request, view):
        token = request.auth
        if isinstance(token, AccessToken):
            ident = f"token-{token.pk}"
        else:
            ident = f"ip-{client_network(request)}"
        return f"api-throttle:{self.limit_name}:{ident}"


class PublicThrottle(_LimitThrottle):
    limit_name = "api-public"


class TokenThrottle(_LimitThrottle):
    limit_name = "api-token"


class TokenWritesThrottle(_LimitThrottle):
    limit_name = "api-token-writes"


class AuthFailureThrottle(_LimitThrottle):
    """Counts refused tokens per client address (``CooperativeAPIMixin``)."""

    limit_name = "api-auth-failures"

    def get_cache_key(self, request, view):
        return f"api-throttle:{self.limit_name}:ip-{client_network(request)}"
