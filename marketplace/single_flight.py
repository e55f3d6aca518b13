"""One request at a time computes a cached answer; the others wait for it.

When a popular answer is missing from the cache (after a change replaced its stamp, or
at start), every request asking for it at that moment would compute it at once: eight
shoppers typing "mật ong" send eight identical searches to a search server that is
slowest exactly then, and the ones past ``ES_TIMEOUT`` open the circuit breaker. Here
the first takes a short lock in the shared cache and computes; the others poll the cache
for its answer for at most ``wait`` seconds, then compute it themselves (the first one
failed or is stuck). A failure is not cached: each waiter then tries on its own.
"""

import time

from django.core.cache import cache

POLL_SECONDS = 0.02


def cached_once(key, compute, *, wait):
    """Return the cached value of ``key``, else the value of ``compute()`` — computed by
    one request at a time. ``compute`` returns ``(value, seconds)``: how long to keep it
    (0 keeps nothing)."""
    value = cache.get(key)
    if value is not None:
        return value
    lock = f"{key}:computing"
    if not cache.add(lock, 1, timeout=max(1, round(wait * 2))):
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
            value = cache.get(key)
            if value is not None:
                return value
            if cache.get(lock) is None:  # it finished without an answer: try ourselves
                break
    try:
        value, seconds = compute()
        if seconds > 0:
            cache.set(key, value, seconds)
        return value
    finally:
        cache.delete(lock)
