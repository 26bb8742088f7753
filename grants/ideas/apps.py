from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "grants.ideas"
    label = "ideas"
    verbose_name = _("V益案 ideas")

    def ready(self) -> None:
        from accounts import links
        from accounts.access import access_signed_in
        from cms import sections
        from core.schedule import daily
        from core.schedule import register as register_job

        from . import figures
        from .access import access_idea_worker
        from .sections import open_call_section

        links.register(_("My ideas"), "ideas:mine", access_signed_in, order=20)
        links.register(_("Idea triage queue"), "ideas:queue", access_idea_worker, order=21)
        links.register(_("Enter a paper idea"), "ideas:enter", access_idea_worker, order=22)
        sections.register("ideas.call", "ideas/section_open.html", open_call_section, order=20)
        register_job("ideas-overdue-referrals", "grants.ideas.tasks.remind_overdue_referrals", daily(hour=8))
        figures.register()
        from projects.api.registry import register_router

        from .api import router

        register_router("ideas", router)
