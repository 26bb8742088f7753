from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ContractsConfig(AppConfig):
    name = "grants.contracts"
    label = "contracts"
    verbose_name = _("Purchase of services")

    def ready(self):
        from accounts import links
        from accounts.access import access_staff
        from core import schedule
        from projects.catalog import panels

        from . import figures, selectors
        from .access import access_contract_party

        links.register(_("Contracts"), "contracts:index", access_contract_party, order=35)
        links.register(_("Purchase approvals"), "contracts:approvals", access_staff, order=36)
        panels.register("contracts.contract", "contracts/panels/contract.html", selectors.panel_contract, order=20)
        panels.register("contracts.progress", "contracts/panels/progress.html", selectors.panel_progress, order=30)
        panels.register("contracts.tranches", "contracts/panels/tranches.html", selectors.panel_tranches, order=40)
        panels.register("contracts.spending", "contracts/panels/spending.html", selectors.panel_spending, order=50)
        figures.register()
        from projects.catalog import chain

        chain.register("contract", _("Purchase contract"), _contract_step, order=40)
        schedule.register("contracts-report-reminders", "contracts.tasks.report_reminders", schedule.daily(hour=8))
        from projects.api.registry import register_router

        from .api import router

        register_router("contracts", router)
        schedule.register("contracts-publish-summaries", "contracts.tasks.publish_summaries", schedule.daily(hour=7))


def _contract_step(project):
    """The project's contract in its chain (idea > application > award > contract): one query."""
    from .models import Contract

    row = Contract.objects.filter(project_id=project.pk).values_list("pk", "summary_published_on").first()
    if row is None:
        return None
    pk, published = row
    return reverse("contracts:public_detail", kwargs={"pk": pk}) if published else ""
