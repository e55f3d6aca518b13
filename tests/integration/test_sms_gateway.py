"""Text messages reach the operator's SMS gateway as a JSON POST; a failing gateway raises
an error the worker retries. A real HTTP server on this machine plays the gateway."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from marketplace.tasks import sms_deliver


@pytest.fixture
def gateway(settings):
    received, answers = [], []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append({"headers": dict(self.headers), "body": json.loads(body)})
            self.send_response(answers.pop(0) if answers else 202)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SMS_BACKEND = "marketplace.sms.HttpBackend"
    settings.SMS_GATEWAY_URL = f"http://127.0.0.1:{server.server_port}/sms"
    settings.SMS_GATEWAY_TOKEN = "bi-mat"
    yield received, answers
    server.shutdown()


def test_a_message_is_posted_as_json_with_the_token(gateway):
    received, _answers = gateway

    sms_deliver(to="+84912345678", text="Chợ OCOP: lô CM-1 đã bị THU HỒI")

    (request,) = received
    assert request["body"] == {"to": "+84912345678", "text": "Chợ OCOP: lô CM-1 đã bị THU HỒI"}
    assert request["headers"]["Authorization"] == "Bearer bi-mat"
    assert request["headers"]["Content-Type"].startswith("application/json")


def test_a_gateway_error_raises_for_the_worker_to_retry(gateway):
    _received, answers = gateway
    answers.append(503)

    with pytest.raises(OSError, match="503"):
        sms_deliver(to="+84912345678", text="x")
