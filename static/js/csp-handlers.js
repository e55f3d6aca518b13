/*
 * What the templates would otherwise do with inline handlers (onclick="…",
 * onchange="…", onload="…") and style="…" attributes, which the Content-Security-Policy
 * blocks. Elements opt in with data attributes:
 *
 *   data-history-back       a "cancel" link: go back one page
 *   data-print              a "print this page" link
 *   data-autosubmit         a <select> that submits its form when changed
 *   data-bar-height="42"    a chart bar: its height in per cent (set through the CSSOM)
 *   data-open-on-wide       a <details> that opens on screens wider than a phone's
 *                           (closed in the markup, so that nothing moves on a phone)
 *   data-upload-button="id" an image preview: hide the upload button with that id once
 *                           the image loads, show it (and data-error-message) if it fails
 */
(function () {
    "use strict";

    function each(selector, callback) {
        Array.prototype.forEach.call(document.querySelectorAll(selector), callback);
    }

    document.addEventListener("click", function (event) {
        var target = event.target.closest ? event.target.closest("[data-history-back], [data-print]") : null;
        if (!target) { return; }
        event.preventDefault();
        if (target.hasAttribute("data-print")) {
            window.print();
        } else {
            window.history.back();
        }
    });

    document.addEventListener("change", function (event) {
        var select = event.target;
        if (select.matches && select.matches("select[data-autosubmit]") && select.form) {
            select.form.submit();
        }
    });

    function setUp() {
        each("[data-bar-height]", function (bar) {
            var height = parseFloat(bar.getAttribute("data-bar-height"));
            if (!isNaN(height)) { bar.style.height = Math.max(0, Math.min(100, height)) + "%"; }
        });
        if (window.matchMedia("(min-width: 576px)").matches) {
            each("details[data-open-on-wide]", function (details) { details.setAttribute("open", ""); });
        }
        each("img[data-upload-button]", function (image) {
            var button = document.getElementById(image.getAttribute("data-upload-button"));
            if (!button) { return; }
            function loaded() { button.style.display = "none"; }
            function failed() {
                button.style.display = "";
                var message = image.getAttribute("data-error-message");
                if (message) { window.alert(message); }
            }
            if (image.complete) {
                if (image.naturalWidth > 0) { loaded(); } else if (image.getAttribute("src")) { failed(); }
            }
            image.addEventListener("load", loaded);
            image.addEventListener("error", failed);
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setUp);
    } else {
        setUp();
    }
})();
