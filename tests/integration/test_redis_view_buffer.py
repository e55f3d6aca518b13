"""The Redis view buffer, against the real Redis server on this machine."""

import os

import pytest
import redis

from marketplace.analytics.buffer import RedisBuffer

REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_buffer():
    client = redis.Redis.from_url(REDIS_TEST_URL)
    try:
        client.ping()
    except redis.ConnectionError:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is not reachable at {REDIS_TEST_URL}")
        pytest.skip(f"Redis is not reachable at {REDIS_TEST_URL}")
    client.flushdb()
    yield RedisBuffer(REDIS_TEST_URL)
    client.flushdb()


def test_redis_buffer_is_shared_between_processes_and_drained_once(redis_buffer):
    other_process = RedisBuffer(REDIS_TEST_URL)
    redis_buffer.add(5, None)
    other_process.add(5, 8)
    other_process.add(6, None)

    assert redis_buffer.drain() == ({5: 2, 6: 1}, [(8, 5)])
    assert other_process.drain() == ({}, [])
