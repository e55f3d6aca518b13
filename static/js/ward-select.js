/* The address forms (checkout, address book, the cooperative application):
 *   - the commune/ward select lists only the chosen province's communes; when the province
 *     changes, they are loaded from data-wards-url (/shop/places/wards/<province>/);
 *   - on the checkout's address page, the shipping fee to the chosen province is shown as
 *     soon as it is chosen (#shipping-estimate, data-estimate-url and data-template).
 * The page works without it: choosing the province and sending the form lists its communes. */
(function () {
    "use strict";
    var ward = document.getElementById("id_ward_code");
    var province = document.getElementById("id_province_code");
    if (!ward || !province) { return; }
    var estimate = document.getElementById("shipping-estimate");
    var placeholder = ward.options.length ? ward.options[0].text : "";

    function getJSON(url, done) {
        var request = new XMLHttpRequest();
        request.open("GET", url);
        request.setRequestHeader("Accept", "application/json");
        request.onload = function () {
            if (request.status === 200) { done(JSON.parse(request.responseText)); }
        };
        request.send();
    }

    function loadWards(code) {
        var kept = ward.value;
        var url = ward.getAttribute("data-wards-url").replace("PROVINCE", encodeURIComponent(code));
        getJSON(url, function (data) {
            if (province.value !== code) { return; }  // another province was chosen meanwhile
            ward.options.length = 0;
            ward.add(new Option(ward.getAttribute("data-placeholder") || placeholder, ""));
            data.wards.forEach(function (pair) {
                ward.add(new Option(pair[1], String(pair[0]), false, String(pair[0]) === kept));
            });
        });
    }

    function showEstimate(code) {
        if (!estimate || !code) { return; }
        var url = estimate.getAttribute("data-estimate-url") + "?province=" + encodeURIComponent(code);
        var name = province.options[province.selectedIndex].text;
        getJSON(url, function (data) {
            if (province.value !== code) { return; }
            estimate.textContent = estimate.getAttribute("data-template")
                .replace("%(province)s", name)
                .replace("%(fee)s", data.standard.fee)
                .replace("%(express)s", data.express.fee);
        });
    }

    province.addEventListener("change", function () {
        var code = province.value;
        if (code) {
            loadWards(code);
        } else {
            ward.options.length = 0;
            ward.add(new Option(placeholder, ""));
        }
        showEstimate(code);
    });
    if (province.value) { showEstimate(province.value); }
})();
