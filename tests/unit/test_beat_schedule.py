"""Every periodic job beat runs is a registered task on the project's base class."""

from marketplace.celery import app
from marketplace.jobs.base import MarketplaceTask


def test_every_beat_entry_names_a_registered_task():
    app.loader.import_default_modules()
    schedule = app.conf.beat_schedule

    assert {
        "flush-counters", "expire-card-orders", "publish-scheduled-pages", "search-reconcile",
        "trace-cache-refresh", "warn-expiring-certificates", "build-product-feeds",
    } <= schedule.keys()  # fmt: skip
    for name, entry in schedule.items():
        task = app.tasks.get(entry["task"])
        assert task is not None, f"{name}: {entry['task']} is not a task"
        assert isinstance(task, MarketplaceTask), name
        assert task.acks_late, name
