/* Narrow the commune/ward select to the chosen province (the page works without it):
 * checkout's address steps and the account's address book. */
(function () {
    var ward = document.getElementById("id_ward_code");
    var province = document.getElementById("id_province_code");
    if (!ward || !province) { return; }
    var groups = Array.prototype.slice.call(ward.querySelectorAll("optgroup"));
    function narrow() {
        var chosen = province.options[province.selectedIndex];
        var label = chosen && chosen.value ? chosen.text : null;
        groups.forEach(function (group) {
            var keep = !label || group.label === label;
            group.hidden = !keep;
            group.disabled = !keep;
        });
        var selected = ward.options[ward.selectedIndex];
        if (selected && selected.parentNode.disabled) { ward.value = ""; }
    }
    province.addEventListener("change", narrow);
    narrow();
})();
