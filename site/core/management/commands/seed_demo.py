"""Load the demo data. Idempotent: running it twice leaves one copy of everything.

Each app contributes through an optional `demo` module with `seed(*, stdout)`; they run in
INSTALLED_APPS order, so the kernel (places, organizations, people) comes first.
"""

import importlib
import importlib.util

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from core import pagecache


class Command(BaseCommand):
    help = "Load idempotent demo data shaped like the source documents."

    def add_arguments(self, parser):
        parser.add_argument("--only", nargs="*", help="app labels to seed (default: all)")

    def handle(self, *args, only=None, **options):
        # The demo's notifications are real outbox rows; their emails stay in memory rather
        # than flooding the terminal of `make run`.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            self._seed(only)
        pagecache.invalidate()
        from core.demo_accounts import print_accounts

        print_accounts(self.stdout)

    def _seed(self, only):
        for config in apps.get_app_configs():
            if only and config.label not in only:
                continue
            module_name = f"{config.name}.demo"
            if importlib.util.find_spec(module_name) is None:
                continue
            module = importlib.import_module(module_name)
            with transaction.atomic():
                module.seed(stdout=self.stdout)
            self.stdout.write(f"  seeded {config.label}")
