from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "projects.dashboard"
    label = "dashboard"
