from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "projects.catalog"
    label = "catalog"
