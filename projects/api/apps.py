from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "projects.api"
    label = "api"
