"""Full-page cache for anonymous visitors, kept in the default cache (Redis in production).

Rules, each tested in tests/core/test_pagecache.py:
- only GET/HEAD from visitors who carry no session and no pending messages, so signed-in
  content is never stored or served; other cookies (analytics and the like) neither
  split nor bypass the cache, because Django never reads them;
- the language comes from the URL (i18n_patterns), so the URL is the whole key;
- only 200 responses that set no cookie (a page with a CSRF token sets one) are stored;
- every committed data change and every Wagtail publish bumps one generation counter;
  an entry stored under an older generation is never served again. A request stores the
  generation it read *before* rendering, so a change that commits mid-render also misses.
"""

import hashlib
import logging
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse

logger = logging.getLogger(__name__)
GENERATION_KEY = "pagecache:generation"
BYPASS_COOKIES = ("sessionid", "messages")
BYPASS_PREFIXES = ("/admin", "/django-admin", "/accounts", "/static", "/media", "/healthz")
# Rows that no public page shows; their churn must not empty the cache.
IGNORED_MODELS = {
    "sessions.session",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
    "otp_totp.totpdevice",
    "otp_static.staticdevice",
    "notifications.notification",
    "audit.auditevent",
}
SKIPPED_HEADERS = {"set-cookie", "vary", "x-page-cache"}


def _session_cookie_names() -> tuple[str, ...]:
    return (settings.SESSION_COOKIE_NAME, *BYPASS_COOKIES[1:])


def current_generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, secrets.randbelow(2**31))
        generation = cache.get(GENERATION_KEY)
    return str(generation)


def remember(key: str, compute, timeout: int = 3600, *, generation=None):
    """`compute()` once per data generation under `key` (any committed change renews it).
    The value must pickle; if it does not, it is returned uncached."""
    full_key = f"gen:{generation or current_generation()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        try:
            cache.set(full_key, value, timeout)
        except Exception:  # an unpicklable value is served, just not stored
            logger.warning("not cached: %s", key, exc_info=True)
    return value


def invalidate() -> None:
    """Make every stored page stale. Call after bulk writes that send no signals."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, secrets.randbelow(2**31), None)


def invalidate_on_commit() -> None:
    transaction.on_commit(invalidate)


def _on_change(sender, **kwargs) -> None:
    label = getattr(getattr(sender, "_meta", None), "label_lower", "")
    if label in IGNORED_MODELS:
        return
    invalidate_on_commit()


def connect_invalidation() -> None:
    post_save.connect(_on_change, dispatch_uid="pagecache-save")
    post_delete.connect(_on_change, dispatch_uid="pagecache-delete")
    m2m_changed.connect(_on_change, dispatch_uid="pagecache-m2m")
    from wagtail.signals import page_published, page_unpublished

    page_published.connect(_on_change, dispatch_uid="pagecache-publish")
    page_unpublished.connect(_on_change, dispatch_uid="pagecache-unpublish")


def _cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    if any(name in request.COOKIES for name in _session_cookie_names()):
        return False
    return not request.path.startswith(BYPASS_PREFIXES)


def _key(request) -> str:
    raw = f"{request.get_host()}|{request.get_full_path()}".encode()
    return "pagecache:page:" + hashlib.blake2b(raw, digest_size=16).hexdigest()


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        if generation is None:
            generation = current_generation()
        generation = str(generation)
        entry = found.get(key)
        if entry is not None and entry[0] == generation:
            status, headers, content = entry[1:]
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self._storable(request, response):
            headers = [(name, value) for name, value in response.items() if name.lower() not in SKIPPED_HEADERS]
            cache.set(
                key,
                (generation, response.status_code, headers, response.content),
                settings.PAGE_CACHE_SECONDS,
            )
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _storable(request, response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if getattr(request, "_page_cache_skip", False):
            return False
        user = getattr(request, "user", None)
        if user is not None and getattr(user, "is_authenticated", False):
            return False
        cache_control = response.get("Cache-Control", "")
        return "private" not in cache_control and "no-store" not in cache_control


def skip_page_cache(request) -> None:
    """Views whose anonymous output still varies per visitor call this."""
    request._page_cache_skip = True
