from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    name = "projects.dashboard"
    label = "dashboard"
    verbose_name = _("Dashboard")

    def ready(self):
        from accounts import links
        from accounts.access import access_staff

        links.register(_("Dashboard"), "dashboard:index", access_staff, order=5)
