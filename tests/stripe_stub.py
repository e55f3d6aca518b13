"""A stand-in for Stripe's servers (outside this machine), at the HTTP client level.

The real ``stripe`` library builds the requests and parses the answers; only the network
call is replaced. Webhooks are signed for real with the test secret (t=…,v1=HMAC-SHA256).
"""

import hashlib
import hmac
import json
import time
from urllib.parse import parse_qs

import stripe
from stripe._http_client import HTTPClient

WEBHOOK_SECRET = "whsec_test_ocop"


class StripeServer(HTTPClient):
    name = "stripe-stub"

    def __init__(self, session_url="https://checkout.stripe.com/c/pay/{id}", only_sessions=False):
        super().__init__()
        self.requests = []
        self.sessions = {}
        self.refunds = []
        self.reachable = True
        # Where the buyer is sent to pay (a browser test points it at the local server).
        self.session_url = session_url
        # Answer only the creation of Checkout Sessions; anything else is unreachable.
        self.only_sessions = only_sessions

    def request(self, method, url, headers, post_data=None, *, _usage=None):
        params = parse_qs(post_data or "")
        self.requests.append((method, url, params))
        if not self.reachable:
            raise stripe.APIConnectionError("Network error: connection refused")
        path = url.split("api.stripe.com", 1)[-1].split("?")[0]
        if self.only_sessions and not (method == "post" and path == "/v1/checkout/sessions"):
            raise stripe.APIConnectionError("Network error: only session creation is stubbed")
        if method == "post" and path == "/v1/checkout/sessions":
            number = params["metadata[order_number]"][0]
            session_id = f"cs_test_{number}"
            self.sessions[session_id] = {
                "id": session_id,
                "object": "checkout.session",
                "url": self.session_url.format(id=session_id),
                "currency": params["line_items[0][price_data][currency]"][0],
                "amount_total": int(params["line_items[0][price_data][unit_amount]"][0]),
                "payment_status": "unpaid",
                "status": "open",
                "payment_intent": None,
                "metadata": {"order_number": number},
            }
            return json.dumps(self.sessions[session_id]), 200, {}
        if method == "get" and path.startswith("/v1/checkout/sessions/"):
            session = self.sessions.get(path.rsplit("/", 1)[-1])
            if session is None:
                return json.dumps({"error": {"type": "invalid_request_error"}}), 404, {}
            return json.dumps(session), 200, {}
        if method == "post" and path == "/v1/refunds":
            refund = {
                "id": f"re_test_{len(self.refunds) + 1}",
                "object": "refund",
                "amount": int(params["amount"][0]),
                "payment_intent": params["payment_intent"][0],
                "status": "succeeded",
            }
            self.refunds.append(refund)
            return json.dumps(refund), 200, {}
        return json.dumps({"error": {"type": "invalid_request_error"}}), 404, {}

    def pay(self, session_id, payment_intent="pi_test_1"):
        """The buyer completes the payment on Stripe's page."""
        self.sessions[session_id].update(
            payment_status="paid", status="complete", payment_intent=payment_intent
        )
        return self.sessions[session_id]

    def posted(self, path):
        return [params for method, url, params in self.requests if url.endswith(path)]


def event(event_type, obj, event_id="evt_test_1"):
    return json.dumps(
        {
            "id": event_id,
            "object": "event",
            "type": event_type,
            "api_version": "2024-06-20",
            "created": int(time.time()),
            "data": {"object": obj},
        }
    )


def signature(payload, secret=WEBHOOK_SECRET, timestamp=None):
    """Return a Stripe-Signature header computed the way Stripe computes it."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    mac = hmac.new(secret.encode(), f"{timestamp}.{payload}".encode(), hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def charge(payment_intent, *, amount, amount_refunded, refund_ids=(), charge_id="ch_test_1"):
    """Return a Charge as Stripe sends it in ``charge.refunded`` (newest refund first)."""
    return {
        "id": charge_id,
        "object": "charge",
        "amount": amount,
        "amount_refunded": amount_refunded,
        "currency": "vnd",
        "payment_intent": payment_intent,
        "refunded": amount_refunded == amount,
        "refunds": {
            "object": "list",
            "data": [{"id": refund_id, "object": "refund"} for refund_id in refund_ids],
        },
    }


def dispute(payment_intent, *, amount, status="needs_response", dispute_id="dp_test_1"):
    """Return a Dispute as Stripe sends it in ``charge.dispute.created`` / ``closed``."""
    return {
        "id": dispute_id,
        "object": "dispute",
        "amount": amount,
        "currency": "vnd",
        "charge": "ch_test_1",
        "payment_intent": payment_intent,
        "reason": "product_not_received",
        "status": status,
    }
