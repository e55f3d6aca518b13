from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def trace_cache_is_shared(app_configs, **kwargs):
    """Without Redis the trace page cache lives in each process: a recall made through one
    process would not reach the pages cached by the others until TRACE_CACHE_SECONDS."""
    if settings.TRACE_CACHE_SECONDS <= 0 or settings.REDIS_URL:
        return []
    return [
        Warning(
            "The traceability page cache is per process without REDIS_URL.",
            hint="Set REDIS_URL, or serve with one process, or set TRACE_CACHE_SECONDS=0 "
            "(and silence traceability.W001).",
            id="traceability.W001",
        )
    ]
