"""The test suite: fast hashing, mail kept in memory, Celery eager unless a test says otherwise."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-not-secret-" + "y" * 40
IDENTITY_HASH_KEY = "test-only-identity-key"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "test-media")  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {"version": 1, "disable_existing_loggers": False}
STATIC_ROOT = BASE_DIR / "var" / "test-static"  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
PAGE_CACHE_ENABLED = True

# Parallel workers (pytest-xdist) must not share a Redis database: tests clear the cache.
_worker = env("PYTEST_XDIST_WORKER", default="")
if REDIS_URL and _worker.startswith("gw"):  # noqa: F405
    import re as _re

    _base, _db = _re.match(r"^(.*?)(?:/(\d+))?$", REDIS_URL).groups()  # noqa: F405
    CACHES["default"]["LOCATION"] = f"{_base}/{int(_db or 0) + int(_worker[2:])}"  # noqa: F405
SMS_BACKEND = "notifications.sms.LocmemSmsBackend"
