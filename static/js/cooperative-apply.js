/* The cooperative application form: show only the chosen province's communes; without
 * JavaScript the full grouped list stays. */
(function () {
    var province = document.getElementById("id_province_code");
    var ward = document.getElementById("id_ward_code");
    if (!province || !ward) { return; }
    var placeholder = ward.querySelector("option[value='']");
    var groups = Array.prototype.map.call(ward.querySelectorAll("optgroup"), function (group) {
        return group.cloneNode(true);
    });
    function filterWards() {
        var chosen = province.options[province.selectedIndex];
        var current = ward.value;
        while (ward.firstChild) { ward.removeChild(ward.firstChild); }
        if (placeholder) { ward.appendChild(placeholder); }
        groups.forEach(function (group) {
            if (chosen && chosen.value && group.label === chosen.text) {
                ward.appendChild(group.cloneNode(true));
            }
        });
        ward.value = current;
        if (ward.value !== current) { ward.value = ""; }
    }
    province.addEventListener("change", filterWards);
    filterWards();
})();
