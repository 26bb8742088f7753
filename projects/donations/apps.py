from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DonationsConfig(AppConfig):
    name = "projects.donations"
    label = "donations"
    verbose_name = _("Donations")

    def ready(self) -> None:
        from celery.schedules import crontab

        from accounts.access import access_operator
        from accounts.links import register as register_link
        from core.schedule import register as register_job
        from projects.catalog.panels import register as register_panel
        from projects.dashboard.registry import register as register_figure

        from .dashboard import FIGURES
        from .panels import project_panel

        register_panel("donations", "donations/panel.html", project_panel, order=60)
        for figure in FIGURES:
            register_figure(figure)
        register_link(_("Donations ledger"), "donations:ledger", access_operator, order=60)
        register_job("donations-receipts-sweep", "donations.tasks.sweep_receipts", crontab(minute="*/10"))
