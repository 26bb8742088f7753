from django.apps import AppConfig


class IdeasConfig(AppConfig):
    name = "grants.ideas"
    label = "ideas"
