/*
 * "Copy" buttons (the new API token's page, templates/api/dashboard/token_created.html).
 * A button opts in with data attributes; no inline handler (the Content-Security-Policy
 * blocks them):
 *
 *   data-copy-target="id"   the element whose text (or an input's value) is copied
 *   data-copied="…"         said in [data-copy-status] once copied
 *   data-copy-failed="…"    said when the browser refuses; the text is selected instead
 *
 * The buttons are hidden in the markup and shown here: without JavaScript, the text is
 * selected and copied by hand.
 */
(function () {
    "use strict";

    function say(message) {
        var status = document.querySelector("[data-copy-status]");
        if (status) { status.textContent = message || ""; }
    }

    function select(element) {
        if (element.select) {
            element.focus();
            element.select();
            return;
        }
        var range = document.createRange();
        range.selectNodeContents(element);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
    }

    function copyByCommand(element) {
        select(element);
        try {
            return document.execCommand("copy");
        } catch (error) {
            return false;
        }
    }

    function copy(button) {
        var element = document.getElementById(button.getAttribute("data-copy-target"));
        if (!element) { return; }
        var text = element.value !== undefined ? element.value : element.textContent;
        var done = function () { say(button.getAttribute("data-copied")); };
        var failed = function () {
            if (copyByCommand(element)) { done(); } else { say(button.getAttribute("data-copy-failed")); }
        };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(done, failed);
        } else {
            failed();
        }
    }

    function setUp() {
        Array.prototype.forEach.call(document.querySelectorAll("[data-copy-target]"), function (button) {
            button.hidden = false;
            button.addEventListener("click", function () { copy(button); });
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setUp);
    } else {
        setUp();
    }
})();
