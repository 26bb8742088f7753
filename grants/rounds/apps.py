from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoundsConfig(AppConfig):
    name = "grants.rounds"
    label = "rounds"
    verbose_name = _("Funding rounds")

    def ready(self):
        from accounts import links
        from accounts.access import access_org_member, access_reviewer, access_signed_in

        from . import figures

        links.register(_("My funding applications"), "rounds:dashboard", access_org_member, order=30)
        links.register(_("My reviews"), "rounds:review_queue", access_reviewer, order=31)
        links.register(_("Funding rounds"), "rounds:index", access_signed_in, order=32)
        figures.register()
        from cms import sections

        from .sections import open_rounds_section

        sections.register("rounds.open", "rounds/section_open.html", open_rounds_section, order=30)
        from projects.api.registry import register_router

        from .api import router

        register_router("rounds", router)
