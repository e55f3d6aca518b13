"""A missing cached answer asked for by many requests at once is computed once."""

import threading
import time

from django.core.cache import cache

from marketplace.single_flight import cached_once


def _slow(calls, value="answer", seconds=60, pause=0.3):
    def compute():
        calls.append(1)
        time.sleep(pause)
        return value, seconds

    return compute


def _at_once(n, ask):
    answers = []
    threads = [threading.Thread(target=lambda: answers.append(ask())) for _ in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def test_eight_requests_at_once_compute_the_answer_once():
    cache.clear()
    calls = []
    answers = _at_once(8, lambda: cached_once("k", _slow(calls), wait=5))

    assert answers == ["answer"] * 8
    assert len(calls) == 1
    assert cache.get("k") == "answer"


def test_an_answer_kept_for_no_time_is_computed_by_each_waiter_after_the_first():
    cache.clear()
    calls = []
    answers = _at_once(3, lambda: cached_once("k", _slow(calls, seconds=0), wait=5))

    assert answers == ["answer"] * 3
    assert len(calls) == 3  # nothing kept: the others computed it themselves
    assert cache.get("k") is None


def test_waiters_give_up_after_wait_seconds_and_compute_themselves():
    cache.clear()
    calls = []
    started = time.monotonic()
    answers = _at_once(2, lambda: cached_once("k", _slow(calls, pause=1.0), wait=0.2))

    assert answers == ["answer"] * 2
    assert len(calls) == 2
    assert time.monotonic() - started < 1.9  # the second did not wait for the first


def test_a_failure_is_not_kept_and_frees_the_lock():
    cache.clear()

    def failing():
        raise RuntimeError("search server away")

    try:
        cached_once("k", failing, wait=1)
    except RuntimeError:
        pass
    calls = []
    assert cached_once("k", _slow(calls, pause=0), wait=1) == "answer"
    assert calls == [1]
