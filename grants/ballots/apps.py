from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BallotsConfig(AppConfig):
    name = "grants.ballots"
    label = "ballots"
    verbose_name = _("Household ballots")

    def ready(self) -> None:
        from accounts.access import access_community_worker, access_signed_in
        from accounts.links import register as register_link
        from core.schedule import register as register_job

        register_link(_("Household ballots"), "ballots:list", access_signed_in, order=40)
        register_link(_("Run ballots"), "ballots:manage_list", access_community_worker, order=41)
        # Every five minutes: a ballot's result is published soon after its announced close.
        register_job("ballots-close-due", "grants.ballots.tasks.close_due_ballots", 300.0)

        from .dashboard import register_figures

        register_figures()
        from projects.api.registry import register_router

        from .api import router

        register_router("ballots", router)
