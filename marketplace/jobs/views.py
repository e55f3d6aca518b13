"""The page of a tracked job (a progress bar, then its result) and its status, as JSON.

One view pair serves every kind of tracked job. Each app mounts it with ``job_urls``
(``marketplace.jobs.urls``) next to the page that starts the job, naming the tasks it
shows and, for each, a ``JobKind``: the page's title, the template of the result and the
page to start again from.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from marketplace import access
from marketplace.jobs import selectors
from marketplace.jobs.models import Job


@dataclass(frozen=True)
class JobKind:
    """How the job page shows one task's job."""

    title: Any  # a lazy translation
    result_template: str  # included once the job is done, with ``result`` and ``job``
    start_url_name: str  # the page that starts such a job ("upload again")
    # Return the result template's context from the job; by default, its result as it is.
    result_context: Any = None


class _JobMixin(LoginRequiredMixin):
    kinds: dict = {}  # task name -> JobKind

    with_result = True

    def get_job(self):
        job = selectors.tracked_job_for(
            self.request.user, self.kwargs["pk"], tasks=self.kinds, with_result=self.with_result
        )
        if job is None:
            raise Http404
        return job


class JobDetailView(_JobMixin, TemplateView):
    template_name = "jobs/job.html"
    status_url_name = ""

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        job = self.get_job()
        kind = self.kinds[job.task]
        ctx.update(
            job=job,
            kind=kind,
            status=selectors.job_status(job),
            status_url=reverse(self._named(self.status_url_name), kwargs={"pk": job.pk}),
            start_url=reverse(kind.start_url_name),
            admin_url=(
                reverse("admin:jobs_job_change", args=[job.pk])
                if access.sees_everything(self.request.user)
                else ""
            ),
        )
        if job.status == Job.Status.DONE:
            result = job.result or {}
            ctx["result"] = result
            if kind.result_context is not None and "error" not in result:
                ctx.update(kind.result_context(job))
        return ctx

    def _named(self, name):
        namespace = self.request.resolver_match.namespace
        return f"{namespace}:{name}" if namespace else name


class JobStatusView(_JobMixin, View):
    """The job's progress, polled by static/js/job-progress.js."""

    with_result = False

    def get(self, request, *args, **kwargs):
        response = JsonResponse(selectors.job_status(self.get_job()))
        response["Cache-Control"] = "no-store"
        return response
