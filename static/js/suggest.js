/* Suggestions under the header search box: an ARIA 1.2 combobox with a listbox popup,
   its options in labelled groups (products, categories, …) as in the WAI-ARIA practices'
   grouped listbox. An option holds text, not a link (a listbox's options may contain no
   interactive element): Enter or a click opens its address (data-href).
   Arrow keys move through the options, Enter opens the chosen one (or searches when none
   is chosen), Escape closes the list. Requests wait for a short pause in typing, and an
   answer that arrives after a newer one is ignored. */
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.querySelector("form[data-suggest-url]");
  if (!form || !window.fetch) { return; }
  var input = form.querySelector("input[name=q]");
  var list = form.querySelector("[role=listbox]");
  var status = form.querySelector("[data-suggest-status]");
  var labels = script ? script.dataset : {};
  var url = form.getAttribute("data-suggest-url");
  var timer = null;
  var latest = 0;
  var active = -1;

  function options() { return list.querySelectorAll("[role=option]"); }

  function close() {
    list.hidden = true;
    list.innerHTML = "";
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function setActive(index) {
    var items = options();
    if (!items.length) { return; }
    if (active >= 0 && items[active]) {
      items[active].classList.remove("is-active");
      items[active].setAttribute("aria-selected", "false");
    }
    active = (index + items.length) % items.length;
    var item = items[active];
    item.classList.add("is-active");
    item.setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", item.id);
    item.scrollIntoView({ block: "nearest" });
  }

  // A group of options: <ul role=group> labelled by its title, inside the listbox.
  function group(title, n) {
    var ul = document.createElement("ul");
    ul.className = "suggest-group";
    ul.setAttribute("role", "group");
    ul.setAttribute("aria-labelledby", "suggestion-group-" + n);
    var li = document.createElement("li");
    li.className = "suggest-group-title";
    li.id = "suggestion-group-" + n;
    li.setAttribute("role", "presentation");
    li.textContent = title;
    ul.appendChild(li);
    list.appendChild(ul);
    return ul;
  }

  function option(parent, text, meta, href, n) {
    var li = document.createElement("li");
    li.className = "suggest-item";
    li.id = "suggestion-" + n;
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", "false");
    li.setAttribute("data-href", href);
    li.textContent = text;
    if (meta) {
      var small = document.createElement("span");
      small.className = "suggest-meta";
      small.textContent = meta;
      li.appendChild(small);
    }
    parent.appendChild(li);
  }

  function render(data) {
    list.innerHTML = "";
    active = -1;
    var n = 0;
    var groups = 0;
    if (data.products.length) {
      var products = group(labels.labelProducts || "Products", groups++);
      data.products.forEach(function (p) {
        option(products, p.title, [p.price, p.cooperative].filter(Boolean).join(" · "), p.url, n++);
      });
    }
    if (data.categories.length) {
      var categories = group(labels.labelCategories || "Categories", groups++);
      data.categories.forEach(function (c) { option(categories, c.name, "", c.url, n++); });
    }
    if (data.cooperatives.length) {
      var cooperatives = group(labels.labelCooperatives || "Cooperatives", groups++);
      data.cooperatives.forEach(function (c) { option(cooperatives, c.name, c.province, c.url, n++); });
    }
    if (data.stories && data.stories.length) {
      var stories = group(labels.labelStories || "Stories", groups++);
      data.stories.forEach(function (s) { option(stories, s.title, "", s.url, n++); });
    }
    if (!n) {
      close();
      status.textContent = labels.labelNone || "";
      return;
    }
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    status.textContent = n + " " + (labels.labelCount || "");
  }

  function fetchSuggestions() {
    var query = input.value.trim();
    if (query.length < 2) { close(); return; }
    var ticket = ++latest;
    fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (data && ticket === latest && input.value.trim() === query) { render(data); }
      })
      .catch(function () { /* Suggestions are optional: the form still searches. */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener("keydown", function (event) {
    var open = !list.hidden;
    if (event.key === "ArrowDown") {
      if (open) { setActive(active + 1); } else { fetchSuggestions(); }
      event.preventDefault();
    } else if (event.key === "ArrowUp" && open) {
      setActive(active - 1);
      event.preventDefault();
    } else if (event.key === "Escape" && open) {
      close();
      event.preventDefault();
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      window.location.assign(options()[active].getAttribute("data-href"));
    }
  });
  input.addEventListener("blur", function () {
    // Let a click on an option land before the list goes away.
    setTimeout(function () { if (!form.contains(document.activeElement)) { close(); } }, 200);
  });
  list.addEventListener("mousedown", function (event) { event.preventDefault(); });
  list.addEventListener("click", function (event) {
    var item = event.target.closest("[role=option]");
    if (item) { window.location.assign(item.getAttribute("data-href")); }
  });
})();
