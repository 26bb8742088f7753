from django.apps import AppConfig


class ContractsConfig(AppConfig):
    name = "grants.contracts"
    label = "contracts"
