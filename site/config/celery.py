"""The Celery application. Tasks stay thin: each one calls a service."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("yichuang")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
