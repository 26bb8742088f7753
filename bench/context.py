"""The `ctx` handed to scenarios: where the server is, who to be, how long to load.

Sessions are made directly through Django's session engine (no login form, so no
throttling and no TOTP codes): the user's auth hash and, for staff, the OTP device id are
stored as a real sign-in would, which makes every run deterministic.
"""

import secrets
import string
from urllib.parse import urljoin

import requests

from . import wrk

CSRF_ALPHABET = string.ascii_letters + string.digits
SUPERUSER_ROLES = {"superuser", "admin"}


def csrf_header_name() -> str:
    """The request header Django reads the CSRF token from (settings.CSRF_HEADER_NAME)."""
    from django.conf import settings

    meta = settings.CSRF_HEADER_NAME
    if meta == "HTTP_X_CSRFTOKEN":
        return "X-CSRFToken"
    return meta.removeprefix("HTTP_").replace("_", "-")


def user_for_role(role: str):
    """The demo account holding `role` (see core.demo_accounts), else any user with that role."""
    from accounts.models import Role, User
    from core.demo_accounts import ACCOUNTS

    if role in SUPERUSER_ROLES:
        user = User.objects.filter(is_superuser=True, is_active=True).order_by("id").first()
        if user:
            return user
    for login, _name, kind, _two_factor in ACCOUNTS:
        if kind == role:
            user = User.objects.filter(username=login).first()
            if user:
                return user
    found = Role.objects.filter(kind=role, user__is_active=True).select_related("user").order_by("id").first()
    if found:
        return found.user
    user = User.objects.filter(username=role).first()
    if user:
        return user
    raise LookupError(f"no user for role {role!r}: neither a demo account nor any user holds it")


def create_session(user) -> str:
    """A signed-in session for `user` (with the TOTP step passed for staff); returns its key."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.middleware import needs_two_factor
    from core.demo_accounts import DEMO_TOTP_KEY_HEX

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "accounts.backends.PhoneOrEmailBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if needs_two_factor(user):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()
        if device is None:  # the bench database only: give the account the demo key
            device = TOTPDevice.objects.create(user=user, name="bench", key=DEMO_TOTP_KEY_HEX, confirmed=True)
        store[DEVICE_ID_SESSION_KEY] = device.persistent_id
    store.create()
    return store.session_key


class BenchClient(requests.Session):
    """A requests session on the live server: relative URLs, signed in, CSRF handled.

    It carries a CSRF cookie and sends the same secret in X-CSRFToken on every request, so
    POSTs pass Django's CSRF check without scraping a form first.
    """

    def __init__(
        self,
        base_url: str,
        *,
        session_key: str | None = None,
        session_cookie_name: str = "sessionid",
        csrf_cookie_name: str = "csrftoken",
        csrf_header: str = "X-CSRFToken",
    ):
        super().__init__()
        self.base_url = base_url.rstrip("/") + "/"
        self.csrf_token = "".join(secrets.choice(CSRF_ALPHABET) for _ in range(32))
        self.cookies.set(csrf_cookie_name, self.csrf_token, domain="127.0.0.1", path="/")
        self.headers[csrf_header] = self.csrf_token
        self.headers["Referer"] = self.base_url
        if session_key:
            self.cookies.set(session_cookie_name, session_key, domain="127.0.0.1", path="/")

    def request(self, method, url, *args, **kwargs):
        if not url.startswith(("http://", "https://")):
            url = urljoin(self.base_url, url.lstrip("/"))
        kwargs.setdefault("timeout", 60)
        return super().request(method, url, *args, **kwargs)


class BenchContext:
    """What a scenario sees. `base_url` is the server with the anonymous page cache on."""

    def __init__(self, *, base_url: str, size: int, duration: float, connections: int, threads: int = 1):
        self.base_url = base_url
        self.size = size
        self.duration = duration
        self.connections = connections
        self.threads = threads
        self._sessions: dict[str, str] = {}

    # -- who --------------------------------------------------------------------------
    def session_key(self, role: str) -> str:
        """The session key of a signed-in session for `role` (one per role and run)."""
        if role not in self._sessions:
            self._sessions[role] = create_session(user_for_role(role))
        return self._sessions[role]

    def session_cookie(self, role: str) -> str:
        """The Cookie header value for `role`: "sessionid=<key>" (e.g. wrk's -H 'Cookie: ...')."""
        from django.conf import settings

        return f"{settings.SESSION_COOKIE_NAME}={self.session_key(role)}"

    def user(self, role: str):
        return user_for_role(role)

    def client(self, role: str | None = None) -> BenchClient:
        from django.conf import settings

        return BenchClient(
            self.base_url,
            session_key=self.session_key(role) if role else None,
            session_cookie_name=settings.SESSION_COOKIE_NAME,
            csrf_cookie_name=settings.CSRF_COOKIE_NAME,
            csrf_header=csrf_header_name(),
        )

    # -- load -------------------------------------------------------------------------
    def headers_for(self, role: str | None) -> dict:
        return {"Cookie": self.session_cookie(role)} if role else {}

    def wrk(
        self,
        path: str,
        *,
        role: str | None = None,
        headers: dict | None = None,
        lua: str = "",
        duration: float | None = None,
        connections: int | None = None,
    ) -> dict:
        """Run wrk against `path` (as `role`) and return rps, p50_ms, p95_ms, errors...

        `lua` may define wrk's request/response hooks, e.g. for a POST burst:
        `wrk.method = "POST"; wrk.body = "..."; wrk.headers["Content-Type"] = "..."`.
        For a POST as a signed-in role, send the CSRF cookie and header too (see
        BenchClient); `ctx.csrf_headers(role)` returns both.
        """
        merged = {**self.headers_for(role), **(headers or {})}
        return wrk.run(
            self.base_url.rstrip("/") + path,
            duration=duration or self.duration,
            connections=connections or self.connections,
            threads=self.threads,
            headers=merged,
            lua=lua,
        )

    def csrf_headers(self, role: str | None = None) -> dict:
        """Headers that pass Django's CSRF check for a POST (and sign in as `role`)."""
        from django.conf import settings

        token = "".join(secrets.choice(CSRF_ALPHABET) for _ in range(32))
        cookie = f"{settings.CSRF_COOKIE_NAME}={token}"
        if role:
            cookie += f"; {self.session_cookie(role)}"
        return {"Cookie": cookie, csrf_header_name(): token, "Referer": self.base_url.rstrip("/") + "/"}
