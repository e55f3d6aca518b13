"""``job_urls``: the URLs of the job page and its status, for an app to mount with its own."""

from django.urls import path

from marketplace.jobs.views import JobDetailView, JobStatusView


def job_urls(*, prefix, name, kinds):
    """Return the patterns of the job page (``name``) and its status (``name``-status),
    under ``prefix``, for the jobs of the tasks named in ``kinds`` (task name → JobKind)."""
    status_name = f"{name}-status"
    return [
        path(
            f"{prefix}<uuid:pk>/",
            JobDetailView.as_view(kinds=kinds, status_url_name=status_name),
            name=name,
        ),
        path(f"{prefix}<uuid:pk>/status/", JobStatusView.as_view(kinds=kinds), name=status_name),
    ]
