"""Signed Stripe events built locally, and a localstripe server run in a thread on 127.0.0.1."""

import asyncio
import hashlib
import hmac
import json
import socket
import threading
import time
import uuid

WEBHOOK_SECRET = "whsec_test_donations_only"
SECRET_KEY = "sk_test_donations_only"
PUBLISHABLE_KEY = "pk_test_donations_only"


def sign(payload: bytes, secret: str = WEBHOOK_SECRET, timestamp: int | None = None) -> str:
    timestamp = int(time.time()) if timestamp is None else timestamp
    signature = hmac.new(secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={signature}"


def event(event_type: str, obj: dict, event_id: str | None = None) -> bytes:
    body = {
        "id": event_id or "evt_" + uuid.uuid4().hex[:20],
        "object": "event",
        "type": event_type,
        "created": int(time.time()),
        "data": {"object": obj},
    }
    return json.dumps(body).encode()


def intent(pi_id: str, *, amount: int, charge: str = "ch_test", error: str = "") -> dict:
    obj = {"id": pi_id, "object": "payment_intent", "amount": amount, "latest_charge": charge}
    if error:
        obj["last_payment_error"] = {"message": error}
    return obj


def charge(charge_id: str, *, pi_id: str, amount: int, refunded: int) -> dict:
    return {
        "id": charge_id,
        "object": "charge",
        "amount": amount,
        "amount_refunded": refunded,
        "payment_intent": pi_id,
        "refunded": refunded >= amount,
    }


def post_event(client, payload: bytes, *, signature: str | None = None):
    return client.post(
        "/donate/stripe/webhook/",
        data=payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=signature if signature is not None else sign(payload),
    )


class LocalStripe:
    """localstripe's aiohttp app on a free 127.0.0.1 port, in a thread with its own event loop.

    localstripe's app and store are module globals, so one server per process: `shared()`
    starts it on first use and stops it when the test process ends.
    """

    _shared = None

    @classmethod
    def shared(cls) -> "LocalStripe":
        if cls._shared is None:
            import atexit

            cls._shared = cls().start()
            atexit.register(cls._shared.stop)
        return cls._shared

    def __init__(self):
        from localstripe.resources import store

        # localstripe pickles its whole store to /tmp on every write; tests need none of that.
        store.dump_to_disk = lambda: None
        self.store = store
        self.loop = asyncio.new_event_loop()
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="localstripe", daemon=True)

    def _run(self):
        from aiohttp import web
        from localstripe.server import app

        asyncio.set_event_loop(self.loop)
        self.runner = web.AppRunner(app)
        self.loop.run_until_complete(self.runner.setup())
        self.loop.run_until_complete(web.TCPSite(self.runner, "127.0.0.1", self.port).start())
        self._ready.set()
        self.loop.run_forever()
        self.loop.run_until_complete(self.runner.cleanup())
        self.loop.close()

    def start(self):
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("localstripe did not start")
        return self

    def stop(self):
        def _shutdown():
            for task in asyncio.all_tasks(self.loop):
                task.cancel()
            self.loop.stop()

        self.loop.call_soon_threadsafe(_shutdown)
        self._thread.join(10)

    def register_webhook(self, url: str, secret: str = WEBHOOK_SECRET):
        import requests

        response = requests.post(
            f"{self.url}/_config/webhooks/donations", data={"url": url, "secret": secret}, timeout=5
        )
        response.raise_for_status()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class DeliveredEvents:
    """Records each webhook the live server finished handling, so tests wait without touching
    the database while the server thread writes (in-memory SQLite is shared between them)."""

    def __init__(self):
        self.outcomes: list[str] = []
        self._changed = threading.Condition()

    def wrap(self, receive):
        def recording(**kwargs):
            outcome = "error"
            try:
                outcome = receive(**kwargs)
                return outcome
            finally:
                with self._changed:
                    self.outcomes.append(outcome)
                    self._changed.notify_all()

        return recording

    def wait(self, outcome: str, timeout: float = 30.0) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: outcome in self.outcomes, timeout)
