/*
 * The progress bar of a background job (templates/jobs/job.html): polls the job's status
 * (the element's data-job-status-url, JSON) every second, moves the bar and the counts,
 * shows the message of the job's state (data-job-when="queued|running"), and reloads the
 * page once the job has finished, to show its result.
 */
(function () {
    "use strict";
    var box = document.querySelector("[data-job-status-url]");
    if (!box || !window.fetch) { return; }
    var url = box.getAttribute("data-job-status-url");
    var bar = box.querySelector("progress");
    var INTERVAL = 1000;

    function text(selector, value) {
        var element = box.querySelector(selector);
        if (element) { element.textContent = String(value); }
    }

    function show(job) {
        Array.prototype.forEach.call(box.querySelectorAll("[data-job-when]"), function (element) {
            element.hidden = element.getAttribute("data-job-when") !== job.status;
        });
        if (bar && job.total) {
            bar.max = job.total;
            bar.value = job.done;
            bar.textContent = job.percent + "%";
        }
        text("[data-job-done]", job.done);
        text("[data-job-total]", job.total);
        text("[data-job-percent]", job.percent);
    }

    function poll() {
        window.fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (job) {
                if (job && job.finished) {
                    window.location.reload();
                    return;
                }
                if (job) { show(job); }
                window.setTimeout(poll, INTERVAL);
            })
            .catch(function () { window.setTimeout(poll, INTERVAL * 3); });
    }

    window.setTimeout(poll, INTERVAL);
}());
