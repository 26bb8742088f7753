"""Local development: SQLite, Celery eager, console mail, a fixed non-secret key."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-not-secret-" + "x" * 40)
IDENTITY_HASH_KEY = env("IDENTITY_HASH_KEY", default="dev-only-identity-key")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=False)
