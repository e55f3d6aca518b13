"""A real Celery worker on Redis for the tests that need one (``celery_worker``).

The worker is a subprocess, ``celery -A tests.support.celery_app worker --pool solo``: the
project's app on its own queue of a Redis database, reading the test database (data a
test wants it to see must be committed: ``transactional_db``) and writing its e-mails
to files the test reads (``Worker.mails``). While it runs, the test's own process sends
its tasks to that queue instead of running them inline.

    pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True,
                                                            serialized_rollback=True)]

    def test_something(celery_worker):
        ...                       # the test's requests and services queue tasks
        celery_worker.wait_for(lambda: celery_worker.mails())

A test gives the worker more environment (``ES_URL``, ``EMAIL_DELIVERY_BACKEND``) by
adding to the ``celery_worker_env`` dict before ``celery_worker`` starts, e.g. from a
fixture that asks for it with ``request.getfixturevalue("celery_worker")``.
Redis is 127.0.0.1:6379 (``CELERY_TEST_REDIS`` overrides); without it the tests are
skipped, and fail under CI.
"""

import email
import email.policy
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
CELERY = Path(sys.executable).parent / "celery"
# One Redis database of the few kept for tests (9-14); each worker has its own queue in it.
REDIS_URL = os.environ.get("CELERY_TEST_REDIS", "redis://127.0.0.1:6379/12")
START_SECONDS = 30
STOP_SECONDS = 10
# What Django's file backend writes after each message.
MESSAGE_END = b"\n" + b"-" * 79 + b"\n"


def _redis():
    """Return a Redis client on the test database, or skip (fail under CI) without one."""
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2, socket_timeout=5)
    try:
        client.ping()
    except redis.RedisError as error:
        message = f"Redis is not reachable at {REDIS_URL} ({error}): the worker tests need it."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return client


def _database_url():
    """Return a DATABASE_URL for the test database this process uses."""
    db = connection.settings_dict
    if connection.vendor != "postgresql":
        pytest.skip("the worker tests share the test database with a worker: PostgreSQL only")
    user = quote(db["USER"] or "", safe="")
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    host = db["HOST"] or "127.0.0.1"
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{user}{password}@{host}{port}/{quote(db['NAME'], safe='')}"


class Worker:
    """A running worker: its queue and name, its log, the e-mails it sent."""

    def __init__(self, *, app, redis, queue, mail_dir, log_path, env):
        self.app, self.redis, self.queue = app, redis, queue
        self.mail_dir, self.log_path, self.env = mail_dir, log_path, env
        self.hostname = f"{queue}@localhost"
        self.process = None

    # Starting and stopping.

    def start(self):
        command = [
            str(CELERY), "-A", "tests.support.celery_app", "worker", "--pool", "solo",
            "--concurrency", "1", "-l", "info", "-Q", self.queue, "-n", self.hostname,
            "--without-gossip", "--without-mingle", "--without-heartbeat",
        ]  # fmt: skip
        self._log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=self._log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"The worker exited ({self.process.returncode}).\n{self.log()}")
            if self.app.control.ping(destination=[self.hostname], timeout=0.5):
                return
        pytest.fail(f"The worker did not answer a ping in {START_SECONDS} s.\n{self.log()}")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        # A warm shutdown (TERM) finishes the task at hand; KILL if that takes too long.
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self._log.close()

    # Looking at it.

    def log(self, tail=20_000):
        """Return the end of the worker's log."""
        return self.log_path.read_bytes()[-tail:].decode(errors="replace")

    def mails(self):
        """Return the e-mails the worker has sent so far (``email.message.EmailMessage``)."""
        messages = []
        for path in sorted(self.mail_dir.glob("*.log")):
            # A file holds one or more messages, each followed by a line of dashes; a
            # message still being written has no line yet and is read next time.
            *complete, _rest = path.read_bytes().split(MESSAGE_END)
            messages += [
                email.message_from_bytes(raw, policy=email.policy.default) for raw in complete
            ]
        return messages

    def wait_for(self, condition, *, seconds=20, what="the worker's work"):
        """Return ``condition()`` once it is true; fail with the worker's log after ``seconds``."""
        deadline = time.monotonic() + seconds
        while True:
            result = condition()
            if result:
                return result
            if time.monotonic() > deadline:
                pytest.fail(f"Waited {seconds} s for {what}.\n--- worker log ---\n{self.log()}")
            if self.process.poll() is not None:
                pytest.fail(f"The worker exited ({self.process.returncode}).\n{self.log()}")
            time.sleep(0.2)

    def is_idle(self):
        """Return True when nothing is queued, and the worker holds and runs no task
        (waiting retries included)."""
        if self.redis.llen(self.queue):
            return False
        inspect = self.app.control.inspect(destination=[self.hostname], timeout=1)
        for answer in (inspect.active(), inspect.reserved(), inspect.scheduled()):
            if answer is None or any(answer.values()):
                return False
        # Again: a task may have queued another (a retry, a chunk) while we asked.
        return not self.redis.llen(self.queue)

    def wait_idle(self, *, seconds=30):
        """Wait until the worker has done everything it was sent, retries included."""
        self.wait_for(self.is_idle, seconds=seconds, what="the worker to finish its tasks")

    # Controlling it.

    def pause(self):
        """Stop taking tasks from the queue (they wait in Redis) until ``resume``."""
        self.app.control.cancel_consumer(self.queue, destination=[self.hostname], reply=True)

    def resume(self):
        self.app.control.add_consumer(self.queue, destination=[self.hostname], reply=True)


def _broker_switch(app, conf):
    """Apply ``conf`` to the app and drop its broker connections, made for the old broker."""
    from kombu import pools

    # Close every pooled connection and empty kombu's registry of pools (a closed pool
    # left there would be handed out again for the same broker).
    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None
    for key, value in conf.items():
        setattr(app.conf, key, value)


@pytest.fixture
def celery_worker_env():
    """Environment for the worker, added to its defaults; a test or fixture adds to it
    before ``celery_worker`` starts."""
    return {}


@pytest.fixture
def celery_worker(transactional_db, celery_worker_env, settings, tmp_path):
    """Run a real worker on Redis for this test; the test's process queues tasks for it."""
    from marketplace.celery import app

    redis = _redis()
    queue = f"test-{uuid.uuid4().hex[:12]}"
    mail_dir = tmp_path / "worker-mail"
    mail_dir.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "marketplace.settings",
        "DJANGO_DEBUG": "true",
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": REDIS_URL,
        "CELERY_TEST_QUEUE": queue,
        # django-environ reads the path after "filemail://" without its first slash.
        "EMAIL_URL": f"filemail:///{mail_dir}",
        "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "ANALYTICS_FLUSH_SECONDS": "0",
        "ES_URL": "",
        "PYTHONUNBUFFERED": "1",
        **celery_worker_env,
    }
    # The test's process sends every e-mail through the one mail path (the worker), not
    # into the test outbox; tasks go to the worker's queue, not inline.
    settings.EMAIL_BACKEND = "marketplace.mail_backend.TaskEmailBackend"
    keys = ("broker_url", "broker_transport_options", "task_default_queue", "task_always_eager")
    saved = {key: app.conf[key] for key in keys}
    _broker_switch(app, {
        "broker_url": REDIS_URL,
        "broker_transport_options": {"visibility_timeout": 3600},
        "task_default_queue": queue,
        "task_always_eager": False,
    })  # fmt: skip
    worker = Worker(app=app, redis=redis, queue=queue, mail_dir=mail_dir,
                    log_path=tmp_path / "worker.log", env=env)  # fmt: skip
    try:
        with app.connection_for_write() as broker:
            broker.ensure_connection(max_retries=1)
            assert broker.transport.driver_type == "redis", broker.as_uri()
        worker.start()
        yield worker
    finally:
        worker.stop()
        _broker_switch(app, saved)
        _queue_forget(redis, queue)


def _queue_forget(redis, queue):
    """Delete the queue and what kombu keeps about it in Redis: its bindings, and the
    messages a killed worker left unacknowledged (kombu would restore them to the queue
    an hour later)."""
    name = queue.encode()
    redis.delete(queue)
    for key in redis.scan_iter("_kombu.binding*"):  # .<exchange>, _permanent.<exchange>
        if redis.type(key) != b"set":
            continue
        for member in redis.smembers(key):
            if name in member:
                redis.srem(key, member)
    for tag, message in redis.hscan_iter("unacked"):
        if name in message:
            redis.hdel("unacked", tag)
            redis.zrem("unacked_index", tag)
