"""GS1's resolver test suite, replayed: each check of GS1DL-resolver-testsuite (commit
e3485a5) for a GTIN, a GTIN with a lot and a GTIN with a serial number.

Each ``check_*`` function makes the request ``GS1DigitalLinkResolverTestSuite.js`` makes
through ``tester.php`` (same method, same headers: curl's ``Accept: */*`` where the suite
sets none, ``Origin`` on every request, redirects not followed) and passes or fails on
the suite's own condition. The test ids are the suite's. Checks that need the network or
the live server (``tlsOK``, ``httpVersion``, ``isHttps``) are not replayed: production
refuses a ``SITE_URL`` that is not public https (``check --deploy``).
"""

import json
import re
from pathlib import Path
from urllib.parse import quote

import jsonschema
import pytest
from django.conf import settings

from tests.factories import ocop_certificate, trace_batch

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent.parent / "data" / "gs1"
LINKSET_SCHEMA = json.loads((DATA / "gs1-linkset-schema.json").read_text())
DESCRIPTION_SCHEMA = json.loads((DATA / "description-file-schema-excerpt.json").read_text())
RATIFIED = set(json.loads((DATA / "link-types.json").read_text())["linkTypes"])
ORIGIN = "https://ref.gs1.org/test-suites/resolver/"
CURL = {"HTTP_ACCEPT": "*/*", "HTTP_ORIGIN": ORIGIN}
GTIN14 = "08934567890120"
LOT = "CM-2026-11"
# The suite's regular expression RE2 (GS1 Digital Link 1.2, numeric primary keys).
PLAUSIBLE_DL = re.compile(
    r"^https?:(\/\/((([^\/?#]*)@)?([^\/?#:]*)(:([^\/?#]*))?))?([^?#]*)(((\/(01|8006|8013|8010|"
    r"414|417|8017|8018|255|00|253|401|402|8003|8004)\/)(\d{4}[^\/]+)(\/[^/]+\/[^/]+)?[/]?"
    r"(\?([^?\n]*))?(#([^\n]*))?))",
    re.IGNORECASE,
)
SUITE_NAMESPACES = re.compile(r"https:\/\/((ref\.)|(www\.))?gs1\.org\/voc\/", re.IGNORECASE)

DIGITAL_LINKS = {
    "gtin": f"/01/{GTIN14}",
    "gtin+lot": f"/01/{GTIN14}/10/{LOT}",
    "gtin+serial": f"/01/{GTIN14}/21/SN-000123",
}


def site(path):
    return settings.SITE_URL + path


def strip_query(url):
    return url.split("?", 1)[0]


def path_of(url):
    return url.removeprefix(settings.SITE_URL)


def strip_link_type(url, link_type):
    """The suite's ``stripLinkType``: drop ``?linkType=`` (or ``&linkType=``) and after."""
    if not url:
        return url
    for value in (link_type, quote(link_type, safe="")):
        if f"?linkType={value}" in url:
            return strip_query(url)
        if f"&linkType={value}" in url:
            return url[: url.index(f"&linkType={value}")]
    return url


class Suite:
    """The checks of GS1DigitalLinkResolverTestSuite.js against one Digital Link URI."""

    def __init__(self, client, dl):
        self.client, self.dl = client, dl
        self.results = {}

    def record(self, test_id, passed, detail=""):
        self.results[test_id] = ("pass" if passed else "fail", detail)

    def get(self, url, **headers):
        return self.client.get(path_of(url), **{**CURL, **headers})

    # Checks made on the URI alone.
    def check_uri(self):
        self.record("plausibleDL", bool(PLAUSIBLE_DL.match(self.dl)), self.dl)
        gtin = re.search(r"/01/(\d+)", self.dl).group(1)
        self.record("validDL", len(gtin) == 14, "GTIN expressed in 14 digits")

    def check_rd_file(self):
        response = self.client.get("/.well-known/gs1resolver", HTTP_ACCEPT="application/json",
                                   HTTP_ORIGIN=ORIGIN)  # fmt: skip
        data = response.json()
        errors = list(jsonschema.Draft7Validator(DESCRIPTION_SCHEMA).iter_errors(data))
        self.record("rdFile", response.status_code == 200 and not errors, errors)

    def check_headers(self):
        """headerBasedChecks: an OPTIONS request, as tester.php's getCorsHeaders makes it."""
        response = self.client.options(
            path_of(strip_query(self.dl)),
            HTTP_ORIGIN=ORIGIN,
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET,HEAD,OPTIONS",
        )
        self.record("corsCheck", bool(response.get("Access-Control-Allow-Origin")))
        methods = response.get("Access-Control-Allow-Methods", "")
        self.record("methodsCheck", all(m in methods for m in ("GET", "HEAD", "OPTIONS")))
        links = [link + '"' for link in response.get("Link", "").split('",')]
        self.record("linkOnRedirect", any('rel="linkset"' in link for link in links))
        self.record("legacyLinkHeaders", not any('rel="gs1:' in link for link in links))

    def check_error_codes(self):
        status = self.get(strip_query(self.dl) + "/foo").status_code
        self.record("reportWith400", status == 400, status)
        self.record("noErrorWith200", status != 200, status)

    def check_trailing_slash(self):
        no_slash = strip_query(self.dl).removesuffix("/")
        plain, slashed = self.get(no_slash), self.get(no_slash + "/")
        self.record(
            "trailingSlash",
            plain.status_code == slashed.status_code
            and plain.get("Location") == slashed.get("Location"),
        )

    def check_walk_up(self):
        gtin_uri = self.dl[: self.dl.index("/01/") + 4 + 14]
        status = self.get(f"{gtin_uri}/10/KL8G").status_code
        self.record("basicWalkUp", status != 404, status)

    def check_query_passed_on(self):
        response = self.get(strip_query(self.dl) + "?foo=bar")
        self.record("qsPassedOn", "foo=bar" in response.get("Location", ""), response.status_code)

    def check_linkset_requests(self):
        status = self.get(strip_query(self.dl) + "?linkType=linkset").status_code
        self.record("ltLinksetNoRedirect", status == 200, status)
        response = self.get(strip_query(self.dl) + "?linkType=all",
                            HTTP_ACCEPT="application/linkset+json")  # fmt: skip
        self.record("ltAcceptHeader", response.status_code == 200, response.status_code)

    def check_linkset(self):
        """fetchAndValidateTheLinkset, then linksetTests on the linkset it got."""
        response = self.get(strip_query(self.dl), HTTP_ACCEPT="application/linkset+json")
        linkset = json.loads(response.content)
        errors = list(jsonschema.Draft7Validator(LINKSET_SCHEMA).iter_errors(linkset))
        self.record("validLinkset", not errors, [e.message for e in errors])
        links = response.get("Link", "").split(",")
        self.record("linksetJsonldCheck", any(
            'rel="http://www.w3.org/ns/json-ld#context"' in link
            and 'type="application/ld+json"' in link for link in links
        ))  # fmt: skip
        content_type = response.get("Content-Type", "")
        self.record("declaredContentType", content_type.startswith("application/linkset+json"))
        if not errors:
            self.linkset_tests(linkset)

    def linkset_tests(self, linkset):
        working = json.loads(SUITE_NAMESPACES.sub("gs1:", json.dumps(linkset)))
        current = strip_query(self.dl)
        segments = current.removeprefix(settings.SITE_URL).split("/")
        seen = []
        self.record("defaultLinkExists", False)
        while len(segments) > 2:
            for entry in working["linkset"]:
                if entry["anchor"] != current:
                    continue
                for link_type, targets in entry.items():
                    if link_type in ("anchor", "itemDescription", "description"):
                        continue
                    if link_type in seen:
                        continue
                    seen.append(link_type)
                    if link_type == "gs1:defaultLink":
                        self.record("defaultLinkExists", True)
                        self.record("singleDefaulLink", len(targets) == 1)
                        if len(targets) == 1:
                            location = self.get(strip_query(self.dl)).get("Location")
                            self.record("defaultTarget", location == targets[0]["href"],
                                        (location, targets[0]["href"]))  # fmt: skip
                            self.record(
                                "defaultLinkAttributes", set(targets[0]) == {"href", "title"}
                            )
                    elif len(targets) == 1:
                        self.single_link(link_type, targets[0]["href"])
                    else:
                        self.multiple_links(link_type, targets)
            current = current.rsplit("/", 2)[0]
            segments = segments[:-2]
        self.record("linkTypesDefined", all(t.removeprefix("gs1:") in RATIFIED for t in seen), seen)

    def single_link(self, link_type, href):
        response = self.get(strip_query(self.dl) + "?linkType=" + link_type)
        location = response.get("Location")
        self.record(
            "loFor" + link_type.replace(":", ""),
            strip_link_type(location, link_type) == strip_link_type(href, link_type),
            (response.status_code, location, href),
        )

    def multiple_links(self, link_type, targets):
        def attributes(target):
            return (target.get("type"), tuple(target.get("hreflang") or ()),
                    tuple(target.get("context") or ()))  # fmt: skip

        for n, target in enumerate(targets):
            twins = [t for t in targets if t is not target and attributes(t) == attributes(target)]
            headers = {}
            if target.get("type"):
                headers["HTTP_ACCEPT"] = target["type"]
            if target.get("hreflang"):
                headers["HTTP_ACCEPT_LANGUAGE"] = target["hreflang"][0]
            response = self.get(strip_query(self.dl) + "?linkType=" + quote(link_type, safe=""),
                                **headers)  # fmt: skip
            test_id = "loFor" + link_type.replace(":", "") + str(n)
            if twins:
                self.record(test_id, response.status_code == 300, response.status_code)
            else:
                location = response.get("Location")
                self.record(test_id, strip_link_type(location, link_type)
                            == strip_link_type(target["href"], link_type), location)  # fmt: skip

    def check_404(self):
        status = self.get(strip_query(self.dl) + "?linkType=gs1:nosuchlt").status_code
        self.record("specificLinkTypeNotFound", status == 404, status)

    def run(self):
        self.check_uri()
        self.check_rd_file()
        self.check_headers()
        self.check_error_codes()
        self.check_trailing_slash()
        self.check_walk_up()
        self.check_query_passed_on()
        self.check_linkset_requests()
        self.check_linkset()
        self.check_404()
        return self.results


# What each Digital Link URI must pass: every check of the suite that applies to it.
EXPECTED = {
    "plausibleDL", "validDL", "rdFile", "corsCheck", "methodsCheck", "linkOnRedirect",
    "legacyLinkHeaders", "reportWith400", "noErrorWith200", "trailingSlash", "basicWalkUp",
    "qsPassedOn", "ltLinksetNoRedirect", "ltAcceptHeader", "validLinkset", "linksetJsonldCheck",
    "declaredContentType", "defaultLinkExists", "singleDefaulLink", "defaultTarget",
    "defaultLinkAttributes", "linkTypesDefined", "specificLinkTypeNotFound",
}  # fmt: skip


@pytest.fixture
def lot(cooperative):
    batch = trace_batch(cooperative=cooperative, upc=GTIN14[1:], lot_code=LOT,
                        kinds=["harvest", "packing"], photos_per_event=0)  # fmt: skip
    ocop_certificate(product=batch.product, stars=4)
    return batch


@pytest.fixture
def suite_results(client, lot):
    def run(kind):
        return Suite(client, site(DIGITAL_LINKS[kind])).run()

    return run


@pytest.mark.parametrize("kind", DIGITAL_LINKS)
def test_every_check_of_gs1s_resolver_test_suite_passes(suite_results, kind):
    results = suite_results(kind)

    failed = {test_id: detail for test_id, (status, detail) in results.items() if status != "pass"}
    assert not failed, failed
    assert EXPECTED <= set(results)


@pytest.mark.parametrize("kind", DIGITAL_LINKS)
def test_each_link_type_of_the_linkset_redirects_to_its_link(suite_results, kind):
    results = suite_results(kind)
    link_checks = {k for k in results if k.startswith("loFor")}

    assert {"loForgs1pip", "loForgs1traceability", "loForgs1certificationInfo"} <= link_checks
    if kind == "gtin+lot":
        assert "loForgs1epcis" in link_checks


def test_the_suites_model_linkset_and_gs1s_examples_check_the_schema_wiring():
    validator = jsonschema.Draft7Validator(LINKSET_SCHEMA)
    assert validator.is_valid(json.loads((DATA / "test-suite-model-linkset.json").read_text()))
    assert validator.is_valid(json.loads((DATA / "valid-gs1-example.json").read_text()))
    assert not validator.is_valid(json.loads((DATA / "invalid-gs1-example.json").read_text()))
